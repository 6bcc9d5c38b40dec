#!/usr/bin/env python3
"""test/run_compare.py: MP programs compiled with mpc, run, and compared byte
for byte with what Go prints (stdout and exit status; stderr's first line,
plus Go's `goroutine 1 [running]:` header when recorded: these lines must
start mpc's stderr, which must be empty where Go's is).  Four suites of programs:
  go-compat  test/go-compat/NAME.mp; Go's results NAME.out/.status/.err, stdin
             NAME.in (scripts/gen-go-compat.sh makes them with `go build`)
  stdlib     test/stdlib/PKG.mp, one per package, laid out as go-compat
  examples   examples/NAME.mp against examples/expected/NAME.out (status 0),
             stdin examples/input/NAME.txt (scripts/gen-expected.sh)
  tour       the programs of docs/tour.md with their documented Output
             (scripts/tour-snippets.py), named tour/sSECTION.N
Each program must first pass `mpc check`, then run.  Programs listed in
test/known-failures.txt (with the reason) are expected to fail the run; one
that passes fails the suite until it is struck from the list.

lit runs them through RunCompare (see the suites' lit.local.cfg).  From the
command line it lists what fails, to maintain known-failures.txt:
    test/run_compare.py [--build DIR] [--all] [-v] [--keep] [SUITE[/NAME]...]"""
import argparse
import fnmatch
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

SRC_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KNOWN_FAILURES = os.path.join(SRC_ROOT, "test", "known-failures.txt")
SUITES = ("go-compat", "stdlib", "examples", "tour")
COMPILE_TIMEOUT = 300  # seconds: -O2 on a loaded two-core machine
RUN_TIMEOUT = 60


class Program:
    """One program and Go's results for it."""

    def __init__(self, name, src, out, status=0, err=None, stdin=None):
        self.name = name      # SUITE/NAME
        self.src = src        # path of the .mp file
        self.out = out        # expected stdout (bytes)
        self.status = status  # expected exit status
        self.err = err        # expected stderr head (str), None: empty
        self.stdin = stdin    # path, or None for /dev/null


def read(path, mode="rb"):
    with open(path, mode) as f:
        return f.read()


def optional(path, mode="r"):
    return read(path, mode) if os.path.exists(path) else None


def go_dir_programs(suite, directory):
    """go-compat and stdlib: NAME.mp beside Go's NAME.out/.status/.err/.in."""
    progs = []
    for f in sorted(os.listdir(directory)):
        if not f.endswith(".mp"):
            continue
        base = os.path.join(directory, f[:-3])
        out = optional(base + ".out", "rb")
        if out is None:
            raise SystemExit(f"{base}.mp: no {base}.out: run scripts/gen-go-compat.sh")
        status = int(optional(base + ".status") or 0)
        stdin = base + ".in" if os.path.exists(base + ".in") else None
        progs.append(Program(f"{suite}/{f[:-3]}", base + ".mp", out, status,
                             optional(base + ".err"), stdin))
    return progs


def example_programs():
    ex = os.path.join(SRC_ROOT, "examples")
    progs = []
    for f in sorted(os.listdir(ex)):
        if not f.endswith(".mp"):
            continue
        name = f[:-3]
        stdin = os.path.join(ex, "input", name + ".txt")
        progs.append(Program(f"examples/{name}", os.path.join(ex, f),
                             read(os.path.join(ex, "expected", name + ".out")),
                             stdin=stdin if os.path.exists(stdin) else None))
    return progs


