"""Outputs that load anywhere: Auto classes after `import finetune`, absolute base models, merged cards, push."""

import errno
import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from PIL import Image

import finetune
import samplegen
from finetune.cli import main
from finetune.errors import FinetuneError, ModelError
from finetune.models.loading import load_for_training, load_trained
from schemas.finetune import DataSettings, ModelSettings, TrainSettings
from tests.fake_hub import Account, FakeHub, use_fake_hub_environment

TOKEN = "hf_outputsWriteSecret0123456789ab"
READ_TOKEN = "hf_outputsReadOnly0123456789abcd"
ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.filterwarnings("ignore:Use .content=:DeprecationWarning")


def front_matter(card: Path) -> dict:
    return yaml.safe_load(card.read_text(encoding="utf-8").split("---\n")[1])


@pytest.fixture
def hub(monkeypatch, tmp_path):
    use_fake_hub_environment(monkeypatch, tmp_path, TOKEN)
    with FakeHub({TOKEN: Account("alice"), READ_TOKEN: Account("carol", write=False)}) as fake:
        monkeypatch.setenv("HF_ENDPOINT", fake.url)
        yield fake


@pytest.fixture(scope="module")
def lora_run(tmp_path_factory, scratch_model):
    """A 2-step LoRA run started from another folder with a *relative* --model path."""
    root = tmp_path_factory.mktemp("relative")
    data = samplegen.write_dataset(samplegen.make_config(n=24, image_size=64, seed=2), root / "data")
    workdir = root / "work"
    workdir.mkdir()
    before = os.getcwd()
    os.chdir(workdir)
    try:
        assert (
            main(
                [
                    "train",
                    "--data",
                    str(data),
                    "--model",
                    os.path.relpath(scratch_model),
                    "--out",
                    "run",
                    "--validation-fraction",
                    "0.2",
                    "--batch-size",
                    "4",
                    "--max-steps",
                    "2",
                    "--save-steps",
                    "1",
                    "--eval-samples",
                    "2",
                    "--max-new-tokens",
                    "4",
                ]
            )
            == 0
        )
    finally:
        os.chdir(before)
    return workdir / "run"


@pytest.fixture
def photo(tmp_path) -> Path:
    path = tmp_path / "photo.png"
    Image.new("RGB", (50, 40), (10, 120, 40)).save(path)
    return path


# -- loading ------------------------------------------------------------------------------------------


AUTO_LOAD = """
import sys
{first}
assert "transformers" not in sys.modules or {transformers_first}, "import finetune loaded transformers"
from transformers import AutoModelForImageTextToText, AutoProcessor
for folder in sys.argv[1:]:
    model = AutoModelForImageTextToText.from_pretrained(folder)
    processor = AutoProcessor.from_pretrained(folder)
    print(type(model).__name__, type(processor).__name__, type(processor.image_processor).__name__,
          float(sum(p.double().sum() for p in model.parameters())))
"""


