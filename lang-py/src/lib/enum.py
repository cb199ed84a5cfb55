# enum: Enum, IntEnum, Flag, IntFlag, auto and unique.
#
# CPython builds enums with a metaclass (EnumType). This runtime has no
# metaclasses, so Enum.__init_subclass__ turns the class body's names into
# members, and the class-level protocol (iteration, len, `in`, `Color[name]`)
# goes through hooks the prelude honours on class objects: `__class_iter__`,
# `__class_len__`, `__class_contains__`, `__class_reversed__` (and
# `__class_getitem__`, which Python has anyway). Built-in types cannot be
# subclassed here yet, so IntEnum, IntFlag and StrEnum members are not int
# or str instances: they delegate arithmetic, comparison, hashing and
# formatting to their value.

__all__ = ['Enum', 'IntEnum', 'Flag', 'IntFlag', 'auto', 'unique', 'EnumMeta',
           'EnumType', 'StrEnum']


class auto:
    _counter = 0

    def __init__(self):
        auto._counter += 1
        self._order = auto._counter
        self.value = None

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__')
            or callable(obj) or isinstance(obj, (staticmethod, classmethod, property)))


class Enum:
    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get('_is_base_', False):
            cls._member_names_ = []
            cls._member_map_ = {}
            cls._value2member_map_ = {}
            return
        for base in cls.__mro__[1:]:
            if base.__dict__.get('_member_names_'):
                raise TypeError('%s: cannot extend %r' % (cls.__name__, base))
        names = []
        values = []
        for name, value in list(cls.__dict__.items()):
            if _is_dunder(name) or _is_sunder(name) or name.startswith('_%s__' % cls.__name__):
                continue
            if isinstance(value, auto):
                names.append(name)
                values.append(value)
                continue
            if _is_descriptor(value):
                continue
            names.append(name)
            values.append(value)
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        last = []
        for name, value in zip(names, values):
            if isinstance(value, auto):
                value = cls._generate_next_value_(name, 1, len(last), last[:])
            last.append(value)
            if name in cls._member_map_:
                raise TypeError('%r already defined as %r' % (name, cls._member_map_[name]))
            alias = None
            for m in cls._member_map_.values():
                if m._value_ == value:
                    alias = m
                    break
            if alias is not None:
                cls._member_map_[name] = alias
                setattr(cls, name, alias)
                continue
            member = cls._new_member_(value)
            member._name_ = name
            member._value_ = value
            cls._member_names_.append(name)
            cls._member_map_[name] = member
            try:
                cls._value2member_map_[value] = member
            except TypeError:
                pass
            setattr(cls, name, member)

    @classmethod
    def _new_member_(cls, value):
        m = object.__new__(cls)
        init = cls.__dict__.get('__init__')
        if init is not None:
            if isinstance(value, tuple):
                init(m, *value)
            else:
                init(m, value)
        return m

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    def __new__(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for m in cls._member_map_.values():
            if m._value_ == value:
                return m
        missing = cls._missing_(value)
        if isinstance(missing, cls):
            return missing
        raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))

    def __init__(self, *args, **kwargs):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    def __reduce_ex__(self, proto):
        return (type(self), (self._value_,))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # The class-level protocol (see the module comment).

    @classmethod
    def __class_iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    @classmethod
    def __class_len__(cls):
        return len(cls._member_names_)

    @classmethod
    def __class_contains__(cls, member):
        if isinstance(member, cls):
            return member._name_ in cls._member_map_
        return any(m._value_ == member for m in cls._member_map_.values())

    @classmethod
    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    @classmethod
    def __class_reversed__(cls):
        return iter([cls._member_map_[n] for n in reversed(cls._member_names_)])


Enum._is_base_ = True


def _value_of(x):
    return x._value_ if isinstance(x, Enum) else x


class _ValueDelegate:
    # Arithmetic and comparison of members that stand for their value.
    def __int__(self):
        return int(self._value_)

    def __index__(self):
        return int(self._value_)

    def __float__(self):
        return float(self._value_)

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        if isinstance(other, Enum) and not isinstance(other, _ValueDelegate):
            return False
        return self._value_ == _value_of(other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return self._value_ < _value_of(other)

    def __le__(self, other):
        return self._value_ <= _value_of(other)

    def __gt__(self, other):
        return self._value_ > _value_of(other)

    def __ge__(self, other):
        return self._value_ >= _value_of(other)

    def __add__(self, other):
        return self._value_ + _value_of(other)

    def __radd__(self, other):
        return _value_of(other) + self._value_

    def __sub__(self, other):
        return self._value_ - _value_of(other)

    def __rsub__(self, other):
        return _value_of(other) - self._value_

    def __mul__(self, other):
        return self._value_ * _value_of(other)

    def __rmul__(self, other):
        return _value_of(other) * self._value_

    def __truediv__(self, other):
        return self._value_ / _value_of(other)

    def __floordiv__(self, other):
        return self._value_ // _value_of(other)

    def __mod__(self, other):
        return self._value_ % _value_of(other)

    def __neg__(self):
        return -self._value_

    def __abs__(self):
        return abs(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


class IntEnum(_ValueDelegate, Enum):
    _is_base_ = True

    def __str__(self):
        return repr(self._value_)


class StrEnum(_ValueDelegate, Enum):
    _is_base_ = True

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __str__(self):
        return self._value_

    def __len__(self):
        return len(self._value_)


class Flag(Enum):
    _is_base_ = True

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = 0
        for v in last_values:
            high = max(high, v.bit_length())
        return 1 << high

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        all_bits = 0
        for m in cls._member_map_.values():
            all_bits |= m._value_
        if value & ~all_bits:
            return None
        pseudo = cls._new_member_(value)
        names = [m._name_ for m in cls._member_map_.values()
                 if m._value_ and m._value_ & value == m._value_ and bin(m._value_).count('1') == 1]
        pseudo._name_ = '|'.join(names) if names else None
        pseudo._value_ = value
        cls._value2member_map_[value] = pseudo
        return pseudo

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __or__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ ^ other._value_)

    def __invert__(self):
        all_bits = 0
        for m in type(self)._member_map_.values():
            all_bits |= m._value_
        return type(self)(all_bits & ~self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __iter__(self):
        return iter([m for m in type(self)._member_map_.values()
                     if m._value_ and m._value_ & self._value_ == m._value_
                     and bin(m._value_).count('1') == 1])

    def __len__(self):
        return bin(self._value_).count('1')

    def __repr__(self):
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)


class IntFlag(_ValueDelegate, Flag):
    _is_base_ = True

    def __or__(self, other):
        return type(self)(self._value_ | _value_of(other))

    __ror__ = __or__

    def __and__(self, other):
        return type(self)(self._value_ & _value_of(other))

    __rand__ = __and__

    def __str__(self):
        return repr(self._value_)


def unique(enumeration):
    dups = []
    for name, member in enumeration._member_map_.items():
        if name != member._name_:
            dups.append((name, member._name_))
    if dups:
        raise ValueError("duplicate values found in <enum '%s'>: %s" % (
            enumeration.__name__, ', '.join('%s -> %s' % d for d in dups)))
    return enumeration


EnumMeta = type
EnumType = type
