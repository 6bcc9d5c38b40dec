#!/usr/bin/env bash
# frontend/fuzz/run-fuzz.sh BUILD SECONDS: runs frontend-fuzzer on one core
# for SECONDS.  The working corpus (BUILD/fuzz-corpus) is seeded from every
# frontend lit test and the committed corpus (frontend/fuzz/corpus); crashers
# land in fuzz-out/ at the top of the tree, the log in BUILD/fuzz-0.log.
# Exit status: non-zero when libFuzzer found a crash, hang or leak.
set -uo pipefail
build=$(cd "${1:-build-fuzz}" && pwd)
seconds=${2:-600}
src=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$build/fuzz-corpus
mkdir -p "$corpus" "$src/fuzz-out"
cp -n "$src"/test/frontend/*.mp "$corpus"/ 2>/dev/null
cp -n "$src"/frontend/fuzz/corpus/* "$corpus"/ 2>/dev/null
cd "$build"
# One core only (the machine is shared): -jobs=1 -workers=1.
./bin/frontend-fuzzer -jobs=1 -workers=1 \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -dict="$src"/frontend/fuzz/mp.dict -artifact_prefix="$src"/fuzz-out/ \
  -print_final_stats=1 "$corpus"
status=$?
tail -n 25 fuzz-0.log
exit $status
