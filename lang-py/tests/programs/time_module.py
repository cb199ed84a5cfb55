import time
t0 = time.time()
p0 = time.perf_counter()
s = sum(range(10000))
t1 = time.time()
p1 = time.perf_counter()
print(s, t1 >= t0, p1 >= p0, type(t0).__name__, type(p0).__name__)
time.sleep(0.01)
print(time.perf_counter() - p0 > 0.005)
