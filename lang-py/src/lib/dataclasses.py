# dataclasses: @dataclass builds __init__, __repr__, __eq__, the order
# methods, __hash__ and frozen assignment from a class's annotations (and
# those of its dataclass bases), with CPython 3.11's rules and messages.
# There is no exec here, so the generated methods are closures over the
# field list that bind their arguments themselves.

import copy as _copy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple',
           'make_dataclass', 'replace', 'is_dataclass']


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class _KwOnlyType:
    def __repr__(self):
        return 'KW_ONLY'


KW_ONLY = _KwOnlyType()


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        t = self.type
        name = t.__name__ if isinstance(t, type) else repr(t)
        return 'dataclasses.InitVar[%s]' % name


_FIELD = 'field'
_CLASSVAR = 'classvar'
_INITVAR = 'initvar'


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,'
                'repr=%r,hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)'
                % (self.name, self.type, self.default, self.default_factory,
                   self.init, self.repr, self.hash, self.compare, self.metadata,
                   self.kw_only, self._field_type))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


def _is_classvar(a):
    if isinstance(a, str):
        return (a.startswith('ClassVar') or a.startswith('typing.ClassVar')
                or a.startswith('t.ClassVar'))
    return getattr(a, '_is_classvar', False) or repr(a).startswith('typing.ClassVar')


def _is_initvar(a):
    if isinstance(a, str):
        return a.startswith('InitVar') or a.startswith('dataclasses.InitVar')
    return a is InitVar or isinstance(a, InitVar)


def _is_kw_only_marker(a):
    if isinstance(a, str):
        return a == 'KW_ONLY' or a == 'dataclasses.KW_ONLY'
    return a is KW_ONLY


