"""Entity-level NER scores (exact span and type, CoNLL style) of the shipped tagger on a CoNLL file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from khabar.analyze.ner.conll import read_conll, spans
from khabar.analyze.ner.segment import ENCLITICS, PROCLITICS
from khabar.model import ENTITY_TYPES


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict:
    """Per-type and micro precision/recall/F1 of predicted BIO sequences against gold ones."""
    result = score_spans([set(spans(g)) for g in gold], [set(spans(p)) for p in predicted])
    result["tokens"] = sum(len(s) for s in gold)
    return result


def score_spans(gold: Sequence[set[tuple]], predicted: Sequence[set[tuple]]) -> dict:
    """Per-type and micro scores of predicted entity spans against gold ones, sentence by sentence.

    A span is any tuple whose last item is its type: (start, end, type) in tokens or characters.
    """
    counts = {t: [0, 0, 0] for t in ENTITY_TYPES}
    for g, p in zip(gold, predicted, strict=True):
        for span in g | p:
            row = counts.setdefault(span[-1], [0, 0, 0])
            row[0 if span in g and span in p else (1 if span in p else 2)] += 1
    per_type = {t: _prf(*c) for t, c in counts.items()}
    micro = _prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return {"per_type": per_type, "micro": micro, "sentences": len(gold)}


_ENCLITICS = frozenset((*ENCLITICS, "ي"))  # NewsFANE also cuts off the possessive ي


def glued(tokens: Sequence[str], tags: Sequence[str]) -> tuple[str, set[tuple[int, int, str]]]:
    """A segmented sentence written as raw news writes it, with its gold names as character spans.

    NewsFANE splits clitics into tokens of their own ("و دونالد", "اتفاق ها"); the tagger
    gets raw words ("ودونالد") and must cut them itself. Clitic tokens outside names are
    glued back on (a proclitic to the next word, a pronoun to the word before), so that
    scoring this text measures segmentation and tagging together.
    """
    text, starts, ends = "", [], []
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i else ""
        glue = i and (
            (before in PROCLITICS and tags[i - 1] == "O" and _arabic(token))
            or (token in _ENCLITICS and tags[i] == "O" and _arabic(before) and before not in PROCLITICS))
        text += "" if glue or not text else " "
        starts.append(len(text))
        text += token
        ends.append(len(text))
    return text, {(starts[a], ends[b - 1], kind) for a, b, kind in spans(tags)}


def _arabic(token: str) -> bool:
    return bool(token) and "\u0621" <= token[0] <= "\u064a"


def evaluate(path: Path) -> dict:
    """Tag every sentence of a CoNLL file (``token TAG`` lines, BIO) with the shipped tagger and score it."""
    from khabar.analyze.ner.tagger import tag_words

    sentences = read_conll(Path(path))
    gold = [tags for _, tags in sentences]
    predicted = [tag_words(tokens) for tokens, _ in sentences]
    result = score(gold, predicted)
    result["file"] = str(path)
    return result


def render(result: dict) -> str:
    """A plain-text table of the scores."""
    lines = [f"{'type':<6}{'P':>8}{'R':>8}{'F1':>8}{'support':>9}"]
    rows = [*result["per_type"].items(), ("micro", result["micro"])]
    for name, row in rows:
        lines.append(f"{name:<6}{row['precision']:>8.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}{row['support']:>9}")
    lines.append(f"{result['sentences']} sentences, {result['tokens']} tokens")
    return "\n".join(lines)
