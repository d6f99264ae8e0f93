"""GPU speed settings of `finetune train` (compile, SDPA kernels, loader workers) and the master weights'
precision, checked on the CPU with tiny models."""

import torch

from finetune.cli import main
from finetune.models.families import FAMILIES
from finetune.models.loading import load_for_training
from finetune.speed import attention_for_varying_shapes, compile_layers, compile_wanted, loader_workers, repeated_layers
from schemas.finetune import ModelSettings


def test_loader_workers_default_to_a_few_on_cuda_and_none_on_the_cpu(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 16)
    assert loader_workers(None, cuda=True) == 4
    assert loader_workers(None, cuda=False) == 0
    assert loader_workers(2, cuda=False) == 2 and loader_workers(0, cuda=True) == 0
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert loader_workers(None, cuda=True) == 2


def test_compile_is_on_by_default_with_cuda_only():
    assert compile_wanted("auto", cuda=True) and not compile_wanted("auto", cuda=False)
    assert compile_wanted("on", cuda=False) and not compile_wanted("off", cuda=True)


def test_the_repeated_layers_are_the_decoder_and_clip_stacks_under_lora(tiny_phi3v_folder):
    loaded = load_for_training(ModelSettings(name=str(tiny_phi3v_folder), method="lora"))
    base = loaded.model.get_base_model()
    expected = [*base.model.layers, *base.model.vision_embed_tokens.img_processor.vision_model.encoder.layers]
    found = repeated_layers(loaded.model, loaded.family)
    assert [id(layer) for layer in found] == [id(layer) for layer in expected]
    assert len(found) == base.config.num_hidden_layers + base.config.vision_config.num_hidden_layers


def test_compiled_layers_give_the_same_logits(tiny_phi3v_folder, monkeypatch):
    from transformers import AutoModelForImageTextToText

    model = AutoModelForImageTextToText.from_pretrained(str(tiny_phi3v_folder)).eval()
    compiled, real_compile = [], torch.nn.Module.compile

    def recording_compile(module, *args, **kwargs):
        compiled.append(module)
        return real_compile(module, *args, **kwargs)

    monkeypatch.setattr(torch.nn.Module, "compile", recording_compile)
    ids = torch.tensor([[5, 6, 7, 8, 9, 10]])
    with torch.no_grad():
        before = model(input_ids=ids).logits
        assert compile_layers(model, FAMILIES["phi3_v"]) == len(repeated_layers(model, FAMILIES["phi3_v"]))
        assert [id(layer) for layer in compiled] == [id(layer) for layer in repeated_layers(model, FAMILIES["phi3_v"])]
        after = model(input_ids=ids).logits
    torch.testing.assert_close(after, before, atol=1e-5, rtol=1e-5)


def test_cudnn_attention_is_left_out_inside_the_block_and_restored_after():
    torch.backends.cuda.enable_cudnn_sdp(True)
    with attention_for_varying_shapes(cuda=True):
        assert not torch.backends.cuda.cudnn_sdp_enabled()
        assert torch.backends.cuda.flash_sdp_enabled() and torch.backends.cuda.mem_efficient_sdp_enabled()
    assert torch.backends.cuda.cudnn_sdp_enabled()
    with attention_for_varying_shapes(cuda=False):
        assert torch.backends.cuda.cudnn_sdp_enabled()


def test_full_fine_tuning_in_bf16_keeps_float32_master_weights(tiny_phi3v_folder):
    full = load_for_training(ModelSettings(name=str(tiny_phi3v_folder), method="full", dtype="bf16"))
    assert full.dtype == torch.bfloat16  # the compute dtype the Trainer's autocast uses
    assert {p.dtype for p in full.model.parameters() if p.requires_grad} == {torch.float32}
    lora = load_for_training(ModelSettings(name=str(tiny_phi3v_folder), method="lora", dtype="bf16"))
    trained = {p.dtype for p in lora.model.parameters() if p.requires_grad}
    frozen = {p.dtype for p in lora.model.parameters() if not p.requires_grad}
    assert trained == {torch.float32} and frozen == {torch.bfloat16}


def test_a_bad_compile_setting_is_one_line(tiny_phi3v_folder, tmp_path, capsys):
    code = main(["train", "--data", str(tmp_path), "--model", str(tiny_phi3v_folder), "--compile", "always"])
    error = capsys.readouterr().err
    assert (
        code == 2
        and error.startswith("finetune: error:")
        and "compile" in error
        and len(error.strip().splitlines()) == 1
    )


def test_hub_kernels_stay_off_unless_asked_for(tiny_phi3v_folder):
    """transformers 5.25 turns on kernels downloaded from the Hub by default (remote code, and a network call
    when training on CUDA); finetune loads with them off unless --hub-kernels."""
    from finetune.models.loading import load_trained

    assert not load_for_training(ModelSettings(name=str(tiny_phi3v_folder), method="full")).model.use_kernels
    assert not load_trained(tiny_phi3v_folder).model.use_kernels
    assert ModelSettings().hub_kernels is False
