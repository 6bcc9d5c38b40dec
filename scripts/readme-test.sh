#!/usr/bin/env bash
# scripts/readme-test.sh: a newcomer's first minutes, automated (make
# check-readme).  Clones this repository's HEAD into a temporary directory
# and runs there, one after the other, the commands of README.md's "Set up"
# block, which must be exactly `make demo` and `make check`.  Then checks
# what they printed: the demo ends with the sieve's primes
# (examples/expected/sieve.out) and make check with "N passed, 0 failed".
# When every Debian package is present the apt step must be skipped:
# apt-get and sudo are then shadowed by stand-in commands that fail the test.
# Usage: scripts/readme-test.sh [--keep]   (JOBS=N limits build parallelism)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
keep=false
[[ "${1:-}" == "--keep" ]] && keep=true
tmp=$(mktemp -d)  # under $TMPDIR or /tmp
cleanup() { if $keep; then echo "readme-test: left $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

fail() { echo "readme-test: FAIL: $*" >&2; exit 1; }

# The commands: the lines of the first ```sh block under "## Set up".
mapfile -t commands < <(awk '
  /^## Set up/ { section = 1; next }
  /^## / { section = 0 }
  section && /^```sh$/ && !done { inblock = 1; next }
  inblock && /^```$/ { inblock = 0; done = 1; next }
  inblock && NF { print }' "$root/README.md")
[[ ${#commands[@]} -eq 2 && "${commands[0]}" == "make demo" && "${commands[1]}" == "make check" ]] ||
  fail "README.md's set-up block is not exactly \`make demo\` and \`make check\`: ${commands[*]-}"

git clone -q "$root" "$tmp/mp"
echo "readme-test: fresh clone of $(git -C "$tmp/mp" log --oneline -1) in $tmp/mp"

if [[ -z "$("$root/scripts/install-deps.sh" --list-missing)" ]]; then
  mkdir "$tmp/no-apt-bin"
  for tool in apt-get apt sudo; do
    printf '#!/bin/sh\necho "readme-test: %s called although every package is installed" >&2\nexit 1\n' \
      "$tool" >"$tmp/no-apt-bin/$tool"
    chmod +x "$tmp/no-apt-bin/$tool"
  done
  export PATH="$tmp/no-apt-bin:$PATH"
  echo "readme-test: every package is installed; apt must not run"
fi

for i in 0 1; do
  log="$tmp/command$i.log"
  echo "readme-test: \$ ${commands[$i]}   (log: $log)"
  status=0
  (cd "$tmp/mp" && bash -c "${commands[$i]}") >"$log" 2>&1 || status=$?
  if [[ $status -ne 0 ]]; then
    tail -n 30 "$log" >&2
    fail "\`${commands[$i]}\` exits with status $status"
  fi
done

# The demo's output ends with the sieve's primes, exactly.
want=$(cat "$root/examples/expected/sieve.out")
got=$(tail -n "$(wc -l <"$root/examples/expected/sieve.out")" "$tmp/command0.log")
[[ "$got" == "$want" ]] || { diff <(echo "$want") <(echo "$got") >&2 || true; fail "make demo does not end with the sieve's primes"; }
summary=$(tail -n 1 "$tmp/command1.log")
[[ "$summary" =~ ^[0-9]+\ passed,\ 0\ failed$ ]] || fail "make check ends with: $summary"
echo "readme-test: ok: make demo printed the primes; make check: $summary"
