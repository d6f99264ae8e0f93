"""`finetune train --push-to`: the trained folder reaches a model repo through the real Hub client."""

import huggingface_hub
import pytest

import finetune
import samplegen
from schemas.finetune import DataSettings, ModelSettings, TrainSettings
from tests.fake_hub import Account, FakeHub, use_fake_hub_environment

TOKEN = "hf_modelPushSecret0123456789abcd"
pytestmark = pytest.mark.filterwarnings("ignore:Use .content=:DeprecationWarning")


@pytest.fixture
def hub(monkeypatch, tmp_path):
    use_fake_hub_environment(monkeypatch, tmp_path, TOKEN)
    with FakeHub({TOKEN: Account("alice")}) as fake:
        monkeypatch.setenv("HF_ENDPOINT", fake.url)
        yield fake


def test_trained_adapter_is_published_with_its_card_and_predicts_after_download(hub, scratch_model, tmp_path):
    data = samplegen.write_dataset(samplegen.make_config(n=24, image_size=64, seed=1), tmp_path / "data")
    out = tmp_path / "run"
    finetune.train(
        TrainSettings(
            data=DataSettings(source=str(data), validation_fraction=0.2),
            model=ModelSettings(name=str(scratch_model), method="lora"),
            output_dir=str(out),
            batch_size=4,
            max_steps=2,
            save_steps=1,
            eval_samples=2,
            max_new_tokens=4,
            push_to="alice/tiny-reader",
        )
    )
    published = hub.repos["alice/tiny-reader"].files()
    assert {
        "README.md",
        "adapter_config.json",
        "adapter_model.safetensors",
        "training_config.json",
        "metrics.json",
    } <= set(published)
    assert not any(path.startswith("checkpoint-") for path in published)
    assert published["adapter_model.safetensors"] == (out / "adapter_model.safetensors").read_bytes()
    assert b"library_name: peft" in published["README.md"] and TOKEN.encode() not in b"".join(published.values())
    local = huggingface_hub.snapshot_download("alice/tiny-reader", endpoint=hub.url, cache_dir=tmp_path / "cache")
    image = tmp_path / "x.png"
    from PIL import Image

    Image.new("RGB", (50, 40), (10, 120, 40)).save(image)
    [record] = finetune.predict(local, [str(image)], max_new_tokens=4)
    assert set(record["prediction"]) == {"title", "category3", "price"}
