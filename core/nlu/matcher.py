"""Fast longest-match lookup of known phrases in a token list."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from core.catalog.text import fold

T = TypeVar("T")


@dataclass(frozen=True)
class Match(Generic[T]):
    """A phrase found at tokens[start:end]."""

    start: int
    end: int
    value: T


class PhraseMatcher(Generic[T]):
    """Finds phrases (word sequences; a word ending in "*" matches any word it starts) left to right, longest first."""

    def __init__(self, phrases: Iterable[tuple[str, T]]) -> None:
        self._exact: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        self._prefix: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        self._prefix_lengths: set[int] = set()
        self.words: set[str] = set()
        for phrase, value in phrases:
            words = tuple(_fold_word(w) for w in phrase.split())
            if not words or not all(words):
                continue
            self.words.update(w.rstrip("*") for w in words)
            head = words[0]
            if head.endswith("*"):
                self._prefix.setdefault(head[:-1], []).append((words, value))
                self._prefix_lengths.add(len(head) - 1)
            else:
                self._exact.setdefault(head, []).append((words, value))

    def find(self, toks: Sequence[str]) -> list[Match[T]]:
        """Return non-overlapping matches, scanning left to right and preferring the longest phrase."""
        found: list[Match[T]] = []
        i, n = 0, len(toks)
        while i < n:
            best: tuple[int, T] | None = None
            for words, value in self._candidates(toks[i]):
                end = i + len(words)
                if end <= n and (best is None or end > best[0]) and _fits(words, toks, i):
                    best = (end, value)
            if best is None:
                i += 1
                continue
            found.append(Match(i, best[0], best[1]))
            i = best[0]
        return found

    def _candidates(self, word: str) -> list[tuple[tuple[str, ...], T]]:
        out = list(self._exact.get(word, ()))
        for length in self._prefix_lengths:
            if length <= len(word):
                out += self._prefix.get(word[:length], ())
        return out


def _fits(words: tuple[str, ...], toks: Sequence[str], start: int) -> bool:
    for offset, word in enumerate(words):
        tok = toks[start + offset]
        if word.endswith("*"):
            if not tok.startswith(word[:-1]):
                return False
        elif tok != word:
            return False
    return True


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
