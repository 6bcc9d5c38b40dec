#!/usr/bin/env python3
"""scripts/tour-snippets.py: the programs of docs/tour.md, checked.
Each ```go block is a program; the ```text block after the next "Output:"
line is its exact stdout, and an optional `<!-- status: N -->` after that
its exit status. Modes:
  --parse MPC   every snippet parses (`MPC check --parse-only`)
  --run MPC     every snippet compiles with MPC and prints its Output
  --go          snippets that are Go (package main, no `where`) print their
                Output under `go run`: how the outputs in the tour were made
Usage: tour-snippets.py MODE [MPC] TOUR.md WORKDIR"""
import os
import re
import subprocess
import sys

BLOCK = re.compile(
    r"```go\n(?P<src>.*?)```\n\nOutput:\n\n```text\n(?P<out>.*?)```"
    r"(?:\n<!-- status: (?P<status>\d+) -->)?", re.S)
SECTION = re.compile(r"^## (\d+)\.", re.M)
REPORT = re.compile(r"```text\n(?P<text>.*?)```", re.S)


def snippets(tour):
    text = open(tour, encoding="utf-8").read()
    found = [(m["src"], m["out"], int(m["status"] or 0)) for m in BLOCK.finditer(text)]
    if text.count("```go\n") != len(found):
        sys.exit(f"{tour}: a ```go block lacks its Output block")
    return found


def labelled_snippets(tour):
    """snippets() with a stable name for each, sN.K (the K-th program of
    section `## N.`), and for a program that fails (status != 0) the report
    it prints on stderr: the next ```text block, or None."""
    text = open(tour, encoding="utf-8").read()
    labelled, section, k = [], 0, 0
    for (src, out, status), m in zip(snippets(tour), BLOCK.finditer(text)):
        heads = SECTION.findall(text, 0, m.start())
        if heads and int(heads[-1]) != section:
            section, k = int(heads[-1]), 0
        k += 1
        report = REPORT.search(text, m.end()) if status else None
        labelled.append((f"s{section}.{k}", src, out, status,
                         report["text"] if report else None))
    return labelled


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=120, **kw)


def check(i, path, out, status, proc):
    got = proc.stdout.decode("utf-8", "replace")
    if got != out or proc.returncode != status:
        print(f"snippet {i} ({path}): want status {status} and\n{out}"
              f"got status {proc.returncode} and\n{got}{proc.stderr.decode()}")
        return False
    return True


def main():
    args = sys.argv[1:]
    mode = args.pop(0)
    mpc = args.pop(0) if mode in ("--parse", "--run") else None
    tour, work = args
    os.makedirs(work, exist_ok=True)
    ok = True
    for i, (src, out, status) in enumerate(snippets(tour), 1):
        path = os.path.join(work, f"step{i:02d}.mp")
        with open(path, "w", encoding="utf-8") as f:
            f.write(src)
        if mode == "--parse":
            proc = run([mpc, "check", "--parse-only", path])
            if proc.returncode != 0:
                print(f"snippet {i}: {proc.stderr.decode()}")
                ok = False
        elif mode == "--run":
            exe = path[:-3]
            proc = run([mpc, path, "-o", exe])
            if proc.returncode != 0:
                print(f"snippet {i} does not compile:\n{proc.stderr.decode()}")
                ok = False
                continue
            ok &= check(i, path, out, status, run([exe], stdin=subprocess.DEVNULL))
        elif src.startswith("package main") and " where " not in src:
            gofile = path[:-3] + ".go"
            os.replace(path, gofile)
            exe = gofile[:-3]
            if run(["go", "build", "-o", exe, gofile], cwd=work).returncode != 0:
                print(f"snippet {i} is not Go")
                ok = False
                continue
            ok &= check(i, gofile, out, status, run([exe], stdin=subprocess.DEVNULL))
    print(f"{i} snippets {'ok' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
