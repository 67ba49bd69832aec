"""A realistic, reproducible benchmark corpus: N pages x L languages in content/<lang>/.

Every content type appears with front matter that Chancery's strict models accept and that
stays plain YAML for the stock stack. The domestic language (ko) is the source of every page;
the other languages carry `translation_of` with the right hash (current), a wrong one
(stale) or no file at all (missing). Bodies have headings, lists and internal links to pages
that exist in the same language, at lengths close to the demo portal's (300-900 words).
"""

from __future__ import annotations

import posixpath
import random
from dataclasses import dataclass, field
from pathlib import Path

from chancery.core.catalog import body_hash

#: All benchmark languages, in the demo's policy order (English at the root, Korean domestic).
ALL_LANGUAGES = ("en", "fr", "es", "zh", "ar", "ko")
#: Which languages a corpus of L languages uses: always English at the root, Korean as source.
LANGUAGE_SETS = {1: ("en",), 2: ("en", "ko"), 3: ("en", "fr", "ko"), 6: ALL_LANGUAGES}

REGIONS = {
    "east-asia": ("CN", "JP", "MN"),
    "europe": ("FR", "DE", "GB", "IT", "ES"),
    "latin-america": ("MX", "BR", "AR", "CL"),
    "middle-east": ("EG", "SA", "AE", "JO"),
    "africa": ("NG", "KE", "ZA", "SN"),
    "north-america": ("US", "CA"),
}
TAGS = ("climate", "education", "trade", "culture", "security", "health", "travel", "energy")
#: Countries for travel advice and missions: one travel-advice page per country (a rule).
_COUNTRY_LIST = (
    "AE AR AT AU BE BR CA CH CL CN CO CZ DE DK EG ES FI FR GB GR HU ID IE IL IN IT JO JP"
)
COUNTRIES = tuple(
    f"{_COUNTRY_LIST} KE MA MX MY NG NL NO NZ PE PH PL PT QA RO SA SE SG SN".split(" ")
)
#: Content types and their share of the corpus, with the folder each lives in.
TYPES = (
    ("news", "news", 40),
    ("statement", "statements", 14),
    ("page", "pages", 8),
    ("event", "events", 8),
    ("fact-check", "fact-checks", 8),
    ("campaign", "campaigns", 5),
    ("consular-service", "consular", 5),
    ("mission", "missions", 6),
    ("travel-advice", "travel-advice", 6),
)
SERVICES = ("passport", "visa", "notarial", "registration", "emergency-assistance", "other")

_LATIN = {
    "en": "the ministry minister embassy partnership cooperation citizens agreement climate "
    "energy culture students programme security region development trade support visit "
    "dialogue future people countries together public annual research heritage",
    "fr": "le ministère ministre ambassade partenariat coopération citoyens accord climat "
    "énergie culture étudiants programme sécurité région développement commerce soutien "
    "visite dialogue avenir peuples pays ensemble public annuel recherche patrimoine",
    "es": "el ministerio ministra embajada asociación cooperación ciudadanos acuerdo clima "
    "energía cultura estudiantes programa seguridad región desarrollo comercio apoyo visita "
    "diálogo futuro pueblos países juntos público anual investigación patrimonio",
}
_SCRIPT = {
    "zh": "外交部长大使馆合作伙伴关系公民协议气候能源文化学生项目"
    "安全地区发展贸易支持访问对话未来人民国家共同公开年度研究遗产",
    "ar": "الوزارة الوزيرة السفارة الشراكة التعاون المواطنون الاتفاق المناخ الطاقة الثقافة الطلاب "
    "البرنامج الأمن المنطقة التنمية التجارة الدعم الزيارة الحوار المستقبل الشعوب البلدان معا",
    "ko": "외교부 장관 대사관 협력 동반자 관계 국민 협정 기후 에너지 문화 학생 사업 안보 지역 "
    "개발 무역 지원 방문 대화 미래 국민들 국가 함께 공공 연례 연구 유산",
}
_HEADINGS = {
    "en": ("Background", "What happens next", "Key figures", "Contacts"),
    "fr": ("Contexte", "Prochaines étapes", "Chiffres clés", "Contacts"),
    "es": ("Antecedentes", "Próximos pasos", "Cifras clave", "Contactos"),
    "zh": ("背景", "下一步", "关键数据", "联系方式"),
    "ar": ("خلفية", "الخطوات التالية", "أرقام رئيسية", "جهات الاتصال"),
    "ko": ("배경", "향후 계획", "주요 수치", "연락처"),
}
_ADVICE_HEADINGS = {
    "en": ("Safety", "Entry requirements", "Health", "Local laws"),
    "fr": ("Sécurité", "Conditions d'entrée", "Santé", "Lois locales"),
    "es": ("Seguridad", "Requisitos de entrada", "Salud", "Leyes locales"),
    "zh": ("安全", "入境要求", "健康", "当地法律"),
    "ar": ("السلامة", "شروط الدخول", "الصحة", "القوانين المحلية"),
    "ko": ("안전", "입국 요건", "보건", "현지 법률"),
}
_ADVICE_IDS = ("safety", "entry-requirements", "health", "local-laws")


