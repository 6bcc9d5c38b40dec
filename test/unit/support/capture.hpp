// test/unit/support/capture.hpp: runs a function with the process's stdout
// (fd 1, where mp_stdout_write goes) redirected to a temporary file and
// returns what it wrote.
#ifndef MP_TEST_CAPTURE_HPP
#define MP_TEST_CAPTURE_HPP

#include "mp/runtime.h"

#include <cstdio>
#include <string>
#include <unistd.h>

template <typename F> std::string captureStdout(F fn) {
  std::fflush(stdout);
  FILE *tmp = std::tmpfile();
  int saved = dup(1);
  dup2(fileno(tmp), 1);
  fn();
  mp_stdout_flush();
  dup2(saved, 1);
  close(saved);
  std::string out;
  std::rewind(tmp);
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, tmp)) > 0)
    out.append(buf, n);
  std::fclose(tmp);
  return out;
}

#endif
