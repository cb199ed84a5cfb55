counter = 0
items = []
def add(x):
    global counter
    counter += 1
    items.append(x)
def reset():
    global counter, items
    counter = 0
    items = []
for v in "abc":
    add(v)
print(counter, items)
reset()
print(counter, items)
add(1)
print(counter, items)
