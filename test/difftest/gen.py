#!/usr/bin/env python3
"""test/difftest/gen.py: prints a random, deterministic, terminating Go
program in MP's Go subset (docs: test/difftest/README.md).  The same --seed
always gives the same bytes; the program is valid Go 1.19 and prints the
same output on every run, so mpc's output can be compared with Go's."""
import argparse
import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from genlib.catalogue import ORDER  # noqa: E402
from genlib.fail import FAILURES  # noqa: E402
from genlib.program import generate  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--all-int-types", action="store_true",
                    help="also use Go's integer types outside MP v1 (int8, uint16, ...)")
    ap.add_argument("--sections", help="comma-separated sections instead of the seeded "
                    "choice: " + ",".join(ORDER))
    ap.add_argument("--fail", choices=["yes", "no"],
                    help="force or forbid a failing last section (kinds: "
                    + ",".join(sorted(FAILURES)) + ")")
    ap.add_argument("-o", "--output", help="write here instead of stdout")
    args = ap.parse_args()
    sections = args.sections.split(",") if args.sections else None
    fail = None if args.fail is None else args.fail == "yes"
    src = generate(args.seed, args.all_int_types, sections, fail)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(src)
    else:
        sys.stdout.write(src)


if __name__ == "__main__":
    main()
