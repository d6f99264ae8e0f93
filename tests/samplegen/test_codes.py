"""The product-code space: every n a config accepts either fits it or is refused when the config is made."""

from collections import defaultdict

import pytest

from samplegen.builder import make_config
from samplegen.card import size_category
from samplegen.cli import main
from samplegen.codes import BAND, home_bands, max_rows
from samplegen.errors import ConfigError
from samplegen.plan import iter_plan
from schemas import BuildConfig


def test_us_kinds_keep_to_their_bands(us_profile):
    bands = home_bands(us_profile)
    assert bands[40] == (40,)  # beauty and eyewear never leave 40
    assert bands[80] == tuple(range(80, 40, -1))  # the rest run down from 80 to 41, above the beauty band


@pytest.mark.parametrize("n", [2_739_301, 100_000_000])
def test_an_n_beyond_the_code_space_is_refused_when_the_config_is_made(us_profile, n):
    cap = max_rows(us_profile)
    assert 500_000 < cap < n
    with pytest.raises(ConfigError) as refused:
        make_config(n=n, with_images=False)
    message = str(refused.value)
    assert "\n" not in message and f"at most {cap:,} rows" in message and "lower --n" in message
    assert make_config(n=cap, with_images=False).n == cap


def test_the_cli_refuses_it_in_one_line_before_writing(capsys, tmp_path):
    out = tmp_path / "ds"
    code = main(["build", "--n", "2739301", "--no-images", "--quiet", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith("samplegen: error: n is 2,739,301 but profile 'us'")
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def beauty_heavy(us_profile):
    """The us profile with its beauty and eyewear leaves weighted up: its 40 band fills at a small n."""
    beauty = {spec.kind for spec in us_profile.kinds if spec.code_prefix == 40}
    leaves = [
        leaf.model_copy(update={"weight": leaf.weight * (400 if set(leaf.kinds) <= beauty else 1)})
        for leaf in us_profile.leaves
    ]
    return us_profile.model_copy(update={"leaves": leaves})


@pytest.mark.parametrize("seed", [0, 1, 2**63 - 1])
def test_at_the_cap_every_code_is_unique_and_inside_its_kinds_bands(beauty_heavy, seed):
    cap = max_rows(beauty_heavy)
    assert 20_000 < cap < 60_000  # the 40 band's 25,000 products are most of the build
    bands = home_bands(beauty_heavy)
    rows = list(iter_plan(BuildConfig(n=cap, seed=seed, with_images=False), beauty_heavy))
    codes = [row.product_code for row in rows]
    assert len(set(codes)) == len(codes) == cap
    per_band = defaultdict(int)
    for row in rows:
        home = beauty_heavy.kinds[row.kind].code_prefix
        assert 10_000_000 <= row.product_code <= 99_999_999 and row.product_code % 10 == 1
        assert row.product_code // BAND in bands[home], row
        assert row.product_code % BAND < (900_000 if row.product_code // BAND == 80 else BAND)
        per_band[row.product_code // BAND] += row.variant == 0
    assert per_band[40] > 20_000  # the band the cap is about came close to full


def test_size_categories_cover_every_n():
    assert size_category(999) == "n<1K"
    assert size_category(528_000) == "100K<n<1M"
    assert size_category(9_999_999) == "1M<n<10M"
    assert size_category(10_000_000) == "10M<n<100M"
    assert size_category(100_000_000) == "100M<n<1B"
