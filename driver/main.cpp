// driver/main.cpp: the `mpc` command line (LANGUAGE.md §5).
// Parses the sub-command and its flags, then hands off to the stages.
// Every failure is a one-line diagnostic on stderr and exit status 1.
#include <cstdio>
#include <cstring>
#include <string_view>

#include "check.h"
#include "compile.h"
#include "run.h"

namespace {

constexpr const char *kUsage =
    "usage: mpc FILE.mp... [-o OUT] [-O0|-O1|-O2|-O3] [-g] [-S] [-c] [--emit-llvm]\n"
    "       mpc run FILE.mp... [-- ARGS]     compile in memory (LLVM ORC JIT) and run\n"
    "       mpc check FILE.mp...             parse and type-check only\n"
    "       mpc repl                         interactive session\n"
    "       mpc --version | --help\n";

int usageError(const char *message, const char *arg) {
  std::fprintf(stderr, "mpc: error: %s%s%s\n", message, arg ? ": " : "",
               arg ? arg : "");
  std::fprintf(stderr, "run 'mpc --help' for usage\n");
  return 1;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2)
    return usageError("no input files", nullptr);
  std::string_view first = argv[1];
  if (first == "--version") {
    std::printf("mpc version %s (LLVM 19)\n", MPC_VERSION);
    return 0;
  }
  if (first == "--help" || first == "-h") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (first == "check")
    return mp::driver::runCheck(argc - 2, argv + 2);
  if (first == "run")
    return mp::driver::runRun(argc - 2, argv + 2);
  if (first == "repl")
    return mp::driver::runRepl(argc - 2, argv + 2);
  return mp::driver::runCompile(argc - 1, argv + 1);
}
