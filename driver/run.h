// driver/run.h: the JIT sub-commands, `mpc run` and `mpc repl`.
#pragma once

namespace mp::driver {

/// `mpc run FILE.mp... [-O0..-O3] [-- ARGS]`; argv holds the arguments after
/// `run`.  Does not return when the program runs (mp_main exits).
int runRun(int argc, char **argv);

/// `mpc repl`; argv holds the arguments after `repl`.
int runRepl(int argc, char **argv);

} // namespace mp::driver