@pytest.mark.parametrize("first", ["import finetune", "import transformers; import finetune"])
def test_saved_and_merged_phi3v_load_with_auto_classes_after_import_finetune(first, tiny_phi3v_folder, tmp_path):
    run = tmp_path / "lora"
    loaded = load_for_training(ModelSettings(name=str(tiny_phi3v_folder), method="lora", lora_r=2))
    for parameter in (p for name, p in loaded.model.named_parameters() if "lora_B" in name):
        parameter.data.fill_(0.01)  # a merge that changes the weights
    loaded.model.save_pretrained(run)
    loaded.processor.save_pretrained(run)
    merged = finetune.merge(run, tmp_path / "merged")
    expected = float(sum(p.detach().double().sum() for p in load_trained(merged).model.parameters()))
    code = AUTO_LOAD.format(first=first, transformers_first="transformers" in first)
    result = subprocess.run(
        [sys.executable, "-c", code, str(tiny_phi3v_folder), str(merged)],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.strip().splitlines()
    assert [line.rsplit(" ", 1)[0] for line in lines] == ["Phi3VForCausalLM Phi3VProcessor Phi3VImageProcessor"] * 2
    assert float(lines[1].rsplit(" ", 1)[1]) == pytest.approx(expected)
    assert float(lines[0].rsplit(" ", 1)[1]) != pytest.approx(expected)


def test_a_folder_without_image_processor_is_one_line_error(tiny_phi3v_folder, tmp_path, monkeypatch):
    bare = tmp_path / "bare"
    shutil.copytree(tiny_phi3v_folder, bare)
    for name in ("processor_config.json", "preprocessor_config.json"):
        (bare / name).unlink(missing_ok=True)
    with pytest.raises(ModelError, match=r"has no image processor .*copy the processor files") as error:
        load_trained(bare)
    assert "\n" not in str(error.value)
    with pytest.raises(ModelError, match=r"has no image processor .*processor.save_pretrained"):
        load_for_training(ModelSettings(name=str(bare), method="full"))

    from transformers import AutoProcessor, AutoTokenizer

    monkeypatch.setattr(AutoProcessor, "from_pretrained", lambda name, **_: AutoTokenizer.from_pretrained(name))
    with pytest.raises(ModelError, match=r"has no image processor .*loads only a .*Tokenizer"):
        load_trained(tiny_phi3v_folder)


def test_adapter_records_its_base_as_an_absolute_path_and_predicts_from_another_folder(
    lora_run, scratch_model, photo, tmp_path, monkeypatch, capsys
):
    adapter_config = json.loads((lora_run / "adapter_config.json").read_text())
    assert adapter_config["base_model_name_or_path"] == str(scratch_model)
    assert json.loads((lora_run / "training_config.json").read_text())["model"]["name"] == str(scratch_model)
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["predict", "--model", str(lora_run), str(photo), "--json", "--max-new-tokens", "4"]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["image"] == str(photo)


def test_an_adapter_with_a_relative_base_is_one_line_error(lora_run, photo, tmp_path, monkeypatch, capsys):
    old = tmp_path / "old"
    shutil.copytree(lora_run, old, ignore=shutil.ignore_patterns("checkpoint-*"))
    config = json.loads((old / "adapter_config.json").read_text())
    (old / "adapter_config.json").write_text(json.dumps({**config, "base_model_name_or_path": "../models/scratch"}))
    monkeypatch.chdir(tmp_path)
    assert main(["predict", "--model", str(old), str(photo)]) == 2
    message = capsys.readouterr().err
    assert message.count("\n") == 1 and "relative path ../models/scratch" in message
    assert "absolute folder or Hub id" in message


# -- merged card --------------------------------------------------------------------------------------


def test_merged_model_card_describes_a_merged_transformers_model(lora_run, scratch_model, tmp_path):
    merged = finetune.merge(lora_run, tmp_path / "merged")
    card = (merged / "README.md").read_text(encoding="utf-8")
    meta = front_matter(merged / "README.md")
    assert meta["library_name"] == "transformers" and "library_name: peft" not in card
    assert "base_model" not in meta  # a local folder is no Hub id
    assert f"merged into the base model `{scratch_model}`" in card
    assert "| category3_accuracy |" in card and "AutoModelForImageTextToText" in card
    assert "merged-lora" in meta["tags"] and "lora" not in meta["tags"]


def test_model_card_metadata_names_only_hub_ids_as_base_model(tmp_path):
    from finetune.outputs import write_model_card

    settings = TrainSettings(
        data=DataSettings(source="x"), model=ModelSettings(name="microsoft/Phi-3-vision-128k-instruct")
    )
    write_model_card(tmp_path, settings, {})
    assert front_matter(tmp_path / "README.md")["base_model"] == "microsoft/Phi-3-vision-128k-instruct"


# -- push ---------------------------------------------------------------------------------------------


def test_push_publishes_a_run_then_its_merge_replaces_the_adapter(hub, lora_run, tmp_path, capsys):
    assert main(["push", str(lora_run), "--repo-id", "alice/reader"]) == 0
    printed = capsys.readouterr()
    assert printed.out.strip().startswith(hub.url) and TOKEN not in printed.out + printed.err
    files = hub.repos["alice/reader"].files()
    assert {"adapter_config.json", "adapter_model.safetensors", "training_config.json", "README.md"} <= set(files)
    assert not any(path.startswith("checkpoint-") for path in files)
    assert main(["push", str(lora_run), "--repo-id", "alice/reader"]) == 0
    assert capsys.readouterr().out.startswith("nothing changed")

    merged = finetune.merge(lora_run, tmp_path / "merged")
    result = finetune.push(merged, "alice/reader")
    files = hub.repos["alice/reader"].files()
    assert result.changed and "model.safetensors" in files
    assert not {"adapter_config.json", "adapter_model.safetensors"} & set(files)
    assert b"library_name: transformers" in files["README.md"]


@pytest.mark.parametrize(
    "case, fragment",
    [
        ("missing", "does not exist: pass the --out folder"),
        ("base model", "has no training_config.json, so it is not a finetune output"),
        ("checkpoints only", "holds only checkpoints, so training did not finish"),
        ("bad token", "Hub refused the token"),
    ],
)
def test_push_refuses_with_one_line(case, fragment, hub, lora_run, tiny_phi3v_folder, tmp_path, capsys):
    folder, args = lora_run, []
    if case == "missing":
        folder = tmp_path / "nowhere"
    elif case == "base model":
        folder = tiny_phi3v_folder
    elif case == "checkpoints only":
        folder = tmp_path / "interrupted"
        shutil.copytree(lora_run / "checkpoint-1", folder / "checkpoint-1")
    else:
        args = ["--token", "hf_notAValidToken000000000000000"]
    assert main(["push", str(folder), "--repo-id", "alice/reader", *args]) == 2
    printed = capsys.readouterr()
    assert printed.out == "" and printed.err.count("\n") == 1 and fragment in printed.err
    assert "hf_notAValid" not in printed.err and "alice/reader" not in hub.repos


@pytest.mark.parametrize(
    "token, repo_id, fragment",
    [
        ("hf_wrongToken0000000000000000000", "alice/reader", "Hub refused the token"),
        (READ_TOKEN, "carol/reader", "read-only"),
        (TOKEN, "bob/reader", "belongs to alice, who cannot write under 'bob'"),
        (TOKEN, "not a repo id", "repo id must look like user/name"),
    ],
)
def test_train_push_to_checks_repo_and_token_before_training(
    token, repo_id, fragment, hub, scratch_model, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("HF_TOKEN", token)
    out = tmp_path / "never"
    code = main(
        [
            "train",
            "--data",
            str(tmp_path / "no-data-needed"),
            "--model",
            str(scratch_model),
            "--out",
            str(out),
            "--push-to",
            repo_id,
        ]
    )
    printed = capsys.readouterr()
    assert code == 2 and printed.err.count("\n") == 1 and fragment in printed.err
    assert token not in printed.err and not out.exists() and not hub.repos


# -- merge into a bad --out ---------------------------------------------------------------------------

MERGE_MODULE = importlib.import_module("finetune.merge")  # `finetune.merge` is also the function


def test_merge_into_an_existing_file_is_one_line_and_leaves_the_file(lora_run, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(MERGE_MODULE, "load_trained", lambda *a, **k: pytest.fail("the model was loaded"))
    target = tmp_path / "merged.bin"
    target.write_text("keep me")
    assert main(["merge", "--model", str(lora_run), "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert err == f"finetune: error: output {target} is a file, not a folder; choose a folder for the merged model\n"
    assert target.read_text() == "keep me"


def test_merge_onto_a_read_only_filesystem_is_one_line_and_leaves_nothing(lora_run, tmp_path, capsys, monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(tmp_path / "merged"))

    monkeypatch.setattr(MERGE_MODULE, "write_merged_card", read_only)  # the last write, after the weights
    assert main(["merge", "--model", str(lora_run), "--out", str(tmp_path / "merged")]) == 2
    err = capsys.readouterr().err  # progress bars of the model's loading may come first: not this test's business
    assert err.endswith(
        f"\nfinetune: error: cannot write the merged model to {tmp_path / 'merged'}: Read-only file system\n"
    )
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # no hidden .merged.partial, no merged


def test_a_failed_merge_with_overwrite_keeps_the_old_merge(lora_run, tmp_path, monkeypatch):
    merged = finetune.merge(lora_run, tmp_path / "merged")
    before = sorted(path.name for path in merged.iterdir())

    def full_disk(staging, target):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("samplegen.atomic.rename_no_replace", full_disk)  # the old merge is moved aside first
    with pytest.raises(FinetuneError, match="No space left on device"):
        finetune.merge(lora_run, merged, overwrite=True)
    assert sorted(path.name for path in merged.iterdir()) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["merged"]
