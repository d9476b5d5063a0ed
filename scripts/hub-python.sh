#!/usr/bin/env bash
# The Python side of the Hub round-trip tests (GenDatasetTests' PythonRoundTripTests): pyarrow, datasets and
# huggingface_hub from PyPI in a virtualenv cached outside the repo, so clones and CI runs share it.
#   scripts/hub-python.sh install   create or complete the virtualenv (idempotent; about a minute the first time)
#   scripts/hub-python.sh path      print the virtualenv's python (what GEN_HUB_PYTHON points the tests at)
set -euo pipefail

CACHE="${GEN_LLM_CACHE:-/opt/gen-cache}"
VENV="$CACHE/hub-venv"
# Pinned so a new release cannot change what the tests check without a commit saying so.
PACKAGES=(pyarrow==26.0.1 datasets==5.2.0 huggingface_hub==2.4.0)

log() { echo "[hub-python] $*" >&2; }

installed() {
  [ -x "$VENV/bin/python" ] && "$VENV/bin/python" - "${PACKAGES[@]}" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
for pin in sys.argv[1:]:
    name, wanted = pin.split("==")
    if version(name) != wanted:
        sys.exit(1)
import pyarrow.parquet, datasets, huggingface_hub  # noqa: F401  the imports themselves must work
PY
}

install() {
  if installed; then
    log "already installed in $VENV"
    return 0
  fi
  mkdir -p "$CACHE"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
  log "installing ${PACKAGES[*]} into $VENV"
  "$VENV/bin/pip" install -q "${PACKAGES[@]}"
  installed || { log "the packages do not import after installing them"; exit 1; }
  log "installed"
}

case "${1:-}" in
  install) install ;;
  path) echo "$VENV/bin/python" ;;
  *) echo "usage: scripts/hub-python.sh install|path" >&2; exit 64 ;;
esac
