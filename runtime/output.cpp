// runtime/output.cpp: the program's stdout.  Writes go straight to fd 1 for
// now; the buffered writer flushed at exit, panic and deadlock replaces this
// with the scheduler (issue 4/6).
#include "mp/runtime.h"

#include <cerrno>
#include <unistd.h>

extern "C" void mp_stdout_write(const void *data, size_t len) {
  const char *p = static_cast<const char *>(data);
  while (len > 0) {
    ssize_t n = ::write(1, p, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return;
    p += n;
    len -= static_cast<size_t>(n);
  }
}

extern "C" void mp_stdout_flush(void) {}
