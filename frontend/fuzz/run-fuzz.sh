#!/usr/bin/env bash
# frontend/fuzz/run-fuzz.sh BUILD SECONDS [TARGET]: runs TARGET-fuzzer on one
# core for SECONDS.  TARGET is `frontend` (lexer + parser + AST dump; the
# default), `sema` (parser + type checker + --dump-types on inputs that
# parse) or `pipeline` (parser + type checker + lowering to LLVM IR + the
# IR verifier on inputs that type-check; codegen/fuzz/).  The working corpus (BUILD/fuzz-corpus, BUILD/fuzz-corpus-sema) is
# seeded from the lit tests (and, for sema, the examples and go-compat
# programs, which type-check; for pipeline, every .mp file under test/ and
# examples/) and, for frontend and sema, from the committed corpus
# (frontend/fuzz/corpus.tar.xz: the inputs of earlier frontend runs,
# minimised with libFuzzer's -merge=1; libFuzzer replays all of them first,
# so they are the regression suite).  Crashers land in fuzz-out/ at the top
# of the tree, the log in BUILD/fuzz-run-TARGET/fuzz-0.log.  To refresh the committed corpus
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
pipeline) corpus=$build/fuzz-corpus-pipeline ;;
*) echo "run-fuzz.sh: unknown target $target (frontend, sema or pipeline)" >&2; exit 2 ;;
esac
mkdir -p "$corpus" "$src/fuzz-out"
if [ "$target" = pipeline ]; then
  # Flattened names (test/run/x.mp -> test_run_x.mp): several dirs share names.
  (cd "$src" && find test examples -name '*.mp' -type f) | while read -r f; do
    cp -n "$src/$f" "$corpus/${f//\//_}"
  done
else
  cp -n "$src"/test/frontend/*.mp "$src"/test/sema/*.mp "$corpus"/ 2>/dev/null
  if [ "$target" = sema ]; then
    cp -n "$src"/examples/*.mp "$src"/test/go-compat/*.mp "$corpus"/ 2>/dev/null
  fi
  tar -xJf "$src"/frontend/fuzz/corpus.tar.xz -C "$corpus" --skip-old-files
fi
# Each target runs in its own directory so that two targets can run side by
# side without sharing fuzz-0.log.
mkdir -p "$build/fuzz-run-$target"
cd "$build/fuzz-run-$target"
# One core only (the machine is shared): -jobs=1 -workers=1.
"$build"/bin/"$target"-fuzzer -jobs=1 -workers=1 \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -dict="$src"/frontend/fuzz/mp.dict -artifact_prefix="$src"/fuzz-out/ \
  -print_final_stats=1 "$corpus"
status=$?
tail -n 25 fuzz-0.log
exit $status
