#!/usr/bin/env bash
# frontend/fuzz/run-fuzz.sh BUILD SECONDS [TARGET]: runs TARGET-fuzzer on one
# core for SECONDS.  TARGET is `frontend` (lexer + parser + AST dump; the
# default) or `sema` (parser + type checker + --dump-types on inputs that
# parse).  The working corpus (BUILD/fuzz-corpus, BUILD/fuzz-corpus-sema) is
# seeded from the lit tests (and, for sema, the examples and go-compat
# programs, which type-check) and from the committed corpus
# (frontend/fuzz/corpus.tar.xz: the inputs of earlier frontend runs,
# minimised with libFuzzer's -merge=1; libFuzzer replays all of them first,
# so they are the regression suite).  Crashers land in fuzz-out/ at the top
# of the tree, the log in BUILD/fuzz-0.log.  To refresh the committed corpus
# after a frontend run:
#   mkdir min && BUILD/bin/frontend-fuzzer -merge=1 -max_len=16384 min BUILD/fuzz-corpus
#   tar -cJf frontend/fuzz/corpus.tar.xz -C min .
# Exit status: non-zero when libFuzzer found a crash, hang or leak.
set -uo pipefail
build=$(cd "${1:-build-fuzz}" && pwd)
seconds=${2:-600}
target=${3:-frontend}
src=$(cd "$(dirname "$0")/../.." && pwd)
case "$target" in
frontend) corpus=$build/fuzz-corpus ;;
sema) corpus=$build/fuzz-corpus-sema ;;
*) echo "run-fuzz.sh: unknown target $target (frontend or sema)" >&2; exit 2 ;;
esac
mkdir -p "$corpus" "$src/fuzz-out"
cp -n "$src"/test/frontend/*.mp "$src"/test/sema/*.mp "$corpus"/ 2>/dev/null
if [ "$target" = sema ]; then
  cp -n "$src"/examples/*.mp "$src"/test/go-compat/*.mp "$corpus"/ 2>/dev/null
fi
tar -xJf "$src"/frontend/fuzz/corpus.tar.xz -C "$corpus" --skip-old-files
cd "$build"
# One core only (the machine is shared): -jobs=1 -workers=1.
./bin/"$target"-fuzzer -jobs=1 -workers=1 \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -dict="$src"/frontend/fuzz/mp.dict -artifact_prefix="$src"/fuzz-out/ \
  -print_final_stats=1 "$corpus"
status=$?
tail -n 25 fuzz-0.log
exit $status
