#!/usr/bin/env python3
"""bench/suite.py: the benchmark suite of MP against Go (`make bench`).

Each program in bench/programs/ is valid Go and MP (bank.mp uses a guarded
select and is measured against bank_go.mp, its nearest Go emulation).  The
script builds every program with `go build` and `mpc -O2`, checks that both
print the same checksum, takes peak RSS from wait4(2), times both with
hyperfine in alternating rounds (median of the runs), repeats the channel
benchmarks with one worker (MPPROCS=1 vs GOMAXPROCS=1), prints a table
ending in `geomean MP/Go: X`, and writes bench/results.md and
bench/results.svg.  Python standard library only.

  bench/suite.py [--build DIR] [--runs N] [--only a,b] [--tiny] [--no-write]
  bench/suite.py --check NAME [--size ARG]   build both, compare output only
"""
import argparse
import datetime
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROGRAMS = os.path.join(HERE, "programs")
sys.path.insert(0, HERE)
import svgchart  # noqa: E402


class Bench:
    """One benchmark: its MP and Go sources (in bench/programs/), whether it
    is a channel benchmark, its argument for a quick run (`--tiny`, the lit
tests), and its targets from issue 8 (MP/Go time ratio,
    MP/Go peak-RSS ratio; None where the issue sets none)."""

    def __init__(self, name, tiny, channel, time_target, rss_target=None, go_src=None):
        self.name, self.tiny, self.channel = name, tiny, channel
        self.time_target, self.rss_target = time_target, rss_target
        self.mp_src = os.path.join(PROGRAMS, name + ".mp")
        self.go_src = os.path.join(PROGRAMS, (go_src or name) + ".mp")


BENCHES = [
    Bench("pingpong", "1000", True, 0.7),
    Bench("sieve", "100", True, 0.7),
    Bench("skynet", "1000", True, 0.7, rss_target=1.5),
    Bench("threadring", "10000", True, 0.7),
    Bench("fanin", "1000", True, 0.7),
    Bench("spawn", "2500", True, 0.7, rss_target=1.5),
    Bench("prodcons", "10000", True, 0.7),
    Bench("bank", "1000", True, 0.7, go_src="bank_go"),
    Bench("fib", "20", False, 1.0),
    Bench("spectralnorm", "50", False, 1.0),
    Bench("binarytrees", "8", False, 1.5),
]
CHANNEL_GEOMEAN_TARGET = 0.5
WORKER_VARS = ("MPPROCS", "GOMAXPROCS")


def run_tool(cmd, **kw):
    """Runs a build command; returns (ok, combined output)."""
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, **kw)
    return proc.returncode == 0, proc.stdout


def build_go(bench, outdir):
    """`go build` needs a .go file: the .mp source is copied unchanged."""
    src = os.path.join(outdir, bench.name + ".go")
    shutil.copyfile(bench.go_src, src)
    exe = os.path.join(outdir, bench.name)
    ok, out = run_tool(["go", "build", "-o", exe, src], cwd=outdir)
    return (exe, "") if ok else (None, out)


def build_mp(bench, mpc, outdir):
    exe = os.path.join(outdir, bench.name)
    ok, out = run_tool([mpc, "-O2", bench.mp_src, "-o", exe])
    return (exe, "") if ok else (None, out)


def worker_env(single):
    env = {k: v for k, v in os.environ.items() if k not in WORKER_VARS}
    if single:
        env.update({k: "1" for k in WORKER_VARS})
    return env


