#!/bin/sh
# scripts/gen-expected.sh: regenerates examples/expected/<name>.out with Go.
# An example in MP's Go subset is itself a Go program: it is copied to a
# temporary .go file and run with `go run`. An example that uses `where`
# guards is not Go; its Go twin examples/go/<name>.go (same output, guards
# rewritten as Go idioms) is run instead. examples/input/<name>.txt, when
# present, is the program's stdin. Usage: scripts/gen-expected.sh [name...]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
ex="$root/examples"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

names="$*"
[ -n "$names" ] || names=$(cd "$ex" && ls *.mp | sed 's/\.mp$//')

for name in $names; do
  if [ -f "$ex/go/$name.go" ]; then
    src="$ex/go/$name.go"
  elif grep -Eq '^[^/]*(case|<-).* where ' "$ex/$name.mp"; then
    echo "gen-expected: $name.mp uses guards and has no examples/go/$name.go" >&2
    exit 1
  else
    src="$ex/$name.mp"
  fi
  cp "$src" "$tmp/$name.go"
  input=/dev/null
  [ -f "$ex/input/$name.txt" ] && input="$ex/input/$name.txt"
  if ! (cd "$tmp" && go run "$name.go") <"$input" >"$ex/expected/$name.out"; then
    echo "gen-expected: $name failed under go run" >&2
    exit 1
  fi
  echo "examples/expected/$name.out <- go run $(basename "$(dirname "$src")")/$(basename "$src")"
done
