import pytest
from hypothesis import given
from hypothesis import strategies as st

from finetune.cli import main, make_parser, settings_from_args
from finetune.metrics import baseline_predictions, score, token_f1
from finetune.prompts import answer_for, format_price, parse_answer
from schemas.finetune import ProductPrediction


def test_answer_has_the_exact_task_form():
    row = {"title": "Check Cotton Shirt", "category3_code": "SHIRTS & TOPS", "full_price": 890.0}
    assert answer_for(row) == "Product: Check Cotton Shirt, Category: SHIRTS & TOPS, Full Price: 890.0"
    assert answer_for(row, "compact") == "Product: Check Cotton Shirt, Category: SHIRTS & TOPS, Full Price: 890"


@pytest.mark.parametrize(
    ("price", "seed_text", "compact_text"),
    [(1350.0, "1350.0", "1350"), (46.5, "46.5", "46.50"), (1234.56, "1234.56", "1234.56"), (2490, "2490.0", "2490")],
)
def test_the_default_price_is_the_seed_scripts_float_text(price, seed_text, compact_text):
    assert format_price(price) == seed_text  # the seed's f-string of the float column
    assert format_price(price, "compact") == compact_text


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40)
FIELD = TEXT.map(str.strip).filter(lambda text: text and "Category:" not in text and "Full Price:" not in text)


@given(title=FIELD, category=FIELD, price=st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_default_answers_are_the_seeds_fstring_and_parse_back_exactly(title, category, price):
    row = {"title": title, "category3_code": category, "full_price": price}
    answer = answer_for(row)
    assert answer == f"Product: {title}, Category: {category}, Full Price: {price}"
    assert parse_answer(answer) == ProductPrediction(title=title, category3=category, price=price)


@given(title=FIELD, category=FIELD, cents=st.integers(min_value=0, max_value=10**11))
def test_compact_answers_parse_back_exactly(title, category, cents):
    price = cents / 100
    answer = answer_for({"title": title, "category3_code": category, "full_price": price}, "compact")
    written = answer.rsplit("Full Price: ", 1)[1]
    assert written == (str(cents // 100) if cents % 100 == 0 else f"{price:.2f}")
    assert parse_answer(answer) == ProductPrediction(title=title, category3=category, price=price)


def test_price_format_flag_reaches_the_settings_and_rejects_unknown_forms(capsys):
    args = ["train", "--data", "d", "--price-format", "compact"]
    assert settings_from_args(make_parser().parse_args(args)).price_format == "compact"
    assert settings_from_args(make_parser().parse_args(args[:3])).price_format == "float"
    assert main(["train", "--data", "d", "--price-format", "int"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("finetune: error: invalid setting:") and "price_format" in err and err.count("\n") == 1


def test_parser_round_trips_answers():
    text = "Product: Burberry Kisses – Coral Pink No.65, Category: LÈVRES, Full Price: 46"
    assert parse_answer(text) == ProductPrediction(
        title="Burberry Kisses – Coral Pink No.65", category3="LÈVRES", price=46.0
    )
    assert parse_answer("Product: Mini Lola Bag, Category: 包款, Full Price: 2,290.00\nextra") == ProductPrediction(
        title="Mini Lola Bag", category3="包款", price=2290.0
    )


def test_parser_turns_garbage_into_missing_fields():
    assert parse_answer("") == ProductPrediction()
    assert parse_answer(None) == ProductPrediction()
    assert parse_answer("\x00\xff garbage") == ProductPrediction()
    partial = parse_answer("Product: Trench Coat, Category: OUTERWEAR, Full Price: a lot")
    assert (partial.title, partial.category3, partial.price, partial.complete) == (
        "Trench Coat",
        "OUTERWEAR",
        None,
        False,
    )
    assert parse_answer("Full Price: inf").price is None
    assert parse_answer("Product: , Category: , Full Price: ") == ProductPrediction()


@given(st.text())
def test_parser_never_raises(text):
    parse_answer(text)


def test_metrics_on_hand_made_cases():
    truths = [
        {"title": "Check Cotton Shirt", "category3_code": "SHIRTS", "full_price": 100.0},
        {"title": "Mini Lola Bag", "category3_code": "SHOULDER", "full_price": 2000.0},
        {"title": "Wool Coat", "category3_code": "COATS", "full_price": 3000.0},
        {"title": "Leather Belt", "category3_code": "BELTS", "full_price": 500.0},
    ]
    predictions = [
        ProductPrediction(title="Check Cotton Shirt", category3="SHIRTS", price=105.0),  # exact, 5% off
        ProductPrediction(title="Lola Bag", category3="SHOULDER", price=2400.0),  # 20% off
        ProductPrediction(title=None, category3="BAGS", price=None),  # garbage
        ProductPrediction(title="Leather Belt", category3="BELTS", price=500.0),
    ]
    metrics = score(predictions, truths)
    assert metrics["samples"] == 4
    assert metrics["parse_rate"] == 0.75
    assert metrics["category3_accuracy"] == 0.75
    assert metrics["title_exact_match"] == 0.5
    assert metrics["title_token_f1"] == (1 + token_f1("Lola Bag", "Mini Lola Bag") + 0 + 1) / 4
    assert token_f1("Lola Bag", "Mini Lola Bag") == 0.8
    assert metrics["price_mae"] == (5 + 400 + 0) / 3
    assert abs(metrics["price_mape"] - (0.05 + 0.2 + 0) / 3) < 1e-12
    assert metrics["price_within_10pct"] == 2 / 4


def test_baseline_is_majority_category_and_mean_price():
    train = [
        {"title": "A Coat", "category3_code": "COATS", "full_price": 100.0},
        {"title": "A Coat", "category3_code": "COATS", "full_price": 300.0},
        {"title": "A Bag", "category3_code": "BAGS", "full_price": 200.0},
    ]
    [prediction] = baseline_predictions(train, 1)
    assert (prediction.category3, prediction.price, prediction.title) == ("COATS", 200.0, "A Coat")
