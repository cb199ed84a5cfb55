class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None
class BST:
    def __init__(self):
        self.root = None
        self.size = 0
    def insert(self, key):
        self.size += 1
        if self.root is None:
            self.root = Node(key)
            return
        n = self.root
        while True:
            if key < n.key:
                if n.left is None:
                    n.left = Node(key)
                    return
                n = n.left
            else:
                if n.right is None:
                    n.right = Node(key)
                    return
                n = n.right
    def inorder(self, n=None, first=True):
        if first:
            n = self.root
        if n is None:
            return []
        return self.inorder(n.left, False) + [n.key] + self.inorder(n.right, False)
    def height(self, n=None, first=True):
        if first:
            n = self.root
        if n is None:
            return 0
        return 1 + max(self.height(n.left, False), self.height(n.right, False))
    def __contains__(self, key):
        n = self.root
        while n:
            if key == n.key:
                return True
            n = n.left if key < n.key else n.right
        return False
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k)
print(t.inorder(), t.height(), t.size, 45 in t, 99 in t)
def make_tree(depth):
    if depth == 0:
        return None
    return (make_tree(depth - 1), depth, make_tree(depth - 1))
def count(t):
    return 0 if t is None else 1 + count(t[0]) + count(t[2])
print(count(make_tree(10)))
