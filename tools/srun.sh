#!/usr/bin/env bash
# Run a tool as a Slurm job step: tools/srun.sh PARTITION JOB_NAME SCRIPT [script args]
# (used by slurm_train.sh and slurm_test.sh). GPUS (total, default 8), GPUS_PER_NODE (8),
# CPUS_PER_TASK (5) and SRUN_ARGS are read from the environment, as in OpenMMLab.
set -x
PARTITION=$1
JOB_NAME=$2
SCRIPT=$3
GPUS=${GPUS:-8}
GPUS_PER_NODE=${GPUS_PER_NODE:-8}
ROOT="$(dirname "$0")/.."
PYTHON=${PYTHON:-"$( [ -x "$ROOT/.venv/bin/python" ] && echo "$ROOT/.venv/bin/python" || echo python )"}

PYTHONPATH="$ROOT":$PYTHONPATH \
exec srun -p "$PARTITION" \
    --job-name="$JOB_NAME" \
    --gres=gpu:"$GPUS_PER_NODE" \
    --ntasks="$GPUS" \
    --ntasks-per-node="$GPUS_PER_NODE" \
    --cpus-per-task="${CPUS_PER_TASK:-5}" \
    --kill-on-bad-exit=1 \
    ${SRUN_ARGS:-} \
    "$PYTHON" -u "$ROOT/tools/$SCRIPT" "${@:4}" --launcher=slurm
