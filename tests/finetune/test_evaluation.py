"""Honest evaluation and logging: held-out rows, the run's own split, validation loss, reporters under --out, seeds."""

import json
import logging
import math
import os
import re
import sys
import types

import datasets
import pytest

import finetune
from finetune.cli import main
from finetune.data import load_held_out_data, load_training_data
from finetune.errors import DataError, SettingsError
from finetune.metrics import baseline_predictions, score
from schemas.finetune import DataSettings, ModelSettings, TrainSettings
from tests.conftest import product_row
from tests.finetune.image_server import jpeg_bytes
from tests.finetune.test_data import real_rows


def lora_settings(data, model, out, **overrides) -> TrainSettings:
    data_settings = DataSettings(
        source=str(data),
        validation_fraction=overrides.pop("validation_fraction", 0.2),
        limit=overrides.pop("limit", None),
    )
    values = {
        "output_dir": str(out),
        "batch_size": 4,
        "learning_rate": 5e-3,
        "max_steps": 3,
        "logging_steps": 1,
        "save_steps": 100,
        "eval_samples": 2,
        "eval_batch_size": 2,
        "max_new_tokens": 3,
        **overrides,
    }
    return TrainSettings(data=data_settings, model=ModelSettings(name=str(model), method="lora"), **values)


@pytest.fixture(scope="module")
def trained_run(product_folder, scratch_model, tmp_path_factory):
    """A short LoRA run with a seed, split and limit of its own."""
    out = tmp_path_factory.mktemp("runs") / "run"
    finetune.train(
        lora_settings(product_folder, scratch_model, out, seed=5, validation_fraction=0.3, limit=30, max_steps=2)
    )
    return out


def test_the_held_out_loader_reads_only_the_test_split(product_folder):
    held_out = load_held_out_data(product_folder, seed=1)
    test = datasets.load_dataset(str(product_folder))["test"]
    assert sorted(held_out.rows["product_code"]) == sorted(test["product_code"])
    assert held_out.report.held_out_rows == test.num_rows and held_out.report.splits_used == ("test",)
    assert f"{test.num_rows} held out (test split)" in held_out.report.summary()
    assert load_held_out_data(product_folder, seed=1, limit=2).rows.num_rows == 2


def test_a_source_without_a_test_split_has_nothing_held_out(tmp_path):
    frame = real_rows("FRA")
    frame["local_image_path"] = [f"{i}.jpg" for i in range(len(frame))]
    frame.to_csv(tmp_path / "dbq.csv", index=False)
    with pytest.raises(DataError, match="no held-out split; evaluate its validation rows"):
        load_held_out_data(tmp_path / "dbq.csv")


def test_evaluate_scores_the_test_split_with_the_runs_baseline(trained_run, product_folder):
    metrics, samples = finetune.evaluate(trained_run, samples=100, max_new_tokens=2)  # data from the run's record
    test = datasets.load_dataset(str(product_folder))["test"]
    assert metrics["split"] == "test" and metrics["samples"] == len(samples) == test.num_rows
    assert sorted(s["truth"]["title"] for s in samples) == sorted(test["title"])
    run_data = load_training_data(product_folder, validation_fraction=0.3, limit=30, seed=5)
    train_rows = run_data.train.select_columns(["title", "category3_code", "full_price"]).to_list()
    truths = [s["truth"] for s in samples]
    assert metrics["baseline"] == score(baseline_predictions(train_rows, len(truths)), truths)


def test_evaluate_on_validation_uses_the_runs_own_split(trained_run, product_folder):
    metrics, samples = finetune.evaluate(trained_run, str(product_folder), split="validation", max_new_tokens=2)
    run_data = load_training_data(product_folder, validation_fraction=0.3, limit=30, seed=5)
    evaluated = {s["truth"]["title"] for s in samples}
    assert metrics["split"] == "validation" and metrics["samples"] == run_data.validation.num_rows
    assert evaluated == set(run_data.validation["title"])
    assert not evaluated & set(run_data.train["title"]), "evaluation must not score rows the run trained on"
    with pytest.raises(SettingsError, match=r"used seed 5, not 1; .* leave --seed out"):
        finetune.evaluate(trained_run, split="validation", seed=1)


def test_a_model_without_a_training_config_falls_back_to_defaults_and_says_so(scratch_model, product_folder, caplog):
    with pytest.raises(
        SettingsError, match=re.escape("has no training_config.json naming the run's data; pass --data")
    ):
        finetune.evaluate(scratch_model)
    with caplog.at_level(logging.WARNING, logger="finetune"):
        metrics, _ = finetune.evaluate(
            scratch_model, str(product_folder), split="validation", seed=2, samples=2, max_new_tokens=2
        )
    default_split = load_training_data(product_folder, validation_fraction=0.1, seed=2)
    assert metrics["split"] == "validation" and metrics["samples"] == min(2, default_split.validation.num_rows) > 0
    assert "has no training_config.json" in caplog.text and "seed 2" in caplog.text


def test_bad_evaluate_arguments_are_one_line(trained_run, capsys):
    for args, fragment in [
        (["--seed", "1"], "used seed 5, not 1"),
        (["--validation-fraction", "0.5"], "used validation_fraction 0.3, not 0.5"),
        (["--samples", "0"], "samples must be at least 1 (got 0)"),
        (["--batch-size", "0"], "batch size must be at least 1 (got 0)"),
        (["--max-new-tokens", "0"], "max new tokens must be at least 1 (got 0)"),
    ]:
        assert main(["evaluate", "--model", str(trained_run), *args]) == 2
        err = capsys.readouterr().err
        assert err.startswith("finetune: error:") and fragment in err and err.count("\n") == 1, err


