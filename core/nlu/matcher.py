"""Fast longest-match lookup of known phrases in a token list."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from core.catalog.text import fold

T = TypeVar("T")
_FIRST_CACHE_LIMIT = 50_000


@dataclass(frozen=True)
class Match(Generic[T]):
    """A phrase found at tokens[start:end]."""

    start: int
    end: int
    value: T


@dataclass
class _Node(Generic[T]):
    """One word of a phrase tree: exact next words, prefix next words ("plomb*") by prefix length, and a value."""

    exact: dict[str, "_Node[T]"] = field(default_factory=dict)
    prefix: dict[int, dict[str, "_Node[T]"]] = field(default_factory=dict)
    value: tuple[int, T] | None = None  # (literal characters of the phrase, value)


class PhraseMatcher(Generic[T]):
    """Finds phrases (word sequences; a word ending in "*" matches any word it starts) left to right, longest first.

    The phrases form a word tree, so each position costs a walk down the words actually present, however many
    phrases share a first word ("i am a plumber", "i am a painter", ...).
    """

    def __init__(self, phrases: Iterable[tuple[str, T]]) -> None:
        self._root: _Node[T] = _Node()
        # The first step from the root (where most prefix phrases hang), per distinct word: messages reuse words.
        self._first: dict[str, list[_Node[T]]] = {}
        self.words: set[str] = set()
        for phrase, value in phrases:
            words = tuple(_fold_word(w) for w in phrase.split())
            if not words or not all(words):
                continue
            self.words.update(w.rstrip("*") for w in words)
            node = self._root
            for word in words:
                if word.endswith("*"):
                    stem = word[:-1]
                    node = node.prefix.setdefault(len(stem), {}).setdefault(stem, _Node())
                else:
                    node = node.exact.setdefault(word, _Node())
            if node.value is None:  # the first listing of a phrase wins
                # At equal length the more literal phrase wins ("disjoncteur*" over "disjonct*").
                literal = sum(len(w.rstrip("*")) for w in words) + sum(not w.endswith("*") for w in words)
                node.value = (literal, value)

    def find(self, toks: Sequence[str]) -> list[Match[T]]:
        """Return non-overlapping matches, scanning left to right and preferring the longest phrase."""
        found: list[Match[T]] = []
        i, n = 0, len(toks)
        while i < n:
            best = self._longest(toks, i)
            if best is None:
                i += 1
                continue
            found.append(Match(i, best[0], best[2]))
            i = best[0]
        return found

    def _longest(self, toks: Sequence[str], start: int) -> tuple[int, int, T] | None:
        best: tuple[int, int, T] | None = None
        frontier = self._first_step(toks[start])
        pos = start + 1
        while frontier:
            for node in frontier:
                if node.value is not None and (best is None or (pos, node.value[0]) > best[:2]):
                    best = (pos, node.value[0], node.value[1])
            if pos >= len(toks):
                break
            frontier = _step(frontier, toks[pos])
            pos += 1
        return best

    def _first_step(self, tok: str) -> list[_Node[T]]:
        if (cached := self._first.get(tok)) is not None:
            return cached
        following = _step([self._root], tok)
        if len(self._first) < _FIRST_CACHE_LIMIT:
            self._first[tok] = following
        return following


def _step(frontier: list[_Node[T]], tok: str) -> list[_Node[T]]:
    """Return the nodes reached from the frontier by one more word."""
    following: list[_Node[T]] = []
    for node in frontier:
        if (child := node.exact.get(tok)) is not None:
            following.append(child)
        for length, stems in node.prefix.items():
            if length <= len(tok) and (child := stems.get(tok[:length])) is not None:
                following.append(child)
    return following


def _fold_word(word: str) -> str:
    star = word.endswith("*")
    core = fold(word.rstrip("*")).replace(" ", "")
    return core + "*" if star and core else core


def parse_weighted(table: dict[str, dict[float, str]]) -> list[tuple[str, tuple[str, float]]]:
    """Return (phrase, (label, weight)) pairs from {label: {weight: "phrase | phrase | ..."}}."""
    return [
        (phrase.strip(), (label, weight))
        for label, levels in table.items()
        for weight, phrases in levels.items()
        for phrase in phrases.split("|")
        if phrase.strip()
    ]
