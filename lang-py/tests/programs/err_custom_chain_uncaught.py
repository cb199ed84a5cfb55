class ConfigError(Exception):
    pass
def load(name):
    try:
        return {"a": 1}[name]
    except KeyError:
        raise ConfigError(f"missing key {name!r}") from None
load("b")
