"""The terminal report (rich): what `khabar digest` and `khabar show` print.

Ordered as a reader scans a story: headline and summary, then each event with its
contradictions first, the facts the sources agree on, what a single source says and
the quotes; then the timeline and the people, places and organizations.
"""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from khabar.present.markdown import cite

STATUS = {"contradicted": ("تناقض", "bold red"), "agreed": ("اتفاق", "green"), "single": ("مصدر واحد", "yellow")}
QUOTES_SHOWN = 6


def _facts_table(groups: list[dict], arts: dict) -> Table:
    table = Table("slot", "status", "what each source says", show_lines=False, expand=False)
    order = {"contradicted": 0, "agreed": 1, "single": 2}
    for g in sorted(groups, key=lambda g: order.get(g["status"], 3)):
        label, style = STATUS.get(g["status"], (g["status"], ""))
        claims = "\n".join(f"{c['value']} {cite([c['citation']], arts)}" for c in g["claims"])
        table.add_row(g["slot"], f"[{style}]{label}[/]", claims)
    return table


def count(n: int, noun: str) -> str:
    """"1 event", "2 events"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def render_terminal(console: Console, report: dict) -> None:
    arts = report["articles"]
    for d in report["stories"]:
        console.print(Panel(f"[bold]{d['headline']}[/]\n{count(len(d['events']), 'event')} · "
                            f"{count(len(d['article_ids']), 'article')} · {count(len(d['outlets']), 'outlet')} · "
                            f"story {d['story']['id']}", expand=False))
        for s in d["summary"]:
            console.print(f"• {s['text']} [dim]{cite(s['citations'], arts)}[/]")
        for e in d["events"]:
            ev = e["event"]
            console.print(f"\n[bold cyan]Event {ev['date'] or '?'}[/] {e['headline']} "
                          f"[dim]({count(len(ev['article_ids']), 'article')} · {ev['id']})[/]")
            facts = [g for g in e["facts"] if g["slot"] != "quote"]
            if facts:
                console.print(_facts_table(facts, arts))
            quotes = [g for g in e["facts"] if g["slot"] == "quote"]
            for g in quotes[:QUOTES_SHOWN]:
                c = g["claims"][0]
                console.print(f"  «{c['value']}» [dim]{cite([x['citation'] for x in g['claims']], arts)}[/]")
            if len(quotes) > QUOTES_SHOWN:
                console.print(f"  [dim]… {len(quotes) - QUOTES_SHOWN} more quotes (--format json for all)[/]")
        if d["timeline"]:
            console.print("\n[bold]Timeline[/]")
            for t in d["timeline"]:
                tag = " [dim](background)[/]" if t.get("background") else ""
                console.print(f"  {t['date']:<10} {t['text']}{tag} [dim]{cite(t['citations'], arts)}[/]")
        if d["entities"]:
            console.print("\n[bold]Entities[/]")
            for ent in d["entities"][:15]:
                spellings = " / ".join(s for s, _ in ent["spellings"])
                console.print(f"  {ent['type']:<4} {ent['name']} ({ent['roman']}): {spellings}")
        console.print()
