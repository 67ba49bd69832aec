"""What share cards cost: one card per script, and whole builds with cards off, cold and warm.

    .venv/bin/python -m bench.share_cards --size 1000x6 --out bench/results/share-cards.json

The cards (chancery.core.cards) are drawn once per page and language and kept in a cache
folder. This measures the drawing of one card in each script the fonts cover, then builds a
generated corpus (bench/corpus.py) three times with the demo's plugin set: cards off, cards on
with an empty cache (cold), and again with the cache the cold build left (warm).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from bench.corpus import generate
from bench.harness import NOW, chancery_config, environment, measure, parse_sizes
from chancery.core.cards import CardStyle, CardText, load_emblem, raqm_available, render_card

REPO = Path(__file__).resolve().parent.parent

#: One title per script, with the ministry's name and a date, as the demo's cards show them.
SAMPLES = {
    "en": ("Haneul and Mexico sign a climate and clean-energy partnership", "ltr"),
    "fr": ("Haneul et le Mexique signent un partenariat pour le climat", "ltr"),
    "ru": ("Ханыль и Мексика подписали соглашение о партнёрстве", "ltr"),  # noqa: RUF001
    "ar": ("هانول والمكسيك توقعان شراكة في مجال المناخ والطاقة النظيفة", "rtl"),
    "he": ("האנול ומקסיקו חותמות על שותפות אקלים", "rtl"),
    "hi": ("हनुल और मेक्सिको ने जलवायु साझेदारी पर हस्ताक्षर किए", "ltr"),
    "th": ("ฮานึลและเม็กซิโกลงนามความร่วมมือด้านสภาพภูมิอากาศ", "ltr"),
    "zh": ("哈努尔与墨西哥签署气候与清洁能源伙伴关系协议", "ltr"),
    "ja": ("ハヌルとメキシコが気候とクリーンエネルギーの協力で合意", "ltr"),
    "ko": ("하늘과 멕시코, 기후·청정에너지 파트너십 체결", "ltr"),
}


def per_card(rounds: int) -> dict[str, Any]:
    """Milliseconds to draw one card (median of ``rounds``, each a new title), and its bytes."""
    emblem = load_emblem(
        (REPO / "overrides/assets/images/emblem.svg").read_bytes(), "emblem.svg", 192, "#ffffff"
    )
    style = CardStyle()
    results: dict[str, Any] = {}
    for code, (title, direction) in SAMPLES.items():
        render_card(CardText(title, "Ministry", code, direction), emblem, style)  # fonts loaded
        times, sizes = [], []
        for index in range(rounds):
            text = CardText(f"{title} {index}", "Ministry", code, direction, "News", "2026")  # type: ignore[arg-type]
            start = time.perf_counter()
            data = render_card(text, emblem, style)
            times.append((time.perf_counter() - start) * 1000)
            sizes.append(len(data))
        results[code] = {
            "ms_median": round(statistics.median(times), 1),
            "bytes_median": int(statistics.median(sizes)),
        }
    return results


def builds(
    pages: int, languages: int, work: Path, results: dict[str, Any], save: Callable[[], None]
) -> None:
    """Build the corpus with cards off, cold and warm; wall and CPU time, cards and bytes.

    Each build's figures go into ``results`` as it ends, and are saved at once.
    """
    corpus = generate(work / "corpus", pages, languages)
    cache = work / "card-cache"
    for stack in ("off", "cold", "warm"):
        config = chancery_config(corpus, markdown_cache=str(work / "markdown-cache"))
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "chancery/seo" in plugin:
                plugin["chancery/seo"]["share_cards"] = stack != "off"
                plugin["chancery/seo"]["share_cards_cache"] = str(cache)
        config_file = work / f"mkdocs-{stack}.yml"
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        site = work / f"site-{stack}"
        shutil.rmtree(site, ignore_errors=True)
        env = {**os.environ, "CHANCERY_NOW": NOW, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)]
        result = measure([*command, "-d", str(site)], env, work / f"build-{stack}.log")
        cards = [path.stat().st_size for path in site.rglob("assets/cards/*.png")]
        result["cards"] = len(cards)
        result["cards_mb"] = round(sum(cards) / 2**20, 1)
        result["site_mb"] = round(
            sum(path.stat().st_size for path in site.rglob("*") if path.is_file()) / 2**20, 1
        )
        results[stack] = result
        print(stack, json.dumps(result), flush=True)
        save()


def main(argv: list[str] | None = None) -> int:
    """Measure, print and write the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.share_cards", description=__doc__)
    parser.add_argument("--size", type=parse_sizes, default=parse_sizes("300x6"))
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--out", type=Path, default=Path("bench/results/share-cards.json"))
    args = parser.parse_args(argv)
    report: dict[str, Any] = {"environment": environment(), "raqm": raqm_available()}
    report["per_card"] = per_card(args.rounds)
    print(json.dumps(report["per_card"], indent=1))
    args.out.parent.mkdir(parents=True, exist_ok=True)

    def save() -> None:
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")

    save()
    with tempfile.TemporaryDirectory(prefix="chancery-cards-") as folder:
        for pages, languages in args.size:
            size = f"{pages}x{languages}"
            report[size] = {}
            builds(pages, languages, Path(folder) / size, report[size], save)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
