// test/unit/stdlib/math_test.cpp: package math against Go (math_cases.def,
// expected strings from `go run`, see go/update_cases.py).  Go's Pow is
// its own algorithm, not libm's pow, so the sweep checks its rounding.
#include "go_cases.hpp"

#include <gtest/gtest.h>

#include <bit>

using namespace fmtcase;
using gocase::sprint;

namespace {

std::string powSweep() {
  std::string s;
  for (int i = -30; i <= 30; ++i)
    s += sprint({F(mp_math_Pow(1.7, i)), F(mp_math_Pow(i, 0.3)), F(mp_math_Pow(i / 7.0, 17)), S(" ")});
  return s;
}

// Fingerprint of 3000 fractional powers (the bits of each result).
std::string powHash() {
  uint64_t h = 0;
  for (int i = 1; i <= 3000; ++i)
    h = h * 31 + std::bit_cast<uint64_t>(mp_math_Pow(i * 0.37, (i % 50) / 7.0 - 3));
  return std::to_string(h);
}

const std::vector<gocase::StrCase> &mathCases() {
  static const std::vector<gocase::StrCase> all = {
#include "math_cases.def"
  };
  return all;
}

GO_CASES_TEST(MathGo, mathCases);

} // namespace
