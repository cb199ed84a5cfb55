from collections import Counter
text = """Python is a programming language that lets you work quickly and integrate systems more effectively.
Python is powerful and fast, plays well with others, runs everywhere, is friendly and easy to learn, is open."""
words = [w.strip(".,").lower() for w in text.split()]
c = Counter(words)
print(c.most_common(4))
print(sorted(w for w, n in c.items() if n > 1))
lengths = Counter(len(w) for w in words)
print(sorted(lengths.items()))
letters = Counter(ch for ch in text.lower() if ch.isalpha())
print(letters.most_common(3), letters["z"], sum(letters.values()))
