// test/unit/stdlib/rand_test.cpp: package math/rand against Go
// (rand_cases.def, expected strings from `go run`): the same seed gives
// the same numbers, and the unseeded global source is Go 1.19's Seed(1).
#include "go_cases.hpp"

#include <gtest/gtest.h>

using namespace fmtcase;
using gocase::sprint;

namespace {

mp_iface perm(int64_t n) { return box(T_sliceInt, mp_rand_Perm(n)); }

// Drawn during static initialisation, before any test seeds the source.
const std::string freshDraws = [] {
  int64_t a = mp_rand_Intn(100), b = mp_rand_Intn(100), c = mp_rand_Int();
  double d = mp_rand_Float64();
  return sprint({I(a), I(b), I(c), F(d), perm(5)});
}();

template <typename F> std::string seeded(int64_t seed, F draws) {
  mp_rand_Seed(seed);
  return draws();
}

const std::vector<gocase::StrCase> &randCases() {
  static const std::vector<gocase::StrCase> all = {
#include "rand_cases.def"
  };
  return all;
}

GO_CASES_TEST(RandGo, randCases);

} // namespace

TEST(RandDeathTest, BadArgumentsPanicAsGo) {
  EXPECT_EXIT(mp_rand_Intn(0), testing::ExitedWithCode(2), "^panic: invalid argument to Intn\n");
  EXPECT_EXIT(mp_rand_Int63n(-1), testing::ExitedWithCode(2), "^panic: invalid argument to Int63n\n");
  EXPECT_EXIT(mp_rand_Perm(-1), testing::ExitedWithCode(2),
              "^panic: runtime error: makeslice: len out of range\n");
}