def run_once(exe, args, env, timeout=300):
    """Runs exe; returns (exit status, stdout bytes, peak RSS in KiB).  The
    RSS comes from /usr/bin/time, not from wait4 here: Linux keeps the
    high-water mark across execve, so a child forked from this Python
    process would report at least Python's own RSS."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as rss:
        cmd = ["/usr/bin/time", "-q", "-f", "%M", "-o", rss.name, exe] + args
        try:
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=out,
                                  stderr=subprocess.DEVNULL, env=env, timeout=timeout)
            status = proc.returncode
        except subprocess.TimeoutExpired:
            status = "timeout"
        out.seek(0)
        text = rss.read().strip().splitlines()
        return status, out.read(), int(text[-1]) if text and text[-1].isdigit() else 0


def compare_outputs(go_exe, mp_exe, args, env):
    """Runs both once; returns (same, go result, mp result)."""
    go = run_once(go_exe, args, env)
    mp = run_once(mp_exe, args, env)
    return go[:2] == mp[:2] and go[0] == 0, go, mp


def hyperfine_round(cmds, env, workdir):
    """One hyperfine invocation, one run of each command in the given order;
    returns (wall-clock seconds, user+system CPU seconds) of each, in order."""
    js = os.path.join(workdir, "round.json")
    subprocess.run(["hyperfine", "-N", "--runs", "1", "--style", "none",
                    "--export-json", js] + cmds,
                   stdout=subprocess.DEVNULL, check=True, env=env)
    with open(js) as f:
        return [(r["times"][0], r["user"] + r["system"]) for r in json.load(f)["results"]]


def time_pair(go_exe, mp_exe, runs, env, workdir):
    """Times Go and MP in `runs` alternating rounds (the order swaps every
    round so neither always runs on a cache warmed by the other); returns
    the median wall-clock and the median CPU seconds of Go, then of MP."""
    go_t, mp_t = [], []
    hyperfine_round([go_exe, mp_exe], env, workdir)  # warm-up, not counted
    for i in range(runs):
        if i % 2 == 0:
            g, m = hyperfine_round([go_exe, mp_exe], env, workdir)
        else:
            m, g = hyperfine_round([mp_exe, go_exe], env, workdir)
        go_t.append(g)
        mp_t.append(m)
    med = statistics.median
    return (med(t[0] for t in go_t), med(t[1] for t in go_t),
            med(t[0] for t in mp_t), med(t[1] for t in mp_t))


class Row:
    def __init__(self, bench, single):
        self.bench, self.single = bench, single
        self.go_s = self.mp_s = self.go_cpu = self.mp_cpu = None
        self.go_kib = self.mp_kib = None
        self.note = ""

    @property
    def label(self):
        return self.bench.name + (" (1 worker)" if self.single else "")

    def ratio(self):
        return self.mp_s / self.go_s if self.go_s and self.mp_s else None

    def cpu_ratio(self):
        return self.mp_cpu / self.go_cpu if self.go_cpu and self.mp_cpu else None

    def rss_ratio(self):
        return self.mp_kib / self.go_kib if self.go_kib and self.mp_kib else None

    def missed(self):
        """The targets this row misses, as short phrases."""
        out = []
        r, t = self.ratio(), self.bench.time_target
        if r is not None and r > t:
            out.append(f"time {r:.2f} > {t}")
        rr, rt = self.rss_ratio(), self.bench.rss_target
        if not self.single and rr is not None and rt is not None and rr > rt:
            out.append(f"RSS {rr:.2f} > {rt}")
        return out


def measure(bench, exes, single, args, workdir):
    row = Row(bench, single)
    go_exe, mp_exe = exes
    if not go_exe or not mp_exe:
        row.note = "go build failed" if not go_exe else "mpc build failed"
        return row
    env = worker_env(single)
    same, go, mp = compare_outputs(go_exe, mp_exe, size_args(args, bench), env)
    if not same:
        row.note = (f"output differs: go {go[0]} {go[1][-80:]!r}, "
                    f"mp {mp[0]} {mp[1][-80:]!r}")
        return row
    go_rss, mp_rss = [go[2]], [mp[2]]
    for _ in range(args.rss_runs - 1):
        go_rss.append(run_once(go_exe, size_args(args, bench), env)[2])
        mp_rss.append(run_once(mp_exe, size_args(args, bench), env)[2])
    row.go_kib, row.mp_kib = statistics.median(go_rss), statistics.median(mp_rss)
    cmds = [" ".join([e] + size_args(args, bench)) for e in exes]
    try:
        row.go_s, row.go_cpu, row.mp_s, row.mp_cpu = time_pair(cmds[0], cmds[1], args.runs, env, workdir)
    except subprocess.CalledProcessError:
        row.note = "a timed run failed (hyperfine: non-zero exit status)"
    return row


def size_args(args, bench):
    """The program's argument: --size, else its tiny size under --tiny,
    else none (the program's own default, the size the table reports)."""
    if args.size:
        return [args.size]
    return [bench.tiny] if args.tiny else []


def geomean(xs):
    xs = [x for x in xs if x]
    return math.exp(sum(map(math.log, xs)) / len(xs)) if xs else None


def fmt(x, spec):
    return format(x, spec) if x is not None else "-"


def table_lines(rows, markdown):
    head = ["benchmark", "Go s", "MP s", "MP/Go", "Go MiB", "MP MiB", "CPU MP/Go", "target"]
    lines = []
    if markdown:
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "|".join(["---"] + ["---:"] * 6 + ["---"]) + "|")
    else:
        lines.append(f"{head[0]:24} {head[1]:>7} {head[2]:>7} {head[3]:>6} "
                     f"{head[4]:>7} {head[5]:>7} {head[6]:>9}  {head[7]}")
    for r in rows:
        status = r.note or ("; ".join(r.missed()) or "met")
        cells = [r.label, fmt(r.go_s, ".3f"), fmt(r.mp_s, ".3f"), fmt(r.ratio(), ".2f"),
                 fmt(r.go_kib and r.go_kib / 1024, ".1f"),
                 fmt(r.mp_kib and r.mp_kib / 1024, ".1f"), fmt(r.cpu_ratio(), ".2f"), status]
        if markdown:
            lines.append("| " + " | ".join(cells) + " |")
        else:
            lines.append(f"{cells[0]:24} {cells[1]:>7} {cells[2]:>7} {cells[3]:>6} "
                         f"{cells[4]:>7} {cells[5]:>7} {cells[6]:>9}  {cells[7]}")
    return lines


