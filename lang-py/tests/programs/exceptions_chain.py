def fetch(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise LookupError(f"no entry for {key}") from e
try:
    fetch("b")
except LookupError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__cause__)
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table):
        super().__init__("table " + table)
        self.table = table
def query():
    raise DbError("users")
for exc_type in (DbError, AppError, Exception):
    try:
        query()
    except exc_type as e:
        print("caught as", exc_type.__name__, e.table, e.args)
try:
    raise AppError("plain")
except DbError:
    print("wrong")
except AppError as e:
    print("right", e)
def cleanup_order():
    log = []
    try:
        try:
            log.append("try")
            raise ValueError("x")
        except ValueError:
            log.append("except")
            raise
        finally:
            log.append("inner finally")
    except ValueError:
        log.append("outer except")
    finally:
        log.append("outer finally")
    return log
print(cleanup_order())
def swallow():
    try:
        return 1 / 0
    except ZeroDivisionError:
        return "swallowed"
    finally:
        print("finally runs before return")
print(swallow())
e = ValueError("saved")
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.args)
