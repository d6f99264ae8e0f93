"""Register the native Phi-3-vision with transformers' Auto classes as soon as transformers is imported.

`import finetune` calls `register_when_transformers_loads()`: if transformers is already imported the phi3_v
classes are registered at once; otherwise the registration runs right after transformers' own import, so
`AutoModelForImageTextToText` / `AutoProcessor` load saved Phi-3-vision folders, while `import finetune` alone
(the CLI's `--help`, `finetune push`) does not pay for importing transformers.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys

TRANSFORMERS = "transformers"
REGISTERING_MODULE = "finetune.models.phi3_v"  # registers model_type "phi3_v" on import


def _register() -> None:
    importlib.import_module(REGISTERING_MODULE)


class _RegisterAfterImport(importlib.abc.MetaPathFinder):
    """Finds transformers with the other finders and registers phi3_v once its module has run."""

    def find_spec(self, name, path=None, target=None):
        if name != TRANSFORMERS:
            return None
        _uninstall()
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        loader = spec.loader
        run_module = loader.exec_module

        def exec_module(module):
            run_module(module)
            _register()

        loader.exec_module = exec_module
        return spec


_FINDER = _RegisterAfterImport()


def _uninstall() -> None:
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)


def register_when_transformers_loads() -> None:
    """Register phi3_v now if transformers is loaded, else right after it loads (once)."""
    if TRANSFORMERS in sys.modules:
        _register()
    elif _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
