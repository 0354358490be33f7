"""Properties of the text cleaner on generated pages: never raises, cuts only whole lines it reports."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.clean import clean
from khabar.model import RawDoc

PIECES = [
    "بدأت المحادثات بين الوفدين في إسطنبول يوم الخميس، واستمرت ست ساعات.", "اقرأ أيضاً", "قراءة المزيد",
    "مقالات مشابهة", "طباعة شارك", "0 تعليق", "#روسيا #تركيا #محادثات", "➖➖➖", "المصدر: الأسبوع",
    "أبريل 10, 2025 | by x@y.com", "وقال المتحدث إن الجانبين اتفقا على مواصلة الحوار.", "play icon",
    "  • بند في قائمة", "عنوان قصير", "علما البلدين. (رويترز)", "كلمات دلالية: روسيا تركيا", "\x00", "",
    "شارك من خلال تويتر فيسبوك اكتب رأيك وقال الوزير إن الاجتماع كان مثمرا.", "ننصحك بقراءة",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=40), max_size=25), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_cleaner_cuts_whole_lines_and_reports_them(lines, sep):
    raw = sep.join(lines)
    article = clean(RawDoc(doc_id="p", source="generated", text=raw))
    for block in article.removed:
        assert raw[block.start:block.end] == block.text
    for line in article.body.splitlines():
        if line.strip():
            assert line in raw
