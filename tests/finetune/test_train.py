"""End to end on CPU with the tiny model: train, save, load, predict, evaluate, merge; and bad inputs."""

import json

import pytest
import torch

import finetune
from finetune.cli import main
from finetune.errors import SettingsError
from finetune.models.loading import load_for_training, load_trained
from schemas.finetune import DataSettings, ModelSettings, TrainSettings


def settings(data, model, out, **overrides) -> TrainSettings:
    model_overrides = {k: overrides.pop(k) for k in ("method", "freeze_vision") if k in overrides}
    return TrainSettings(
        data=DataSettings(source=str(data), validation_fraction=0.2),
        model=ModelSettings(name=str(model), **({"method": "lora", **model_overrides})),
        output_dir=str(out),
        batch_size=4,
        learning_rate=overrides.pop("learning_rate", 5e-3),
        max_steps=overrides.pop("max_steps", 12),
        logging_steps=1,
        save_steps=6,
        eval_samples=4,
        eval_batch_size=4,
        max_new_tokens=8,
        **overrides,
    )


def test_training_lowers_the_loss_and_saves_a_loadable_run(product_folder, scratch_model, tmp_path):
    out = tmp_path / "run"
    finetune.train(settings(product_folder, scratch_model, out, method="full", freeze_vision=False, max_steps=30))
    metrics = json.loads((out / "metrics.json").read_text())
    losses = [entry["loss"] for entry in metrics["losses"]]
    assert len(losses) == 30
    assert sum(losses[-5:]) / 5 < 0.7 * sum(losses[:5]) / 5
    assert metrics["before"]["samples"] == metrics["after"]["samples"] == 4
    assert {"category3_accuracy", "price_mape", "parse_rate", "title_token_f1"} <= set(metrics["after"])
    assert metrics["baseline"]["samples"] == 4 and metrics["data"]["train_rows"] > 0
    for name in (
        "training_config.json",
        "samples.json",
        "README.md",
        "config.json",
        "model.safetensors",
        "processor_config.json",
    ):
        assert (out / name).is_file(), name
    assert json.loads((out / "training_config.json").read_text())["model"]["method"] == "full"
    assert "| category3_accuracy |" in (out / "README.md").read_text()


def test_lora_trains_only_adapter_weights(scratch_model):
    loaded = load_for_training(ModelSettings(name=str(scratch_model), method="lora", freeze_vision=True))
    trainable = [name for name, p in loaded.model.named_parameters() if p.requires_grad]
    assert trainable and all("lora_" in name for name in trainable)
    assert any("language_model" in name and "qkv_proj" in name for name in trainable)
    assert not any("vision_tower" in name for name in trainable)
    unfrozen = load_for_training(ModelSettings(name=str(scratch_model), method="lora", freeze_vision=False))
    names = [name for name, p in unfrozen.model.named_parameters() if p.requires_grad]
    assert any("vision_tower" in name and "lora_" in name for name in names)
    assert any("multi_modal_projector" in name and "lora_" in name for name in names)
    before = {name: p.detach().clone() for name, p in loaded.model.named_parameters() if not p.requires_grad}
    from finetune.collate import TrainingCollator
    from tests.conftest import product_row

    batch = TrainingCollator(loaded.processor, loaded.family, "What is shown in this image?")([product_row()])
    optimizer = torch.optim.SGD([p for p in loaded.model.parameters() if p.requires_grad], lr=0.5)
    loaded.model(**batch).loss.backward()
    optimizer.step()
    after = dict(loaded.model.named_parameters())
    assert all(torch.equal(before[name], after[name]) for name in before)


