#!/usr/bin/env bash
# The one test command (README and .ci/run both call it): sets up the local model servers the end-to-end
# tests need, runs the whole test suite, and stops the servers it started. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/llm-server.sh install
# pyarrow, datasets and huggingface_hub for the Hub round-trip tests (PythonRoundTripTests fail without them).
scripts/hub-python.sh install
export GEN_HUB_PYTHON="${GEN_HUB_PYTHON:-$(scripts/hub-python.sh path)}"
started_here=0
# Read the status first: `status | grep -q` under pipefail fails when grep stops reading early, which made this
# script stop servers it had not started.
server_status=$(scripts/llm-server.sh status)
if ! grep -q "chat: up" <<<"$server_status" || ! grep -q "embed: up" <<<"$server_status"; then
  scripts/llm-server.sh start
  started_here=1
fi
cleanup() { [ "$started_here" = 1 ] && scripts/llm-server.sh stop || true; }
trap cleanup EXIT

export GEN_LLM_URL="${GEN_LLM_URL:-http://127.0.0.1:8080/v1}"
export GEN_EMBED_URL="${GEN_EMBED_URL:-http://127.0.0.1:8081/v1}"

# examples/host imports only `Gen`, which re-exports the engine's modules; incremental builds do not see a change
# in a re-exported module's layout and once linked stale objects (a crash at run time). Recompile it every time.
touch examples/host/*.swift
swift build --build-tests 2>&1 | tee /tmp/gen-build.log | grep -E "warning:|error:" && { echo "build printed warnings or errors" >&2; exit 1; }
# Phase 1: everything that needs no real server and no quiet machine, in parallel.
# Phase 2: the tests that talk to the one local llama.cpp server, and the SIGKILL and SIGTERM timing tests, one at a time:
# run in parallel with the rest they starve the 2-thread server and time out.
serial='Live|SIGKILL|SIGTERM'
status=0
# A watchdog on each phase: a hang fails the run with a clear message instead of eating CI's time.
timeout --kill-after=30 1800 swift test --skip "$serial" 2>&1 | tee /tmp/gen-test.log || status=1
# The host example (its own arm kind, policy, check and function) end to end on the local server.
echo "== examples/host on the local model server"
timeout --kill-after=30 600 .build/debug/gen-host-example "$(mktemp -d)/run" 2>&1 | tee /tmp/gen-host-example.log || status=1
timeout --kill-after=30 1800 swift test --filter "$serial" --no-parallel 2>&1 | tee /tmp/gen-test-serial.log || status=1
[ $status -eq 0 ] || echo "tests failed or timed out (30 min per phase); see /tmp/gen-test.log and /tmp/gen-test-serial.log" >&2
exit $status
