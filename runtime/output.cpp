// runtime/output.cpp: the program's stdout, buffered (64 KiB) and flushed at
// exit, panic, deadlock and before reading stdin.  A mutex orders writers
// from all workers; a full buffer is written synchronously (rare).
#include "sched.h"

#include <cerrno>
#include <cstring>
#include <mutex>
#include <unistd.h>

namespace {

constexpr size_t kBufSize = 64 << 10;
std::mutex &outMu = *new std::mutex;  // protects buf/len
char buf[kBufSize];
size_t len = 0;

void writeAll(const char *p, size_t n) {
  while (n > 0) {
    ssize_t k = ::write(1, p, n);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      return;  // stdout closed: output is dropped, as Go's would fail
    p += k;
    n -= size_t(k);
  }
}

void flushLocked() {
  writeAll(buf, len);
  len = 0;
}

} // namespace

void mp::rt::stdoutFlushForExit() {
  // try_lock: a fatal error raised while this thread holds outMu must still
  // get its report out.
  if (outMu.try_lock()) {
    flushLocked();
    outMu.unlock();
  }
}

extern "C" void mp_stdout_write(const void *data, size_t n) {
  const char *p = static_cast<const char *>(data);
  std::lock_guard<std::mutex> lk(outMu);
  if (len + n > kBufSize) {
    flushLocked();
    if (n >= kBufSize) {
      writeAll(p, n);
      return;
    }
  }
  std::memcpy(buf + len, p, n);
  len += n;
}

extern "C" void mp_stdout_flush(void) {
  std::lock_guard<std::mutex> lk(outMu);
  flushLocked();
}
