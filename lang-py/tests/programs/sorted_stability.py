recs = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1), ("c", 2)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[0]))
print(sorted(sorted(recs, key=lambda r: r[0]), key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
words = ["bb", "a", "ccc", "dd", "e", "fff"]
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
nums = [3, -1, 2, -3, 1, -2]
print(sorted(nums, key=abs), sorted(nums, key=lambda n: (abs(n), n)), max(nums, key=abs), min(nums, key=abs))
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted("Banana"), sorted(["b", "B", "a", "A"]), sorted([True, False, 0, 1]))