def test_the_command_line_prints_the_drop_counts(scratch_model, tmp_path, caplog, capsys):
    frame = real_rows("CHI")  # 20 real rows; 4 of their images are missing
    frame["local_image_path"] = [f"imgs/{i}.jpg" for i in range(len(frame))]
    (tmp_path / "imgs").mkdir()
    for i in range(len(frame) - 4):
        (tmp_path / "imgs" / f"{i}.jpg").write_bytes(jpeg_bytes(f"chi-{i}"))
    frame.to_csv(tmp_path / "dbq.csv", index=False)
    with caplog.at_level(logging.INFO, logger="finetune"):
        code = main(
            [
                "evaluate",
                "--model",
                str(scratch_model),
                "--data",
                str(tmp_path / "dbq.csv"),
                "--samples",
                "1",
                "--max-new-tokens",
                "2",
            ]
        )
    assert code == 0
    assert "16 of 20 rows kept (dropped: 4 missing_file)" in caplog.text  # `finetune` logs to stderr
    assert json.loads(capsys.readouterr().out)["split"] == "validation"


def test_validation_loss_at_every_evaluation_and_every_training_loss_kept(
    product_folder, scratch_model, tmp_path, monkeypatch, caplog
):
    """logging_steps == eval_steps: the loss of an evaluation step is logged, and TensorBoard writes under --out."""
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TENSORBOARD_LOGGING_DIR", raising=False)
    out = tmp_path / "out"
    base = [
        "train",
        "--data",
        str(product_folder),
        "--model",
        str(scratch_model),
        "--out",
        str(out),
        "--validation-fraction",
        "0.2",
        "--max-steps",
        "4",
        "--logging-steps",
        "2",
        "--eval-steps",
        "2",
        "--batch-size",
        "4",
        "--eval-samples",
        "2",
        "--eval-batch-size",
        "2",
        "--max-new-tokens",
        "2",
        "--report-to",
        "tensorboard",
    ]
    with caplog.at_level(logging.INFO, logger="finetune"):
        assert main(base) == 0
    assert "data: " in caplog.text and "rows kept (none dropped)" in caplog.text
    metrics = json.loads((out / "metrics.json").read_text())
    assert [entry["step"] for entry in metrics["losses"]] == [2, 4]
    assert [entry["step"] for entry in metrics["history"]] == [0, 2, 4]
    assert all(math.isfinite(entry["validation_loss"]) for entry in metrics["history"])
    assert metrics["before"]["validation_loss"] == metrics["history"][0]["validation_loss"]
    assert metrics["after"] == {k: v for k, v in metrics["history"][-1].items() if k != "step"}

    assert not (tmp_path / "runs").exists(), "nothing in ./runs of the working folder"
    events = EventAccumulator(str(out / "runs"), size_guidance={"images": 0, "scalars": 0})
    events.Reload()
    assert [e.step for e in events.Scalars("train/loss")] == [2, 4]
    assert [e.step for e in events.Scalars("eval/loss")] == [0, 2, 4]
    assert [e.step for e in events.Scalars("eval/category3_accuracy")] == [0, 2, 4]
    assert [(e.step, e.width) for e in events.Images("eval/sample_0")] == [(0, 64), (2, 64), (4, 64)]


def test_the_same_seed_gives_the_same_losses(product_folder, scratch_model, tmp_path):
    def losses(seed: int, name: str) -> list[float]:
        run = lora_settings(
            product_folder,
            scratch_model,
            tmp_path / name,
            seed=seed,
            limit=16,
            batch_size=2,
            max_steps=3,
            eval_samples=1,
        )
        result = finetune.train(run)
        return [entry["loss"] for entry in result.metrics["losses"]]

    first = losses(7, "a")
    assert losses(7, "b") == first
    assert losses(8, "c") != first


def test_wandb_gets_the_samples_as_images_at_the_trainers_step(monkeypatch, tmp_path):
    """Through a stand-in `wandb`: one log call, no explicit step (WandbCallback's x-axis), W&B files under --out."""
    from finetune.reporting import log_samples, reporter_folders

    calls: list[dict] = []
    fake = types.SimpleNamespace(run=None, finished=0)

    class Table:
        def __init__(self, columns):
            self.columns, self.data = columns, []

        def add_data(self, *cells):
            self.data.append(cells)

    fake.Table, fake.Image = Table, lambda image: ("image", image.size)
    fake.log = lambda values, **kwargs: calls.append({"values": values, **kwargs})
    fake.finish = lambda: setattr(fake, "finished", fake.finished + 1)
    monkeypatch.setitem(sys.modules, "wandb", fake)
    monkeypatch.delenv("WANDB_DIR", raising=False)

    samples = [{"truth": {"title": "Check Cotton Shirt"}, "answer": "Product: Check Cotton Shirt"}]
    with reporter_folders("wandb", tmp_path / "out"):
        assert os.environ["WANDB_DIR"] == str((tmp_path / "out").resolve())
        fake.run = object()  # what WandbCallback's wandb.init leaves
        log_samples("wandb", None, [product_row(size=(40, 30))], samples, step=12)
    assert "WANDB_DIR" not in os.environ and fake.finished == 1, "the run started inside is finished"
    [call] = calls
    assert set(call) == {"values"}, "no step= (it would run out of order against WandbCallback's logs)"
    assert call["values"]["train/global_step"] == 12
    assert call["values"]["eval/answers"].data == [
        (("image", (40, 30)), '{"title": "Check Cotton Shirt"}', samples[0]["answer"])
    ]

    monkeypatch.setenv("WANDB_DIR", str(tmp_path / "mine"))
    with reporter_folders("wandb", tmp_path / "out"):
        assert os.environ["WANDB_DIR"] == str(tmp_path / "mine"), "the user's WANDB_DIR wins"