def test_lora_run_saves_an_adapter_that_predicts_and_merges(product_folder, scratch_model, tmp_path, capsys):
    out = tmp_path / "lora"
    finetune.train(settings(product_folder, scratch_model, out, max_steps=4))
    assert (out / "adapter_config.json").is_file() and (out / "adapter_model.safetensors").is_file()
    assert not (out / "model.safetensors").exists()
    image = tmp_path / "shirt.png"
    from PIL import Image

    Image.new("RGB", (80, 60), (30, 60, 200)).save(image)
    [record] = finetune.predict(out, [str(image)], max_new_tokens=6)
    assert record["image"] == str(image) and isinstance(record["answer"], str)
    assert set(record["prediction"]) == {"title", "category3", "price"}
    assert main(["predict", "--model", str(out), str(image), "--json", "--max-new-tokens", "4"]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["image"] == str(image)
    merged = finetune.merge(out, tmp_path / "merged")
    assert (merged / "model.safetensors").is_file() and not (merged / "adapter_config.json").exists()
    adapter, full = load_trained(out), load_trained(merged)
    from finetune.generation import generate_answers

    images = [Image.open(image).convert("RGB")]
    kwargs = {"question": "What is shown in this image?", "max_new_tokens": 6}
    assert generate_answers(adapter.model, adapter.processor, adapter.family, images, **kwargs) == generate_answers(
        full.model, full.processor, full.family, images, **kwargs
    )
    metrics, samples = finetune.evaluate(out, str(product_folder), samples=3, validation_fraction=0.2, max_new_tokens=6)
    assert metrics["samples"] == 3 and len(samples) == 3


def test_resume_continues_from_a_checkpoint(product_folder, scratch_model, tmp_path):
    out = tmp_path / "resume"
    finetune.train(settings(product_folder, scratch_model, out, max_steps=6))
    assert (out / "checkpoint-6").is_dir()
    with pytest.raises(SettingsError, match="is not empty; pass --resume"):
        finetune.train(settings(product_folder, scratch_model, out, max_steps=8))
    result = finetune.train(settings(product_folder, scratch_model, out, max_steps=8, resume=True))
    assert result.metrics["history"][-1]["step"] == 8


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--model", "/nonexistent/model"], "model folder /nonexistent/model does not exist"),
        (["--batch-size", "0"], "batch_size: Input should be greater than or equal to 1"),
        (["--method", "qlora"], "QLoRA needs a CUDA GPU"),
        (["--method", "sideways"], "method: Input should be 'full', 'lora' or 'qlora'"),
        (["--limit", "0"], "limit: Input should be greater than 0"),
        (["--report-to", "wandb"], "--report-to wandb needs the wandb package"),
    ],
)
def test_bad_train_arguments_are_one_line(product_folder, scratch_model, tmp_path, capsys, args, fragment):
    base = [
        "train",
        "--data",
        str(product_folder),
        "--model",
        str(scratch_model),
        "--out",
        str(tmp_path / "o"),
        "--max-steps",
        "1",
    ]
    assert main([*base, *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("finetune: error:") and fragment in err and err.count("\n") == 1
    assert "Traceback" not in err


def test_data_problems_are_one_line(scratch_model, tmp_path, capsys):
    csv = tmp_path / "bad.csv"
    csv.write_text("title,full_price\nCheck Scarf,590\n")
    assert main(["train", "--data", str(csv), "--model", str(scratch_model), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "finetune: error:" in err and "missing" in err and err.count("\n") == 1
    assert main(["predict", "--model", str(scratch_model), str(tmp_path / "nope.jpg")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_failing_train_prints_exactly_one_line(tmp_path):
    """Nothing before the error line: no settings dump, no progress bars, no warnings."""
    import subprocess
    import sys

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "finetune",
            "train",
            "--data",
            str(tmp_path / "missing"),
            "--out",
            str(tmp_path / "out"),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("finetune: error:"), done.stderr
    assert not (tmp_path / "out").exists()


def test_progress_bars_stay_off_stderr_when_it_is_not_a_terminal(tmp_path):
    """`predict` piped to a log: no "Loading weights" bar, so stderr holds only what went wrong (here nothing)."""
    import subprocess
    import sys

    from PIL import Image

    from finetune.models.phi3_v import create_tiny_phi3v

    model = create_tiny_phi3v(tmp_path / "tiny", seed=0)
    Image.new("RGB", (40, 40), "red").save(tmp_path / "red.png")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "finetune",
            "predict",
            "--model",
            str(model),
            str(tmp_path / "red.png"),
            "--max-new-tokens",
            "2",
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.startswith(str(tmp_path / "red.png"))
    assert done.stderr == ""
