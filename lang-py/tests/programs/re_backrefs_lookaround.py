import re
print(re.findall(r'(\w)\1', 'aabbcdde'))
print(re.sub(r'(?<=a)b', 'X', 'abab cb'))
print(re.search(r'foo(?!bar)', 'foobar foobaz').span())
m = re.match(r'(?P<w>\w+) (?P=w)', 'hello hello world')
print(m.group(0), m.group('w'))
print(re.fullmatch(r'(a|b)\1+', 'aaaa') is not None, re.fullmatch(r'(a|b)\1+', 'abab'))
print(re.split(r'(?<=,)', 'a,b,c'))
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'one two three four'))
print(re.findall(r'\b(\w+)\s+\1\b', 'the the cat sat sat on'))
print([m.span() for m in re.finditer(r'(?<!\d)\d{2}(?!\d)', '1 22 333 44')])
p = re.compile(r'^(?=.*\d)(?=.*[a-z]).{6,}$')
print([bool(p.match(s)) for s in ['abc123', 'abcdef', '123456', 'a1']])
try:
    re.compile(r'(a)\2')
except re.error as e:
    print('re.error raised')
