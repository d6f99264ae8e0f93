"""The product-code space: which bands of 8-digit codes each item kind may use, and how many rows fit.

Real codes have 8 digits, end in 1, and the colour variants of a product are 10 apart; beauty and
eyewear codes all start with 40, the others run from 26M to 80.9M. A band is the million codes that
share their first two digits. Each product group gets a block of `MAX_VARIANTS` codes 10 apart, so a
band holds 25,000 groups. A kind starts in the band of its `code_prefix` (its home) and, unless that
home is fixed, goes on down through the bands below it until the next band that is some kind's home.
Homes share their bands among the kinds that have them, so the code space is a set of disjoint band
lists, one per home, and the rows a build may have are capped by the fullest of them.
"""

from __future__ import annotations

import math

from samplegen.errors import BuildError, ConfigError
from samplegen.sampling import stream
from schemas import BuildConfig, Profile

MAX_VARIANTS = 4  # colour variants per product; product codes of a group are 10 apart
BLOCK = 10 * MAX_VARIANTS  # code units reserved per product group
BAND = 1_000_000  # codes sharing their first two digits
BAND_LIMIT = {80: 900_000}  # the real US codes stop at 80.9M
FIXED_HOMES = frozenset({40})  # the real beauty and eyewear codes all start with 40: they never leave it
LOWEST_BAND = 26  # the real codes start at 26M
_STRIDE = 7919  # a prime: block b of a band goes to position (b * _STRIDE + offset) mod blocks
SAFETY_SIGMAS = 10  # the cap keeps a home's expected groups this many standard deviations below its room
SAFETY_SHARE = 0.005  # ... and this share of them


def band_blocks(band: int) -> int:
    """Product groups (blocks of codes) a band holds."""
    return BAND_LIMIT.get(band, BAND) // BLOCK


def home_bands(profile: Profile) -> dict[int, tuple[int, ...]]:
    """Each home prefix's bands, in the order they are used: the home, then the free bands below it."""
    homes = sorted({spec.code_prefix for spec in profile.kinds}, reverse=True)
    bands = {}
    for home in homes:
        chain = [home]
        if home not in FIXED_HOMES:
            chain.extend(range(home - 1, LOWEST_BAND - 1, -1))
            below = [band for band in chain[1:] if band in homes]
            if below:
                chain = chain[: chain.index(below[0])]
        bands[home] = tuple(chain)
    return bands


class CodeBook:
    """Hands each product group a block of codes in its kind's bands, scattered but never reused.

    Its whole state is how many blocks of each band are taken (`state`), so a plan can resume from it.
    """

    def __init__(self, seed: int, profile: Profile, used: tuple[tuple[int, int], ...] = ()) -> None:
        self._offset = stream(seed, "codes").randrange(1 << 30)
        chains = home_bands(profile)
        self._homes = [spec.code_prefix for spec in profile.kinds]
        self._chains = {home: [(band, band_blocks(band)) for band in bands] for home, bands in chains.items()}
        self._first_open = dict.fromkeys(chains, 0)  # per home: bands before this one are full
        self._used: dict[int, int] = dict(used)

    @property
    def state(self) -> tuple[tuple[int, int], ...]:
        return tuple(sorted(self._used.items()))

    def block(self, kind: int) -> int:
        """The first code of a new group of kind number `kind` (its variants add 10, 20, 30)."""
        home = self._homes[kind]
        chain = self._chains[home]
        for step in range(self._first_open[home], len(chain)):
            band, blocks = chain[step]
            used = self._used.get(band, 0)
            if used < blocks:
                self._used[band] = used + 1
                position = (used * _STRIDE + self._offset) % blocks
                return band * BAND + position * BLOCK + 1
            self._first_open[home] = step + 1
        bands = [band for band, _ in chain]
        raise BuildError(f"ran out of product codes in bands {bands}; lower --n")  # the cap keeps this from happening


def kind_shares(profile: Profile) -> list[float]:
    """How often the plan draws each kind: a leaf by weight, then one of its kinds."""
    index = {spec.kind: position for position, spec in enumerate(profile.kinds)}
    total = sum(leaf.weight for leaf in profile.leaves)
    shares = [0.0] * len(profile.kinds)
    for leaf in profile.leaves:
        for kind in leaf.kinds:
            shares[index[kind]] += leaf.weight / total / len(leaf.kinds)
    return shares


def mean_variants(profile: Profile, kind: int) -> float:
    weights = profile.kinds[kind].variant_weights[:MAX_VARIANTS]
    return sum((count + 1) * weight for count, weight in enumerate(weights)) / sum(weights)


def _most_expected(room: int) -> float:
    """The largest expected group count m whose headroom m(1 + share) + sigmas·√m + MAX_VARIANTS fits `room`."""
    a, b, c = 1 + SAFETY_SHARE, SAFETY_SIGMAS, MAX_VARIANTS - room
    root = (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)  # a·x² + b·x + c = 0 with x = √m
    return max(root, 0.0) ** 2


def max_rows(profile: Profile) -> int:
    """The largest n whose product groups fit every home's bands, with a wide safety margin.

    A home's groups are a binomial share of all groups, so at the cap running out would take a draw ten
    standard deviations above the mean (odds far below 1e-20): a build that passes the check does not
    stop for want of codes.
    """
    shares = kind_shares(profile)
    rows_per_group = sum(share * mean_variants(profile, kind) for kind, share in enumerate(shares))
    home_share: dict[int, float] = {}
    for spec, share in zip(profile.kinds, shares, strict=True):
        home_share[spec.code_prefix] = home_share.get(spec.code_prefix, 0.0) + share
    chains = home_bands(profile)
    groups = min(
        _most_expected(sum(map(band_blocks, chains[home]))) / share for home, share in home_share.items() if share > 0
    )
    return int(groups * rows_per_group)


def check_code_space(config: BuildConfig, profile: Profile) -> None:
    """ConfigError when `config.n` rows would not fit the profile's product codes."""
    cap = max_rows(profile)
    if config.n > cap:
        raise ConfigError(
            f"n is {config.n:,} but profile {config.profile!r} has 8-digit product codes (ending in 1, in each "
            f"kind's bands) for at most {cap:,} rows; lower --n to {cap:,} or less"
        )
