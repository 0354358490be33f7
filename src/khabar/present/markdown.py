"""Markdown rendering of the report (for notes, wikis and diffs)."""

from __future__ import annotations


def cite(citations: list[dict], articles: dict) -> str:
    ids = list(dict.fromkeys(c["article_id"] for c in citations))
    return " ".join(f"[{articles[a]['outlet'] if a in articles else a[:8]}]" for a in ids)


def render_markdown(report: dict) -> str:
    arts = report["articles"]
    out: list[str] = []
    for d in report["stories"]:
        out.append(f"# {d['headline']}\n")
        out.append(f"القصة `{d['story']['id']}` · {len(d['article_ids'])} مقالات · {len(d['outlets'])} مصادر\n")
        out.append("## الملخص\n")
        for s in d["summary"]:
            out.append(f"- {s['text']} {cite(s['citations'], arts)}")
        out.append("")
        for e in d["events"]:
            ev = e["event"]
            out.append(f"## الحدث: {e['headline']} ({ev['date'] or 'تاريخ غير معروف'})\n")
            for s in e["summary"]:
                out.append(f"- {s['text']} {cite(s['citations'], arts)}")
            for g in e["facts"]:
                claims = "; ".join(f"{c['value']} {cite([c['citation']], arts)}" for c in g["claims"])
                out.append(f"- **{g['slot']}** ({g['status']}): {claims}")
            out.append("")
        if d["timeline"]:
            out.append("## الخط الزمني\n")
            for t in d["timeline"]:
                out.append(f"- {t['date']}: {t['text']} {cite(t['citations'], arts)}")
            out.append("")
        if d["entities"]:
            out.append("## الكيانات\n")
            for ent in d["entities"]:
                spellings = " / ".join(s for s, _ in ent["spellings"])
                out.append(f"- {ent['name']} ({ent['roman']}, {ent['type']}): {spellings}")
            out.append("")
    return "\n".join(out) + "\n"
