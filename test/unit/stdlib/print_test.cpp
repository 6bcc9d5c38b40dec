// test/unit/stdlib/print_test.cpp: the print/println builtins and
// fmt.Print/Println/Printf writing to stdout.  Expected text from
// `go run go/print.go 2>&1` (Go's builtins write to stderr, MP's to
// stdout) and from the fmt cases.
#include "capture.hpp"
#include "fmt_values.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace fmtcase;

namespace {

// println(a, b, c) as codegen lowers it.
template <typename... Fs> void println(Fs... fs) {
  bool first = true;
  [[maybe_unused]] auto one = [&](auto f) {
    if (!first)
      mp_print_space();
    first = false;
    f();
  };
  (one(fs), ...);
  mp_print_newline();
}
auto pf(double v) { return [v] { mp_print_float(v); }; }
auto pi(int64_t v) { return [v] { mp_print_int(v); }; }
auto ps(const char *s) { return [s] { mp_print_string(str(s)); }; }
auto pb(bool v) { return [v] { mp_print_bool(v); }; }

} // namespace

TEST(Builtins, PrintlnFormatsLikeGo) {
  double inf = std::numeric_limits<double>::infinity();
  std::string out = captureStdout([&] {
    println(pf(1.5), pi(100), pi(-7), ps("str"), pb(true), pb(false));
    println(pf(1e100), pf(-0.1), pf(0.0), pf(-0.0), pf(123456789.0), pf(1.0 / 3), pf(2.0 / 3),
            pf(9.9999999), pf(0.000001234));
    println(pf(inf), pf(-inf), pf(std::nan("")), pf(1.7976931348623157e308),
            pf(4.9406564584124654e-324));
    println([] { mp_print_uint(UINT64_MAX); }, pi(INT64_MIN));
    // print("a", 1, 2, "b", 2.5, "\n"): no spaces at all
    mp_print_string(str("a"));
    mp_print_int(1);
    mp_print_int(2);
    mp_print_string(str("b"));
    mp_print_float(2.5);
    mp_print_string(str("\n"));
    println();
    println([] { mp_print_pointer(nullptr); }, [] { mp_print_pointer(nullptr); });
  });
  EXPECT_EQ(out,
            "+1.500000e+000 100 -7 str true false\n"
            "+1.000000e+100 -1.000000e-001 +0.000000e+000 -0.000000e+000 +1.234568e+008 "
            "+3.333333e-001 +6.666667e-001 +1.000000e+001 +1.234000e-006\n"
            "+Inf -Inf NaN +1.797693e+308 +4.940656e-324\n"
            "18446744073709551615 -9223372036854775808\n"
            "a12b+2.500000e+000\n"
            "\n"
            "0x0 0x0\n");
}

TEST(Builtins, SliceAndInterfaceShapes) {
  int64_t cells[4];
  std::string out = captureStdout([&] {
    mp_print_slice(mp_slice{cells, 2, 4});
    mp_print_space();
    mp_print_iface(mp_iface{});
  });
  char want[64];
  std::snprintf(want, sizeof want, "[2/4]%p (0x0,0x0)", static_cast<void *>(cells));
  EXPECT_EQ(out, want);
}

TEST(FmtPrint, WritesToStdoutAndCountsBytes) {
  int64_t n1 = 0, n2 = 0, n3 = 0;
  std::string out = captureStdout([&] {
    n1 = mp_fmt_Println(args({S("a"), I(1), I(2), S("b")}));
    n2 = mp_fmt_Print(args({S("a"), I(1), I(2), S("b"), I(3), S("\n")}));
    n3 = mp_fmt_Printf(str("%5.2f|%v\n"), args({F(3.14159), MSI({{"b", 2}, {"a", 1}})}));
  });
  EXPECT_EQ(out, "a 1 2 b\na1 2b3\n 3.14|map[a:1 b:2]\n");
  EXPECT_EQ(n1, 8);
  EXPECT_EQ(n2, 7);
  EXPECT_EQ(n3, 19);
}
