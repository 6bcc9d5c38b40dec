#!/usr/bin/env python3
"""scripts/check-diag-tests.py [SRC_ROOT]: every diagnostic id has a lit test.

Reads every diagnostic table (`*/diagnostic_kinds.def` and any other
`*diag*.def` under the stage folders) and every lit test under test/.  A test
covers an id when it names it in a `// DIAG: Id` line (several ids may share
one line, separated by spaces or commas) AND one of its lines (a FileCheck
pattern, whatever its prefix) shows the id's message: the format with each `{N}` matched by any text, after
`error: `, `warning: ` or `note: ` as the id's severity says (for messages
of several lines, the first line).  Fails, naming them, on ids no test
covers and on `DIAG:` lines naming ids that no table declares.
Run by test/diagnostics/coverage.test (so by `make check`)."""
import os
import re
import sys

STAGES = ("frontend", "sema", "codegen", "driver", "runtime", "stdlib")
ENTRY = re.compile(r'^\s*(ERROR|WARNING|NOTE)\((\w+),\s*"((?:[^"\\]|\\.)*)"\)', re.M)
DIAG_LINE = re.compile(r"DIAG:\s*([\w ,]+)")
SEVERITY = {"ERROR": "error", "WARNING": "warning", "NOTE": "note"}


def tables(root):
    for stage in STAGES:
        folder = os.path.join(root, stage)
        if not os.path.isdir(folder):
            continue
        for dirpath, _, names in os.walk(folder):
            for name in sorted(names):
                if name.endswith(".def") and "diag" in name:
                    yield os.path.join(dirpath, name)


def read_ids(root):
    """{id: (severity, first line of the format, table path)}"""
    ids = {}
    for path in tables(root):
        with open(path, encoding="utf-8") as f:
            for sev, ident, fmt in ENTRY.findall(f.read()):
                fmt = fmt.encode().decode("unicode_escape").split("\n")[0]
                ids[ident] = (SEVERITY[sev], fmt, path)
    return ids


def message_regex(severity, fmt):
    parts = re.split(r"\{\d+\}", fmt)
    return re.compile(re.escape(severity + ": ") + ".+?".join(map(re.escape, parts)))


def read_tests(root):
    """[(path, set of ids named by DIAG:, its other lines)]"""
    tests = []
    for dirpath, _, names in os.walk(os.path.join(root, "test")):
        for name in sorted(names):
            if not name.endswith((".mp", ".test")):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            named = set()
            for m in DIAG_LINE.finditer(text):
                named.update(w for w in re.split(r"[\s,]+", m.group(1)) if w)
            if named:
                checks = [l for l in text.split("\n") if not DIAG_LINE.search(l)]
                tests.append((path, named, checks))
    return tests


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(__file__), ".."))
    ids = read_ids(root)
    if not ids:
        print(f"no diagnostic table found under {root}")
        return 1
    tests = read_tests(root)
    problems = []
    for ident, (sev, fmt, table) in sorted(ids.items()):
        naming = [t for t in tests if ident in t[1]]
        if not naming:
            problems.append(f"{ident} ({os.path.relpath(table, root)}): no lit test "
                            f"names it in a `// DIAG: {ident}` line")
            continue
        rx = message_regex(sev, fmt)
        if not any(rx.search(c) for t in naming for c in t[2]):
            where = ", ".join(os.path.relpath(t[0], root) for t in naming)
            problems.append(f"{ident}: {where} name it but none shows "
                            f"`{sev}: {fmt}`")
    for path, named, _ in tests:
        for ident in sorted(named - ids.keys()):
            problems.append(f"{os.path.relpath(path, root)}: DIAG names unknown id {ident}")
    for p in problems:
        print(p)
    print(f"{len(ids)} diagnostic ids, {len(ids) - sum(1 for p in problems if 'unknown id' not in p)}"
          f" covered, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