def summary_lines(rows):
    """The geomeans; the last line is the overall one that `make bench`
    promises to end with."""
    multi = [r for r in rows if not r.single]
    chan = [r.ratio() for r in multi if r.bench.channel]
    single = [r.ratio() for r in rows if r.single]
    g_chan, g_single, g_all = geomean(chan), geomean(single), geomean([r.ratio() for r in multi])
    t = CHANNEL_GEOMEAN_TARGET
    return [
        f"geomean MP/Go, channel benchmarks, all cores: {fmt(g_chan, '.2f')} (target <= {t})",
        f"geomean MP/Go, channel benchmarks, 1 worker: {fmt(g_single, '.2f')} (target <= {t})",
        f"geomean MP/Go: {fmt(g_all, '.2f')}",
    ]


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def tool_version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"


def write_markdown(path, rows, args, load):
    commit = tool_version(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    lines = [
        "# MP against Go: benchmark results",
        "",
        "Written by `bench/suite.py` (`make bench`); do not edit by hand.",
        "",
        f"- Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC}",
        f"- Machine: {os.cpu_count()} cores, {cpu_model()}, {platform.system()} "
        f"{platform.release()}",
        f"- Load average before the run: {load}",
        f"- Go: {tool_version(['go', 'version'])}; mpc: commit {commit}, `-O2`",
        f"- Wall-clock seconds: median of {args.runs} hyperfine runs per side, "
        "Go and MP alternating; peak RSS: median of "
        f"{args.rss_runs} runs (`/usr/bin/time` %M)",
        "- Targets (issue 8): channel benchmarks MP/Go <= 0.7 with all cores and "
        "with 1 worker, channel geomean <= 0.5; fib, spectralnorm <= 1.0; "
        "binarytrees <= 1.5; skynet and spawn peak RSS <= 1.5 x Go",
        "- The targets are on wall-clock time (MP/Go); `CPU MP/Go` is the ratio "
        "of user+system seconds (medians), steadier than wall-clock time when "
        "the machine is shared, but not comparable across worker counts",
        "",
        "![MP/Go time ratios](results.svg)",
        "",
    ]
    lines += table_lines([r for r in rows if not r.single], True)
    single = [r for r in rows if r.single]
    if single:
        lines += ["", "One worker (`MPPROCS=1` vs `GOMAXPROCS=1`):", ""]
        lines += table_lines(single, True)
    lines += [""] + [f"    {s}" for s in summary_lines(rows)]
    missed = [f"- {r.label}: {'; '.join(r.missed() or [r.note])}"
              for r in rows if r.missed() or r.note]
    lines += ["", "## Targets missed", ""] + (missed or ["None."])
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def build_all(benches, mpc, workdir):
    """Returns {name: (go exe, mp exe)}, None for a side that did not build
    (its compiler's output is printed)."""
    exes = {}
    for side in ("go", "mp"):
        os.makedirs(os.path.join(workdir, side), exist_ok=True)
    for b in benches:
        go_exe, go_err = build_go(b, os.path.join(workdir, "go"))
        mp_exe, mp_err = build_mp(b, mpc, os.path.join(workdir, "mp"))
        for side, err in (("go build", go_err), ("mpc", mp_err)):
            if err:
                print(f"{b.name}: {side} failed:\n{err[:2000]}", file=sys.stderr)
        exes[b.name] = (go_exe, mp_exe)
    return exes


def check_one(args):
    """--check: build one program both ways at a small size and compare
    what they print (the lit tests in test/bench/ use this)."""
    bench = next((b for b in BENCHES if b.name == args.check), None)
    if bench is None:
        print(f"suite.py: no benchmark named {args.check}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        exes = build_all([bench], args.mpc, tmp)
        if None in exes[bench.name]:
            return 1
        for single in (False, True):
            same, go, mp = compare_outputs(*exes[bench.name], size_args(args, bench),
                                           worker_env(single))
            sys.stdout.write(mp[1].decode("utf-8", "replace"))
            if not same:
                print(f"{bench.name}: MP differs from Go (1 worker: {single})\n"
                      f"go (status {go[0]}): {go[1]!r}\nmp (status {mp[0]}): {mp[1]!r}",
                      file=sys.stderr)
                return 1
    return 0


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build"),
                   help="the build tree (mpc is BUILD/bin/mpc)")
    p.add_argument("--mpc", help="the mpc binary (default BUILD/bin/mpc)")
    p.add_argument("--runs", type=int, default=5, help="timed runs per side")
    p.add_argument("--rss-runs", type=int, default=3, help="runs for peak RSS")
    p.add_argument("--only", help="comma-separated benchmark names")
    p.add_argument("--size", help="argument passed to every program "
                   "(default: each program's own size)")
    p.add_argument("--tiny", action="store_true",
                   help="run each program at its tiny size (a quick self-check)")
    p.add_argument("--no-single", action="store_true",
                   help="skip the one-worker pass")
    p.add_argument("--no-write", action="store_true",
                   help="do not write bench/results.md and results.svg")
    p.add_argument("--check", metavar="NAME",
                   help="only build NAME both ways and compare outputs")
    args = p.parse_args()
    args.build = os.path.abspath(args.build)  # go build takes a bare relative path for a package
    args.mpc = os.path.abspath(args.mpc or os.path.join(args.build, "bin", "mpc"))
    return args


def main():
    args = parse_args()
    if args.check:
        return check_one(args)
    benches = [b for b in BENCHES if not args.only or b.name in args.only.split(",")]
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    workdir = os.path.join(args.build, "bench", "suite")
    exes = build_all(benches, args.mpc, workdir)
    rows = []
    passes = [False] if args.no_single else [False, True]
    for single in passes:
        for b in benches:
            if single and not b.channel:
                continue
            rows.append(measure(b, exes[b.name], single, args, workdir))
            print(table_lines([rows[-1]], False)[1], flush=True)
    print()
    print("\n".join(table_lines(rows, False)))
    print("\n".join(summary_lines(rows)))
    if not args.no_write:
        write_markdown(os.path.join(HERE, "results.md"), rows, args, load)
        svgchart.write(os.path.join(HERE, "results.svg"),
                       [(r.label, r.ratio(), r.bench.time_target) for r in rows])
    return 0 if all(not r.note for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
