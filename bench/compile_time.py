#!/usr/bin/env python3
"""bench/compile_time.py: compile time of MP programs with `mpc -O0` and
`mpc -O2` next to `go build` of the same source (`make bench-compile`).

Each program is built N times by each compiler, alternating, and the median
wall time is reported with the ratios mpc/go (issue 5's target: no slower
than go build, i.e. ratio <= 1).  go build keeps its standard-library cache
warm, but the program's own package is recompiled every time: a comment
with a fresh counter is appended to the Go copy, so the build cache never
answers for it (what a user editing the file sees).  Programs that mpc
cannot compile are listed, not timed.  Python standard library only.

  bench/compile_time.py [--build DIR] [--runs N] [FILE.mp ...]
  (default files: examples/*.mp and the sequential bench/programs)
"""
import argparse
import glob
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(cmd, cwd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return time.perf_counter() - t0, p.returncode, p.stderr


def go_source(mp):
    """The Go twin of an example when it has one (guarded selects)."""
    name = os.path.splitext(os.path.basename(mp))[0]
    twin = os.path.join(os.path.dirname(mp), "go", name + ".go")
    return twin if os.path.exists(twin) else mp


def measure(mpc, src, runs, work):
    name = os.path.splitext(os.path.basename(src))[0]
    gosrc = open(go_source(src)).read()
    gofile = os.path.join(work, name + ".go")
    times = {"O0": [], "O2": [], "go": []}
    for i in range(runs):
        for level in ("O0", "O2"):
            t, rc, err = timed([mpc, "-" + level, src, "-o", os.path.join(work, name + "." + level)], work)
            if rc != 0:
                return None, err.strip().splitlines()[0] if err.strip() else "mpc failed"
            times[level].append(t)
        with open(gofile, "w") as f:
            f.write(gosrc + "\n// build %d %d\n" % (os.getpid(), i))
        t, rc, err = timed(["go", "build", "-o", os.path.join(work, name + ".go.bin"), gofile], work)
        if rc != 0:
            return None, "go build failed: " + err.strip()[:200]
        times["go"].append(t)
    return {k: statistics.median(v) for k, v in times.items()}, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    mpc = os.path.join(os.path.abspath(args.build), "bin", "mpc")
    files = args.files or sorted(glob.glob(os.path.join(ROOT, "examples", "*.mp"))) + [
        os.path.join(ROOT, "bench", "programs", p + ".mp") for p in ("fib", "spectralnorm", "binarytrees")]
    rows, skipped = [], []
    with tempfile.TemporaryDirectory() as work:
        # Warm go's standard-library cache once, outside the measurements.
        with open(os.path.join(work, "warm.go"), "w") as f:
            f.write('package main\nimport "fmt"\nfunc main() { fmt.Println() }\n')
        subprocess.run(["go", "build", "-o", os.path.join(work, "warm"), "warm.go"], cwd=work)
        for src in files:
            res, why = measure(mpc, os.path.abspath(src), args.runs, work)
            name = os.path.basename(src)
            if res is None:
                skipped.append((name, why))
                continue
            rows.append((name, res))
    print("%-18s %9s %9s %9s %8s %8s" % ("program", "mpc -O0", "mpc -O2", "go build", "O0/go", "O2/go"))
    for name, r in rows:
        print("%-18s %8.3fs %8.3fs %8.3fs %8.2f %8.2f" % (
            name, r["O0"], r["O2"], r["go"], r["O0"] / r["go"], r["O2"] / r["go"]))
    if rows:
        g0 = statistics.geometric_mean([r["O0"] / r["go"] for _, r in rows])
        g2 = statistics.geometric_mean([r["O2"] / r["go"] for _, r in rows])
        print("geomean compile time mpc/go: -O0 %.2f, -O2 %.2f (median of %d runs)" % (g0, g2, args.runs))
    for name, why in skipped:
        print("not compiled: %s: %s" % (name, why))
    return 0


if __name__ == "__main__":
    sys.exit(main())