@dataclass
class Corpus:
    """What was generated: enough for the harness to find one article and report the mix."""

    root: Path
    pages: int
    languages: tuple[str, ...]
    files: int = 0
    missing: int = 0
    stale: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    #: The key (path inside a language folder) of a news article present in every language.
    article: str = ""

    @property
    def content_dir(self) -> Path:
        """The docs_dir of both stacks' configurations."""
        return self.root / "content"


def generate(root: Path, pages: int, languages: int, seed: int = 9) -> Corpus:
    """Write ``pages`` keys x ``languages`` languages into ``root/content``."""
    codes = LANGUAGE_SETS.get(languages)
    if codes is None:
        raise ValueError(f"languages: {languages} is not one of {sorted(LANGUAGE_SETS)}")
    rng = random.Random(seed)
    source = "ko" if "ko" in codes else codes[0]
    keys = _plan_keys(pages)
    corpus = Corpus(root, pages, codes)
    # Which keys exist in which language: decided first, so that links only point at pages
    # that exist in the linking page's language.
    present: dict[str, set[str]] = {code: set() for code in codes}
    state: dict[tuple[str, str], str] = {}
    for key, _ in keys:
        for code in codes:
            roll = rng.random()
            if code == source or key == "index.md" or roll >= 0.16:
                status = "current"
            else:
                status = "missing" if roll < 0.08 else "stale"
            state[key, code] = status
            if status != "missing":
                present[code].add(key)
    # Every tag named in every language (a real site's translators write these names).
    tags = "".join(
        f"{tag}:\n" + "".join(f"  {code}: {_quoted(_words(rng, code, 2))}\n" for code in codes)
        for tag in TAGS
    )
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "content" / "_tags.yml").write_text(tags, encoding="utf-8")
    for position, (key, kind) in enumerate(keys):
        corpus.by_type[kind] = corpus.by_type.get(kind, 0) + 1
        source_body = _body(rng, source, key, kind, sorted(present[source]))
        for code in codes:
            status = state[key, code]
            if status == "missing":
                corpus.missing += 1
                continue
            body = (
                source_body
                if code == source
                else _body(rng, code, key, kind, sorted(present[code]))
            )
            meta = _front_matter(rng, code, kind, position, key)
            if code != source:
                digest = body_hash(source_body)
                if status == "stale":
                    corpus.stale += 1
                    digest = body_hash(source_body + "\nAn earlier version.")
                meta.append(f"translation_of:\n  language: {source}\n  hash: {digest}")
            path = root / "content" / code / key
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("---\n" + "\n".join(meta) + "\n---\n\n" + body, encoding="utf-8")
            corpus.files += 1
        if not corpus.article and kind == "news" and all(state[key, c] == "current" for c in codes):
            corpus.article = key
    return corpus


def _plan_keys(pages: int) -> list[tuple[str, str]]:
    """``pages`` keys: a home and an about page, then the content types in their shares."""
    keys = [("index.md", "page"), ("about.md", "page")]
    weights = [share for _, _, share in TYPES]
    counts = {kind: 0 for kind, _, _ in TYPES}
    for number in range(max(0, pages - 2)):
        # A fixed rotation by share: the mix is the same at every size, with no randomness.
        slot = number * 7919 % sum(weights)
        kind, folder = TYPES[-1][:2]
        for candidate, place, share in TYPES:
            if slot < share:
                kind, folder = candidate, place
                break
            slot -= share
        if kind == "travel-advice" and counts[kind] >= len(COUNTRIES):
            kind, folder = "news", "news"  # One travel-advice page per country at most.
        counts[kind] += 1
        keys.append((f"{folder}/{kind}-{counts[kind]:05d}.md", kind))
    return keys[:pages] if pages >= 2 else keys[:1]


def _words(rng: random.Random, code: str, count: int) -> str:
    if code in _LATIN:
        pool = _LATIN[code].split()
        return " ".join(rng.choice(pool) for _ in range(count))
    if code == "zh":
        return "".join(rng.choice(_SCRIPT["zh"]) for _ in range(count * 2))
    pool = _SCRIPT[code].split()
    return " ".join(rng.choice(pool) for _ in range(count))


def _sentence(rng: random.Random, code: str) -> str:
    text = _words(rng, code, rng.randint(8, 22))
    stop = "。" if code == "zh" else "."
    return text[:1].upper() + text[1:] + stop


def _paragraph(rng: random.Random, code: str) -> str:
    return " ".join(_sentence(rng, code) for _ in range(rng.randint(3, 6)))


