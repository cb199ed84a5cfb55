class Node:
    __slots_like__ = ("val", "next")
    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        n = self.head
        while n is not None:
            yield n.val
            n = n.next
    def __len__(self):
        return self.size
    def reverse(self):
        prev = None
        cur = self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def __repr__(self):
        return " -> ".join(map(str, self)) or "empty"
    def find(self, v):
        for i, x in enumerate(self):
            if x == v:
                return i
        return -1
ll = LinkedList([1, 2, 3, 4])
print(ll, len(ll), ll.find(3), ll.find(9))
ll.reverse()
print(ll, list(ll), sum(ll))
ll.push(0)
print(ll, LinkedList(), max(ll))
