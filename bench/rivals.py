"""The 17 DBQ columns made by other generators, row by row, for bench_generator's metadata figures.

`mimesis_like_for_like` is the fair rival: Mimesis' fastest call for each column that varies (a category
leaf in one `Choice` call, as the plan draws one leaf; an 8-digit integer; `Text.title`; a slug and the
code for `itemurl`; a UUID for `imageurl`; a price), the profile's constant columns as constants and the
EUR columns computed, as samplegen computes them. `mimesis_field_list` calls the fields the older
Fieldset benchmark listed (random dates, countries, currencies, companies, words, `url`, `uri`, four
prices) row by row; `mimesis_fieldset` is that list through `Fieldset` (slower: it flatters samplegen).
"""

from __future__ import annotations

import math

from schemas import Profile


def mimesis_like_for_like(n: int, profile: Profile) -> None:
    from mimesis import Choice, Cryptographic, Finance, Internet, Locale, Numeric, Text  # noqa: PLC0415

    choice, crypto, finance = Choice(seed=0), Cryptographic(seed=0), Finance(Locale.EN, seed=0)
    internet, numeric, text = Internet(seed=0), Numeric(seed=0), Text(Locale.EN, seed=0)
    leaves = [(leaf.category1, leaf.category2, leaf.category3) for leaf in profile.leaves]
    site, date, country, currency, brand = (
        profile.website_name,
        profile.competence_date,
        profile.country_code,
        profile.currency_code,
        profile.brand,
    )
    host, prefix, rate = profile.itemurl_host, profile.imageurl_prefix, float(profile.eur_rate)
    for _ in range(n):
        category1, category2, category3 = choice(items=leaves)
        code = numeric.integer_number(10_000_000, 99_999_999)
        full = finance.price(32, 70_000)
        price = full  # the US profile sells at full price
        {
            "website_name": site,
            "competence_date": date,
            "country_code": country,
            "currency_code": currency,
            "brand": brand,
            "category1_code": category1,
            "category2_code": category2,
            "category3_code": category3,
            "product_code": code,
            "title": text.title(),
            "itemurl": f"https://{host}/{internet.slug()}-p{code}",
            "imageurl": prefix + crypto.uuid().upper(),
            "full_price": full,
            "price": price,
            "full_price_eur": math.floor(full * 100 / rate) / 100,
            "price_eur": math.floor(price * 100 / rate) / 100,
            "flg_discount": int(price < full),
        }


def mimesis_field_list(n: int) -> None:
    from mimesis import Address, Choice, Datetime, Finance, Internet, Locale, Numeric, Text  # noqa: PLC0415

    address, choice, dates, finance = (
        Address(Locale.EN, seed=0),
        Choice(seed=0),
        Datetime(seed=0),
        Finance(Locale.EN, seed=0),
    )
    internet, numeric, text = Internet(seed=0), Numeric(seed=0), Text(Locale.EN, seed=0)
    for _ in range(n):
        {
            "website_name": "Burberry",
            "competence_date": dates.date(),
            "country_code": address.country_code(),
            "currency_code": finance.currency_iso_code(),
            "brand": finance.company(),
            "category1_code": choice(items=["WOMAN", "MAN", "KIDS"]),
            "category2_code": text.word(),
            "category3_code": text.word(),
            "product_code": numeric.integer_number(10_000_000, 99_999_999),
            "title": text.title(),
            "itemurl": internet.url(),
            "imageurl": internet.uri(),
            "full_price": finance.price(32, 70_000),
            "price": finance.price(32, 70_000),
            "full_price_eur": finance.price(30, 65_000),
            "price_eur": finance.price(30, 65_000),
            "flg_discount": 0,
        }


def mimesis_fieldset(n: int) -> None:
    """Mimesis' batch path: one Fieldset call per column, `i=n` values at once, zipped into rows."""
    from mimesis import Fieldset, Locale  # noqa: PLC0415

    fields = Fieldset(locale=Locale.EN, seed=0, i=n)
    columns = [
        ["Burberry"] * n,
        fields("date", i=n),
        fields("country_code", i=n),
        fields("currency_iso_code", i=n),
        fields("company", i=n),
        fields("choice", items=["WOMAN", "MAN", "KIDS"], i=n),
        fields("word", i=n),
        fields("word", i=n),
        fields("integer_number", start=10_000_000, end=99_999_999, i=n),
        fields("title", i=n),
        fields("url", i=n),
        fields("uri", i=n),
        fields("price", minimum=32, maximum=70_000, i=n),
        fields("price", minimum=32, maximum=70_000, i=n),
        fields("price", minimum=30, maximum=65_000, i=n),
        fields("price", minimum=30, maximum=65_000, i=n),
        [0] * n,
    ]
    names = [f"c{i}" for i in range(17)]
    [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


def faker_rows(n: int) -> None:
    from faker import Faker  # noqa: PLC0415

    fake = Faker("en_US")
    fake.seed_instance(0)
    for _ in range(n):
        {
            "website_name": "Burberry",
            "competence_date": fake.date(),
            "country_code": fake.country_code(),
            "currency_code": fake.currency_code(),
            "brand": fake.company(),
            "category1_code": fake.random_element(("WOMAN", "MAN", "KIDS")),
            "category2_code": fake.word(),
            "category3_code": fake.word(),
            "product_code": fake.random_int(10_000_000, 99_999_999),
            "title": fake.catch_phrase(),
            "itemurl": fake.url(),
            "imageurl": fake.image_url(),
            "full_price": fake.pyfloat(min_value=32, max_value=70_000, right_digits=0),
            "price": 0.0,
            "full_price_eur": fake.pyfloat(min_value=30, max_value=65_000, right_digits=2),
            "price_eur": 0.0,
            "flg_discount": 0,
        }
