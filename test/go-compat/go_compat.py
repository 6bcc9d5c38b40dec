"""test/go-compat/go_compat.py: the lit test format of the Go-compatibility
corpus. Each <name>.mp is a program valid in both Go and MP; its Go results
sit beside it (<name>.out, .status, .err; made by scripts/gen-go-compat.sh).
ParseOnly checks a program parses and has Go's expected output; it stands in
until codegen can build programs."""
import os
import subprocess

import lit.formats
import lit.Test


def expected_path(src, ext):
    return os.path.splitext(src)[0] + ext


class ParseOnly(lit.formats.FileBasedTest):
    def execute(self, test, lit_config):
        src = test.getSourcePath()
        if not os.path.exists(expected_path(src, ".out")):
            return lit.Test.FAIL, "no expected output: run scripts/gen-go-compat.sh"
        mpc = os.path.join(test.config.mp_bin_dir, "mpc")
        proc = subprocess.run([mpc, "check", "--parse-only", src],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, timeout=60)
        if proc.returncode != 0:
            return lit.Test.FAIL, proc.stdout
        return lit.Test.PASS, ""
