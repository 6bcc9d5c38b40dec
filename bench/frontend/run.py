#!/usr/bin/env python3
"""bench/frontend/run.py [BUILD] [--lines N] [--runs R]: the frontend and
sema figures of issues 2 and 3, measured in one run beside Go's tools.

Generates a LINES-line program (bench/frontend/gen.py; valid MP and valid
Go), then times, best of RUNS after one warm-up run each:
  mpc check --parse-only  (lex + parse)        vs  gofmt -l  (parse + print)
  mpc check               (parse + type-check) vs  go vet    (type-check + vet)
Times are the CPU time (user + sys) of the child process, so that other
work on a shared machine does not skew them; wall times are shown too.
Prints lines/second for each tool and the ratio (>1: mpc is faster).
Every tool must accept the program (exit status 0), or the run fails."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run_once(cmd, cwd):
    """(cpu seconds, wall seconds, exit code) of one run, output discarded."""
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(cwd)
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    return ru.ru_utime + ru.ru_stime, time.perf_counter() - t0, os.waitstatus_to_exitcode(status)


def measure(cmd, cwd, runs):
    """Best (cpu, wall) seconds over `runs` runs, after one warm-up run."""
    best = None
    for i in range(runs + 1):
        cpu, wall, rc = run_once(cmd, cwd)
        if rc != 0:
            err = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True).stderr
            sys.exit(f"{' '.join(cmd)} failed ({rc}):\n{err[:2000]}")
        if i and (best is None or cpu < best[0]):
            best = (cpu, wall)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build", nargs="?", default="build")
    ap.add_argument("--lines", type=int, default=100000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    mpc = os.path.abspath(os.path.join(a.build, "bin", "mpc"))
    for tool in ("gofmt", "go"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found (apt install golang-go)")
    work = tempfile.mkdtemp(prefix="mp-bench-frontend-")
    try:
        src = subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), str(a.lines)],
                             check=True, stdout=subprocess.PIPE).stdout
        for name in ("prog.mp", "prog.go"):
            with open(os.path.join(work, name), "wb") as f:
                f.write(src)
        with open(os.path.join(work, "go.mod"), "w") as f:
            f.write("module bench\n\ngo 1.19\n")
        lines = src.count(b"\n")
        rows = [
            ("lex+parse", [mpc, "check", "--parse-only", "prog.mp"], ["gofmt", "-l", "prog.go"], "gofmt -l"),
            ("parse+check", [mpc, "check", "prog.mp"], ["go", "vet", "prog.go"], "go vet"),
        ]
        print(f"bench/frontend: {lines} lines, {len(src)} bytes; best of {a.runs} "
              f"runs, CPU seconds (user+sys; wall in parentheses)")
        print(f"{'stage':<12} {'mpc':>22} {'lines/s':>10}   {'go tool':<9} {'Go':>22} {'lines/s':>10}   ratio")
        for stage, mine, theirs, label in rows:
            m = measure(mine, work, a.runs)
            g = measure(theirs, work, a.runs)
            print(f"{stage:<12} {m[0]:>9.3f}s ({m[1]:>7.3f}s) {lines / m[0]:>10.0f}   {label:<9} "
                  f"{g[0]:>9.3f}s ({g[1]:>7.3f}s) {lines / g[0]:>10.0f}   {g[0] / m[0]:.2f}x")
    finally:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
