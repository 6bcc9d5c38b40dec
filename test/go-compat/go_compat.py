"""test/go-compat/go_compat.py: the lit test format of the Go-compatibility
corpus. Each <name>.mp is a program valid in both Go and MP; its Go results
sit beside it (<name>.out, .status, .err; made by scripts/gen-go-compat.sh).
ParseOnly checks a program parses and has Go's expected output; it stands in
until codegen can build programs."""
import os
import subprocess

import lit.formats
import lit.Test


# Programs the frontend wrongly rejects today, with the diagnostic it gives.
# They are expected failures, so a fix shows up as an unexpected pass and the
# entry is then removed. Non-ASCII text in an interpreted string literal is
# flagged as invalid UTF-8 (frontend/literal_check.cpp, Lexer::checkEscapes
# classifies each byte >= 0x80 alone); Go accepts these files.
KNOWN_PARSE_BUGS = {
    name: "invalid UTF-8 encoding"
    for name in ("fmt_methods", "strconv_funcs", "strings_funcs", "strings_runes")
}


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
        bug = KNOWN_PARSE_BUGS.get(os.path.splitext(os.path.basename(src))[0])
        if bug is not None:
            if proc.returncode != 0 and bug in proc.stdout:
                return lit.Test.XFAIL, proc.stdout
            return lit.Test.XPASS, "known parse bug gone: update KNOWN_PARSE_BUGS\n" + proc.stdout
        if proc.returncode != 0:
            return lit.Test.FAIL, proc.stdout
        return lit.Test.PASS, ""
