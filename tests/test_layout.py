"""The packages' shape that other code relies on: one exceptions module each, and finetune using only
samplegen's public modules (so samplegen's internals can change without breaking it)."""

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import finetune
import samplegen

ROOT = Path(__file__).resolve().parents[1]
SAMPLEGEN_PUBLIC = {"samplegen", "samplegen.dbq", "samplegen.hub_upload", "samplegen.command_line", "samplegen.atomic",
                    "samplegen.progress", "samplegen.extras", "samplegen.errors"}  # fmt: skip


def modules_of(package) -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."))


@pytest.mark.parametrize(("package", "errors_module"), [(samplegen, "samplegen.errors"), (finetune, "finetune.errors")])
def test_every_public_exception_class_is_defined_in_the_packages_errors_module(package, errors_module):
    """Private ones (a download attempt's internal `_Failure`) never reach a user."""
    defined_elsewhere = []
    for name in modules_of(package):
        if name.endswith("__main__"):
            continue
        module = importlib.import_module(name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            public = not value.__name__.startswith("_")
            if public and issubclass(value, BaseException) and value.__module__ == name and name != errors_module:
                defined_elsewhere.append(f"{name}.{value.__name__}")
    assert defined_elsewhere == []


def test_finetune_imports_only_samplegens_public_modules():
    reached = set()
    for path in sorted((ROOT / "finetune").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "samplegen":
                reached.add(node.module)
            elif isinstance(node, ast.Import):
                reached.update(alias.name for alias in node.names if alias.name.split(".")[0] == "samplegen")
    assert reached and reached <= SAMPLEGEN_PUBLIC, sorted(reached - SAMPLEGEN_PUBLIC)


@pytest.mark.parametrize("module", sorted(SAMPLEGEN_PUBLIC - {"samplegen"}))
def test_samplegens_shared_modules_name_their_public_surface(module):
    loaded = importlib.import_module(module)
    assert loaded.__all__ and all(hasattr(loaded, name) for name in loaded.__all__)


def test_samplegens_public_names_all_resolve():
    assert all(getattr(samplegen, name) is not None for name in samplegen.__all__)
