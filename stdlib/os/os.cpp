// stdlib/os/os.cpp: package os: Args, Exit and the standard files.
// Writes to Stdout go through the runtime's buffered stdout; writes to
// Stderr flush it first and then go straight to fd 2, so that `2>&1` shows
// both streams in program order, as Go's unbuffered files do.  Args is
// captured from the process's argv at start-up (glibc passes argc/argv to
// constructors) unless the embedder (the JIT) sets it with mp_os_SetArgs.
#include "mp/runtime.h"
#include "mp/stdlib.h"
#include "mp/stdlib_internal.hpp"

#include <cerrno>
#include <unistd.h>

namespace {

using mp::std_::lit;

mp_os_File stdinFile{0, lit("/dev/stdin")};
mp_os_File stdoutFile{1, lit("/dev/stdout")};
mp_os_File stderrFile{2, lit("/dev/stderr")};

const mp_type fileType = {MP_KIND_STRUCT, 8, MP_TYPE_NAMED, 0, sizeof(mp_os_File), lit("os.File"),
                          nullptr, nullptr, 0, nullptr, nullptr, nullptr};

void writeFd(int fd, const uint8_t *p, int64_t n) {
  while (n > 0) {
    ssize_t k = ::write(fd, p, static_cast<size_t>(n));
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      return;  // a closed stream drops output, as Go's Write would fail
    p += k;
    n -= k;
  }
}

// Runs before main with the process's arguments (a glibc extension).
__attribute__((constructor)) void captureArgs(int argc, char **argv, char **) {
  if (argc > 0 && argv)
    mp_os_SetArgs(argc, argv);
}

} // namespace

extern "C" {

const mp_type mp_os_File_ptr_type = {MP_KIND_POINTER, 8, MP_TYPE_COMPARABLE, 0, 8, lit("*os.File"),
                                     &fileType, nullptr, 0, nullptr, nullptr, nullptr};
mp_os_File *mp_os_Stdin = &stdinFile;
mp_os_File *mp_os_Stdout = &stdoutFile;
mp_os_File *mp_os_Stderr = &stderrFile;
mp_slice mp_os_Args = {nullptr, 0, 0};

void mp_os_SetArgs(int argc, char **argv) {
  auto *args = static_cast<mp_string *>(mp_alloc(sizeof(mp_string) * static_cast<size_t>(argc)));
  for (int i = 0; i < argc; ++i)
    args[i] = mp::std_::newString(argv[i]);
  mp_os_Args = mp_slice{args, argc, argc};
}

void mp_os_Exit(int64_t code) {
  mp_stdout_flush();
  mp_exit(static_cast<int>(code & 0xff));  // runs a REPL's exit hook
}

int64_t mp_os_File_WriteString(mp_os_File *f, mp_string s) {
  if (!f)
    mp_panic_runtime_error("invalid memory address or nil pointer dereference");
  if (f->fd == 1) {
    mp_stdout_write(s.ptr, static_cast<size_t>(s.len));
    return s.len;
  }
  if (f->fd == 2)
    mp_stdout_flush();
  writeFd(static_cast<int>(f->fd), s.ptr, s.len);
  return s.len;
}

int64_t mp_os_File_Read(mp_os_File *f, uint8_t *buf, int64_t n) {
  if (!f)
    mp_panic_runtime_error("invalid memory address or nil pointer dereference");
  return mp_read(static_cast<int>(f->fd), buf, n);
}

} // extern "C"
