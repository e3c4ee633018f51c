"""A learned reading of intent and trade from character n-grams: it generalises over spellings no table lists.

The weights (core/nlu/model.json) are trained by bench/train_nlu.py on every labelled message; a multinomial
logistic regression over the character 2-5-grams, sound keys and words of the normalised message.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from core.nlu.phonetic import sound

MODEL_FILE = "model.json"
PLACE = "#"  # a place name stands for itself only as "a place": which one says nothing of the intent


def features(toks: list[str], place_positions: frozenset[int] | set[int] = frozenset()) -> list[str]:
    """Return the distinct features of a normalised message: char n-grams, sound keys, words and word pairs."""
    words = [PLACE if i in place_positions else ("0" if tok.isdigit() else tok) for i, tok in enumerate(toks)]
    out: set[str] = set()
    for w in words:
        out.add("w" + w)
        if w == PLACE or w == "0":
            continue
        key = sound(w)
        out.add("s" + key)
        padded = f"<{w}>"
        n = len(padded)
        for size in (2, 3, 4, 5):
            for i in range(n - size + 1):
                out.add(padded[i:i + size])
        if key != w:
            padded = f"<{key}>"
            for i in range(len(padded) - 2):
                out.add("k" + padded[i:i + 3])
    out.update(f"b{a}_{b}" for a, b in zip(["^", *words], [*words, "$"], strict=True))
    return sorted(out)


@dataclass(frozen=True)
class Classifier:
    """One softmax layer: a bias and, per feature, one weight for each label."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, list[float]]

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        """Return each label's probability for the features of one message."""
        scores = list(self.bias)
        k = len(scores)
        found = [w for f in feats if (w := self.weights.get(f)) is not None]
        scale = 1.0 / math.sqrt(len(feats)) if feats else 0.0
        for row in found:
            for c in range(k):
                scores[c] += row[c] * scale
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}

    def best(self, feats: list[str]) -> tuple[str, float]:
        """Return the most probable label and its probability."""
        probs = self.probabilities(feats)
        label = max(probs, key=lambda lab: (probs[lab], lab))
        return label, probs[label]

    def to_json(self) -> dict[str, Any]:
        """Return the classifier as plain JSON data (weights in thousandths)."""
        return {"labels": list(self.labels), "bias": [round(b * 1000) for b in self.bias],
                "weights": {f: [round(x * 1000) for x in row] for f, row in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Classifier":
        """Return the classifier stored by to_json."""
        return cls(tuple(data["labels"]), tuple(b / 1000 for b in data["bias"]),
                   {f: [x / 1000 for x in row] for f, row in data["weights"].items()})


@dataclass(frozen=True)
class Model:
    """The intent classifier and the trade classifier (trained on job requests only)."""

    intent: Classifier
    service: Classifier

    def to_json(self) -> dict[str, Any]:
        """Return the model as plain JSON data."""
        return {"version": 1, "intent": self.intent.to_json(), "service": self.service.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Model":
        """Return the model stored by to_json."""
        return cls(Classifier.from_json(data["intent"]), Classifier.from_json(data["service"]))


def dumps(model: Model) -> str:
    """Return the model file's exact text (stable: the training script reproduces it byte for byte)."""
    return json.dumps(model.to_json(), ensure_ascii=True, sort_keys=True, separators=(",", ":")) + "\n"


@cache
def load() -> Model | None:
    """Return the committed model, or None when the file is missing (the rules then work alone)."""
    try:
        text = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return Model.from_json(json.loads(text))
