"""``khabar eval summary DIR``: ROUGE of single-document summaries on an EASC-style folder.

Layout: ``DIR/Articles/TopicN/*.txt`` (one article per topic) and
``DIR/MTurk/TopicN/*`` (its human extractive summaries). Three systems are scored in
the same run on the same tokens: khabar's :func:`summarize_document`, a plain
TextRank (Mihalcea & Tarau 2004) given the same word budget, Lead-3, and Lead
given the same word budget (position alone, at equal length).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import numpy as np

from khabar.arabic import split_sentences
from khabar.consolidate.summary import DOCUMENT_RATIO, summarize_document
from khabar.evaluate.rouge import rouge_all, rouge_tokens

METRICS = ("rouge1", "rouge2", "rougeL")


def read_text(path: Path) -> str:
    """A file's text: UTF-8 (BOM dropped), else Windows-1256, the other encoding Arabic files come in."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1256", errors="replace")


def load_easc(path: Path) -> list[tuple[str, str, list[str]]]:
    """(topic, article text, reference summaries) for every topic that has both."""
    articles = Path(path) / "Articles"
    if not articles.is_dir():
        raise ValueError(f"{path}: no Articles/ folder (expected an EASC layout)")
    out = []
    for topic in sorted(p for p in articles.iterdir() if p.is_dir()):
        texts = sorted(p for p in topic.iterdir() if p.is_file() and p.suffix.lower() == ".txt")
        refs_dir = Path(path) / "MTurk" / topic.name
        refs = [read_text(r) for r in sorted(refs_dir.iterdir()) if r.is_file()] if refs_dir.is_dir() else []
        refs = [r for r in refs if r.strip()]
        if texts and refs:
            out.append((topic.name, read_text(texts[0]), refs))
    return out


def lead(text: str, n: int = 3) -> list[str]:
    """The first ``n`` sentences."""
    return [text[s:e] for s, e in split_sentences(text)[:n]]


def lead_words(text: str, words: int) -> list[str]:
    """The first sentences, up to ``words`` words: Lead with the same budget as the other systems."""
    out, total = [], 0
    for s, e in split_sentences(text):
        if total >= words:
            break
        out.append(text[s:e])
        total += len(text[s:e].split())
    return out


def textrank(text: str, words: int) -> list[str]:
    """Plain TextRank: word-overlap graph, PageRank, best sentences up to ``words`` words, document order."""
    sents = [text[s:e] for s, e in split_sentences(text)]
    toks = [set(rouge_tokens(s)) for s in sents]
    n = len(sents)
    w = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            if len(toks[i]) > 1 and len(toks[j]) > 1:
                w[i, j] = w[j, i] = len(toks[i] & toks[j]) / (math.log(len(toks[i])) + math.log(len(toks[j])))
    sums = w.sum(axis=1, keepdims=True)
    walk = np.divide(w, sums, out=np.zeros_like(w), where=sums > 0)
    p = np.full(n, 1.0 / max(n, 1))
    for _ in range(50):
        p = 0.15 / max(n, 1) + 0.85 * (walk.T @ p)
    chosen, total = [], 0
    for i in np.argsort(-p):
        if total >= words:
            break
        chosen.append(int(i))
        total += len(sents[i].split())
    return [sents[i] for i in sorted(chosen)]


def _systems() -> dict[str, Callable[[str], list[str]]]:
    def budget(text: str) -> int:
        return max(1, round(len(text.split()) * DOCUMENT_RATIO))

    return {
        "khabar": lambda t: summarize_document(t),
        "textrank": lambda t: textrank(t, budget(t)),
        "lead3": lambda t: lead(t, 3),
        "lead_budget": lambda t: lead_words(t, budget(t)),
    }


def evaluate(path: Path) -> dict:
    """Mean ROUGE-1/2/L F1 (x100) of each system over the folder's articles and references."""
    docs = load_easc(Path(path))
    if not docs:
        raise ValueError(f"{path}: no topic with both an article and reference summaries")
    systems = _systems()
    sums = {name: dict.fromkeys(METRICS, 0.0) for name in systems}
    lengths = dict.fromkeys(systems, 0)
    for _topic, text, refs in docs:
        for name, system in systems.items():
            summary = " ".join(system(text))
            lengths[name] += len(summary.split())
            for metric, value in rouge_all(summary, refs).items():
                sums[name][metric] += value
    n = len(docs)
    return {
        "data": str(path),
        "documents": n,
        "references": sum(len(r) for _, _, r in docs),
        "reference_words": round(sum(len(x.split()) for _, _, r in docs for x in r) / sum(len(r) for _, _, r in docs), 1),
        "tokens": "words of normalize(text, 'match'); no stemming; F1 averaged over references, then documents",
        "systems": {
            name: {**{m: round(100 * v / n, 2) for m, v in sums[name].items()},
                   "words": round(lengths[name] / n, 1)}
            for name in systems
        },
    }


def render(result: dict) -> str:
    """A plain-text table of :func:`evaluate`'s result."""
    lines = [
        f"EASC-style ROUGE F1 x100 on {result['data']}: {result['documents']} articles, "
        f"{result['references']} references (mean {result['reference_words']} words)",
        f"{'system':<12} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8} {'words':>7}",
    ]
    for name, s in result["systems"].items():
        lines.append(f"{name:<12} {s['rouge1']:>8.2f} {s['rouge2']:>8.2f} {s['rougeL']:>8.2f} {s['words']:>7.1f}")
    lines.append(f"tokens: {result['tokens']}")
    return "\n".join(lines)
