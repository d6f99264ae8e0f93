"""Per family: the tokens the collator trains are exactly the assistant turn the family's chat template renders.

Each family's processor is built offline from the byte-level test tokenizer and the family's real chat template
(SmolVLM's and Qwen2-VL's templates are copied here as their checkpoints ship them).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
import torch
from transformers import (
    AutoProcessor,
    CLIPImageProcessorPil,
    Idefics3ImageProcessorPil,
    Idefics3Processor,
    LlavaProcessor,
    Qwen2VLImageProcessorPil,
)

from finetune.collate import IGNORE_INDEX, ChatFormat, TrainingCollator
from finetune.models.families import FAMILIES
from finetune.models.phi3_v import tiny_phi3v_processor
from finetune.models.scratch import byte_tokenizer
from finetune.prompts import answer_for, user_message
from tests.conftest import product_row

QUESTION = "What is shown in this image?"

SMOLVLM_CHAT_TEMPLATE = (
    "<|im_start|>{% for message in messages %}{{message['role'] | capitalize}}{% if message['content'][0]['type'] == "
    "'image' %}{{':'}}{% else %}{{': '}}{% endif %}{% for line in message['content'] %}{% if line['type'] == 'text' %}"
    "{{line['text']}}{% elif line['type'] == 'image' %}{{ '<image>' }}{% endif %}{% endfor %}<end_of_utterance>\n"
    "{% endfor %}{% if add_generation_prompt %}{{ 'Assistant:' }}{% endif %}"
)
QWEN2_VL_CHAT_TEMPLATE = (
    "{% set image_count = namespace(value=0) %}{% set video_count = namespace(value=0) %}{% for message in messages %}"
    "{% if loop.first and message['role'] != 'system' %}<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
    "{% endif %}<|im_start|>{{ message['role'] }}\n{% if message['content'] is string %}{{ message['content'] }}"
    "<|im_end|>\n{% else %}{% for content in message['content'] %}{% if content['type'] == 'image' or 'image' in "
    "content or 'image_url' in content %}{% set image_count.value = image_count.value + 1 %}{% if add_vision_id %}"
    "Picture {{ image_count.value }}: {% endif %}<|vision_start|><|image_pad|><|vision_end|>{% elif content['type'] "
    "== 'video' or 'video' in content %}{% set video_count.value = video_count.value + 1 %}{% if add_vision_id %}"
    "Video {{ video_count.value }}: {% endif %}<|vision_start|><|video_pad|><|vision_end|>{% elif 'text' in content %}"
    "{{ content['text'] }}{% endif %}{% endfor %}<|im_end|>\n{% endif %}{% endfor %}{% if add_generation_prompt %}"
    "<|im_start|>assistant\n{% endif %}"
)
QWEN_TOKENS = ["<|im_start|>", "<|im_end|>", "<|vision_start|>", "<|vision_end|>", "<|image_pad|>", "<|video_pad|>"]


def smolvlm_processor() -> Idefics3Processor:
    tokenizer = byte_tokenizer()
    tokenizer.add_tokens(["<|im_start|>", "<fake_token_around_image>", "<global-img>"], special_tokens=True)
    image_processor = Idefics3ImageProcessorPil(
        do_image_splitting=False, size={"longest_edge": 32}, max_image_size={"longest_edge": 32}
    )
    return Idefics3Processor(
        image_processor=image_processor, tokenizer=tokenizer, image_seq_len=4, chat_template=SMOLVLM_CHAT_TEMPLATE
    )


def qwen_template_on_llava_processor() -> LlavaProcessor:
    """Qwen2-VL's template and image token on a LLaVA processor: Qwen2VLProcessor itself needs torchvision."""
    tokenizer = byte_tokenizer()
    tokenizer.add_tokens(QWEN_TOKENS, special_tokens=True)
    tokenizer.image_token = "<|image_pad|>"
    image_processor = CLIPImageProcessorPil(size={"shortest_edge": 16}, crop_size={"height": 16, "width": 16})
    return LlavaProcessor(
        image_processor=image_processor,
        tokenizer=tokenizer,
        patch_size=8,
        vision_feature_select_strategy="full",
        chat_template=QWEN2_VL_CHAT_TEMPLATE,
        image_token="<|image_pad|>",
    )


@dataclass(frozen=True)
class Case:
    family: str
    processor: Callable[[], Any]
    turn: Callable[[str], str]  # the assistant turn the template renders for an answer, written out by hand


