"""Label masking, image flow and batching with the tiny model."""

import torch

from finetune.collate import IGNORE_INDEX, ChatFormat, TrainingCollator
from finetune.models.loading import load_for_training
from finetune.prompts import answer_for
from schemas.finetune import ModelSettings
from tests.conftest import product_row

QUESTION = "What is shown in this image?"


def test_chat_format_is_the_phi3_form(scratch_model):
    loaded = load_for_training(ModelSettings(name=str(scratch_model), method="full"))
    chat = ChatFormat.of(loaded.processor, QUESTION)
    assert chat.prompt == "<|user|>\n<image>What is shown in this image?<|end|>\n<|assistant|>\n"
    assert chat.end_of_turn == "<|end|>"


def test_only_answer_and_end_token_are_trained(scratch_model):
    loaded = load_for_training(ModelSettings(name=str(scratch_model), method="full"))
    collate = TrainingCollator(loaded.processor, loaded.family, QUESTION)
    rows = [product_row(), product_row(title="Mini Lola Bag", category="SHOULDER", price=2290.0, size=(30, 70))]
    batch = collate(rows)
    tokenizer = loaded.processor.tokenizer
    assert batch["input_ids"].shape[0] == 2 and batch["pixel_values"].shape[0] == 2
    for index, row in enumerate(rows):
        trained = batch["labels"][index] != IGNORE_INDEX
        answer = tokenizer(answer_for(row) + "<|end|>", add_special_tokens=False)["input_ids"]
        assert int(trained.sum()) == len(answer)
        assert batch["labels"][index][trained].tolist() == answer
        assert tokenizer.decode(batch["labels"][index][trained]) == answer_for(row) + "<|end|>"
        image_positions = batch["input_ids"][index] == tokenizer.convert_tokens_to_ids("<image>")
        assert int(image_positions.sum()) == 16  # (32 / 8)^2 patches
        assert not trained[image_positions].any()
        padding = batch["attention_mask"][index] == 0
        assert not trained[padding].any()
    assert (batch["attention_mask"][1] == 0).any() or (batch["attention_mask"][0] == 0).any()  # one row was padded


def test_the_image_reaches_the_model(scratch_model):
    loaded = load_for_training(ModelSettings(name=str(scratch_model), method="full"))
    collate = TrainingCollator(loaded.processor, loaded.family, QUESTION)
    red, blue = collate([product_row(colour=(220, 20, 20))]), collate([product_row(colour=(20, 20, 220))])
    assert torch.equal(red["input_ids"], blue["input_ids"])
    with torch.no_grad():
        assert not torch.allclose(loaded.model(**red).logits, loaded.model(**blue).logits)
        assert loaded.model(**red).loss != loaded.model(**blue).loss
