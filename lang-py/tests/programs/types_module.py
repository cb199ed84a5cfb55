import types
ns = types.SimpleNamespace(a=1, b='x')
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x', c=[1]))
try:
    types.SimpleNamespace({'q': 2})
except TypeError as e:
    print('TypeError:', e)
def f(): pass
def g(): yield 1
class K:
    def m(self): pass
print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType), isinstance(g(), types.GeneratorType))
print(isinstance(K().m, types.MethodType), isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
print(type(None) is types.NoneType, isinstance(f, types.MethodType), isinstance(K, types.FunctionType))
C = type('C', (), {'x': 5, 'hello': lambda self: 'hi'})
print(C.x, C().hello(), C.__name__)
