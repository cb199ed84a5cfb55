values = [10, 20, 30]
def get(i):
    return values[i]
print(get(1))
print(get(5))
