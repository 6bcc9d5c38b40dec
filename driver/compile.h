// driver/compile.h: `mpc FILE.mp... [-o OUT] [-O0..-O3] [-g] [-S] [-c]
// [--emit-llvm]`: compile to an executable (or object, assembly, IR).
#pragma once

namespace mp::driver {

/// argv holds every argument after the program name; returns the exit status.
int runCompile(int argc, char **argv);

} // namespace mp::driver
