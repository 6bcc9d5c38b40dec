// stdlib/fmt/builtin_print.cpp: the print/println builtins, formatted as
// Go's runtime formats them (printfloat's 7-digit +d.dddddde+ddd form,
// pointers in hex, slices as [len/cap]0xptr, interfaces as (type,data)),
// but written to stdout as MP specifies.  The float algorithm is Go's
// runtime's (repeated scaling by 10), which C's %e does not reproduce.
#include "mp/runtime.h"
#include "mp/stdlib.h"

#include <charconv>
#include <cstring>
#include <string>

namespace {

void write(std::string_view s) { mp_stdout_write(s.data(), s.size()); }

void writeHex(uint64_t v) {
  char buf[24] = "0x";
  auto r = std::to_chars(buf + 2, buf + sizeof buf, v, 16);
  write(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
}

} // namespace

extern "C" void mp_print_bool(bool v) { write(v ? "true" : "false"); }

extern "C" void mp_print_int(int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  write(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
}

extern "C" void mp_print_uint(uint64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  write(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
}

extern "C" void mp_print_float(double v) {
  if (v != v) {
    write("NaN");
    return;
  }
  if (v + v == v && v > 0) {
    write("+Inf");
    return;
  }
  if (v + v == v && v < 0) {
    write("-Inf");
    return;
  }
  constexpr int n = 7;  // digits printed
  char buf[n + 7];
  buf[0] = '+';
  int e = 0;
  if (v == 0) {
    if (1 / v < 0)
      buf[0] = '-';
  } else {
    if (v < 0) {
      v = -v;
      buf[0] = '-';
    }
    while (v >= 10) {
      ++e;
      v /= 10;
    }
    while (v < 1) {
      --e;
      v *= 10;
    }
    double h = 5.0;  // round at the last printed digit
    for (int i = 0; i < n; ++i)
      h /= 10;
    v += h;
    if (v >= 10) {
      ++e;
      v /= 10;
    }
  }
  for (int i = 0; i < n; ++i) {
    int s = static_cast<int>(v);
    buf[i + 2] = static_cast<char>(s + '0');
    v -= s;
    v *= 10;
  }
  buf[1] = buf[2];
  buf[2] = '.';
  buf[n + 2] = 'e';
  buf[n + 3] = '+';
  if (e < 0) {
    e = -e;
    buf[n + 3] = '-';
  }
  buf[n + 4] = static_cast<char>(e / 100 + '0');
  buf[n + 5] = static_cast<char>(e / 10 % 10 + '0');
  buf[n + 6] = static_cast<char>(e % 10 + '0');
  write(std::string_view(buf, sizeof buf));
}

extern "C" void mp_print_string(mp_string s) {
  mp_stdout_write(s.ptr, static_cast<size_t>(s.len));
}

extern "C" void mp_print_pointer(const void *p) { writeHex(reinterpret_cast<uintptr_t>(p)); }

extern "C" void mp_print_slice(mp_slice s) {
  write("[");
  mp_print_int(s.len);
  write("/");
  mp_print_int(s.cap);
  write("]");
  mp_print_pointer(s.ptr);
}

extern "C" void mp_print_iface(mp_iface v) {
  write("(");
  mp_print_pointer(v.type);
  write(",");
  mp_print_pointer(v.data);
  write(")");
}

extern "C" void mp_print_space(void) { write(" "); }
extern "C" void mp_print_newline(void) { write("\n"); }
