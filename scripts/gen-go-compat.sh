#!/bin/bash
# scripts/gen-go-compat.sh: regenerates the expected results of the
# test/go-compat/ corpus from Go itself. Each <name>.mp is valid Go: it is
# copied to a temporary .go file, built with `go build` (not `go run`, which
# adds its own "exit status" line) and run three times (stdin <name>.in when
# present) to make sure its output is deterministic. Writes:
#   <name>.out     stdout, byte for byte
#   <name>.status  the exit status, only when nonzero
#   <name>.err     stderr's first line, plus Go's "" and "goroutine 1
#                  [running]:" lines when they follow; only when stderr is
#                  not empty (the rest of a trace has addresses, not checked)
# A program with the line `// gen-go-compat: expect-stderr` gets Go's stderr
# as its .out instead: the builtins print/println write to stdout in MP.
# The same layout serves test/stdlib/ (--dir test/stdlib).
# Usage: scripts/gen-go-compat.sh [--dir DIR] [name...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/test/go-compat"
if [ "${1:-}" = --dir ]; then
  dir=$(cd "$2" && pwd)
  shift 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$dir"/*.mp; do names+=("$(basename "$f" .mp)"); done
fi

run() { # run <name> <suffix>: one run of the built program into $tmp
  local input=/dev/null status=0
  [ -f "$dir/$1.in" ] && input="$dir/$1.in"
  if grep -q '^// gen-go-compat: expect-stderr$' "$dir/$1.mp"; then
    timeout 60 "$tmp/$1" <"$input" 2>"$tmp/$1.out$2" >/dev/null || status=$?
    : >"$tmp/$1.stderr$2"
  else
    timeout 60 "$tmp/$1" <"$input" >"$tmp/$1.out$2" 2>"$tmp/$1.stderr$2" || status=$?
  fi
  echo "$status" >"$tmp/$1.status$2"
  awk 'NR == 1 { print; next }
       NR == 2 && $0 == "" { blank = 1; next }
       NR == 3 && blank && $0 == "goroutine 1 [running]:" { print ""; print }
       { exit }' "$tmp/$1.stderr$2" >"$tmp/$1.err$2"
}

for name in "${names[@]}"; do
  cp "$dir/$name.mp" "$tmp/$name.go"
  (cd "$tmp" && go build -o "$name" "$name.go")
  for i in 1 2 3; do run "$name" "$i"; done
  for part in out status err; do
    if ! cmp -s "$tmp/$name.${part}1" "$tmp/$name.${part}2" ||
       ! cmp -s "$tmp/$name.${part}1" "$tmp/$name.${part}3"; then
      echo "gen-go-compat: $name: $part differs between runs" >&2
      exit 1
    fi
  done
  cp "$tmp/$name.out1" "$dir/$name.out"
  status=$(cat "$tmp/$name.status1")
  rm -f "$dir/$name.status" "$dir/$name.err"
  [ "$status" = 0 ] || echo "$status" >"$dir/$name.status"
  [ -s "$tmp/$name.err1" ] && cp "$tmp/$name.err1" "$dir/$name.err"
  echo "$name: status $status, $(wc -c <"$dir/$name.out") bytes of stdout"
done
