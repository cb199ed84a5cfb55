# copy (stub)