CASES = {
    "phi3_v": Case("phi3_v", tiny_phi3v_processor, lambda answer: f"{answer}<|end|>"),
    "idefics3 (SmolVLM template)": Case("idefics3", smolvlm_processor, lambda answer: f" {answer}<end_of_utterance>"),
    "qwen2_vl template": Case("qwen2_vl", qwen_template_on_llava_processor, lambda answer: f"{answer}<|im_end|>"),
}
ROWS = [product_row(), product_row(title="Mini Lola Bag", category="SHOULDER", price=2290.5, size=(30, 70))]


def assert_trains_the_templates_turn(processor, family: str, turn: Callable[[str], str], price_format: str = "float"):
    collate = TrainingCollator(processor, FAMILIES[family], QUESTION, price_format)
    batch = collate(ROWS)
    tokenizer = processor.tokenizer
    for index, row in enumerate(ROWS):
        answer = answer_for(row, price_format)
        trained = batch["labels"][index] != IGNORE_INDEX
        positions = trained.nonzero().flatten().tolist()
        assert positions == list(range(positions[0], positions[-1] + 1)), "one contiguous span"
        assert tokenizer.decode(batch["labels"][index][trained]) == turn(answer)
        # the template's own rendering of the whole conversation starts with prompt + that turn ...
        conversation = [*user_message(QUESTION), {"role": "assistant", "content": [{"type": "text", "text": answer}]}]
        rendered = processor.apply_chat_template(conversation, tokenize=False)
        assert rendered.startswith(collate.chat.prompt + turn(answer))
        # ... and the training sequence is exactly the processor's encoding of that text, the span right after
        # the prompt
        images = [[row["image"]]] if FAMILIES[family].nested_images else [row["image"]]
        expected = processor(text=[collate.chat.prompt + turn(answer)], images=images)["input_ids"][0]
        expected = expected.tolist() if hasattr(expected, "tolist") else list(expected)
        sequence = batch["input_ids"][index][batch["attention_mask"][index].bool()].tolist()
        assert sequence == expected
        assert positions[-1] == len(sequence) - 1
    return batch


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_trained_span_is_the_templates_assistant_turn(case):
    assert_trains_the_templates_turn(case.processor(), case.family, case.turn)


def test_the_scratch_llava_model_trains_the_phi3_turn(scratch_model):
    processor = AutoProcessor.from_pretrained(str(scratch_model))
    assert_trains_the_templates_turn(processor, "llava", lambda answer: f"{answer}<|end|>")


def test_compact_prices_are_trained_when_asked():
    assert_trains_the_templates_turn(tiny_phi3v_processor(), "phi3_v", lambda answer: f"{answer}<|end|>", "compact")
    batch = TrainingCollator(tiny_phi3v_processor(), FAMILIES["phi3_v"], QUESTION, "compact")([ROWS[0]])
    trained = batch["labels"][0][batch["labels"][0] != IGNORE_INDEX]
    assert tiny_phi3v_processor().tokenizer.decode(trained).endswith("Full Price: 890<|end|>")


def test_smolvlms_turn_keeps_the_space_after_assistant():
    chat = ChatFormat.of(smolvlm_processor(), QUESTION)
    assert chat.prompt.endswith("<end_of_utterance>\nAssistant:")
    assert (
        chat.assistant_text("Product: X, Category: Y, Full Price: 1.0")
        == " Product: X, Category: Y, Full Price: 1.0<end_of_utterance>"
    )
    assert chat.end_of_turn == "<end_of_utterance>"


def test_the_real_qwen2_vl_processor_trains_its_templates_turn():
    pytest.importorskip("torchvision", exc_type=ImportError)
    from transformers import Qwen2VLProcessor, Qwen2VLVideoProcessor

    tokenizer = byte_tokenizer()
    tokenizer.add_tokens(QWEN_TOKENS, special_tokens=True)
    tokenizer.image_token = "<|image_pad|>"  # the byte tokenizer's own image token is "<image>"
    image_processor = Qwen2VLImageProcessorPil(min_pixels=28 * 28 * 4, max_pixels=28 * 28 * 4)
    processor = Qwen2VLProcessor(
        image_processor=image_processor,
        tokenizer=tokenizer,
        video_processor=Qwen2VLVideoProcessor(),
        chat_template=QWEN2_VL_CHAT_TEMPLATE,
    )
    batch = assert_trains_the_templates_turn(processor, "qwen2_vl", lambda answer: f"{answer}<|im_end|>")
    # its per-token mm_token_type_ids grow with the sequence: 1 on the image positions, 0 elsewhere
    assert batch["mm_token_type_ids"].shape == batch["input_ids"].shape
    assert torch.equal(batch["mm_token_type_ids"].bool(), batch["input_ids"] == processor.image_token_id)
