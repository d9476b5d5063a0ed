#!/usr/bin/env bash
# System packages Gen's build and tests need (Debian). Idempotent; needs root (or sudo) on a fresh machine.
#   libsqlite3-dev: the run store   zlib1g-dev: PNG checks in report tests   chromium: report screenshot test
#   cmake, build-essential: building the local llama.cpp server from PyPI
#   python3-venv: the virtualenvs of the local model server and of the Hub round-trip tests (scripts/hub-python.sh)
#   zsh, fish: the `gen completion` tests run the generated scripts in each shell (bash is already there)
#   neovim: the real LSP client of `gen lsp`'s editor test (NeovimClientTests)
set -euo pipefail
packages=(libsqlite3-dev zlib1g-dev chromium cmake build-essential python3-venv zsh fish neovim)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "[setup] installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
