"""Text as people type it: no NUL byte (PostgreSQL refuses them) and no lone surrogate (not encodable as UTF-8)."""

REPLACEMENT = "\ufffd"


def plain_text(value: str) -> str:
    """Return value without NUL bytes and with each lone surrogate replaced by '�'; other text is untouched."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "".join(REPLACEMENT if "\ud800" <= c <= "\udfff" else c for c in value)
    return value


def clean_parameters(parameters: object) -> object:
    """Return statement parameters (a tuple, list or dict, or a list of them) with every text made plain."""
    if isinstance(parameters, str):
        return plain_text(parameters)
    if isinstance(parameters, dict):
        return {k: clean_parameters(v) if isinstance(v, str | dict | list | tuple) else v
                for k, v in parameters.items()}
    if isinstance(parameters, list | tuple):
        return type(parameters)(clean_parameters(v) if isinstance(v, str | dict | list | tuple) else v
                                for v in parameters)
    return parameters