def _link(rng: random.Random, code: str, key: str, present: list[str]) -> str:
    target = rng.choice(present)
    href = posixpath.relpath(target, posixpath.dirname(key) or ".")
    return f"[{_words(rng, code, 3)}]({href})"


def _body(rng: random.Random, code: str, key: str, kind: str, present: list[str]) -> str:
    parts = [_paragraph(rng, code)]
    if kind == "travel-advice":
        headings = [
            f"{title} {{#{anchor}}}"
            for title, anchor in zip(_ADVICE_HEADINGS[code], _ADVICE_IDS, strict=True)
        ]
    else:
        headings = list(_HEADINGS[code][: rng.randint(2, 4)])
    # Travel advice stays short: its text-only light page must fit chancery/consular's
    # light_max_bytes (15 KiB), as real advice written for slow connections does.
    advice = kind == "travel-advice"
    for heading in headings:
        parts.append(f"## {heading}")
        for _ in range(1 if advice else rng.randint(1, 2)):
            parts.append(_sentence(rng, code) if advice else _paragraph(rng, code))
        if not advice and rng.random() < 0.5:
            parts.append("\n".join(f"- {_sentence(rng, code)}" for _ in range(rng.randint(2, 4))))
    links = " ".join(_link(rng, code, key, present) for _ in range(rng.randint(2, 4)))
    parts.append(f"{_sentence(rng, code)} {links}")
    return "\n\n".join(parts) + "\n"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _front_matter(rng: random.Random, code: str, kind: str, position: int, key: str) -> list[str]:
    day = 1 + position % 28
    month = 1 + position % 10
    year = 2024 + position % 3
    date = f"{year}-{month:02d}-{day:02d}T09:00:00+09:00"
    later = f"{year}-{month + 1:02d}-{day:02d}T10:00:00+09:00"
    # Facts (levels, dates, kinds, countries) are the same in every language, as Chancery
    # checks; only the text is drawn per language.
    facts = random.Random(position)
    region = facts.choice(sorted(REGIONS))
    audiences = [region, facts.choice(REGIONS[region])]
    meta = [
        f"title: {_quoted(_words(rng, code, rng.randint(5, 10)).capitalize())}",
        f"description: {_quoted(_sentence(rng, code)[:280])}",
        f"type: {kind}",
        f"audiences: [{', '.join(audiences)}]",
        f"tags: [{', '.join(sorted(set(facts.sample(TAGS, 2))))}]",
    ]
    country = COUNTRIES[position % len(COUNTRIES)]
    if kind in ("news", "statement", "fact-check", "travel-advice"):
        meta.append(f"date: {date}")
    if kind == "statement":
        meta.append(f"kind: {facts.choice(['statement', 'speech', 'press-release'])}")
        meta.append(f"speaker: {_quoted(_words(rng, code, 2))}")
    elif kind == "travel-advice":
        # A level history: first published at one level, raised by a later, noted change.
        first = facts.randint(1, 3)
        meta += [
            # The key's number picks the country: one travel-advice page per country.
            f"country: {COUNTRIES[int(key[-8:-3]) - 1]}",
            f"level: {first + 1}",
            f"updated: {later}",
            "changes:",
            f"  - date: {_quoted(date)}",
            f"    level: {first}",
            f"    note: {_quoted(_sentence(rng, code))}",
            f"  - date: {_quoted(later)}",
            f"    level: {first + 1}",
            f"    note: {_quoted(_sentence(rng, code))}",
        ]
    elif kind == "consular-service":
        meta.append(f"service: {SERVICES[position % len(SERVICES)]}")
        meta.append(f"fee: {_quoted('30 USD')}")
    elif kind == "campaign":
        meta += [f"hashtag: {_quoted(f'#Haneul{position}')}", f"start: {date}", f"end: {later}"]
    elif kind == "fact-check":
        meta += [
            f"claim: {_quoted(_sentence(rng, code))}",
            f"claimant: {_quoted(_words(rng, code, 2))}",
            f"appeared_in: {_quoted(_words(rng, code, 3))}",
            f"rating: {facts.choice(['false', 'misleading', 'missing-context', 'unproven'])}",
        ]
    elif kind == "event":
        meta += [f"start: {later}", f"location: {_quoted(_words(rng, code, 2))}"]
    elif kind == "mission":
        meta += [
            f"kind: {facts.choice(['embassy', 'consulate-general', 'consulate'])}",
            f"country: {country}",
            f"city: {_quoted(_words(rng, code, 1))}",
            f"address: {_quoted(_words(rng, code, 5))}",
            f'phone: "+1 555 0100 {position:04d}"',
            f'emergency_phone: "+1 555 0199 {position:04d}"',
            "languages_served: [en, ko]",
            "consular_services: [passport, visa]",
        ]
    return meta
