// test/unit/stdlib/go_cases.hpp: the table-driven "same as Go" test shape
// shared by the package tests.  A <pkg>_cases.def file lists
// STR_CASE(GO, "", Go expression, (C++ expression), Go's result) lines;
// go/update_cases.py runs the Go side and writes the result field.
#ifndef MP_TEST_GO_CASES_HPP
#define MP_TEST_GO_CASES_HPP

#include "fmt_values.hpp"

#include <functional>
#include <string>
#include <vector>

namespace gocase {

struct StrCase {
  std::function<std::string()> run;
  std::string want;
};

inline std::string sprint(std::initializer_list<mp_iface> a) {
  return mptest::std_str(mp_fmt_Sprint(mptest::args(a)));
}
inline std::string sprintf(const char *f, std::initializer_list<mp_iface> a) {
  return mptest::std_str(mp_fmt_Sprintf(mptest::str(f), mptest::args(a)));
}

} // namespace gocase

#define GO_CASE_EXPAND(...) __VA_ARGS__
#define STR_CASE(kind, format, goExpr, cppExpr, want) \
  gocase::StrCase{[] { return GO_CASE_EXPAND cppExpr; }, std::string(want, sizeof(want) - 1)}

// Defines the parameterised test Suite.MatchesGo over the vector that
// casesFn() returns (a function whose body #includes the .def table).
#define GO_CASES_TEST(Suite, casesFn)                                       \
  class Suite : public testing::TestWithParam<size_t> {};                  \
  TEST_P(Suite, MatchesGo) {                                               \
    const gocase::StrCase &c = casesFn()[GetParam()];                      \
    EXPECT_EQ(c.run(), c.want);                                            \
  }                                                                        \
  INSTANTIATE_TEST_SUITE_P(Cases, Suite, testing::Range<size_t>(0, casesFn().size()))

#endif
