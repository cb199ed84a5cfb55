class AppError(Exception):
    pass
def run():
    raise AppError("something failed")
try:
    run()
except AppError as e:
    print("caught once:", e)
run()
