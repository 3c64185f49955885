#!/usr/bin/env bash
# Install thesiscv and its pinned stack into a project-local virtual environment (.venv).
#
#   bash tools/install.sh            # create/refresh .venv; a no-op when nothing changed
#   THESISCV_VENV=/path bash tools/install.sh   # use another location
#
# Idempotent: a stamp in the venv holds a hash of the requirement files, setup.py and this
# script; when it matches, nothing is installed. Every step that ENVIRONMENT.md found
# necessary is here (see the tags in requirements/mminstall.txt). The slow step is compiling
# mmcv's C++ ops (about 10 min on 2 cores); pip caches the built wheel, so it is paid once
# per machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${THESISCV_VENV:-$ROOT/.venv}"
PYTHON_BIN="${PYTHON:-python3}"
REQ="$ROOT/requirements"

log() { printf '[install] %s\n' "$*"; }

stamp_of() {
    cat "$REQ"/runtime.txt "$REQ"/mminstall.txt "$REQ"/tests.txt "$REQ"/optional.txt \
        "$ROOT/setup.py" "$ROOT/tools/install.sh" | sha256sum | cut -d' ' -f1
}

STAMP_FILE="$VENV/.thesiscv-install-stamp"
want="$(stamp_of)"
if [[ -f "$STAMP_FILE" && "$(cat "$STAMP_FILE")" == "$want" ]] \
        && "$VENV/bin/python" -c 'import thesiscv' 2>/dev/null; then
    log "environment in $VENV is up to date"
    exit 0
fi

if [[ ! -x "$VENV/bin/python" ]]; then
    log "creating virtual environment $VENV"
    "$PYTHON_BIN" -m venv "$VENV"
fi
PY="$VENV/bin/python"
PIP=("$PY" -m pip --disable-pip-version-check)

# Lines of mminstall.txt carrying a tag, without comments.
tagged() { grep -E "\[$1\]" "$REQ/mminstall.txt" | sed 's/#.*//' | xargs; }
untagged() { grep -vE '^\s*(#|$)' "$REQ/mminstall.txt" | grep -vE '\[(build-ops|no-deps|no-binary)\]' \
    | sed 's/#.*//' | xargs; }

log "runtime requirements (torch, numpy, build tools, ...)"
"${PIP[@]}" install -r "$REQ/runtime.txt"

mmcv_pin="$(tagged build-ops)"
if "$PY" - "$mmcv_pin" <<'EOF' 2>/dev/null
import sys, importlib.metadata as md
want = sys.argv[1].split('==')[1]
assert md.version('mmcv') == want
import mmcv.ops  # noqa: F401  (fails when mmcv was installed without its compiled ops)
EOF
then
    log "$mmcv_pin with compiled ops already installed"
else
    log "building $mmcv_pin with ops (about 10 minutes on 2 cores the first time; cached after)"
    MMCV_WITH_OPS=1 FORCE_CUDA=0 MAX_JOBS="${MAX_JOBS:-$(nproc)}" \
        "${PIP[@]}" install --no-build-isolation $mmcv_pin
fi

log "OpenMMLab packages and their real dependencies"
# shellcheck disable=SC2046
"${PIP[@]}" install $(untagged)
# shellcheck disable=SC2046
"${PIP[@]}" install --no-deps $(tagged no-deps)
xtc="$(tagged no-binary)"
if ! "$PY" -c "import importlib.metadata as md, xtcocotools.coco; \
assert md.version('xtcocotools') == '${xtc#*==}'" 2>/dev/null; then
    "${PIP[@]}" install --no-binary "${xtc%%==*}" --no-build-isolation --force-reinstall --no-deps "$xtc"
fi

log "test and optional requirements"
"${PIP[@]}" install -r "$REQ/tests.txt" -r "$REQ/optional.txt"

log "thesiscv (editable)"
"${PIP[@]}" install --no-build-isolation --no-deps -e "$ROOT"

"$PY" -c 'import thesiscv; from thesiscv.utils import register_all_modules; register_all_modules()'
echo "$want" > "$STAMP_FILE"
log "done: activate with 'source ${VENV#"$ROOT"/}/bin/activate' or call $VENV/bin/python"
