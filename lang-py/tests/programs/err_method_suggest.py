x = "a"
x.uper()
