#!/usr/bin/env python3
"""bench/runtime/compare.py: one table of the MP runtime's benchmarks
(Google Benchmark JSON, one file per MPPROCS) beside Go's (`go test -bench`
text output with -cpu 1,2), with the MP/Go ratio of wall-clock times.
Used by `make bench`.  The `MP cpu` column is the CPU time of the worker
thread running the loop, shown for MPPROCS=1 only (with more workers the
loop may move between threads): on a machine shared with other work it
shows what the wall-clock figures lose to the OS scheduler."""
import json
import re
import sys


def mp_results(path):
    with open(path) as f:
        data = json.load(f)
    out = {}
    for b in data["benchmarks"]:
        name = b["name"].split("/")[0].removeprefix("BM_")
        unit = b.get("time_unit", "ns")
        scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[unit]
        out[name] = (b["real_time"] * scale,
                     b.get("bytes_per_goroutine"), b["cpu_time"] * scale)
    return out


def go_results(path):
    out = {}
    pat = re.compile(r"^Benchmark(\w+?)(?:-(\d+))?\s+\d+\s+([\d.]+) ns/op(.*)$")
    with open(path) as f:
        for line in f:
            m = pat.match(line.strip())
            if not m:
                continue
            name, cpu, ns, rest = m.group(1), int(m.group(2) or 1), float(m.group(3)), m.group(4)
            extra = re.search(r"([\d.]+) bytes/goroutine", rest)
            out[(name, cpu)] = (ns, float(extra.group(1)) if extra else None)
    return out


def fmt(ns):
    return f"{ns / 1e6:10.1f} ms" if ns >= 1e6 else f"{ns:10.1f} ns"


def main():
    go = go_results(sys.argv[1])
    print(f"{'benchmark':28} {'procs':>5} {'MP':>13} {'Go':>13} {'MP/Go':>7} {'MP cpu':>13}")
    for arg in sys.argv[2:]:
        procs, path = arg.split("=", 1)
        for name, (ns, per_g, cpu) in mp_results(path).items():
            g = go.get((name, int(procs)))
            if per_g is not None:
                gb = f"{g[1]:10.0f} B " if g and g[1] else f"{'-':>13}"
                print(f"{name:28} {procs:>5} {per_g:10.0f} B  {gb}")
                continue
            ratio = f"{ns / g[0]:7.2f}" if g else f"{'-':>7}"
            gs = fmt(g[0]) if g else f"{'-':>13}"
            cs = fmt(cpu) if procs == "1" else f"{'-':>13}"
            print(f"{name:28} {procs:>5} {fmt(ns)} {gs} {ratio} {cs}")


if __name__ == "__main__":
    main()
