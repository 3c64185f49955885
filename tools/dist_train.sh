#!/usr/bin/env bash
# Distributed training with torchrun: tools/dist_train.sh CONFIG NUM_PROCS [train.py args]
# Multi-machine: set NNODES, NODE_RANK, MASTER_ADDR and PORT on every node, as in OpenMMLab.
# Without CUDA the processes train on CPU with the gloo backend.
exec bash "$(dirname "$0")/torchrun.sh" "$2" train.py "$1" --launcher pytorch "${@:3}"
