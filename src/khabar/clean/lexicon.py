"""Site chrome seen on Arabic (and English) news pages, as ``match``-normalized phrases.

Written by hand from crawled pages: no corpus covers Arabic site chrome, and the
list is short enough to read. Two kinds:

* ``SECTION_MARKERS`` open a block of links or of other articles ("read also",
  "related news"); what follows them is judged as possibly appended.
* ``CHROME_WORDS`` are button and widget labels (print, share, comment, report);
  a line made only of them (and counters) is clutter.
"""

from __future__ import annotations

from khabar.arabic import normalize

_MARKERS = (
    "اقرأ أيضاً", "إقرأ أيضاً", "اقرأ أيضا", "اقرا ايضا", "إقرأ ايضا", "اقرأ كذلك", "اقرأ المزيد",
    "إقرأ المزيد", "قراءة المزيد", "اقرأ أيضاً في", "شاهد أيضاً", "شاهد أيضا", "شاهد ايضا", "طالع أيضاً",
    "طالع أيضا", "يمكنك أيضاً قراءة", "مقالات مشابهة", "مقالات ذات صلة", "أخبار ذات صلة",
    "اخبار ذات صلة", "أخبار متعلقة", "مواضيع ذات صلة", "مواضيع مشابهة", "موضوعات ذات صلة",
    "أخبار مشابهة", "مقالات قد تهمك", "قد يهمك أيضاً", "قد يهمك أيضا", "قد يهمك", "قد يعجبك أيضاً",
    "قد يعجبك أيضا", "إخترنا لك", "اخترنا لك", "المزيد من الأخبار", "المزيد من المقالات",
    "المزيد من الأخبار", "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولاً", "الأكثر تداولا",
    "آخر الأخبار", "أحدث الأخبار", "أخبار أخرى", "مقالات أخرى", "تابع أيضاً", "تابع أيضا",
    "أقرأ أيضا", "أقرأ أيضاً", "اقرأ ايضاً", "ذات صلة",
    "related posts", "related articles", "related news", "read more", "read also", "see also",
    "more stories", "you may also like", "recommended", "most read", "most popular",
)
# Markers too common as words to open a line with: they count only as the whole line.
WHOLE_LINE_MARKERS: frozenset[str] = frozenset(normalize(m).lower() for m in (
    "المزيد", "للمزيد", "المزيد من", "more", "تابع", "اقرأ", "اقرأ ايضا",
))
SECTION_MARKERS: tuple[str, ...] = tuple(sorted({normalize(m).lower() for m in _MARKERS}, key=len, reverse=True))

_CHROME = (
    "تعليق تعليقات التعليقات علق ارسل أرسل إرسال طباعة اطبع تبليغ حذف شارك مشاركة شاركها "
    "تغريد غرد واتساب واتس فيسبوك تويتر تلغرام تيليجرام لينكدإن نسخ الرابط "
    "المفضلة أعجبني إعجاب تابعنا تابعونا أضف اضف تعليقك اكتب رأيك مشاهدة مشاهدات جوجل "
    "للقراءة تكبير تصغير المزيد التالي السابق الرئيسية "
    "play icon video photo image print share tweet email comment comments report delete send view all "
    "more next previous home read min whatsapp facebook twitter telegram linkedin copy link"
)
CHROME_WORDS: frozenset[str] = frozenset(normalize(w).lower() for w in _CHROME.split())
# Words of widget labels ("شارك على فيسبوك", "حجم الخط", "نسخ الرابط") that are chrome
# only next to a word of CHROME_WORDS: alone they are ordinary words.
CHROME_FILLERS: frozenset[str] = frozenset(normalize(w).lower() for w in (
    "على عبر من خلال بلس عرض الكل حجم الخط نسخ رابط مختصر دقائق دقيقة قراءة بريد حفظ فيس بوك هذا المقال الصفحة "
    "لصديق صديق إلى الى via on by to this article page size font"
).split())

# Words that are chrome only in company: "شارك" is also a common verb in prose.
STRONG_CHROME: frozenset[str] = frozenset(normalize(w) for w in (
    "طباعة", "تبليغ", "ارسل", "أرسل", "حذف", "شارك", "تعليق", "واتساب", "فيسبوك", "تويتر",
))

TAG_PREFIXES: tuple[str, ...] = tuple(normalize(p).lower() for p in (
    "كلمات دلالية", "كلمات مفتاحية", "الكلمات الدلالية", "الكلمات المفتاحية", "الوسوم", "وسوم",
    "الموضوعات", "مواضيع", "tags", "keywords", "topics",
))

# Photo agencies and credits seen at the end of image captions: "(رويترز)", "(أ ف ب)".
CAPTION_CREDITS: tuple[str, ...] = tuple(normalize(p).lower() for p in (
    "رويترز", "أ ف ب", "أ.ف.ب", "ا ف ب", "فرانس برس", "أ ب", "أ.ب", "إ ب أ", "إ.ب.أ", "الأناضول",
    "أسوشيتد برس", "غيتي", "جيتي", "getty", "afp", "reuters", "ap", "epa", "أرشيفية", "ارشيفية",
    "أرشيف", "صورة أرشيفية", "وسائل التواصل", "متداولة", "شينخوا", "واس", "سانا", "وام",
))
CAPTION_PREFIXES: tuple[str, ...] = tuple(normalize(p).lower() for p in (
    "صورة:", "الصورة:", "صورة من", "صورة أرشيفية", "صورة ارشيفية", "photo:", "image:",
))

# Openers of a paragraph that goes on the same story (not the lead of another one).
CONNECTIVES: frozenset[str] = frozenset(normalize(w) for w in (
    "كما", "بدوره", "بدورها", "أما", "لكن", "ولكن", "فيما", "بينما", "غير", "إلا", "وبحسب", "وحسب",
))
CONNECTIVE_PHRASES: tuple[str, ...] = tuple(normalize(p) for p in (
    "إلى ذلك", "الى ذلك", "من جهته", "من جهتها", "من جانبه", "من جانبها", "في المقابل", "في السياق",
    "في سياق متصل", "في هذا السياق", "في غضون ذلك", "وفي", "على صعيد", "في حين",
))
# Words that start with waw without it being the conjunction "و".
WAW_NOUNS: frozenset[str] = frozenset(normalize(w) for w in (
    "وزير", "وزيرة", "وزارة", "وزراء", "وفد", "وكالة", "وكيل", "ولي", "والي", "ولاية", "وسط", "وصول",
    "وفاة", "وقت", "وضع", "وطن", "وطني", "وطنية", "واشنطن", "وارسو", "ويلز", "وليد", "وائل", "وحدة",
    "ورشة", "وثيقة", "وجود", "وجه", "وفق", "وفقا", "وقف", "ورقة", "وظائف", "وظيفة", "وسائل", "والدة",
))
