"""Fit a generator profile from a real DBQ table.

What is learnt from the rows: the constants, the category1/2/3 taxonomy with frequencies, the EUR rate
(the one rate that reproduces every row's truncated EUR price), retail price steps, prices per item kind,
per item noun and per category leaf, the hidden price noise (the spread of price among products sharing
a title), discounts (rate and depths), title vocabulary per kind (nouns, sizes, patterns, materials,
details, bag families, beauty lines and shades), product-code prefixes and the URL hosts. What cannot be
learnt from rows without images (colours, how a word looks, the word price factors, the title grammar)
comes from the base profile (the built-in US one).
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal
from itertools import pairwise
from pathlib import Path

import pandas as pd
from pydantic import ValidationError

from samplegen.atomic import write_text
from samplegen.dbq import RealTable, read_dbq
from samplegen.errors import ProfileError, describe_validation_error
from samplegen.fit_prices import discount_fit, fit_price_factors, price_noise_fit, product_ids
from samplegen.fit_tables import CATEGORY_BADGES, PRICE_BANDS, PRICE_STEP_CANDIDATES
from samplegen.profiles import load_profile
from samplegen.title_parse import ParsedTitle, TitleParser, pattern_look_for
from schemas import NOT_AVAILABLE, Audience, Badge, ItemKind, MaterialLook, Profile, TitleSlot, to_eur
from schemas.row import GUID_IMAGEURL_PATTERN, ITEMURL_PATTERN

PRICE_RANGE_WIDENING = (0.5, 2.0)  # the fitted range: a few rows rarely show the true extremes
MATERIAL_KEYWORDS: list[tuple[str, MaterialLook]] = [
    ("suede", MaterialLook.SUEDE),
    ("check and leather", MaterialLook.CHECK_LEATHER),
    ("leather", MaterialLook.LEATHER),
    ("cashmere", MaterialLook.CASHMERE),
    ("jacquard", MaterialLook.JACQUARD),
    ("silk", MaterialLook.SILK),
    ("nylon", MaterialLook.NYLON),
    ("gabardine", MaterialLook.GABARDINE),
    ("twill", MaterialLook.TWILL),
    ("piqué", MaterialLook.PIQUE),
    ("wool", MaterialLook.WOOL),
]


@dataclass(frozen=True)
class FitSummary:
    """What the fit saw: rows, kinds, and the titles it could not read."""

    rows: int
    leaves: int
    kinds: dict[str, int]
    eur_rate: Decimal
    unread_titles: list[str] = field(default_factory=list)


def infer_eur_rate(frame: pd.DataFrame, currency: str) -> Decimal:
    """The shortest decimal rate that reproduces every row's `full_price_eur` by the truncation rule.

    A row (p, e) allows rates in (p / (e + 0.01), p / e]; the rate must lie in every row's interval.
    """
    if currency == "EUR":
        return Decimal(1)
    prices = [
        (Decimal(repr(p)), Decimal(repr(e)))
        for p, e in zip(frame["full_price"], frame["full_price_eur"], strict=True)
        if e > 0
    ]
    if not prices:
        raise ProfileError("no row has a positive full_price_eur; cannot infer the EUR rate")
    low = max(p / (e + Decimal("0.01")) for p, e in prices)
    high = min(p / e for p, e in prices)
    for digits in range(0, 7):
        quantum = Decimal(1).scaleb(-digits)
        candidate = (low + quantum / 10**6).quantize(quantum, rounding=ROUND_CEILING)
        if candidate <= high and all(Decimal(repr(to_eur(float(p), candidate))) == e for p, e in prices):
            return candidate
    ratios = sorted(p / e for p, e in prices)
    return ratios[len(ratios) // 2].quantize(Decimal("0.0001"))  # inconsistent file: the median ratio


def infer_price_steps(prices: list[float]) -> list[dict]:
    """Per price band, the largest retail step (at most a tenth of the band's floor) that every price in
    the band is a multiple of; a band without prices keeps the step below it."""
    steps: list[dict] = []
    step = 1
    for low, high in pairwise(PRICE_BANDS):
        band = [p for p in prices if low <= p < high]
        if band:
            allowed = [s for s in PRICE_STEP_CANDIDATES if s <= max(1, low / 10)]
            step = next(s for s in allowed if all(p % s == 0 for p in band))
        if not steps or step != steps[-1]["step"]:
            steps.append({"from_price": low, "step": step})
    return steps


def leaf_badge(category2: str, category3: str) -> Badge:
    """The collection badge a leaf's shots carry: by its category2 name, else its category3 name."""
    return CATEGORY_BADGES.get(category2.strip().upper()) or CATEGORY_BADGES.get(category3.strip().upper(), Badge.NONE)


def _mode(values: pd.Series) -> str:
    return str(values.mode().iloc[0])


def _material_look(phrase: str) -> MaterialLook:
    lowered = phrase.lower()
    return next((look for keyword, look in MATERIAL_KEYWORDS if keyword in lowered), MaterialLook.COTTON)


def _vocabulary(base: Profile, used: dict[TitleSlot, Counter]) -> dict[str, list[dict]]:
    """Vocabulary tables for the fitted profile: known words keep their look, price factor and placement."""
    new_word = {
        TitleSlot.PATTERN: lambda phrase: {"word": phrase, "look": pattern_look_for(phrase).value},
        TitleSlot.MATERIAL: lambda phrase: {"word": phrase, "look": _material_look(phrase).value},
    }
    tables = {}
    for slot in TitleSlot:
        known = {w.word: w.model_dump(mode="json") for w in base.vocabulary(slot)}
        tables[slot.table] = [known.get(phrase) or new_word[slot](phrase) for phrase in sorted(used[slot])]
    return tables


def _grammar(base: Profile, vocabulary: dict[str, list[dict]], nouns: set[str]) -> dict:
    """The base profile's title grammar, with its contradictions narrowed to the words the fit kept."""
    known = nouns | {entry["word"] for entries in vocabulary.values() for entry in entries}
    grammar = base.title_grammar.model_dump(mode="json")
    clashes = []
    for clash in grammar["clashes"]:
        words, against = [w for w in clash["words"] if w in known], [w for w in clash["against"] if w in known]
        if words and against:
            clashes.append({**clash, "words": words, "against": against})
    return {**grammar, "clashes": clashes}


def _word_factor(parsed: ParsedTitle, factors: dict[TitleSlot, dict[str, float]], shades: dict[str, float]) -> float:
    """The price factor of a title's words (a beauty title: its shade, e.g. a bottle size)."""
    if parsed.beauty_line is not None:
        return shades.get(parsed.shade, 1.0)
    return math.prod(factors[slot].get(phrase, 1.0) for slot, phrase in parsed.words.items())


def _listed(values: pd.Series, limit: int = 5) -> str:
    shown = ", ".join(f"{value:g}" if isinstance(value, float) else str(value) for value in values.iloc[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")


def _check_fittable(frame: pd.DataFrame, source: str) -> None:
    """Prices a profile can be fitted from (positive: they are fitted on a log scale) and product codes with
    a two-digit prefix; else one ProfileError naming the offending values and their rows."""
    problems = []
    for column in ("full_price", "price"):
        bad = frame[column][frame[column] <= 0]
        if len(bad):
            codes = _listed(frame["product_code"][bad.index])
            problems.append(f"{column} must be above 0 but is {_listed(bad)} (product_code {codes})")
    codes = frame["product_code"][frame["product_code"] < 10]
    if len(codes):
        titles = _listed(frame["title"][codes.index])
        problems.append(
            f"product_code must be a positive code of at least two digits but is {_listed(codes)} (titles {titles})"
        )
    if problems:
        raise ProfileError(f"{source}: cannot fit a profile: " + "; ".join(problems))


def fit_profile(real: RealTable, *, base: Profile | None = None, name: str | None = None) -> tuple[Profile, FitSummary]:
    """A profile that makes data shaped like `real` (one country), and a summary of the fit."""
    base = base or load_profile("us")
    frame = real.frame
    _check_fittable(frame, real.source)
    parser = TitleParser(base)
    parsed = [parser.parse(title) for title in frame["title"]]
    base_kinds = {spec.kind: spec for spec in base.kinds}

    # Kinds per row: from the title's noun, else from other rows of the same category3, else the commonest.
    kind_counts = Counter(p.kind for p in parsed if p.kind is not None)
    if not kind_counts:
        raise ProfileError(f"{real.source}: no title ends in a known item noun; cannot learn item kinds")
    by_category3: dict[str, Counter] = defaultdict(Counter)
    for category3, p in zip(frame["category3_code"], parsed, strict=True):
        if p.kind is not None:
            by_category3[category3][p.kind] += 1
    commonest = kind_counts.most_common(1)[0][0]
    kinds: list[ItemKind] = []
    for category3, p in zip(frame["category3_code"], parsed, strict=True):
        fallback = by_category3[category3].most_common(1)[0][0] if by_category3[category3] else commonest
        kinds.append(p.kind or fallback)
    unread = [title for title, p in zip(frame["title"], parsed, strict=True) if p.kind is None]

    factors = {slot: {w.word: w.price_factor for w in base.vocabulary(slot)} for slot in TitleSlot}
    base_shades = {s.name: s for spec in base.kinds for line in spec.beauty_lines for s in line.shades}
    shade_factors = {name: shade.price_factor for name, shade in base_shades.items()}
    log_prices = [math.log(price) for price in frame["full_price"]]
    word_logs = [math.log(_word_factor(p, factors, shade_factors)) for p in parsed]

    triples = list(zip(frame["category1_code"], frame["category2_code"], frame["category3_code"], strict=True))
    price_fit = fit_price_factors(
        [lp - wl for lp, wl in zip(log_prices, word_logs, strict=True)],
        kinds,
        triples,
        [p.noun for p in parsed],
        product_ids(frame),
    )
    rows_of_kind: dict[ItemKind, list[int]] = defaultdict(list)
    for index, kind in enumerate(kinds):
        rows_of_kind[kind].append(index)
    rows_of_leaf: dict[tuple, list[int]] = defaultdict(list)
    for index, triple in enumerate(triples):
        rows_of_leaf[triple].append(index)

    base_nouns = {noun.word: noun for spec in base.kinds for noun in spec.nouns}
    used: dict[TitleSlot, Counter] = {slot: Counter() for slot in TitleSlot}
    kind_specs = []
    for kind, rows in sorted(rows_of_kind.items(), key=lambda item: item[0].value):
        template = base_kinds.get(kind)
        nouns = Counter(parsed[i].noun for i in rows if parsed[i].noun)
        slot_values: dict[TitleSlot, Counter] = {slot: Counter() for slot in TitleSlot}
        for i in rows:
            for slot, phrase in parsed[i].words.items():
                slot_values[slot][phrase] += 1
                used[slot][phrase] += 1
        lines: dict[str, list[str]] = defaultdict(list)
        for i in rows:
            if parsed[i].beauty_line and parsed[i].shade not in lines[parsed[i].beauty_line]:
                lines[parsed[i].beauty_line].append(parsed[i].shade)
        kind_shades = [s for line in (template.beauty_lines if template else []) for s in line.shades]
        prefixes = Counter(int(str(frame["product_code"].iloc[i])[:2]) for i in rows)
        spec = {
            "kind": kind.value,
            "nouns": [
                {
                    "word": word,
                    "weight": count,
                    "price_factor": round(math.exp(price_fit.noun_log_factor[kind, word]), 4),
                    "shape": base_nouns[word].shape if word in base_nouns else None,
                }
                for word, count in nouns.most_common()
            ]
            or [n.model_dump() for n in (template.nouns if template else [])]
            or [{"word": kind.value.replace("_", " ").title()}],
            "median_price": round(math.exp(price_fit.kind_log_median[kind]), 2),
            "code_prefix": prefixes.most_common(1)[0][0],
            "default_material": (template.default_material if template else MaterialLook.COTTON).value,
            "variant_weights": list(template.variant_weights) if template else [0.6, 0.28, 0.12],
            "beauty_lines": [
                {"line": line, "shades": [_shade(shade, base_shades, kind_shades, k) for k, shade in enumerate(shades)]}
                for line, shades in lines.items()
            ],
        }
        for slot in TitleSlot:
            spec[slot.table] = sorted(slot_values[slot])
            spec[f"p_{slot.value}"] = round(sum(slot_values[slot].values()) / len(rows), 4)
        kind_specs.append(spec)

    leaves = []
    for triple, rows in rows_of_leaf.items():
        leaf_kinds = sorted({kinds[i].value for i in rows})
        leaves.append(
            {
                "category1": triple[0],
                "category2": triple[1],
                "category3": triple[2],
                "weight": len(rows),
                "kinds": leaf_kinds,
                "price_factor": round(math.exp(price_fit.leaf_log_factor[triple]), 4),
                "audience": _audience(triple[0], leaf_kinds, base),
                "badge": leaf_badge(triple[1], triple[2]).value,
            }
        )

    currency = _mode(frame["currency_code"])
    rate = infer_eur_rate(frame, currency)
    prices = [float(p) for p in frame["full_price"]]
    hosts = Counter(m["host"] for url in frame["itemurl"] if (m := ITEMURL_PATTERN.match(url)))
    image_prefixes = Counter(
        url.rsplit("/", 1)[0] + "/" for url in frame["imageurl"] if GUID_IMAGEURL_PATTERN.match(url)
    )
    country = _mode(frame["country_code"])
    vocabulary = _vocabulary(base, used)
    noun_words = {noun["word"] for spec in kind_specs for noun in spec["nouns"]}
    discount_rate, discount_depths = discount_fit(frame)
    noise = price_noise_fit(frame)
    if noise is None:  # no title shared by two products: the spread the visible factors leave unexplained
        noise = price_fit.residual_sd
    data = {
        "name": name or f"fitted-{country.lower()}",
        "description": f"{_mode(frame['website_name'])} {country} product price list, "
        f"fitted from {Path(real.source).name} ({len(frame)} rows)",
        "website_name": _mode(frame["website_name"]),
        "competence_date": _mode(frame["competence_date"]),
        "country_code": country,
        "currency_code": currency,
        "brand": _mode(frame["brand"]),
        "eur_rate": str(rate),
        "itemurl_host": hosts.most_common(1)[0][0] if hosts else base.itemurl_host,
        "imageurl_prefix": image_prefixes.most_common(1)[0][0] if image_prefixes else base.imageurl_prefix,
        "imageurl_placeholder_rate": round(float((frame["imageurl"] == NOT_AVAILABLE).mean()), 4),
        "price_min": min(prices) * PRICE_RANGE_WIDENING[0],
        "price_max": max(prices) * PRICE_RANGE_WIDENING[1],
        "price_steps": infer_price_steps(prices),
        "price_noise": base.price_noise if noise is None else noise,
        "discount_rate": discount_rate,
        "discount_depths": discount_depths,
        "title_grammar": _grammar(base, vocabulary, noun_words),
        **vocabulary,
        "colours": [c.model_dump(mode="json") for c in base.colours],
        "accents": [c.model_dump(mode="json") for c in base.accents],
        "kinds": kind_specs,
        "leaves": leaves,
    }
    try:
        profile = Profile.model_validate(data)
    except ValidationError as error:
        raise ProfileError(f"the fitted profile is inconsistent: {describe_validation_error(error)}") from None
    summary = FitSummary(
        rows=len(frame),
        leaves=len(leaves),
        kinds={kind.value: len(rows) for kind, rows in rows_of_kind.items()},
        eur_rate=rate,
        unread_titles=unread,
    )
    return profile, summary


def _audience(category1: str, kinds: list[str], base: Profile) -> str:
    """Who a leaf's items are cut for: its category1 when that names an audience (WOMAN, MAN, KIDS), else
    the audience of the base profile's leaves that hold most of the same kinds."""
    if category1 in Audience.__members__:
        return category1
    votes = Counter(leaf.audience.value for leaf in base.leaves for kind in leaf.kinds if kind.value in kinds)
    return min(votes, key=lambda audience: (-votes[audience], audience)) if votes else Audience.WOMAN.value


def _shade(name: str, base_shades: dict, kind_shades: list, index: int) -> dict:
    """A shade as the base profile knows it (colour, price factor, drawn size); an unknown name takes
    the colour of one of the kind's base shades in turn."""
    if name in base_shades:
        return base_shades[name].model_dump(mode="json")
    rgb = kind_shades[index % len(kind_shades)].rgb if kind_shades else (180, 120, 110)
    return {"name": name, "rgb": list(rgb)}


def save_profile(profile: Profile, path: str | os.PathLike) -> Path:
    """Write the profile JSON atomically (a temporary file renamed into place)."""
    target = Path(path)
    if target.is_dir():
        raise ProfileError(f"{target} is a folder; give a file path such as profile.json")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text(target, json.dumps(profile.model_dump(mode="json"), indent=1, ensure_ascii=False) + "\n")
    except OSError as error:
        raise ProfileError(f"cannot write {target}: {error.strerror}; choose a path you can write to") from None
    return target


def profile(
    real: str | os.PathLike,
    *,
    country: str | None = None,
    out: str | os.PathLike | None = None,
    name: str | None = None,
) -> Profile:
    """Fit a profile from a real DBQ file, folder or Hub id (one country); write it to `out` if given."""
    fitted, _ = fit_profile(read_dbq(real, country=country), name=name)
    if out is not None:
        save_profile(fitted, out)
    return fitted
