import sys
print(len(sys.argv), sys.argv[0].endswith("argv_test.py"), sys.argv[1:])
print(sys.maxsize, sys.version_info[0], type(sys.path).__name__, "sys" in sys.modules)
