"""The native Phi-3-vision: config, HD processor, model, loading without remote code, LoRA; tiny and on CPU."""

import json
import math
import re

import pytest
import torch
from PIL import Image
from safetensors import safe_open
from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForImageTextToText, AutoProcessor

from finetune.models.families import FAMILIES
from finetune.models.loading import freeze_vision, load_for_training, lora_target_regex
from finetune.models.phi3_v import (
    PHI3V_CHAT_TEMPLATE,
    Phi3VConfig,
    Phi3VForCausalLM,
    Phi3VImageProcessor,
    Phi3VProcessor,
    hd_size,
    tiny_phi3v_config,
    tiny_phi3v_processor,
)
from schemas.finetune import ModelSettings
from tests.conftest import product_row

QUESTION = "What is shown in this image?"
PHI3V_FAMILY = FAMILIES["phi3_v"]  # the registry entry `finetune train` uses for phi3_v checkpoints
SQUARE, WIDE, TALL = (40, 40), (60, 20), (20, 50)  # (width, height): 2x2, 1x3 and 2x1 crops at num_crops 4


def image(size, colour=(200, 40, 40)) -> Image.Image:
    picture = Image.new("RGB", size, colour)
    picture.paste((20, 120, 220), (0, 0, size[0] // 2, size[1] // 3))  # some structure, so crops differ
    return picture


def prompt(processor) -> str:
    messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": QUESTION}]}]
    return processor.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)


def formula(height: int, width: int, crop: int = 336, side: int = 12) -> int:
    """phi3v.md: (h/336 * w/336 + 1) * 144 + 1 + (h/336 + 1) * 12, generalised to crop c and t tokens a side."""
    return (height // crop * (width // crop) + 1) * side * side + 1 + (height // crop + 1) * side


@pytest.fixture(scope="module")
def tiny():
    processor = tiny_phi3v_processor()
    torch.manual_seed(0)
    model = Phi3VForCausalLM(tiny_phi3v_config(processor.tokenizer)).eval()
    return model, processor


def batch(processor, images, side="right"):
    tokenizer = processor.tokenizer
    tokenizer.padding_side = side
    try:
        return processor(text=[prompt(processor)] * len(images), images=images, padding=True, return_tensors="pt")
    finally:
        tokenizer.padding_side = "right"


# --- processor -------------------------------------------------------------------------------------------


def test_chat_template_numbers_image_parts_and_prefixes_the_answer(tiny):
    _, processor = tiny
    messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": "a"}, {"type": "image"}]}]
    assert processor.apply_chat_template(messages, add_generation_prompt=True, tokenize=False) == (
        "<|user|>\n<|image_1|>\na<|image_2|>\n<|end|>\n<|assistant|>\n"
    )
    from finetune.collate import ChatFormat

    chat = ChatFormat.of(processor, QUESTION)
    assert chat.prompt == f"<|user|>\n<|image_1|>\n{QUESTION}<|end|>\n<|assistant|>\n" and chat.end_of_turn == "<|end|>"


@pytest.mark.parametrize("num_crops", [1, 4, 16])
@pytest.mark.parametrize("size", [(500, 300), (300, 500), (400, 400), (1000, 90), (90, 1000)])
def test_token_count_is_the_formula_at_336(num_crops, size):
    processor = Phi3VImageProcessor(num_crops=num_crops)
    out = processor(image(size))
    height, width = out["image_sizes"][0].tolist()
    assert height % 336 == 0 and width % 336 == 0
    crops = height // 336 * (width // 336)
    assert 1 <= crops <= num_crops
    assert not (height > width and size[0] > size[1]) and not (width > height and size[1] > size[0])  # orientation
    assert out["pixel_values"].shape == (1, num_crops + 1, 3, 336, 336)
    assert out["num_img_tokens"] == [formula(height, width)] == [processor.num_image_tokens(*size)]
    assert out["pixel_values"][0, : crops + 1].abs().sum((1, 2, 3)).gt(0).all()  # global view + real crops
    assert out["pixel_values"][0, crops + 1 :].eq(0).all()  # zero padding crops


def test_sizes_and_counts_match_worked_examples():
    counts = {n: Phi3VImageProcessor(num_crops=n).num_image_tokens(800, 800) for n in (1, 4, 16)}
    assert counts == {1: 313, 4: 757, 16: 2509}  # the square-image numbers phi3v.md gives
    # (width, height, num_crops) -> padded (height, width), worked by hand from "largest s with s*ceil(s/ratio) <= n"
    assert hd_size(500, 300, 16, 336) == (1008, 1680)  # ratio 5/3: s = 5 (5*3 = 15), 1680 x 1008 -> 3 x 5 crops
    assert hd_size(300, 500, 16, 336) == (1680, 1008)  # portrait: the same, transposed back
    assert hd_size(1000, 90, 16, 336) == (336, 3696)  # ratio 11.1: s = 11, height 332 padded to 336
    assert hd_size(400, 400, 1, 336) == (336, 336)  # num_crops 1: one crop (plus the global view)


def test_hd_transform_pads_white_centred_and_keeps_portrait_orientation():
    processor = Phi3VImageProcessor(num_crops=4)
    out = processor(Image.new("RGB", (500, 300), (255, 0, 0)))  # ratio 5/3 -> 2 wide, 672 x 403 padded to 672
    assert out["image_sizes"].tolist() == [[672, 672]]
    mean, std = torch.tensor(processor.image_mean), torch.tensor(processor.image_std)
    white, red = (1 - mean) / std, (torch.tensor([1.0, 0, 0]) - mean) / std
    top_left_crop = out["pixel_values"][0, 1]  # crop (0, 0); the image starts (672 - 403) // 2 = 134 rows down
    assert torch.allclose(top_left_crop[:, 133, 10], white, atol=1e-5)
    assert torch.allclose(top_left_crop[:, 135, 10], red, atol=1e-5)
    portrait = processor(Image.new("RGB", (300, 500), (255, 0, 0)))
    assert portrait["image_sizes"].tolist() == [[672, 672]]
    assert torch.allclose(portrait["pixel_values"][0, 1][:, 10, 133], white, atol=1e-5)  # padded left/right now


def test_prompt_expansion_writes_exactly_the_count(tiny):
    _, tiny_processor = tiny
    for num_crops in (1, 4, 16):
        processor = Phi3VProcessor(
            image_processor=Phi3VImageProcessor(num_crops=num_crops), tokenizer=tiny_processor.tokenizer
        )
        images = [image((500, 300)), image((300, 500)), image((400, 400))]
        encoded = processor(text=[prompt(processor)] * 3, images=images, padding=True, return_tensors="pt")
        positions = (encoded["input_ids"] == processor.image_token_id).sum(1).tolist()
        expected = [formula(h, w) for h, w in encoded["image_sizes"].tolist()]
        assert positions == expected == [processor.image_processor.num_image_tokens(*i.size) for i in images]
        alone = processor(text=prompt(processor), images=images[0])["input_ids"][0]
        image_run = [i for i, token in enumerate(alone) if token == processor.image_token_id]
        assert image_run == list(range(image_run[0], image_run[0] + expected[0]))  # one contiguous run


def test_processor_rejects_mismatched_tags_and_images(tiny):
    _, processor = tiny
    with pytest.raises(ValueError, match=r"1 image tags .* but 2 images"):
        processor(text=prompt(processor), images=[image(SQUARE), image(WIDE)])
    with pytest.raises(ValueError, match="in order"):
        processor(text="<|image_2|>x", images=[image(SQUARE)])


# --- model -----------------------------------------------------------------------------------------------


def test_forward_backward_reaches_text_vision_and_separators(tiny):
    model, processor = tiny
    encoded = batch(processor, [image(SQUARE), image(WIDE)])
    labels = encoded["input_ids"].masked_fill(encoded["attention_mask"] == 0, -100)
    model.train()
    try:
        out = model(**encoded, labels=labels)
        out.loss.backward()
    finally:
        model.eval()
    assert out.logits.shape == (*encoded["input_ids"].shape, len(processor.tokenizer))
    assert torch.isfinite(out.loss)
    vision = model.model.vision_embed_tokens
    for parameter in (
        model.model.layers[0].self_attn.qkv_proj.weight,
        vision.img_processor.vision_model.encoder.layers[0].self_attn.q_proj.weight,
        vision.img_projection[0].weight,
        vision.glb_GN,
        vision.sub_GN,
    ):
        assert parameter.grad is not None and parameter.grad.abs().sum() > 0
    assert vision.img_processor.vision_model.encoder.layers[-1].self_attn.q_proj.weight.grad is None  # layer -1 unused
    model.zero_grad(set_to_none=True)
    with torch.no_grad():
        hidden_states = model(**encoded, output_hidden_states=True).hidden_states  # the decoder's, not CLIP's
    assert len(hidden_states) == model.config.num_hidden_layers + 1
    assert all(h.shape == (*encoded["input_ids"].shape, model.config.hidden_size) for h in hidden_states)


def test_image_count_mismatch_names_both_numbers(tiny):
    model, processor = tiny
    encoded = batch(processor, [image(SQUARE)])
    ids = encoded["input_ids"].clone()
    ids[0, (ids[0] == processor.image_token_id).nonzero()[0]] = processor.tokenizer.convert_tokens_to_ids("a")
    with pytest.raises(ValueError, match=r"have 26 image positions .* give 27 features"):
        model(input_ids=ids, pixel_values=encoded["pixel_values"], image_sizes=encoded["image_sizes"])
    with pytest.raises(ValueError, match=r"27 image positions .* no pixel_values"):
        model(input_ids=encoded["input_ids"])


@pytest.mark.parametrize("side", ["right", "left"])
def test_a_batch_gives_each_sample_its_own_logits_and_clip_sees_real_crops_only(tiny, side):
    model, processor = tiny
    images = [image(SQUARE), image(WIDE, (30, 200, 30))]
    crops_seen = []
    tower = model.model.vision_embed_tokens.img_processor
    hook = tower.register_forward_pre_hook(lambda module, args: crops_seen.append(args[0].shape[0]))
    try:
        with torch.no_grad():
            together = batch(processor, images, side)
            logits = model(**together).logits
            real_crops = sum(1 + (h // 28) * (w // 28) for h, w in together["image_sizes"].tolist())
            assert crops_seen == [real_crops] == [(1 + 4) + (1 + 3)]  # not 2 * (num_crops + 1) = 10
            assert together["attention_mask"].eq(0).any()  # the batch really is padded
            for index, picture in enumerate(images):
                alone = batch(processor, [picture])
                length = alone["input_ids"].shape[1]
                rows = slice(0, length) if side == "right" else slice(-length, None)
                assert torch.equal(together["input_ids"][index, rows], alone["input_ids"][0])
                torch.testing.assert_close(logits[index, rows], model(**alone).logits[0], atol=2e-5, rtol=1e-4)
            model.model.vision_embed_tokens.encode_padding_crops = True  # the remote code's way, for benchmarks
            torch.testing.assert_close(model(**together).logits, logits, atol=2e-5, rtol=1e-4)
            assert crops_seen[-1] == 2 * (4 + 1)
    finally:
        model.model.vision_embed_tokens.encode_padding_crops = False
        hook.remove()


def test_right_padded_batches_attend_causally_without_a_padding_mask(tiny, monkeypatch):
    """Right padding: the padding mask (and the position ids, which would read as packed sequences) stay out of
    the causal mask, so SDPA can take its causal kernel; left padding and cached steps keep the mask."""
    from finetune.models.phi3_v import modeling_phi3_v

    model, processor = tiny
    seen = []
    original = modeling_phi3_v.create_causal_mask

    def recording(**kwargs):
        seen.append((kwargs["attention_mask"], kwargs["position_ids"]))
        return original(**kwargs)

    monkeypatch.setattr(modeling_phi3_v, "create_causal_mask", recording)
    images = [image(SQUARE), image(WIDE, (30, 200, 30))]
    with torch.no_grad():
        right = batch(processor, images, "right")
        assert right["attention_mask"].eq(0).any()
        model(**right)
        assert seen[-1] == (None, None)
        left = batch(processor, images, "left")
        model(**left)
        assert seen[-1][0] is not None
    mask = torch.tensor([[1, 1, 1, 0], [1, 1, 1, 1]])
    assert modeling_phi3_v.Phi3VModel.right_padded_without_past(mask, None)
    assert not modeling_phi3_v.Phi3VModel.right_padded_without_past(mask.flip(-1), None)
    assert not modeling_phi3_v.Phi3VModel.right_padded_without_past(torch.tensor([[1, 0, 1, 0]]), None)
    assert not modeling_phi3_v.Phi3VModel.right_padded_without_past(None, None)


def test_generate_with_and_without_cache_agree(tiny):
    model, processor = tiny
    inputs = batch(processor, [image(SQUARE), image(TALL, (10, 10, 10))], side="left")
    settings = {"max_new_tokens": 6, "do_sample": False, "pad_token_id": processor.tokenizer.pad_token_id}
    cached = model.generate(**inputs, use_cache=True, **settings)
    uncached = model.generate(**inputs, use_cache=False, **settings)
    assert cached.shape == (2, inputs["input_ids"].shape[1] + 6) and torch.equal(cached, uncached)
    for index, picture in enumerate([image(SQUARE), image(TALL, (10, 10, 10))]):  # and each alone gives the same
        alone = batch(processor, [picture])
        tokens = model.generate(**alone, use_cache=True, **settings)[0, alone["input_ids"].shape[1] :]
        assert torch.equal(tokens, cached[index, inputs["input_ids"].shape[1] :])


@pytest.mark.parametrize("name", ["cache", "past_key_values"])
def test_a_given_cache_is_filled_and_returned_under_either_name(tiny, name):
    """Whatever the installed transformers calls it, the cache handed in is the one the layers fill and the
    one that comes back, and a decode step on it gives the logits of the whole sequence run uncached."""
    from transformers import DynamicCache

    from finetune.models.phi3_v.cache_names import output_cache

    model, processor = tiny
    inputs = batch(processor, [image(SQUARE), image(WIDE, (30, 200, 30))], side="left")
    length = inputs["input_ids"].shape[1]
    with torch.no_grad():
        given = DynamicCache(config=model.config)
        prefill = model(**inputs, use_cache=True, **{name: given})
        assert output_cache(prefill) is given and given.get_seq_length() == length
        next_ids = prefill.logits[:, -1].argmax(-1, keepdim=True)
        mask = torch.cat([inputs["attention_mask"], torch.ones_like(next_ids)], dim=-1)
        other = "past_key_values" if name == "cache" else "cache"
        step = model(input_ids=next_ids, attention_mask=mask, use_cache=True, **{other: given})
        assert output_cache(step) is given and given.get_seq_length() == length + 1
        whole = model(**{**inputs, "input_ids": torch.cat([inputs["input_ids"], next_ids], -1), "attention_mask": mask})
    torch.testing.assert_close(step.logits[:, -1], whole.logits[:, -1], atol=1e-4, rtol=1e-4)


def test_two_different_caches_are_refused(tiny):
    from transformers import DynamicCache

    model, processor = tiny
    inputs = batch(processor, [image(SQUARE)])
    with pytest.raises(ValueError, match="two different KV caches"):
        model(**inputs, cache=DynamicCache(config=model.config), past_key_values=DynamicCache(config=model.config))


def test_generation_across_the_longrope_switch_recomputes_the_cache(tiny):
    _, processor = tiny
    inputs = batch(processor, [image(SQUARE)])
    length = inputs["input_ids"].shape[1]
    torch.manual_seed(0)
    config = tiny_phi3v_config(processor.tokenizer, original_max_position_embeddings=length + 2)
    model = Phi3VForCausalLM(config).eval()
    settings = {"max_new_tokens": 6, "do_sample": False, "output_logits": True, "return_dict_in_generate": True}
    cached = model.generate(**inputs, use_cache=True, **settings)
    uncached = model.generate(**inputs, use_cache=False, **settings)
    assert torch.equal(cached.sequences, uncached.sequences)
    for step, (a, b) in enumerate(zip(cached.logits, uncached.logits, strict=True)):
        torch.testing.assert_close(a, b, atol=1e-4, rtol=1e-4, msg=f"step {step}")


def test_save_and_load_round_trip_keeps_logits_and_an_untied_head(tiny, tmp_path):
    model, processor = tiny
    model.save_pretrained(tmp_path)
    processor.save_pretrained(tmp_path)
    loaded = AutoModelForImageTextToText.from_pretrained(tmp_path).eval()
    reloaded_processor = AutoProcessor.from_pretrained(tmp_path)
    assert type(loaded) is Phi3VForCausalLM and type(reloaded_processor) is Phi3VProcessor
    encoded = batch(reloaded_processor, [image(TALL)])
    with torch.no_grad():
        torch.testing.assert_close(loaded(**encoded).logits, model(**encoded).logits, atol=0, rtol=0)
    with safe_open(tmp_path / "model.safetensors", "pt") as saved:
        assert set(saved.keys()) == set(model.state_dict())
    assert loaded.lm_head.weight.data_ptr() != loaded.model.embed_tokens.weight.data_ptr()
    assert not torch.equal(loaded.lm_head.weight, loaded.model.embed_tokens.weight)


def sdpa_queries(model, **inputs) -> list[torch.Size]:
    """The query shape of every torch SDPA call one forward pass makes (none under eager attention)."""
    shapes = []
    real = torch.nn.functional.scaled_dot_product_attention

    def counting(query, *args, **kwargs):
        shapes.append(query.shape)
        return real(query, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch, torch.no_grad():
        patch.setattr(torch.nn.functional, "scaled_dot_product_attention", counting)
        model(**inputs)
    return shapes


def test_bf16_eager_and_sdpa(tiny_phi3v_folder):
    sdpa = AutoModelForImageTextToText.from_pretrained(tiny_phi3v_folder).eval()
    eager = AutoModelForImageTextToText.from_pretrained(tiny_phi3v_folder, attn_implementation="eager").eval()
    processor = AutoProcessor.from_pretrained(tiny_phi3v_folder)
    encoded = batch(processor, [image(SQUARE), image(WIDE)], side="left")
    queries = sdpa_queries(sdpa, **encoded)  # the default: SDPA in every text layer and in CLIP
    text = [shape for shape in queries if shape[0] == 2]  # batch 2; CLIP's batch is the crops
    assert len(text) == sdpa.config.num_hidden_layers and len(queries) > len(text)
    assert sdpa_queries(eager, **encoded) == []  # eager attention in both towers
    real = encoded["attention_mask"].bool()  # padding rows attend to nothing; implementations differ there
    with torch.no_grad():
        torch.testing.assert_close(eager(**encoded).logits[real], sdpa(**encoded).logits[real], atol=1e-5, rtol=1e-4)
        bf16 = AutoModelForImageTextToText.from_pretrained(tiny_phi3v_folder, dtype=torch.bfloat16).eval()
        logits = bf16(**encoded).logits
    assert logits.dtype == torch.bfloat16 and torch.isfinite(logits).all()
    assert (
        bf16.model.vision_embed_tokens.img_processor.vision_model.embeddings.patch_embedding.weight.dtype
        == torch.bfloat16
    )


# --- checkpoint layout and rope at the real shape ------------------------------------------------------------


def test_state_dict_is_the_checkpoint_layout_at_the_real_shape():
    with torch.device("meta"):
        model = Phi3VForCausalLM(Phi3VConfig())
    shapes = {name: tuple(tensor.shape) for name, tensor in model.state_dict().items()}
    text = {"model.embed_tokens.weight", "model.norm.weight", "lm_head.weight"}
    for n in range(32):
        for part in (
            "self_attn.qkv_proj",
            "self_attn.o_proj",
            "mlp.gate_up_proj",
            "mlp.down_proj",
            "input_layernorm",
            "post_attention_layernorm",
        ):
            text.add(f"model.layers.{n}.{part}.weight")
    vision, clip = "model.vision_embed_tokens.", "model.vision_embed_tokens.img_processor.vision_model."
    images = {
        vision + "glb_GN",
        vision + "sub_GN",
        *(f"{vision}img_projection.{i}.{p}" for i in (0, 2) for p in ("weight", "bias")),
    }
    images |= {
        clip + "embeddings.class_embedding",
        clip + "embeddings.patch_embedding.weight",
        clip + "embeddings.position_embedding.weight",
    }
    images |= {f"{clip}{norm}.{p}" for norm in ("pre_layrnorm", "post_layernorm") for p in ("weight", "bias")}
    for n in range(24):
        for part in (
            "self_attn.q_proj",
            "self_attn.k_proj",
            "self_attn.v_proj",
            "self_attn.out_proj",
            "layer_norm1",
            "mlp.fc1",
            "mlp.fc2",
            "layer_norm2",
        ):
            images |= {f"{clip}encoder.layers.{n}.{part}.{p}" for p in ("weight", "bias")}
    assert set(shapes) == text | images
    assert shapes["model.layers.31.self_attn.qkv_proj.weight"] == (9216, 3072)
    assert shapes["model.layers.0.self_attn.o_proj.weight"] == (3072, 3072)
    assert shapes["model.layers.0.mlp.gate_up_proj.weight"] == (16384, 3072)
    assert shapes["model.layers.0.mlp.down_proj.weight"] == (3072, 8192)
    assert shapes["model.embed_tokens.weight"] == shapes["lm_head.weight"] == (32064, 3072)
    assert shapes[vision + "img_projection.0.weight"] == (3072, 4096)
    assert shapes[vision + "img_projection.2.weight"] == (3072, 3072)
    assert shapes[vision + "glb_GN"] == (1, 1, 4096) and shapes[vision + "sub_GN"] == (1, 1, 1, 4096)
    assert shapes[clip + "embeddings.position_embedding.weight"] == (577, 1024)
    assert shapes[clip + "encoder.layers.23.mlp.fc1.weight"] == (4096, 1024)
    vision_parameters = sum(math.prod(s) for name, s in shapes.items() if name.startswith(vision))
    total = sum(math.prod(s) for s in shapes.values())
    assert 320e6 < vision_parameters < 330e6 and 4.1e9 < total < 4.3e9


def official_config(**overrides) -> dict:
    """config.json as microsoft/Phi-3-vision-128k-instruct ships it (factors made up: 48 of each)."""
    return {
        "_name_or_path": "Phi-3-vision-128k-instruct",
        "architectures": ["Phi3VForCausalLM"],
        "attention_dropout": 0.0,
        "auto_map": {
            "AutoConfig": "configuration_phi3_v.Phi3VConfig",
            "AutoModelForCausalLM": "modeling_phi3_v.Phi3VForCausalLM",
        },
        "bos_token_id": 1,
        "embd_layer": {
            "embedding_cls": "image",
            "hd_transform_order": "sub_glb",
            "projection_cls": "mlp",
            "use_hd_transform": True,
            "with_learnable_separator": True,
        },
        "embd_pdrop": 0.0,
        "eos_token_id": 2,
        "hidden_act": "silu",
        "hidden_size": 3072,
        "img_processor": {
            "image_dim_out": 1024,
            "model_name": "openai/clip-vit-large-patch14-336",
            "name": "clip_vision_model",
            "num_img_tokens": 144,
        },
        "initializer_range": 0.02,
        "intermediate_size": 8192,
        "max_position_embeddings": 131072,
        "model_type": "phi3_v",
        "num_attention_heads": 32,
        "num_hidden_layers": 32,
        "num_key_value_heads": 32,
        "original_max_position_embeddings": 4096,
        "rms_norm_eps": 1e-05,
        "rope_scaling": {
            "long_factor": [1.0 + 0.4 * i for i in range(48)],
            "short_factor": [1.0 + 0.02 * i for i in range(48)],
            "type": "su",
        },
        "rope_theta": 10000.0,
        "sliding_window": 131072,
        "tie_word_embeddings": False,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.38.1",
        "use_cache": True,
        "vocab_size": 32064,
        "_attn_implementation": "flash_attention_2",
        **overrides,
    }


@pytest.mark.parametrize("rope_type", ["su", "longrope"])  # Phi-3-vision's file says "su", Phi-3.5-vision's "longrope"
def test_longrope_gives_the_documented_scaling(rope_type):
    from transformers.models.phi3.modeling_phi3 import Phi3RotaryEmbedding

    raw = official_config()
    raw["rope_scaling"]["type"] = rope_type
    config = Phi3VConfig.from_dict(raw)
    assert config.rope_parameters["rope_type"] == "longrope"
    assert config.rope_parameters["original_max_position_embeddings"] == 4096
    rotary = Phi3RotaryEmbedding(config)
    scale = math.sqrt(1 + math.log(32) / math.log(4096))
    assert abs(scale - 1.1902) < 1e-4 and abs(rotary.attention_scaling - scale) < 1e-9

    def expected(positions, factors):  # the remote code's Phi3SuScaledRotaryEmbedding, in float32 as it runs
        inv_freq = 1.0 / (torch.tensor(factors) * 10000.0 ** (torch.arange(0, 96, 2).float() / 96))
        angles = positions[:, None].float() * inv_freq
        angles = torch.cat([angles, angles], -1)
        return angles.cos() * scale, angles.sin() * scale

    x = torch.zeros(1)
    for positions, factors in (
        (torch.arange(0, 64), raw["rope_scaling"]["short_factor"]),
        (torch.arange(4032, 4096), raw["rope_scaling"]["short_factor"]),  # longest is 4096: still short
        (torch.arange(4040, 4104), raw["rope_scaling"]["long_factor"]),  # past 4096: long for every position
    ):
        cos, sin = rotary(x, position_ids=positions[None])
        want_cos, want_sin = expected(positions, factors)
        torch.testing.assert_close(cos[0], want_cos, atol=1e-5, rtol=1e-5)
        torch.testing.assert_close(sin[0], want_sin, atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"img_processor": {"image_dim_out": 768}}, "image_dim_out'] is 768 but the vision_config gives 1024"),
        ({"embd_layer": {"hd_transform_order": "glb_sub"}}, "is not implemented"),
        ({"img_processor": {"type_feature": "cls_patch"}}, "type_feature 'cls_patch' is not implemented"),
        ({"image_token_id": 40000}, "not in the vocabulary of 32064 tokens"),
    ],
)
def test_config_rejects_what_is_not_implemented(change, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        Phi3VConfig(**change)


def test_official_layout_loads_with_these_classes_without_remote_code(tiny, tmp_path):
    model, processor = tiny
    model.save_pretrained(tmp_path)
    processor.tokenizer.save_pretrained(tmp_path)  # the official folder has no processor_config.json
    saved = json.loads((tmp_path / "config.json").read_text())
    tiny_keys = {
        key: saved[key]
        for key in (
            "vocab_size",
            "hidden_size",
            "intermediate_size",
            "num_hidden_layers",
            "num_attention_heads",
            "num_key_value_heads",
            "vision_config",
            "image_token_id",
            "pad_token_id",
        )
    }
    raw = official_config(
        **tiny_keys, rope_scaling=saved["rope_parameters"] | {"type": "su"}, original_max_position_embeddings=1024
    )
    raw["img_processor"] = {**raw["img_processor"], "image_dim_out": 32, "num_img_tokens": 4}
    del raw["rope_scaling"]["rope_type"]
    (tmp_path / "config.json").write_text(json.dumps(raw))
    preprocessor = {
        "auto_map": {
            "AutoProcessor": "processing_phi3_v.Phi3VProcessor",
            "AutoImageProcessor": "image_processing_phi3_v.Phi3VImageProcessor",
        },
        "do_convert_rgb": True,
        "image_mean": [0.48145466, 0.4578275, 0.40821073],
        "image_processor_type": "Phi3VImageProcessor",
        "image_std": [0.26862954, 0.26130258, 0.27577711],
        "num_crops": 4,
        "num_img_tokens": 4,
        "crop_size": 28,  # not in the official file (336 by default); the tiny model's crops
        "processor_class": "Phi3VProcessor",
    }
    (tmp_path / "preprocessor_config.json").write_text(json.dumps(preprocessor))
    for trust in (False, True):  # no remote .py files exist: loading any would fail
        config = AutoConfig.from_pretrained(tmp_path, trust_remote_code=trust)
        assert type(config) is Phi3VConfig and not hasattr(config, "auto_map")
        loaded = AutoModelForImageTextToText.from_pretrained(tmp_path, trust_remote_code=trust).eval()
        assert type(loaded) is Phi3VForCausalLM
        assert len(sdpa_queries(loaded, input_ids=torch.tensor([[5, 6, 7]]))) == loaded.config.num_hidden_layers
        assert loaded.dtype == torch.bfloat16  # the file's torch_dtype
        assert type(AutoModelForCausalLM.from_pretrained(tmp_path, trust_remote_code=trust)) is Phi3VForCausalLM
        official_processor = AutoProcessor.from_pretrained(tmp_path, trust_remote_code=trust)
        assert type(official_processor) is Phi3VProcessor and official_processor.chat_template == PHI3V_CHAT_TEMPLATE
        assert official_processor.image_processor.num_crops == 4
    assert AutoProcessor.from_pretrained(tmp_path, num_crops=16).image_processor.num_crops == 16  # Phi-3-vision's 16
    encoded = batch(official_processor, [image(WIDE)])
    loaded = AutoModelForImageTextToText.from_pretrained(tmp_path, dtype=torch.float32).eval()
    with torch.no_grad():
        torch.testing.assert_close(loaded(**encoded).logits, model(**encoded).logits, atol=0, rtol=0)


# --- LoRA through the finetune registry ---------------------------------------------------------------------


def test_lora_regex_hits_the_fused_language_layers_and_spares_frozen_clip(tiny):
    model, _ = tiny
    names = [name for name, _ in model.named_modules()]
    text_only = lora_target_regex(model, PHI3V_FAMILY, include_vision=False)
    hits = [name for name in names if re.fullmatch(text_only, name)]
    assert {name.rsplit(".", 1)[-1] for name in hits} == {"qkv_proj", "o_proj", "gate_up_proj", "down_proj"}
    assert len(hits) == 4 * model.config.num_hidden_layers and all(name.startswith("model.layers.") for name in hits)
    with_vision = lora_target_regex(model, PHI3V_FAMILY, include_vision=True)
    vision_hits = {
        name.rsplit(".", 1)[-1] for name in names if re.fullmatch(with_vision, name) and "vision_embed_tokens" in name
    }
    assert vision_hits == {"q_proj", "k_proj", "v_proj", "out_proj", "fc1", "fc2", "0", "2"}
    try:
        frozen = freeze_vision(model, PHI3V_FAMILY)
        assert frozen == sum(p.numel() for p in model.model.vision_embed_tokens.img_processor.parameters())
        still_trained = [
            name for name, p in model.named_parameters() if p.requires_grad and "vision_embed_tokens" in name
        ]
        assert sorted(still_trained) == sorted(
            f"model.vision_embed_tokens.{n}"
            for n in (
                "glb_GN",
                "sub_GN",
                "img_projection.0.weight",
                "img_projection.0.bias",
                "img_projection.2.weight",
                "img_projection.2.bias",
            )
        )
    finally:
        model.requires_grad_(True)


def test_gradient_checkpointing_lora_training_lowers_the_loss(tiny_phi3v_folder):
    from finetune.collate import TrainingCollator

    loaded = load_for_training(
        ModelSettings(
            name=str(tiny_phi3v_folder),
            method="lora",
            freeze_vision=True,
            gradient_checkpointing=True,
            lora_dropout=0.0,
        )
    )
    assert loaded.family is PHI3V_FAMILY
    model = loaded.model
    trainable = [name for name, p in model.named_parameters() if p.requires_grad]
    assert trainable and all("lora_" in name for name in trainable)
    assert any("model.layers.0.self_attn.qkv_proj.lora_A" in name for name in trainable)
    assert not any("img_processor" in name for name in trainable)
    inner = model.base_model.model.model
    assert (
        inner.layers[0].gradient_checkpointing
        and inner.vision_embed_tokens.img_processor.vision_model.encoder.layers[0].gradient_checkpointing
    )
    collate = TrainingCollator(loaded.processor, loaded.family, QUESTION)
    rows = [
        product_row(size=(60, 30)),
        product_row(colour=(20, 20, 200), size=(30, 70), title="Mini Lola Bag", category="SHOULDER"),
    ]
    batch_ = collate(rows)
    assert batch_["pixel_values"].shape[:2] == (2, 5)
    clip_before = {n: p.detach().clone() for n, p in model.named_parameters() if "img_processor" in n}
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=3e-3)
    model.train()
    losses = []
    for _ in range(10):
        loss = model(**batch_).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(loss.item())
    assert losses[-1] < 0.93 * losses[0] and sum(losses[-3:]) < sum(losses[:3]), losses
    assert all(torch.equal(p, clip_before[n]) for n, p in model.named_parameters() if n in clip_before)


def test_bf16_lora_under_autocast_takes_its_inputs_uncast_and_still_trains_and_generates(tiny_phi3v_folder):
    """What `finetune train` does under mixed precision: peft's float32 copies of the adapter inputs are
    left out (autocast runs the adapter matmuls in bf16 either way), and evaluation generates under autocast."""
    from peft.helpers import disable_input_dtype_casting

    from finetune.collate import TrainingCollator
    from finetune.train import GenerationEvaluation
    from schemas.finetune import DataSettings, TrainSettings

    torch.manual_seed(0)
    loaded = load_for_training(
        ModelSettings(name=str(tiny_phi3v_folder), method="lora", dtype="bf16", lora_dropout=0.0)
    )
    model = loaded.model
    lora_a = model.base_model.model.model.layers[0].self_attn.qkv_proj.lora_A["default"]
    assert lora_a.weight.dtype == torch.float32  # peft keeps the adapters in float32 on a bf16 model
    batch_ = TrainingCollator(loaded.processor, loaded.family, QUESTION)([product_row(size=(60, 30))])
    model.train()
    seen = []
    hook = lora_a.register_forward_pre_hook(lambda module, args: seen.append(args[0].dtype))
    with torch.autocast("cpu", dtype=torch.bfloat16):
        cast = model(**batch_).loss
        with disable_input_dtype_casting(model):
            uncast = model(**batch_).loss
    hook.remove()
    assert seen == [torch.float32, torch.bfloat16]  # the copy is gone, the values stay in bf16
    assert torch.isfinite(uncast) and abs(uncast.item() - cast.item()) < 0.02 * abs(cast.item())
    uncast.backward()
    lora_b = model.base_model.model.model.layers[0].self_attn.qkv_proj.lora_B["default"]  # A's gradient is 0 at init
    assert lora_b.weight.grad is not None and lora_b.weight.grad.dtype == torch.float32
    assert torch.count_nonzero(lora_b.weight.grad) > 0

    class _Trainer:  # what GenerationEvaluation reads from the Trainer
        def __init__(self, model):
            self.model = model

        def log(self, values):
            pass

    settings = TrainSettings(
        data=DataSettings(source="unused"),
        model=ModelSettings(name=str(tiny_phi3v_folder)),
        max_new_tokens=3,
        eval_batch_size=1,
    )
    evaluation = GenerationEvaluation(settings, loaded, [product_row(size=(40, 40))], autocast=True)
    with disable_input_dtype_casting(model):
        metrics = evaluation.run(1, _Trainer(model))
    assert metrics["samples"] == 1 and len(evaluation.samples) == 1


def test_finetune_train_runs_end_to_end_on_the_tiny_model(tiny_phi3v_folder, tmp_path):
    import finetune
    import samplegen
    from finetune.models.loading import load_trained
    from schemas.finetune import DataSettings, TrainSettings

    data = samplegen.write_dataset(samplegen.make_config(n=16, seed=2, image_size=64), tmp_path / "data")
    out = tmp_path / "run"
    finetune.train(
        TrainSettings(
            data=DataSettings(source=str(data), validation_fraction=0.25),
            model=ModelSettings(name=str(tiny_phi3v_folder), method="lora", gradient_checkpointing=True),
            output_dir=str(out),
            batch_size=2,
            max_steps=2,
            logging_steps=1,
            save_steps=2,
            eval_samples=2,
            eval_batch_size=2,
            max_new_tokens=3,
        )
    )
    assert (out / "adapter_model.safetensors").is_file() and (out / "processor_config.json").is_file()
    metrics = json.loads((out / "metrics.json").read_text())
    assert len(metrics["losses"]) == 2 and metrics["after"]["samples"] >= 1
    reloaded = load_trained(out)
    assert type(reloaded.processor) is Phi3VProcessor and reloaded.family is PHI3V_FAMILY


def test_gpu_benchmark_runs_its_tiny_cpu_path(tmp_path, monkeypatch):
    import runpy
    from pathlib import Path

    out = tmp_path / "bench.json"
    script = Path(__file__).parents[2] / "bench" / "bench_phi3v_gpu.py"
    argv = [
        "--tiny",
        "--n",
        "12",
        "--image-size",
        "64",
        "--steps",
        "1",
        "--warmup",
        "1",
        "--batch-size",
        "2",
        "--crops",
        "4",
        "--out",
        str(out),
    ]
    monkeypatch.setattr("sys.argv", [str(script), *argv])
    runpy.run_path(str(script), run_name="__main__")
    results = json.loads(out.read_text())["results"]
    assert [(r["recipe"], r["batch_size"], r["attention"], r["clip_on_padding_crops"]) for r in results] == [
        ("native", 2, "sdpa", False),
        ("cookbook", 1, "eager", True),
    ]
    assert all(r["samples_per_s"] > 0 and r["tflops_per_s"] > 0 for r in results)
