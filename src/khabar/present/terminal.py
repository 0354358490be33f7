"""The terminal report (rich): what `khabar digest` and `khabar show` print."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from khabar.present.markdown import cite


def render_terminal(console: Console, report: dict) -> None:
    arts = report["articles"]
    for d in report["stories"]:
        console.print(Panel(f"[bold]{d['headline']}[/]\n{len(d['article_ids'])} articles · "
                            f"{len(d['outlets'])} outlets · story {d['story']['id']}", expand=False))
        for s in d["summary"]:
            console.print(f"• {s['text']} [dim]{cite(s['citations'], arts)}[/]")
        for e in d["events"]:
            ev = e["event"]
            console.print(f"\n[bold cyan]Event {ev['id']}[/] {ev['date'] or '?'}: {e['headline']} "
                          f"[dim]({len(ev['article_ids'])} articles)[/]")
            if e["facts"]:
                table = Table("slot", "status", "claims", show_lines=False)
                for g in e["facts"]:
                    claims = "\n".join(f"{c['value']} {cite([c['citation']], arts)}" for c in g["claims"])
                    table.add_row(g["slot"], g["status"], claims)
                console.print(table)
        if d["timeline"]:
            console.print("\n[bold]Timeline[/]")
            for t in d["timeline"]:
                console.print(f"  {t['date']}  {t['text']} [dim]{cite(t['citations'], arts)}[/]")
        if d["entities"]:
            console.print("\n[bold]Entities[/]")
            for ent in d["entities"][:15]:
                spellings = " / ".join(s for s, _ in ent["spellings"])
                console.print(f"  {ent['type']:<4} {ent['name']} ({ent['roman']}): {spellings}")
        console.print()
