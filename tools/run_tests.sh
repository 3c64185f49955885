#!/usr/bin/env bash
# Quick start, command 2: install what is missing into .venv, then run the whole test suite
# on 2 processes. Extra arguments go to pytest (e.g. tests/utils -k checkpoint).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/tools/install.sh" || exit $?
VENV="${THESISCV_VENV:-$ROOT/.venv}"
cd "$ROOT"
"$VENV/bin/python" -m pytest -n "${PYTEST_WORKERS:-2}" --durations=20 "$@"
rc=$?
if [ "$rc" -eq 5 ]; then  # pytest: no tests were collected
    echo "[run_tests] pytest collected no tests"
    exit 0
fi
exit "$rc"
