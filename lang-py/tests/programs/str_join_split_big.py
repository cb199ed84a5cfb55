words = ["w%d" % i for i in range(1000)]
text = " ".join(words)
print(len(text), text[:20], text[-10:])
back = text.split(" ")
print(back == words, len(back), text.count("w9"), text.find("w500"))
csv_line = ",".join(str(i * i) for i in range(20))
print(csv_line, sum(int(x) for x in csv_line.split(",")))
lines = "\n".join("line %d" % i for i in range(5))
print(lines.splitlines(), lines.upper().split("\n")[2])
