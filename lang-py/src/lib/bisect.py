# bisect (stub)
