#!/usr/bin/env python3
"""test/difftest/run.py: differential testing of mpc against Go.  For each
seed, generates a program (gen.py), builds it with `go build` and with
`mpc -O0` and `mpc -O2`, runs each with a timeout, and compares stdout, exit
status and the first line of stderr.  Go's results are cached by program
hash in the build tree.  Ends with `N programs, N identical, N differences`
and exits 0 only when every program matched and Go accepted every one."""
import argparse
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from genlib.program import generate  # noqa: E402

SHIM = os.path.join(HERE, "go-as-mpc.py")
CACHE_VERSION = "1"  # bump when what a cached Go result holds changes


class Outcome:
    """What one build-and-run produced; `phase` says where it stopped."""

    def __init__(self, phase, status, stdout=b"", stderr=b"", seconds=0.0):
        self.phase, self.status, self.stdout = phase, status, stdout
        self.first_err = stderr.decode("utf-8", "replace").split("\n", 1)[0]
        self.stderr, self.seconds = stderr, seconds

    def key(self):
        return (self.phase, self.status, self.stdout, self.first_err)

    def to_json(self):
        return {"phase": self.phase, "status": self.status, "first_err": self.first_err,
                "stdout": base64.b64encode(self.stdout).decode(), "seconds": self.seconds}

    @staticmethod
    def from_json(d):
        o = Outcome(d["phase"], d["status"], base64.b64decode(d["stdout"]), b"", d["seconds"])
        o.first_err = d["first_err"]
        return o

    def describe(self):
        return (f"{self.phase}, exit status {self.status}, first stderr line "
                f"{self.first_err!r}, {len(self.stdout)} bytes of stdout")


def run_binary(exe, timeout, cwd):
    start = time.monotonic()
    try:
        proc = subprocess.run([exe], cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return Outcome("run timed out", "timeout", e.stdout or b"", e.stderr or b"", timeout)
    return Outcome("ran", proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start)


def build_and_run(cmd, exe, timeout, cwd, env=None):
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=max(60, timeout), env=env)
    except subprocess.TimeoutExpired:
        return Outcome("compile timed out", "timeout"), 0.0
    build_time = time.monotonic() - start
    if proc.returncode != 0:
        return Outcome("compile failed", proc.returncode, proc.stdout, proc.stderr), build_time
    return run_binary(exe, timeout, cwd), build_time


