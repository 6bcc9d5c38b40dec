#!/usr/bin/env python3
"""Regenerates the expected strings of a cases .def file from Go itself.

Each case line is
  NAME(kind, "format", R"go(go args)go", (c++ args), "expected")
where kind is Sprintf/Sprint/Sprintln/Errorf (fmt cases) or GO (a Go
string expression, in the go-args field).  The script writes a Go program
(fmt_prelude.go + one emit() per case), runs it with `go run` together with
the helper files go/*_helpers.go (whole Go files of package main, mirrored
by the C++ tests), and rewrites each line's last field with Go's output as
a C++ literal.  Review the diff.
Usage: update_cases.py ../fmt_cases.def"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

LINE = re.compile(r'^(\s*\w+\()(\w+), ("(?:[^"\\]|\\.)*"), R"go\((.*?)\)go", (.*), ("(?:[^"\\]|\\.)*")\),?\s*$')


def cxx_literal(data: bytes) -> str:
    out = []
    for b in data:
        c = chr(b)
        if c == '"' or c == '\\':
            out.append('\\' + c)
        elif 0x20 <= b < 0x7f and c != '?':
            out.append(c)
        else:
            out.append('\\%03o' % b)
    return '"' + ''.join(out) + '"'


def go_expr(kind, fmt, goargs):
    if kind == 'GO':
        return goargs
    if kind == 'Errorf':
        return 'fmt.Errorf(%s%s).Error()' % (fmt, ', ' + goargs if goargs else '')
    if kind == 'Sprintf':
        return 'fmt.Sprintf(%s%s)' % (fmt, ', ' + goargs if goargs else '')
    return 'fmt.%s(%s)' % (kind, goargs)


def main():
    path = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    lines = open(path, encoding='utf-8').read().split('\n')
    cases = [(i, m) for i, l in enumerate(lines) if (m := LINE.match(l))]
    prelude = open(os.path.join(here, 'fmt_prelude.go'), encoding='utf-8').read()
    body = '\n'.join('\temit(%s)' % go_expr(m.group(2), m.group(3), m.group(4)) for _, m in cases)
    with tempfile.TemporaryDirectory() as d:
        prog = os.path.join(d, 'cases.go')
        open(prog, 'w', encoding='utf-8').write(prelude + '\nfunc main() {\n' + body + '\n}\n')
        helpers = []  # `go run` wants all its files in one directory
        for h in sorted(glob.glob(os.path.join(here, '*_helpers.go'))):
            helpers.append(os.path.join(d, os.path.basename(h)))
            shutil.copy(h, helpers[-1])
        out = subprocess.run(['go', 'run', prog] + helpers, check=True, stdout=subprocess.PIPE, text=True).stdout
    results = out.split('\n')[:len(cases)]
    for (i, m), hexed in zip(cases, results):
        want = cxx_literal(bytes.fromhex(hexed))
        lines[i] = '%s%s, %s, R"go(%s)go", %s, %s),' % (m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), want)
    open(path, 'w', encoding='utf-8').write('\n'.join(lines))
    print('updated %d cases' % len(cases))


if __name__ == '__main__':
    main()
