"""`finetune` command line: train, evaluate, predict, merge, push — a thin layer over the Python API.

Defaults live in schemas.finetune; a flag left out keeps the model's default. Mistakes print one line
(`finetune: error: ...`) and exit with code 2; FINETUNE_DEBUG=1 shows tracebacks. Without the training
stack every command, `--help` included, is one line naming `pip install 'samplegen[finetune]'`.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence

from pydantic import ValidationError

import samplegen
from finetune.errors import FinetuneError
from finetune.stack import require_training_stack
from samplegen.command_line import EXIT_USAGE, OneLineParser, add_hub_arguments, run_handler
from samplegen.errors import SamplegenError, describe_validation_error
from samplegen.hub_upload import quiet_hub
from schemas.finetune import DataSettings, ModelSettings, TrainSettings

DEBUG_VARIABLE = "FINETUNE_DEBUG"

# flag -> (settings section, field, type); sections: data, model, train.
TRAIN_FLAGS: list[tuple[str, str, str, type]] = [
    ("--data", "data", "source", str),
    ("--country", "data", "country", str),
    ("--validation-fraction", "data", "validation_fraction", float),
    ("--limit", "data", "limit", int),
    ("--image-cache", "data", "image_cache", str),
    ("--download-workers", "data", "download_workers", int),
    ("--model", "model", "name", str),
    ("--family", "model", "family", str),
    ("--method", "model", "method", str),
    ("--lora-r", "model", "lora_r", int),
    ("--lora-alpha", "model", "lora_alpha", int),
    ("--lora-dropout", "model", "lora_dropout", float),
    ("--dtype", "model", "dtype", str),
    ("--attn", "model", "attn_implementation", str),
    ("--question", "train", "question", str),
    ("--price-format", "train", "price_format", str),
    ("--out", "train", "output_dir", str),
    ("--seed", "train", "seed", int),
    ("--batch-size", "train", "batch_size", int),
    ("--grad-accum", "train", "gradient_accumulation", int),
    ("--lr", "train", "learning_rate", float),
    ("--weight-decay", "train", "weight_decay", float),
    ("--epochs", "train", "epochs", float),
    ("--max-steps", "train", "max_steps", int),
    ("--warmup-ratio", "train", "warmup_ratio", float),
    ("--scheduler", "train", "lr_scheduler", str),
    ("--logging-steps", "train", "logging_steps", int),
    ("--save-steps", "train", "save_steps", int),
    ("--save-total-limit", "train", "save_total_limit", int),
    ("--eval-steps", "train", "eval_steps", int),
    ("--eval-samples", "train", "eval_samples", int),
    ("--eval-batch-size", "train", "eval_batch_size", int),
    ("--max-new-tokens", "train", "max_new_tokens", int),
    ("--workers", "train", "dataloader_workers", int),
    ("--compile", "train", "compile", str),
    ("--report-to", "train", "report_to", str),
    ("--push-to", "train", "push_to", str),
]
SWITCHES = [
    ("--train-vision", "model", "freeze_vision", False, "train the vision tower too (frozen by default)"),
    ("--gradient-checkpointing", "model", "gradient_checkpointing", True, "trade compute for memory"),
    ("--trust-remote-code", "model", "trust_remote_code", True, "run the model repo's own code (off by default)"),
    (
        "--hub-kernels",
        "model",
        "hub_kernels",
        True,
        "use kernels transformers downloads from the Hub (remote code; off by default)",
    ),
    ("--resume", "train", "resume", True, "continue from the last checkpoint in --out"),
]
SECTIONS = {"data": DataSettings, "model": ModelSettings, "train": TrainSettings}


def _field_help(section: str, field: str) -> str:
    info = SECTIONS[section].model_fields[field]
    default = "required" if info.is_required() else f"default {info.get_default(call_default_factory=True)!r}"
    return f"{info.description + '; ' if info.description else ''}{default}"


def settings_from_args(args: argparse.Namespace) -> TrainSettings:
    values: dict[str, dict] = {"data": {}, "model": {}, "train": {}}
    for flag, section, field, _ in TRAIN_FLAGS:
        value = getattr(args, flag.lstrip("-").replace("-", "_"))
        if value is not None:
            values[section][field] = value
    for flag, section, field, on_value, _ in SWITCHES:
        if getattr(args, flag.lstrip("-").replace("-", "_")):
            values[section][field] = on_value
    try:
        return TrainSettings(
            data=DataSettings(**values["data"]), model=ModelSettings(**values["model"]), **values["train"]
        )
    except ValidationError as error:
        raise FinetuneError(f"invalid setting: {describe_validation_error(error)}") from None


def _run_train(args: argparse.Namespace) -> int:
    from finetune.train import train  # noqa: PLC0415

    result = train(settings_from_args(args))
    print(json.dumps({"output_dir": str(result.output_dir), "after": result.metrics["after"]}, indent=1))
    return 0


def _run_evaluate(args: argparse.Namespace) -> int:
    from finetune.evaluate import evaluate  # noqa: PLC0415

    metrics, _ = evaluate(
        args.model,
        args.data,
        samples=args.samples,
        split=args.split,
        seed=args.seed,
        validation_fraction=args.validation_fraction,
        limit=args.limit,
        country=args.country,
        max_new_tokens=args.max_new_tokens,
        batch_size=args.batch_size,
    )
    print(json.dumps(metrics, indent=1))
    return 0


def _run_predict(args: argparse.Namespace) -> int:
    from finetune.predict import predict  # noqa: PLC0415

    records = predict(
        args.model, args.images, question=args.question, max_new_tokens=args.max_new_tokens, batch_size=args.batch_size
    )
    for record in records:
        print(json.dumps(record, ensure_ascii=False) if args.json else f"{record['image']}: {record['answer']}")
    return 0


def _run_merge(args: argparse.Namespace) -> int:
    from finetune.merge import merge  # noqa: PLC0415

    print(merge(args.model, args.out, overwrite=args.overwrite))
    return 0


def _run_push(args: argparse.Namespace) -> int:
    from finetune.publish import push  # noqa: PLC0415

    with quiet_hub():
        result = push(
            args.folder,
            args.repo_id,
            private=args.private,
            revision=args.revision,
            token=args.token,
            timeout=args.timeout,
        )
    print(
        result.commit_url
        if result.changed
        else f"nothing changed: {result.repo_id}@{result.revision} already has these files"
    )
    return 0


def _add_push(commands: argparse._SubParsersAction) -> None:
    push = commands.add_parser("push", help="publish a trained or merged folder as a Hub model repo")
    push.add_argument("folder", metavar="DIR", help="output folder of `finetune train` or `finetune merge`")
    add_hub_arguments(push, "model")
    push.set_defaults(handler=_run_push)


def make_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="finetune", description="Fine-tune a vision-language model to read product photos.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {samplegen.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)

    train = commands.add_parser("train", help="train on a samplegen set or the real DBQ set")
    for flag, section, field, kind in TRAIN_FLAGS:
        train.add_argument(flag, type=kind, default=None, help=_field_help(section, field))
    for flag, _, _, _, text in SWITCHES:
        train.add_argument(flag, action="store_true", help=text)
    train.set_defaults(handler=_run_train)

    evaluate = commands.add_parser("evaluate", help="evaluate a trained model by generation")
    evaluate.add_argument("--model", required=True, help="output folder of `finetune train`")
    evaluate.add_argument("--data", help="data source (as for train); default: the run's own")
    evaluate.add_argument("--samples", type=int, default=256, help="rows to evaluate")
    evaluate.add_argument(
        "--split",
        choices=["auto", "test", "validation"],
        default="auto",
        help="test: the set's held-out test split; validation: the run's validation rows; auto: test when there is one",
    )
    run_only = "read from the run's training_config.json; give it only for a model without one"
    evaluate.add_argument("--seed", type=int, help=run_only)
    evaluate.add_argument("--validation-fraction", type=float, help=run_only)
    evaluate.add_argument("--limit", type=int, help=run_only)
    evaluate.add_argument("--country", help=run_only)
    evaluate.add_argument("--max-new-tokens", type=int, help="default: the run's")
    evaluate.add_argument("--batch-size", type=int, default=8)
    evaluate.set_defaults(handler=_run_evaluate)

    predict = commands.add_parser("predict", help="answer for image files")
    predict.add_argument("--model", required=True, help="output folder of `finetune train` or `finetune merge`")
    predict.add_argument("images", nargs="+", help="image files")
    predict.add_argument("--json", action="store_true", help="one JSON record per image")
    predict.add_argument("--question", help="override the trained question")
    predict.add_argument("--max-new-tokens", type=int, default=64)
    predict.add_argument("--batch-size", type=int, default=8)
    predict.set_defaults(handler=_run_predict)

    merge = commands.add_parser("merge", help="fold a LoRA adapter into its base model")
    merge.add_argument("--model", required=True, help="output folder of a LoRA run")
    merge.add_argument("--out", required=True, help="folder for the merged model")
    merge.add_argument("--overwrite", action="store_true")
    merge.set_defaults(handler=_run_merge)

    _add_push(commands)
    return parser


# Progress bars of the Hub client and transformers ("Loading weights") and of datasets, when stderr is a log
# rather than a terminal: a failing command's stderr is then its one error line.
QUIET_BARS_WITHOUT_TERMINAL = ("HF_HUB_DISABLE_PROGRESS_BARS", "HF_DATASETS_DISABLE_PROGRESS_BARS")


class _CurrentStderr(logging.StreamHandler):
    """Writes each record to sys.stderr as it is at that moment (a redirection or capture made later holds)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def _log_to_stderr() -> None:
    """finetune's own progress lines (`finetune: data: ...`) on stderr; other libraries keep Python's default
    (warnings and errors only), so their INFO lines do not come before an error line."""
    logger = logging.getLogger("finetune")
    if not logger.handlers:
        handler = _CurrentStderr()
        handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        require_training_stack("the finetune command")
    except SamplegenError as error:
        print(f"finetune: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    _log_to_stderr()
    if not sys.stderr.isatty():
        for variable in QUIET_BARS_WITHOUT_TERMINAL:
            os.environ.setdefault(variable, "1")
    args = make_parser().parse_args(argv)
    return run_handler("finetune", lambda: args.handler(args), (FinetuneError, SamplegenError), DEBUG_VARIABLE)


if __name__ == "__main__":
    sys.exit(main())
