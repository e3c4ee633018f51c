"""How soon the job is needed: danger and "now" make it urgent, a later day or hour makes it scheduled."""

from functools import cache

from core.nlu.matcher import PhraseMatcher, parse_weighted
from core.nlu.timing import TimeInfo

URGENCY_CUES: dict[str, dict[float, str]] = {
    # Danger to people or the house: urgent whatever else is said.
    "danger": {
        1.0: "feu | incendie | fire | fume | fumee | fumer | smoke* | brule* | burn* | etincel* | spark*"
        " | court circuit | short circuit | inond* | flood* | coule partout | eau partout | water everywhere"
        " | water dey everywhere | flow everywhere | coule de partout | water dey enter | eau rentre | explose*"
        " | eclate*"
        " | burst | pete | fuite de gaz | gas leak | odeur de gaz | sent le gaz | smell gas | smell of gas"
        " | enferme* | locked out | lock myself out | locked myself out | bloque dehors | bloquee dehors"
        " | je suis dehors | i dey outside | claque la porte | restee dedans | restees dedans | reste dedans"
        " | cles a l interieur | cle a l interieur | keys inside | key inside | electrocut* | shock"
        " | choc electrique | danger*",
    },
    "now": {
        1.0: "urgent* | urgence | emergency | maintenant | now | right now | tout de suite | immediatement"
        " | immediately | asap | as soon as possible | au plus vite | des que possible | vite | rapide*"
        " | quick* | fast | c est grave | daba | sharp sharp | dans la journee",
    },
    "calm": {
        1.0: "pas urgent | not urgent | no rush | pas presse | pas pressee | no hurry | quand vous pouvez"
        " | when you can | when you fit | pas de rush | prenez votre temps | rien ne presse | pas grave",
    },
}
_PIPES = {"tuyau", "tuyaux", "pipe", "pipes", "canalisation"}
_BREAKS = {"casse", "cassee", "pete", "eclate", "explose", "burst", "break", "broke", "broken", "lache"}


@cache
def _matcher() -> PhraseMatcher[tuple[str, float]]:
    return PhraseMatcher(parse_weighted(URGENCY_CUES))


def vocabulary() -> set[str]:
    """Return every word of the urgency vocabulary."""
    return _matcher().words


def urgency_of(toks: list[str], timing: TimeInfo) -> tuple[str, bool]:
    """Return the urgency and whether anything in the message spoke about it."""
    found = {m.value[0] for m in _matcher().find(toks)}
    words = set(toks)
    if "danger" in found:
        return "urgent", True
    # A broken or burst pipe floods the house: urgent unless the customer says it can wait.
    if words & _PIPES and words & _BREAKS and "calm" not in found:
        return "urgent", True
    if timing.later:
        return "scheduled", True
    if "calm" in found:
        return "normal", True
    if "now" in found or timing.today:
        return "urgent", True
    return "normal", False
