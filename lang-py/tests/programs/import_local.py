import _helper_mod
import _helper_mod as hm
from _helper_mod import greet, Shape as S, VALUE
print(_helper_mod.VALUE, hm is _helper_mod, greet("py"), S(4).describe(), VALUE)
print(hm.bump(), hm.bump(), _helper_mod.counter)
from _helper_mod import *
print(greet("star"), "_private" in dir(_helper_mod))
import math, sys
print(type(math).__name__, "math" in sys.modules, __name__)
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
try:
    from _helper_mod import missing_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
if __name__ == "__main__":
    print("main guard ran")
