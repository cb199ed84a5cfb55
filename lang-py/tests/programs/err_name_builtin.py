lenn([1])
