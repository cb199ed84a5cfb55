# string (stub)
