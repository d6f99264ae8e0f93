"""A family whose processor needs a package that does not import fails in one line that says what to install."""

import dataclasses
import importlib

import pytest
from PIL import Image
from transformers import Qwen2VLConfig

from finetune.cli import main
from finetune.errors import SettingsError
from finetune.models import families
from finetune.models.loading import check_requirements, load_for_training, load_trained
from schemas.finetune import ModelSettings


def imports(module: str) -> bool:
    try:
        importlib.import_module(module)
    except Exception:  # noqa: BLE001
        return False
    return True


@pytest.fixture
def qwen_folder(tmp_path):
    """A Qwen2-VL folder with its config only: loading must stop before it looks for weights or a processor."""
    Qwen2VLConfig().save_pretrained(tmp_path / "qwen")
    return tmp_path / "qwen"


def test_the_registry_declares_what_qwen2_vl_and_smolvlm_processors_import():
    assert ("torchvision", "torchvision") in families.FAMILIES["qwen2_vl"].requires
    assert {"torchvision", "num2words"} <= {module for module, _ in families.FAMILIES["smolvlm"].requires}
    assert families.FAMILIES["phi3_v"].requires == families.FAMILIES["llava"].requires == ()


def test_a_missing_package_stops_loading_in_one_line_naming_it(qwen_folder, monkeypatch):
    absent = dataclasses.replace(
        families.FAMILIES["qwen2_vl"], requires=(("finetune_absent_module", "absent-package"),)
    )
    monkeypatch.setitem(families.FAMILIES, "qwen2_vl", absent)
    for load in (lambda: load_for_training(ModelSettings(name=str(qwen_folder))), lambda: load_trained(qwen_folder)):
        with pytest.raises(
            SettingsError, match=r"^qwen2_vl models need absent-package.*pip install absent-package"
        ) as error:
            load()
        assert "\n" not in str(error.value)
    check_requirements(families.FAMILIES["phi3_v"])  # nothing extra to import


@pytest.mark.skipif(imports("torchvision"), reason="torchvision imports here")
def test_predict_with_a_qwen2_vl_model_without_torchvision_says_what_to_install(qwen_folder, tmp_path, capsys):
    image = tmp_path / "photo.png"
    Image.new("RGB", (8, 8)).save(image)
    assert main(["predict", "--model", str(qwen_folder), str(image)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("finetune: error: qwen2_vl models need torchvision") and "pip install torchvision" in err
    assert err.count("\n") == 1 and "Traceback" not in err
