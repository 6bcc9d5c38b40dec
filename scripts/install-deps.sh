#!/usr/bin/env bash
# Installs, with apt only, the Debian packages mpc needs to build and test.
# Idempotent: installs only what is missing, and runs `apt-get update` once,
# only when something is missing.  `--bench` adds what `make bench` needs;
# `--list-missing` only prints what would be installed, one package a line.
set -euo pipefail

packages=(
  llvm-19-dev llvm-19-tools clang-19 lld-19 libclang-rt-19-dev
  re2c bison
  libgc-dev libboost-context-dev libedit-dev libxxhash-dev
  libgmp-dev         # sema: exact untyped constants (mpz/mpq, gmpxx)
  libgtest-dev libbenchmark-dev
  ninja-build cmake python3 python3-psutil
  strace             # test/stdlib/io: counts the write(2) calls of buffered output
  golang-go          # the reference implementation, for differential tests
  tmux               # test/repl/terminal.test drives the REPL on a terminal
)
list_only=false
case "${1:-}" in
  --bench) packages+=(hyperfine time) ;;   # time: /usr/bin/time, peak RSS in bench/suite.py
  --list-missing) list_only=true ;;
esac

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if $list_only; then
  [[ ${#missing[@]} -eq 0 ]] || printf '%s\n' "${missing[@]}"
  exit 0
fi
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
