#!/usr/bin/env bash
# Run the test suite against other releases of the dependencies than constraints/tested.txt pins.
#
#   scripts/test-releases.sh newest [PYTEST ARGS...]   the newest release the registry serves of every
#                                                      dependency, past pyproject.toml's upper bounds
#   scripts/test-releases.sh oldest [PYTEST ARGS...]   the lower bounds (constraints/oldest.txt)
#
# Each run builds a fresh virtual environment in .venv-<mode>, prints the versions it tested and ends with
# pytest's own pass/fail line. TORCH=2.13.0 keeps a given torch release (default: oldest mode takes
# constraints/oldest.txt's, newest mode the newest the registry serves: a several-GB CUDA build).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
case "$mode" in
newest | oldest) shift ;;
*)
    echo "usage: scripts/test-releases.sh newest|oldest [pytest args...]" >&2
    exit 2
    ;;
esac

venv=".venv-$mode"
rm -rf "$venv"
python3 -m venv "$venv"
pip=("$venv/bin/python" -m pip install -q)

# The names of the project's dependencies and its finetune and test extras, without their version ranges.
names=$("$venv/bin/python" - <<'EOF'
import re, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
extras = project["optional-dependencies"]
requirements = project["dependencies"] + extras["finetune"] + extras["test"]
names = {re.split(r"[<>=!~ ;\[]", r, maxsplit=1)[0] for r in requirements} - {project["name"]}
print(" ".join(sorted(names)))
EOF
)

if [ "$mode" = oldest ]; then
    "${pip[@]}" -c constraints/oldest.txt "torch==${TORCH:-$(sed -n 's/^torch==//p' constraints/oldest.txt)}"
    "${pip[@]}" -c constraints/oldest.txt -e '.[test]'
else
    "${pip[@]}" --upgrade "torch${TORCH:+==$TORCH}"
    "${pip[@]}" --no-deps -e .
    # shellcheck disable=SC2086  # one argument per name
    "${pip[@]}" --upgrade $names
fi

echo "tested with ($mode):"
"$venv/bin/python" -m pip list --format=freeze 2>/dev/null |
    grep -iE '^(torch|transformers|peft|accelerate|datasets|huggingface.hub|tokenizers|safetensors|pillow|numpy|pyarrow|pydantic)==' |
    sed 's/^/  /'
"$venv/bin/python" -m pytest -o addopts="" -q "$@"
