import functools


def area(r):
    """Area of a circle of radius r."""
    return 3 * r * r


def nodoc(x):
    x = "not a docstring"
    return x


class Shape:
    """A shape.

    With a longer description.
    """

    def size(self):
        'Its size.'
        return 0


class Plain:
    x = 1


def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a):
        return fn(*a)
    return wrapper


@deco
def wrapped(a):
    """Wrapped function's doc."""
    return a


print(area.__doc__, nodoc.__doc__, repr(Shape.__doc__), Shape.size.__doc__, Shape().size.__doc__)
print(Plain.__doc__, wrapped.__doc__, wrapped.__name__, (lambda: 0).__doc__)
area.__doc__ = "changed"
print(area.__doc__, help if False else "")
print(Plain().__doc__, repr(Shape().__doc__)[:10], type(area).__name__, int.__doc__ is None or len(int.__doc__) > 0)
