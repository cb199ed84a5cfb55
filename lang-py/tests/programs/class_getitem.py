class A:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(A[1])
class B:
    @classmethod
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(B[2])
class C(A): pass
print(C[3])
