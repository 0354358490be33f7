"""A small database written from model objects, with content chosen to test the pages.

Two events of one story (the 27 February and 10 April 2025 rounds), four outlets,
agreement, a single-source fact and a contradiction, an entity with three
spellings, removed clutter, and one article whose text carries HTML/script
payloads that must come out as text.
"""

from __future__ import annotations

from pathlib import Path

from khabar.arabic import split_sentences
from khabar.model import (
    Analysis,
    Article,
    Block,
    Citation,
    Claim,
    Entity,
    EntityRef,
    Event,
    EventDigest,
    FactGroup,
    Role,
    Sentence,
    Story,
    StoryDigest,
    SummarySentence,
    TimelineEntry,
)
from khabar.store.sqlite import Store

XSS_TITLE = 'عنوان <script>alert("xss-title")</script>'
XSS_BODY = ('انطلقت المباحثات في إسطنبول صباح اليوم. <img src=x onerror="alert(1)"> '
            'وقال المتحدث <script>document.title="pwned"</script> إن الأجواء إيجابية.')

ARTICLES = {
    "a1": ("الجزيرة", "2025-04-10", "جولة ثانية من المباحثات الروسية الأمريكية في إسطنبول",
           "انطلقت اليوم الجولة الثانية من المباحثات الروسية الأمريكية في قصر السفارة الروسية بإسطنبول. "
           "ويترأس الوفد الروسي السفير ألكسندر دارتشييف. واستمرت المباحثات ست ساعات.\n"
           "وتركز المباحثات على عمل السفارات وإزالة العقبات الدبلوماسية."),
    "a2": ("روسيا اليوم", "2025-04-10", "مباحثات روسية أمريكية جديدة في اسطنبول",
           "بدأت في اسطنبول الجولة الثانية من المحادثات بين موسكو وواشنطن في القنصلية الروسية. "
           "ويرأس الوفد الروسي دارشييف. واستمرت المباحثات أربع ساعات."),
    "a3": ("سكاي نيوز عربية", "2025-04-10", XSS_TITLE, XSS_BODY),
    "a4": ("الشرق الأوسط", "2025-02-27", "أول جولة مباحثات روسية أمريكية في إسطنبول",
           "عقد الجانبان الروسي والأمريكي جولة أولى من المباحثات في مقر إقامة القنصل العام الأمريكي بإسطنبول. "
           "وترأس الوفد الروسي دارشيف."),
}


def _article(aid: str) -> tuple[Article, Analysis]:
    outlet, date, title, body = ARTICLES[aid]
    removed = ()
    if aid == "a1":
        removed = (Block("اقرأ أيضاً: أسعار الذهب اليوم", 0, 30, "clutter", "lexicon:اقرأ أيضاً"),
                   Block("<b>شارك</b> على فيسبوك", 31, 50, "clutter", "share-links"))
    article = Article(aid, f"{aid}.html", title, body, outlet=outlet, published_at=date,
                      url="javascript:alert(1)" if aid == "a3" else f"https://example.com/{aid}", removed=removed)
    sentences = tuple(Sentence(i, s, e, body[s:e]) for i, (s, e) in enumerate(split_sentences(body)))
    return article, Analysis(aid, sentences=sentences, event_date=date)


def cite(aid: str, sentence: int) -> Citation:
    body = ARTICLES[aid][3]
    s, e = split_sentences(body)[sentence]
    return Citation(aid, sentence, s, e)


def _claim(aid: str, sentence: int, value: str) -> Claim:
    return Claim(aid, value, value, cite(aid, sentence))


def build_digest() -> StoryDigest:
    e1 = Event("ev-feb", ("a4",), "الجولة الأولى", "2025-02-27")
    e2 = Event("ev-apr", ("a1", "a2", "a3"), "الجولة الثانية", "2025-04-10")
    apr_facts = (
        FactGroup("where", "", "agreed", (_claim("a1", 0, "إسطنبول"), _claim("a2", 0, "اسطنبول"))),
        FactGroup("duration", "", "contradicted", (_claim("a1", 2, "ست ساعات"), _claim("a2", 2, "أربع ساعات"))),
        FactGroup("topic", "", "single", (_claim("a1", 3, "عمل السفارات"),)),
    )
    summary = (
        SummarySentence("انطلقت الجولة الثانية من المباحثات الروسية الأمريكية في إسطنبول.", "a1", 0,
                        (cite("a1", 0), cite("a2", 0))),
        SummarySentence("ويترأس الوفد الروسي السفير ألكسندر دارتشييف.", "a1", 1, (cite("a1", 1), cite("a2", 1))),
    )
    person = Entity("en-darchiev", "PER", "ألكسندر دارتشييف", "Aleksandr Darchiev", "darchiev",
                    (("دارتشييف", 1), ("دارشييف", 1), ("دارشيف", 1)),
                    (EntityRef("a1", 1, 0, 5, "دارتشييف"),), (Role("رئيس الوفد الروسي", cite("a1", 1)),))
    timeline = (
        TimelineEntry("2025-02-27", "جولة أولى في مقر القنصل الأمريكي", "ev-feb", False, (cite("a4", 0),)),
        TimelineEntry("2025-04-10", "جولة ثانية في القنصلية الروسية", "ev-apr", False, (cite("a1", 0),)),
    )
    return StoryDigest(
        Story("st-istanbul", ("ev-feb", "ev-apr"), "مباحثات إسطنبول"),
        "روسيا والولايات المتحدة تعقدان جولة ثانية من المباحثات في إسطنبول",
        events=(EventDigest(e1, "الجولة الأولى في إسطنبول", (SummarySentence(
                    "عقد الجانبان جولة أولى.", "a4", 0, (cite("a4", 0),)),)),
                EventDigest(e2, "الجولة الثانية في إسطنبول", summary, apr_facts)),
        summary=summary, entities=(person,), timeline=timeline,
        article_ids=("a4", "a1", "a2", "a3"), outlets=("الجزيرة", "الشرق الأوسط", "روسيا اليوم", "سكاي نيوز عربية"))


def other_digest() -> StoryDigest:
    return StoryDigest(Story("st-old", ("ev-old",)), "قصة أقدم", events=(EventDigest(
        Event("ev-old", ("a4",), date="2024-01-01"), "قصة أقدم"),), article_ids=("a4",), outlets=("الشرق الأوسط",))


def build_db(path: Path) -> Path:
    """Write the test story (and an older one) into a new database at ``path``."""
    digest = build_digest()
    with Store(path) as store:
        store.add_articles([_article(a) for a in ARTICLES])
        events = [e.event for e in digest.events] + [Event("ev-old", ("a4",), date="2024-01-01")]
        store.save_grouping(events, [digest.story, Story("st-old", ("ev-old",))])
        store.save_digests([digest, other_digest()])
    return path
