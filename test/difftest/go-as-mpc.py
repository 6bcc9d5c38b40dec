#!/usr/bin/env python3
"""test/difftest/go-as-mpc.py: a stand-in for mpc that builds with Go, so
run.py --self-check can test the harness before codegen exists.  Accepts
`FILE.mp -o OUT [-O0|-O1|-O2|-O3]`; -O0 disables Go's optimizer and
inlining (-gcflags=all=-N -l), so the two builds differ in code, not output."""
import os
import shutil
import subprocess
import sys
import tempfile


def main(argv):
    src, out, opt = None, None, "-O2"
    it = iter(argv)
    for a in it:
        if a == "-o":
            out = next(it)
        elif a in ("-O0", "-O1", "-O2", "-O3"):
            opt = a
        elif a.endswith(".mp") and src is None:
            src = a
        else:
            print(f"go-as-mpc: error: unsupported argument: {a}", file=sys.stderr)
            return 1
    if not src or not out:
        print("go-as-mpc: error: usage: go-as-mpc.py FILE.mp -o OUT [-O0..-O3]", file=sys.stderr)
        return 1
    tmp = tempfile.mkdtemp(prefix="go-as-mpc-")
    try:
        gofile = os.path.join(tmp, "main.go")
        shutil.copyfile(src, gofile)
        cmd = ["go", "build", "-o", os.path.abspath(out)]
        if opt == "-O0":
            cmd.append("-gcflags=all=-N -l")
        return subprocess.run(cmd + [gofile]).returncode
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
