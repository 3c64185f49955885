#!/usr/bin/env bash
# torchrun a tool on NPROCS processes per node: tools/torchrun.sh NPROCS SCRIPT [script args]
# (used by dist_train.sh and dist_test.sh). Multi-machine: NNODES, NODE_RANK, MASTER_ADDR, PORT.
NPROCS=$1
SCRIPT=$2
ROOT="$(dirname "$0")/.."
PYTHON=${PYTHON:-"$( [ -x "$ROOT/.venv/bin/python" ] && echo "$ROOT/.venv/bin/python" || echo python )"}

PYTHONPATH="$ROOT":$PYTHONPATH \
exec "$PYTHON" -m torch.distributed.run \
    --nnodes="${NNODES:-1}" \
    --node_rank="${NODE_RANK:-0}" \
    --master_addr="${MASTER_ADDR:-127.0.0.1}" \
    --nproc_per_node="$NPROCS" \
    --master_port="${PORT:-29500}" \
    "$ROOT/tools/$SCRIPT" "${@:3}"
