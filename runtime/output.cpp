// runtime/output.cpp: the program's stdout, buffered (64 KiB) and flushed at
// exit, panic, deadlock and before reading stdin.  A full buffer is written
// by a helper thread (runBlocking) so that a slow or full pipe parks only
// the writing goroutine, never its worker.
//
// Invariants: outMu protects buf/len/inflight/dying and is held only for
// memcpy.  flushMu (a goroutine mutex) is held from taking a full buffer out
// until it is written, so buffers reach fd 1 in the order they were filled.
// `inflight` counts buffers taken out and not yet written; a fatal signal
// (signal.cpp) waits for them before writing the rest, then holds outMu
// until the process dies, so output is neither lost nor reordered.
#include "sched.h"

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <unistd.h>

namespace mp::rt {
namespace {

constexpr size_t kBufSize = 64 << 10;
std::mutex &outMu = *new std::mutex;  // protects buf/len
char *buf = new char[kBufSize];
size_t len = 0;
GMutex &flushMu = *new GMutex;
char *spare = new char[kBufSize];  // owned by flushMu's holder
int inflight = 0;                  // buffers being written by a helper
std::condition_variable &inflightCv = *new std::condition_variable;

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

struct WriteJob {
  const char *p;
  size_t n;
};
void writeJob(void *j) {
  auto *w = static_cast<WriteJob *>(j);
  writeAll(w->p, w->n);
}

// Writes out the buffer, then `extra` (when it does not fit the buffer), on
// a helper thread.  Caller: a goroutine holding neither lock.
void flushFromGoroutine(const char *extra, size_t extraLen) {
  flushMu.lock("syscall");
  char *full;
  size_t n;
  {
    std::lock_guard<std::mutex> lk(outMu);
    full = buf;
    n = len;
    buf = spare;  // writers go on filling the other buffer meanwhile
    len = 0;
    ++inflight;
  }
  WriteJob a{full, n}, b{extra, extraLen};
  if (n > 0)
    runBlocking(writeJob, &a, "syscall");
  if (extraLen > 0)
    runBlocking(writeJob, &b, "syscall");
  spare = full;
  {
    std::lock_guard<std::mutex> lk(outMu);
    --inflight;
  }
  inflightCv.notify_all();
  flushMu.unlock();
}

} // namespace

void stdoutFlushForExit() {
  // try_lock: a fatal error raised while this thread holds outMu must still
  // get its report out.
  if (outMu.try_lock()) {
    writeAll(buf, len);
    len = 0;
    outMu.unlock();
  }
}

void stdoutFlushForSignal() {
  std::unique_lock<std::mutex> lk(outMu);
  // A helper may be writing an older buffer: let it finish first (bounded:
  // a pipe nobody reads must not keep the program from dying).
  inflightCv.wait_for(lk, std::chrono::seconds(2), [] { return inflight == 0; });
  writeAll(buf, len);
  len = 0;
  lk.release();  // keep outMu: nothing more is written before we die
}

} // namespace mp::rt

using namespace mp::rt;

extern "C" void mp_stdout_write(const void *data, size_t n) {
  const char *p = static_cast<const char *>(data);
  for (;;) {
    {
      std::lock_guard<std::mutex> lk(outMu);
      if (len + n <= kBufSize) {
        std::memcpy(buf + len, p, n);
        len += n;
        return;
      }
      if (!currentG()) {  // not a goroutine: write synchronously
        writeAll(buf, len);
        len = 0;
        if (n >= kBufSize)
          return writeAll(p, n);
        continue;
      }
    }
    if (n >= kBufSize)
      return flushFromGoroutine(p, n);
    flushFromGoroutine(nullptr, 0);  // then retry: others may have written
  }
}

extern "C" void mp_stdout_flush(void) {
  if (currentG())
    return flushFromGoroutine(nullptr, 0);
  std::lock_guard<std::mutex> lk(outMu);
  writeAll(buf, len);
  len = 0;
}
