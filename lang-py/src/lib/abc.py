# abc: ABC and abstractmethod (abstractness is recorded, not enforced at instantiation).
class ABCMeta(type):
    pass


class ABC:
    pass


def abstractmethod(f):
    f.__isabstractmethod__ = True
    return f
