"""Check that a rephrased reply still carries the draft's references and amounts."""

import re

_REFERENCE = re.compile(r"\bDJB-[A-Z0-9]+\b", re.I)
# "15 000", "15.000", "15000" and "15 000" with a narrow no-break space are the same amount.
_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?!\d)|\d+")


def keeps_facts(draft: str, reply: str) -> bool:
    """True when every reference (DJB-1234) and every number of the draft is still in the reply, and it is short."""
    if not reply.strip() or len(reply) > max(2 * len(draft), len(draft) + 200):
        return False
    references = {r.upper() for r in _REFERENCE.findall(draft)}
    if not references <= {r.upper() for r in _REFERENCE.findall(reply)}:
        return False
    return _numbers(draft) <= _numbers(reply)


def _numbers(text: str) -> set[str]:
    bare = _REFERENCE.sub(" ", text)
    return {re.sub(r"\D", "", n).lstrip("0") or "0" for n in _NUMBER.findall(bare)}
