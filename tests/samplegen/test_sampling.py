"""Weighted and uniform draws: the same picks as the standard library's, from the same stream."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samplegen.sampling import Weighted, uniform_index, weighted_index

weights = st.lists(st.floats(min_value=0, max_value=1e6, allow_subnormal=False), min_size=1, max_size=12).filter(
    lambda values: sum(values) > 0
)


@given(weights=weights, seed=st.integers(0, 2**32))
def test_a_weighted_draw_is_random_choices_draw_with_cumulative_weights(weights, seed):
    table = Weighted([f"item{i}" for i in range(len(weights))], weights)
    ours, theirs = random.Random(seed), random.Random(seed)
    for _ in range(20):
        assert table.draw(ours) == theirs.choices(table.items, cum_weights=table.cumulative)[0]
    assert ours.getstate() == theirs.getstate()  # one random() per draw, as choices takes


@given(weights=weights, seed=st.integers(0, 2**32))
def test_a_weighted_index_is_that_of_random_choices_and_never_of_a_weightless_item(weights, seed):
    table = Weighted(range(len(weights)), weights)
    ours, theirs = random.Random(seed), random.Random(seed)
    for _ in range(20):
        index = weighted_index(ours, table.cumulative)
        assert index == theirs.choices(range(len(weights)), weights=weights)[0]
        assert weights[index] > 0


def test_a_draw_that_lands_on_the_total_picks_the_last_weighted_item():
    class Top(random.Random):
        def random(self):
            return 1.0  # past what random() returns: the bisection still stays inside the table

    assert Weighted(["a", "b", "c"], [1, 2, 3]).draw(Top()) == "c"


@given(count=st.integers(1, 1000), seed=st.integers(0, 2**32))
def test_a_uniform_index_is_below_the_count_and_takes_one_draw(count, seed):
    ours, theirs = random.Random(seed), random.Random(seed)
    assert uniform_index(ours, count) == int(theirs.random() * count) < count


@pytest.mark.parametrize(("items", "weights"), [([], []), (["a", "b"], [0, 0]), (["a", "b"], [1])])
def test_a_table_without_positive_weight_for_its_items_is_refused(items, weights):
    with pytest.raises(ValueError, match="weight"):
        Weighted(items, weights)
