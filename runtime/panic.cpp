// runtime/panic.cpp: unrecoverable runtime errors, printed as Go prints them.
// recover() and goroutine traces come with the scheduler and codegen.
#include "mp/runtime.h"

#include <cstdio>
#include <cstdlib>

extern "C" void mp_panic_runtime_error(const char *msg) {
  mp_stdout_flush();
  std::fprintf(stderr, "panic: runtime error: %s\n", msg);
  std::exit(2);
}
