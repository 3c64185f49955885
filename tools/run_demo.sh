#!/usr/bin/env bash
# Quick start, command 1: install what is missing into .venv, then run the main job
# (synthetic data -> train -> test -> metrics). Arguments go to tools/demo.py (--recipe ...).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/tools/install.sh"
VENV="${THESISCV_VENV:-$ROOT/.venv}"
cd "$ROOT"
exec "$VENV/bin/python" tools/demo.py "$@"
