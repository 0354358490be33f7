"""Plain-text rendering of a cleaned article for the terminal: what was kept, what was cut, why."""

from __future__ import annotations

from khabar.model import Article

_PREVIEW = 160


def report(article: Article) -> str:
    """Title, metadata, body and every removed block with its kind, rule, score and offsets."""
    meta = [("id", article.id), ("source", article.source), ("outlet", article.outlet), ("url", article.url),
            ("published", article.published_at), ("author", article.author),
            ("credited source", article.credited_source)]
    lines = [f"# {article.title}", ""]
    lines += [f"{name}: {value}" for name, value in meta if value]
    lines += [f"caption: {c}" for c in article.captions]
    lines += ["", article.body, ""]
    lines.append(f"## removed ({len(article.removed)} blocks)")
    for block in article.removed:
        text = " ⏎ ".join(part.strip() for part in block.text.splitlines() if part.strip())
        if len(text) > _PREVIEW:
            text = text[:_PREVIEW] + f"… ({len(block.text)} chars)"
        lines.append(f"- [{block.kind}] {block.reason} (score {block.score:.2f}, {block.start}-{block.end}): {text}")
    return "\n".join(lines)
