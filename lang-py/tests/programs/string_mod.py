import string
print(string.ascii_letters, string.digits, string.punctuation, string.hexdigits, string.octdigits)
print(string.capwords("hello big world"), len(string.printable), repr(string.whitespace))
table = str.maketrans("abc", "xyz")
print("aabbcc".translate(table), "hello".translate(str.maketrans({"l": None})))
