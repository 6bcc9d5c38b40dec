#!/usr/bin/env python3
"""bench/jit/run.py: `mpc run` against Go and against mpc's own binaries
(`make bench-jit`), for issue 7.

1. Start-up: time from command start to the first line of output of
   `mpc run examples/sieve.mp` next to `go run` of the same source (a .go
   copy), median of N runs each, alternating; also hyperfine's whole-run
   times of both commands.
2. Steady state: bench/programs/fib.mp (no concurrency) and sieve.mp
   (channels) run by `mpc run -O2` and as an `mpc -O2` binary, hyperfine;
   the JIT figure includes its compile time, which is printed separately
   (the same program with a trivial size) so it can be told apart.
Prints one table of times and ratios.  Python standard library only.

  bench/jit/run.py [--build DIR] [--runs N]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def first_line_seconds(cmd, cwd):
    """Wall time from spawning cmd to reading its first stdout line."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    line = p.stdout.readline()
    t = time.perf_counter() - t0
    p.stdout.read()
    p.wait()
    if not line:
        sys.exit("no output from: " + " ".join(cmd))
    return t


def hyperfine(cmds, runs, tmp):
    out = os.path.join(tmp, "hf.json")
    subprocess.run(["hyperfine", "-N", "--warmup", "2", "--runs", str(runs),
                    "--export-json", out] + cmds,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out) as f:
        return [r["median"] for r in json.load(f)["results"]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--runs", type=int, default=10)
    a = ap.parse_args()
    mpc = os.path.join(a.build, "bin", "mpc")
    tmp = tempfile.mkdtemp(prefix="bench-jit-")
    try:
        sieve_mp = os.path.join(ROOT, "examples", "sieve.mp")
        sieve_go = os.path.join(tmp, "sieve.go")
        shutil.copy(sieve_mp, sieve_go)
        mp_cmd = [mpc, "run", sieve_mp]
        go_cmd = ["go", "run", sieve_go]
        for c in (mp_cmd, go_cmd):  # warm caches (Go's build cache too)
            first_line_seconds(c, tmp)
        mp_t, go_t = [], []
        for _ in range(a.runs):
            mp_t.append(first_line_seconds(mp_cmd, tmp))
            go_t.append(first_line_seconds(go_cmd, tmp))
        mp_first, go_first = statistics.median(mp_t), statistics.median(go_t)
        mp_whole, go_whole = hyperfine([" ".join(mp_cmd), " ".join(go_cmd)], a.runs, tmp)

        rows = [("first line, sieve.mp", mp_first, go_first, "mpc run", "go run"),
                ("whole run, sieve.mp", mp_whole, go_whole, "mpc run", "go run")]
        for name, size, trivial in (("fib", "38", "1"), ("sieve", "3000", "2")):
            src = os.path.join(ROOT, "bench", "programs", name + ".mp")
            exe = os.path.join(tmp, name)
            subprocess.run([mpc, "-O2", src, "-o", exe], check=True)
            jit, aot, jit_trivial = hyperfine(
                [f"{mpc} run -O2 {src} -- {size}", f"{exe} {size}",
                 f"{mpc} run -O2 {src} -- {trivial}"], max(3, a.runs // 2), tmp)
            rows.append((f"{name} {size}: JIT vs binary", jit, aot, "mpc run", "mpc -O2"))
            rows.append((f"{name}: JIT start-up+compile", jit_trivial, None, "mpc run", ""))
        print(f"{'measure':34} {'A (s)':>9} {'B (s)':>9} {'A/B':>7}  A vs B")
        for name, x, y, an, bn in rows:
            ratio = f"{x / y:7.2f}" if y else "       "
            ys = f"{y:9.4f}" if y else "         "
            print(f"{name:34} {x:9.4f} {ys} {ratio}  {an} vs {bn}".rstrip(" vs"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
