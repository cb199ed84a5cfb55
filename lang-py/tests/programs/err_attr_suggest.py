class T:
    def __init__(self):
        self.color = 1
t = T()
print(t.colour)
