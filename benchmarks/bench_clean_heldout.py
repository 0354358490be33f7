"""Held-out check of the cleaner: real SaudiNewsNet articles with real clutter added.

Usage: python benchmarks/bench_clean_heldout.py [--definition benchmarks/data/clean_heldout.json] [--show N]

Rebuilds each case of the definition (see bench_clean_define.py) from the corpus,
cleans it, and reports: clutter recall per block (a block counts as removed when
all its lines are out of the body) overall and per shape, precision of the removed
lines (share that were not body), and body-sentence recall (share of the host's
sentences found in the cleaned body). Lines of the host that the cleaner removed
are printed for inspection.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench_clean_corpus import DATA, article, content_lines
from khabar.arabic import normalize, split_sentences
from khabar.clean import clean
from khabar.model import RawDoc

MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TAIL_ORDER = ["related_list", "source_tags", "hashtags", "glued_run", "appended_article", "cards", "end_widgets"]


@dataclass
class Case:
    text: str = ""
    title: str = ""
    body: list[str] = field(default_factory=list)
    blocks: list[tuple[str, list[str]]] = field(default_factory=list)  # (shape, lines) not body


def _title_words(title: str) -> list[str]:
    return [w for w in title.replace("..", " ").split() if len(w) > 2]


def build_case(spec: dict, data: Path) -> Case:
    """The crawled-looking text of one case and its gold lines."""
    host = article(spec["host"], data)
    title = host["title"].strip()
    by_shape = {ins["shape"]: ins for ins in spec["inserts"]}
    date = host.get("date_extracted", "2015-07-21 00:00:00")
    y, m, d = date[:10].split("-")
    hh, mm = date[11:13] or "00", date[14:16] or "00"
    top: list[tuple[str, list[str]]] = []
    if "menu_top" in by_shape:
        top.append(("menu_top", [article(by_shape["menu_top"]["donors"][0], data)["title"].strip()]))
    top.append(("title", [title]))
    if ins := by_shape.get("dateline"):
        top.append(("dateline", [ins["format"].format(mname=MONTHS[int(m) - 1], d=int(d), y=y, m=m, hh=hh, mm=mm,
                                                      a=ins["author"], wd="الثلاثاء")]))
    if ins := by_shape.get("chrome_top"):
        top.append(("chrome_top", [line.format(n=ins["n"]) for line in ins["lines"]]))
    if by_shape.get("menu_top", {}).get("repeat_title"):
        top.append(("title", [title]))
    if ins := by_shape.get("caption"):
        top.append(("caption", [" ".join(_title_words(title)[: ins["words"]]) + " " + ins["credit"]]))
    body = content_lines(host)
    parts: list[tuple[str, list[str]]] = list(top)
    inline = by_shape.get("inline_read_also")
    at = max(1, min(len(body) - 1, int(inline["after"] * len(body)))) if inline else len(body)
    parts.append(("body", body[:at]))
    if inline:
        headline = article(inline["donors"][0], data)["title"].strip()
        lines = [inline["marker"] + headline] if inline["glued"] else [inline["marker"], headline]
        parts.append(("inline_read_also", lines))
        parts.append(("body", body[at:]))
    for shape in TAIL_ORDER:
        if ins := by_shape.get(shape):
            parts.extend(_tail(shape, ins, title, data))
    sep = "\n" if spec.get("single_newlines") else "\n\n"
    case = Case(text=sep.join(line for _, lines in parts for line in lines), title=title)
    for shape, lines in parts:
        if shape == "body":
            case.body.extend(lines)
        elif lines:
            case.blocks.append((shape, lines))
    return case


def _tail(shape: str, ins: dict, title: str, data: Path) -> list[tuple[str, list[str]]]:
    donors = [article(ref, data) for ref in ins.get("donors", [])]
    titles = [dn["title"].strip() for dn in donors]
    if shape == "related_list":
        return [(shape, [ins["marker"]] + [ins["bullet"] + t for t in titles])]
    if shape == "source_tags":
        return [("credit", [ins["credit"]]), (shape, [ins["tags"] + " " + " ".join(_title_words(title)[: ins["n_tags"]])])]
    if shape == "hashtags":
        tags = " ".join("#" + w for w in _title_words(title))
        return [(shape, [tags, ins["separator"], f"📡 المصدر : #{ins['credit']}", ins["separator"]])]
    if shape == "glued_run":
        return [(shape, ["".join(titles) + " طباعة شارك " + " ".join(_title_words(titles[0]))])]
    if shape == "appended_article":
        return [(shape, ([ins["marker"]] if ins["marker"] else []) + [titles[0]] + content_lines(donors[0]))]
    if shape == "cards":
        lines = [ins["marker"]]
        for dn, t in zip(donors, titles, strict=True):
            teaser = " ".join(content_lines(dn))[: ins["chars"]].rsplit(" ", 1)[0]
            lines += [t, t, teaser] if ins["repeat"] else [t, teaser]
        return [(shape, lines)]
    if shape == "end_widgets":
        return [(shape, list(ins["lines"]))]
    raise ValueError(shape)


def _key(text: str) -> str:
    """Matching key of a line or sentence; control characters are not text (the cleaner drops them)."""
    return normalize(_CONTROL.sub(" ", text), "match")


def evaluate(definition: dict, data: Path, show: int) -> dict:
    found = defaultdict(lambda: [0, 0])  # shape -> [removed, total]
    sentences = [0, 0]
    removed_lines = [0, 0]  # [not body, all]
    lost: list[str] = []
    for spec in definition["cases"]:
        case = build_case(spec, data)
        cleaned = clean(RawDoc(doc_id=str(spec["host"]), source=str(spec["host"]), text=case.text))
        body_key = _key(cleaned.body)
        body_lines = {_key(line) for line in cleaned.body.splitlines() if line.strip()}
        for shape, lines in case.blocks:
            gone = all(_key(line) not in body_lines for line in lines if _key(line))
            found[shape][0] += gone
            found[shape][1] += 1
        for line in case.body:
            for start, end in split_sentences(line):
                sentences[1] += 1
                if _key(line[start:end]) in body_key:
                    sentences[0] += 1
                elif len(lost) < show:
                    lost.append(f"{spec['host']}: {line[start:end][:120]}")
        gold_body = {_key(line) for line in case.body}
        for block in cleaned.removed:
            for line in block.text.splitlines():
                if line.strip():
                    removed_lines[1] += 1
                    removed_lines[0] += _key(line) not in gold_body
    clutter = [sum(v[0] for s, v in found.items() if s != "title"), sum(v[1] for s, v in found.items() if s != "title")]
    return {
        "cases": len(definition["cases"]),
        "clutter_blocks": clutter[1],
        "clutter_recall": clutter[0] / clutter[1],
        "removed_line_precision": removed_lines[0] / max(1, removed_lines[1]),
        "removed_lines": removed_lines[1],
        "body_sentences": sentences[1],
        "body_sentence_recall": sentences[0] / sentences[1],
        "per_shape": {s: f"{v[0]}/{v[1]}" for s, v in sorted(found.items())},
        "lost_sentences": lost,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--definition", type=Path, default=Path(__file__).parent / "data" / "clean_heldout.json")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", type=int, default=20, help="lost body sentences to print")
    args = parser.parse_args()
    definition = json.loads(args.definition.read_text(encoding="utf-8"))
    print(json.dumps(evaluate(definition, args.data, args.show), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