def _get_field(cls, name, a, default_kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = a
    f._field_type = _FIELD
    if _is_classvar(a):
        f._field_type = _CLASSVAR
    elif _is_initvar(a):
        f._field_type = _INITVAR
    if f._field_type in (_CLASSVAR, _INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % name)
    if f._field_type in (_FIELD, _INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        f.kw_only = False
    if f._field_type == _FIELD and isinstance(f.default, (list, dict, set)):
        raise ValueError('mutable default %s for field %s is not allowed: '
                         'use default_factory' % (type(f.default), name))
    return f


def _plural(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + ' and ' + quoted[1]
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _make_init(cls, flds, frozen, has_post_init):
    qual = cls.__qualname__ + '.__init__'
    params = [f for f in flds if f.init]
    positional = [f for f in params if not f.kw_only]
    keyword = [f for f in params if f.kw_only]
    required = len([f for f in positional
                    if f.default is MISSING and f.default_factory is MISSING])
    by_name = {}
    for f in params:
        by_name[f.name] = f

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            n = len(positional) + 1
            if required < len(positional):
                takes = 'from %d to %d positional arguments' % (required + 1, n)
            else:
                takes = '%d positional argument%s' % (n, '' if n == 1 else 's')
            raise TypeError('%s() takes %s but %d were given'
                            % (qual, takes, len(args) + 1))
        values = {}
        for f, v in zip(positional, args):
            values[f.name] = v
        for k, v in kwargs.items():
            if k not in by_name:
                raise TypeError("%s() got an unexpected keyword argument '%s'" % (qual, k))
            if k in values:
                raise TypeError("%s() got multiple values for argument '%s'" % (qual, k))
            values[k] = v
        missing = [f.name for f in positional
                   if f.name not in values and f.default is MISSING
                   and f.default_factory is MISSING]
        if missing:
            raise TypeError('%s() missing %d required positional argument%s: %s'
                            % (qual, len(missing), '' if len(missing) == 1 else 's',
                               _plural(missing)))
        missing = [f.name for f in keyword
                   if f.name not in values and f.default is MISSING
                   and f.default_factory is MISSING]
        if missing:
            raise TypeError('%s() missing %d required keyword-only argument%s: %s'
                            % (qual, len(missing), '' if len(missing) == 1 else 's',
                               _plural(missing)))
        init_vars = []
        for f in flds:
            if f._field_type == _INITVAR:
                if f.name in values:
                    v = values[f.name]
                elif f.default is not MISSING:
                    v = f.default
                else:
                    v = None
                init_vars.append(v)
                continue
            if f.init and f.name in values:
                v = values[f.name]
            elif f.default_factory is not MISSING:
                v = f.default_factory()
            elif f.default is not MISSING:
                v = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, v)
            else:
                setattr(self, f.name, v)
        if has_post_init:
            self.__post_init__(*init_vars)

    __init__.__qualname__ = qual
    return __init__


def _make_repr(cls, flds):
    shown = [f.name for f in flds if f.repr]

    def __repr__(self):
        parts = ['%s=%r' % (n, getattr(self, n)) for n in shown]
        return self.__class__.__qualname__ + '(' + ', '.join(parts) + ')'

    __repr__.__qualname__ = cls.__qualname__ + '.__repr__'
    return __repr__


def _tuple_of(obj, names):
    return tuple([getattr(obj, n) for n in names])


def _make_eq(names):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return _tuple_of(self, names) == _tuple_of(other, names)
        return NotImplemented
    return __eq__


def _make_order(names, op):
    def compare(self, other):
        if other.__class__ is self.__class__:
            a = _tuple_of(self, names)
            b = _tuple_of(other, names)
            if op == '<':
                return a < b
            if op == '<=':
                return a <= b
            if op == '>':
                return a > b
            return a >= b
        return NotImplemented
    return compare


def _make_hash(names):
    def __hash__(self):
        return hash(_tuple_of(self, names))
    return __hash__


def _make_frozen(cls, names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot assign to field '%s'" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot delete field '%s'" % name)
        object.__delattr__(self, name)
    return __setattr__, __delattr__


def _process(cls, init, rep, eq, order, unsafe_hash, frozen, match_args, kw_only):
    all_fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get('__dataclass_fields__')
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            if b.__dict__['__dataclass_params__'].frozen:
                any_frozen_base = True

    annotations = cls.__dict__.get('__annotations__', {})
    own = []
    default_kw_only = kw_only
    for name, a in annotations.items():
        if _is_kw_only_marker(a):
            default_kw_only = True
            continue
        own.append(_get_field(cls, name, a, default_kw_only))
    for f in own:
        all_fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in list(cls.__dict__.items()):
        if isinstance(value, Field) and name not in annotations:
            raise TypeError('%r is a field but has no type annotation' % name)

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = _Params(init, rep, eq, order, unsafe_hash, frozen)

    flds = [f for f in all_fields.values() if f._field_type in (_FIELD, _INITVAR)]
    real = [f for f in flds if f._field_type == _FIELD]

    if init:
        seen_default = False
        for f in flds:
            if f.init and not f.kw_only:
                if f.default is not MISSING or f.default_factory is not MISSING:
                    seen_default = True
                elif seen_default:
                    raise TypeError("non-default argument '%s' follows default argument" % f.name)
        has_post_init = hasattr(cls, '__post_init__')
        cls.__init__ = _make_init(cls, flds, frozen, has_post_init)
    if rep and '__repr__' not in cls.__dict__:
        cls.__repr__ = _make_repr(cls, real)
    compared = [f.name for f in real if f.compare]
    if eq and '__eq__' not in cls.__dict__:
        cls.__eq__ = _make_eq(compared)
    if order:
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            if name in cls.__dict__:
                raise TypeError('Cannot overwrite attribute %s in class %s. '
                                'Consider using functools.total_ordering'
                                % (name, cls.__name__))
            setattr(cls, name, _make_order(compared, op))
    if frozen:
        names = tuple(f.name for f in real)
        for name in ('__setattr__', '__delattr__'):
            if name in cls.__dict__:
                raise TypeError('Cannot overwrite attribute %s in class %s'
                                % (name, cls.__name__))
        cls.__setattr__, cls.__delattr__ = _make_frozen(cls, names)

    hashed = [f.name for f in real if (f.compare if f.hash is None else f.hash)]
    has_explicit_hash = '__hash__' in cls.__dict__ and cls.__dict__['__hash__'] is not None
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s' % cls.__name__)
        cls.__hash__ = _make_hash(hashed)
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _make_hash(hashed)
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None

    if match_args and '__match_args__' not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in flds if f.init and not f.kw_only)
    return cls


class _Params:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False, weakref_slot=False):
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    def wrap(c):
        return _process(c, init, repr, eq, order, unsafe_hash, frozen,
                        match_args, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fs.values() if f._field_type == _FIELD)


def _is_instance(obj):
    return not isinstance(obj, type) and hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if not _is_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _convert(obj, instance):
    # asdict/astuple: `instance` turns a dataclass instance into the result;
    # containers are rebuilt around converted items, other values copied.
    if _is_instance(obj):
        return instance(obj)
    if hasattr(type(obj), '_fields') and hasattr(type(obj), '_make'):
        return type(obj)(*[_convert(v, instance) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_convert(v, instance) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_convert(k, instance), _convert(v, instance))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def _asdict_inner(obj, dict_factory):
    def instance(o):
        return dict_factory([(f.name, _convert(getattr(o, f.name), instance))
                             for f in fields(o)])
    return _convert(obj, instance)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    def instance(o):
        return tuple_factory([_convert(getattr(o, f.name), instance) for f in fields(o)])
    return _convert(obj, instance)


def replace(obj, /, **changes):
    if not _is_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type == _CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot '
                                 'be specified with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type == _INITVAR and f.default is MISSING:
                raise ValueError("InitVar '%s' must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    ns = dict(namespace or {})
    anns = {}
    for item in fields:
        if isinstance(item, str):
            anns[item] = 'typing.Any'
        elif len(item) == 2:
            anns[item[0]] = item[1]
        else:
            anns[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns['__annotations__'] = anns
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kwargs)