def tour_programs(workdir):
    """The tour's snippets, written to workdir as tour-sS.N.mp; a failing
    one's stderr must start as the report the tour shows after it."""
    spec = importlib.util.spec_from_file_location(
        "tour_snippets", os.path.join(SRC_ROOT, "scripts", "tour-snippets.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    os.makedirs(workdir, exist_ok=True)
    progs = []
    for label, src, out, status, report in mod.labelled_snippets(
            os.path.join(SRC_ROOT, "docs", "tour.md")):
        path = os.path.join(workdir, f"tour-{label}.mp")
        with open(path, "w", encoding="utf-8") as f:
            f.write(src)
        err = stderr_head(report) if report else None
        progs.append(Program(f"tour/{label}", path, out.encode(), status, err))
    return progs


def programs(suite, workdir):
    if suite in ("go-compat", "stdlib"):
        return go_dir_programs(suite, os.path.join(SRC_ROOT, "test", suite))
    if suite == "examples":
        return example_programs()
    if suite == "tour":
        return tour_programs(workdir)
    raise SystemExit(f"unknown suite {suite}: one of {', '.join(SUITES)}")


def known_reason(known, name):
    """The reason name is listed in known, or None; entries may be globs."""
    for pattern, reason in known.items():
        if fnmatch.fnmatchcase(name, pattern):
            return reason
    return None


def known_failures():
    """SUITE/NAME (or a glob) -> reason, from test/known-failures.txt."""
    known = {}
    for n, line in enumerate(read(KNOWN_FAILURES, "r").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, reason = line.partition(":")
        if not sep or not reason.strip():
            raise SystemExit(f"{KNOWN_FAILURES}:{n}: want `SUITE/NAME: reason`")
        known[name.strip()] = reason.strip()
    return known


def stderr_head(text):
    """What scripts/gen-go-compat.sh keeps of Go's stderr: the first line,
    and the blank line and `goroutine 1 [running]:` when they follow."""
    lines = text.split("\n")
    head = lines[0] + "\n"
    if len(lines) > 2 and lines[1] == "" and lines[2] == "goroutine 1 [running]:":
        head += "\ngoroutine 1 [running]:\n"
    return head


def first_lines(data, n=12):
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    lines = text.splitlines()
    more = f"\n... ({len(lines) - n} more lines)" if len(lines) > n else ""
    return "\n".join(lines[:n]) + more


def diff_text(want, got):
    import difflib
    lines = difflib.unified_diff(
        want.decode("utf-8", "replace").splitlines(keepends=True),
        got.decode("utf-8", "replace").splitlines(keepends=True),
        "expected (Go)", "mpc", n=2)
    return first_lines("".join(lines), 40)


def check_program(mpc, prog):
    """`mpc check` on the program: (ok, message)."""
    try:
        proc = subprocess.run([mpc, "check", prog.src], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=COMPILE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, f"mpc check did not finish in {COMPILE_TIMEOUT} s"
    if proc.returncode != 0:
        return False, "mpc check fails:\n" + first_lines(proc.stdout)
    return True, ""


def run_program(mpc, prog, workdir):
    """Compiles and runs prog: (kind, message); kind is "pass" or what
    failed first: compile, timeout, stdout, status, stderr."""
    os.makedirs(workdir, exist_ok=True)
    exe = os.path.join(workdir, os.path.basename(prog.src)[:-3])
    try:
        proc = subprocess.run([mpc, prog.src, "-o", exe], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=COMPILE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return "compile", f"mpc did not finish in {COMPILE_TIMEOUT} s"
    if proc.returncode != 0:
        return "compile", (f"mpc exits with status {proc.returncode}:\n"
                           + first_lines(proc.stdout))
    stdin = open(prog.stdin, "rb") if prog.stdin else subprocess.DEVNULL
    try:
        proc = subprocess.run([exe], stdin=stdin, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, cwd=workdir,
                              timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        return "timeout", f"still running after {RUN_TIMEOUT} s"
    finally:
        if prog.stdin:
            stdin.close()
    if proc.stdout != prog.out:
        return "stdout", (f"stdout differs from Go's (exit status {proc.returncode}, "
                          f"Go's {prog.status}):\n" + diff_text(prog.out, proc.stdout)
                          + "\nstderr:\n" + first_lines(proc.stderr))
    if proc.returncode != prog.status:
        return "status", (f"exit status {proc.returncode}, Go's is {prog.status}; stderr:\n"
                          + first_lines(proc.stderr))
    err = proc.stderr.decode("utf-8", "replace")
    if prog.err is None and err:
        return "stderr", "stderr is not empty (Go's is):\n" + first_lines(err)
    want = prog.err.split("\n")[:-1] if prog.err is not None else []
    if err.split("\n")[:len(want)] != want:
        return "stderr", (f"stderr starts\n{first_lines(err, len(want) + 2)}\n"
                          f"Go's starts\n{prog.err}")
    return "pass", ""


try:
    import lit.formats
    import lit.Test

    class RunCompare(lit.formats.TestFormat):
        """lit format: one test per program of a suite."""

        def __init__(self, suite):
            self.suite = suite

        def getTestsInDirectory(self, testSuite, path_in_suite, litConfig, localConfig):
            exec_dir = os.path.join(localConfig.mp_obj_root, "test", *path_in_suite)
            known = known_failures()
            for prog in programs(self.suite, os.path.join(exec_dir, "Output")):
                name = prog.name.split("/", 1)[1]
                test = lit.Test.Test(testSuite, path_in_suite + (name,), localConfig,
                                     file_path=prog.src)
                test.program = prog
                test.known_reason = known_reason(known, prog.name)
                if test.known_reason:
                    test.xfails = ["*"]  # lit turns FAIL into XFAIL, PASS into XPASS
                yield test

        def execute(self, test, litConfig):
            prog = test.program
            mpc = os.path.join(test.config.mp_bin_dir, "mpc")
            ok, msg = check_program(mpc, prog)
            if not ok:
                if test.xfails:
                    msg = f"known failure ({test.known_reason})\n{msg}"
                return lit.Test.FAIL, msg
            workdir = os.path.join(os.path.dirname(test.getExecPath()), "Output",
                                   prog.name.replace("/", "_"))
            kind, msg = run_program(mpc, prog, workdir)
            if kind == "pass":
                if test.xfails:
                    return lit.Test.PASS, ("passes now: strike it from "
                                           "test/known-failures.txt")
                return lit.Test.PASS, ""
            if test.xfails:
                msg = f"known failure ({test.known_reason})\n{msg}"
            return lit.Test.FAIL, msg
except ImportError:  # run from the command line without lit on the path
    pass


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", default=os.path.join(SRC_ROOT, "build"))
    ap.add_argument("--all", action="store_true", help="list passing programs too")
    ap.add_argument("-v", action="store_true", help="print each failure's details")
    ap.add_argument("--keep", action="store_true", help="keep the executables")
    ap.add_argument("select", nargs="*", help="SUITE or SUITE/NAME (default: all)")
    args = ap.parse_args()
    mpc = os.path.join(args.build, "bin", "mpc")
    known = known_failures()
    work = tempfile.mkdtemp(prefix="run_compare.")
    wanted = args.select or list(SUITES)
    counts = {"pass": 0, "fail": 0, "known": 0, "fixed": 0}
    seen = []
    for suite in SUITES:
        progs = [p for p in programs(suite, work)
                 if suite in wanted or p.name in wanted]
        for prog in progs:
            seen.append(prog.name)
            ok, msg = check_program(mpc, prog)
            kind = "check" if not ok else None
            if ok:
                kind, msg = run_program(mpc, prog, os.path.join(work, prog.name))
            listed = known_reason(known, prog.name) is not None
            if kind == "pass":
                counts["fixed" if listed else "pass"] += 1
                tag = "FIXED (strike from known-failures.txt)" if listed else "pass"
                if listed or args.all:
                    print(f"{prog.name:32} {tag}")
                continue
            counts["known" if listed else "fail"] += 1
            lines = msg.splitlines()  # a compile error's line 0 is mpc's status
            first = lines[1] if kind in ("compile", "check") and len(lines) > 1 else lines[0]
            print(f"{prog.name:32} {kind:8} {'(listed) ' if listed else ''}{first.strip()}")
            if args.v:
                print("    " + msg.replace("\n", "\n    "))
    unused = [p for p in known if not any(fnmatch.fnmatchcase(n, p) for n in seen)]
    for pattern in unused if not args.select else []:
        print(f"{pattern:32} listed in known-failures.txt but names no program")
    print(f"{counts['pass']} pass, {counts['fail']} fail (unlisted), "
          f"{counts['known']} listed failures, {counts['fixed']} listed but passing")
    if args.keep:
        print(f"work files in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if counts["fail"] == 0 and counts["fixed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