class Runner:
    def __init__(self, args):
        self.args = args
        self.mpc = SHIM if args.self_check or args.go_only else os.path.abspath(args.mpc)
        self.cache = args.cache or default_cache(args)
        os.makedirs(self.cache, exist_ok=True)
        self.env = dict(os.environ)
        if "GOCACHE" not in self.env and "HOME" not in self.env:
            self.env["GOCACHE"] = os.path.join(self.cache, "gocache")
        self.go_version = subprocess.run(["go", "version"], capture_output=True, text=True,
                                         env=self.env).stdout.strip()
        self.times = {"go build": [], "go run": [], "mpc build": [], "mpc run": [], "total": []}

    def go_outcome(self, src, work):
        digest = hashlib.sha256((CACHE_VERSION + self.go_version + src).encode()).hexdigest()
        path = os.path.join(self.cache, digest[:2], digest + ".json")
        if os.path.exists(path) and not self.args.no_cache:
            with open(path) as f:
                return Outcome.from_json(json.load(f)), True
        out, build_time = build_and_run(["go", "build", "-o", "prog_go", "prog.go"],
                                        os.path.join(work, "prog_go"), self.args.timeout,
                                        work, self.env)
        self.times["go build"].append(build_time)
        if out.phase == "ran":
            self.times["go run"].append(out.seconds)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            tmp = path + f".{os.getpid()}.tmp"
            with open(tmp, "w") as f:
                json.dump(out.to_json(), f)
            os.replace(tmp, path)  # atomic: concurrent runners never see half a file
        return out, False

    def check_seed(self, seed):
        """Returns (kind, message): kind is identical, difference or badgen."""
        start = time.monotonic()
        try:
            src = generate(seed, self.args.all_int_types)
        except Exception as e:  # a generator crash is a harness bug, reported per seed
            return "badgen", f"seed {seed}: gen.py raised {type(e).__name__}: {e}"
        work = tempfile.mkdtemp(prefix=f"difftest-{seed}-")
        try:
            for name in ("prog.go", "prog.mp"):
                with open(os.path.join(work, name), "w", encoding="utf-8") as f:
                    f.write(src)
            want, cached = self.go_outcome(src, work)
            problem = self.check_go(src, want, cached, work)
            if problem:
                self.keep(seed, src, want, {}, work)
                return "badgen", f"seed {seed}: generator bug: {problem}"
            if self.args.go_only:
                return "identical", f"seed {seed}: valid Go, {want.describe()}"
            got = {}
            for opt in self.args.opt_levels.split(","):
                out, build_time = build_and_run(
                    [self.mpc, "prog.mp", "-o", f"prog_{opt}", f"-{opt}"],
                    os.path.join(work, f"prog_{opt}"), self.args.timeout, work, self.env)
                self.times["mpc build"].append(build_time)
                if out.phase == "ran":
                    self.times["mpc run"].append(out.seconds)
                got[opt] = out
            bad = {opt: o for opt, o in got.items() if o.key() != want.key()}
            if not bad:
                return "identical", f"seed {seed}: identical"
            self.keep(seed, src, want, got, work)
            lines = [f"seed {seed}: DIFFERENCE", f"  go:  {want.describe()}"]
            lines += [f"  {opt}: {o.describe()}" for opt, o in bad.items()]
            return "difference", "\n".join(lines)
        finally:
            self.times["total"].append(time.monotonic() - start)
            shutil.rmtree(work, ignore_errors=True)

    def check_go(self, src, want, cached, work):
        """Why Go's outcome shows a generator bug, or None: the program must
        build, end with the exit status it announces, and (checked when
        --go-only builds it afresh) print the same on a second run."""
        if want.phase != "ran":
            return f"Go: {want.describe()}\n{want.stderr.decode(errors='replace')[:3000]}"
        expected = int(re.search(r"^// difftest: expect exit status (\d+)$", src, re.M).group(1))
        if want.status != expected:
            return (f"expected exit status {expected}, Go gave {want.describe()}\n"
                    f"{want.stderr.decode(errors='replace')[:3000]}")
        if self.args.go_only and not cached:
            again = run_binary(os.path.join(work, "prog_go"), self.args.timeout, work)
            if again.key() != want.key():
                return f"nondeterministic under Go: {want.describe()} then {again.describe()}"
        return None

    def keep(self, seed, src, want, got, work):
        """Saves a differing program and every output for triage."""
        if not self.args.keep_failures:
            return
        d = os.path.join(self.args.keep_failures, f"seed-{seed}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "prog.mp"), "w", encoding="utf-8") as f:
            f.write(src)
        for name, o in [("go", want)] + sorted(got.items()):
            with open(os.path.join(d, f"{name}.stdout"), "wb") as f:
                f.write(o.stdout)
            with open(os.path.join(d, f"{name}.txt"), "w") as f:
                f.write(o.describe() + "\n")
                f.write(o.stderr.decode("utf-8", "replace"))


def default_cache(args):
    """The build tree that holds mpc (never the source tree), else /tmp."""
    if args.mpc and not args.self_check:
        return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(args.mpc))),
                            "difftest-cache")
    return os.path.join(tempfile.gettempdir(), f"mpc-difftest-cache-{os.getuid()}")


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=50, help="programs to run")
    ap.add_argument("--start", type=int, default=0, help="first seed")
    ap.add_argument("--mpc", help="the mpc to test")
    ap.add_argument("--self-check", action="store_true",
                    help="test the harness: use go-as-mpc.py (Go itself) as mpc")
    ap.add_argument("--keep-failures", metavar="DIR", help="save differing programs here")
    ap.add_argument("--cache", metavar="DIR", help="Go results cache (default: next to mpc's bin/)")
    ap.add_argument("--no-cache", action="store_true", help="always rebuild with Go")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per run")
    ap.add_argument("--go-only", action="store_true",
                    help="validate the generator: build and run each program with Go "
                    "only, twice, and check its announced exit status")
    ap.add_argument("--all-int-types", action="store_true",
                    help="generate with Go's integer types outside MP v1 too")
    ap.add_argument("--opt-levels", default="O0,O2", help="mpc levels, comma-separated")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="seeds in parallel")
    ap.add_argument("-v", "--verbose", action="store_true", help="a line per program")
    args = ap.parse_args()
    if not args.mpc and not args.self_check and not args.go_only:
        ap.error("give --mpc PATH, --self-check or --go-only")
    return args


def mean_ms(xs):
    return f"{1000 * sum(xs) / len(xs):.0f} ms (max {1000 * max(xs):.0f})" if xs else "-"


def main():
    args = parse_args()
    runner = Runner(args)
    counts = {"identical": 0, "difference": 0, "badgen": 0}
    seeds = range(args.start, args.start + args.count)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for kind, msg in pool.map(runner.check_seed, seeds):
            counts[kind] += 1
            if kind != "identical" or args.verbose:
                print(msg, flush=True)
    t = runner.times
    print(f"mean per program: {mean_ms(t['total'])} (go build {mean_ms(t['go build'])} "
          f"[{len(t['go build'])} not cached], go run {mean_ms(t['go run'])}, "
          f"mpc build {mean_ms(t['mpc build'])}, mpc run {mean_ms(t['mpc run'])})")
    if counts["badgen"]:
        print(f"{counts['badgen']} programs rejected or mishandled by Go: generator bugs")
    print(f"{args.count} programs, {counts['identical']} identical, "
          f"{counts['difference'] + counts['badgen']} differences")
    return 0 if counts["identical"] == args.count else 1


if __name__ == "__main__":
    sys.exit(main())
