// test/unit/stdlib/strings_test.cpp: package strings against Go.  The
// table is strings_cases.def (expected strings from `go run`, see go/).
#include "fmt_values.hpp"

#include <gtest/gtest.h>

#include <functional>

using namespace fmtcase;

namespace {

std::string sprint(std::initializer_list<mp_iface> a) { return std_str(mp_fmt_Sprint(args(a))); }
std::string sprintf(const char *f, std::initializer_list<mp_iface> a) {
  return std_str(mp_fmt_Sprintf(str(f), args(a)));
}
mp_iface strs(mp_slice s) { return box(T_sliceString, s); }
std::string join(std::initializer_list<const char *> xs, const char *sep) {
  mp_iface v = SS(xs);
  return std_str(mp_strings_Join(*static_cast<mp_slice *>(v.data), str(sep)));
}

// Mirrors the Go closure in strings_cases.def (Fprintf replaced by
// Sprintf + WriteString, which is what Fprintf does to a Builder).
std::string builderDemo() {
  mp_strings_Builder b{};
  for (int64_t i = 3; i > 0; --i)
    mp_strings_Builder_WriteString(&b, mp_fmt_Sprintf(str("%d..."), args({I(i)})));
  mp_strings_Builder_WriteString(&b, str("ignition"));
  mp_strings_Builder_WriteByte(&b, '!');
  int64_t n = mp_strings_Builder_WriteRune(&b, 0x4E16);
  int64_t m = mp_strings_Builder_WriteRune(&b, -1);
  return sprint({box(T_string, mp_strings_Builder_String(&b)), S(" "), I(mp_strings_Builder_Len(&b)),
                 S(" "), I(n), S(" "), I(m)});
}

struct StrCase {
  std::function<std::string()> run;
  std::string want;
};

#define EXPAND(...) __VA_ARGS__
#define STR_CASE(kind, format, goExpr, cppExpr, want) \
  StrCase{[] { return EXPAND cppExpr; }, std::string(want, sizeof(want) - 1)}

const std::vector<StrCase> &cases() {
  static const std::vector<StrCase> all = {
#include "strings_cases.def"
  };
  return all;
}

class StringsGo : public testing::TestWithParam<size_t> {};

} // namespace

TEST_P(StringsGo, MatchesGo) {
  const StrCase &c = cases()[GetParam()];
  EXPECT_EQ(c.run(), c.want);
}

INSTANTIATE_TEST_SUITE_P(Cases, StringsGo, testing::Range<size_t>(0, cases().size()));

TEST(Strings, ResultsShareInputWhereGoDoes) {
  mp_string s = str("  abc  ");
  EXPECT_EQ(mp_strings_TrimSpace(s).ptr, s.ptr + 2);
  mp_string lower = str("already lower");
  EXPECT_EQ(mp_strings_ToLower(lower).ptr, lower.ptr);
}

TEST(Strings, BuilderStringStaysValidAcrossWrites) {
  mp_strings_Builder b{};
  mp_strings_Builder_WriteString(&b, str("abc"));
  mp_string first = mp_strings_Builder_String(&b);
  for (int i = 0; i < 100; ++i)
    mp_strings_Builder_WriteString(&b, str("0123456789"));
  EXPECT_EQ(std_str(first), "abc");
  EXPECT_EQ(mp_strings_Builder_Len(&b), 1003);
  mp_strings_Builder_Reset(&b);
  EXPECT_EQ(mp_strings_Builder_Len(&b), 0);
}

TEST(StringsDeathTest, GoPanics) {
  EXPECT_EXIT(mp_strings_Repeat(str("x"), -1), testing::ExitedWithCode(2),
              "^panic: strings: negative Repeat count\n");
  EXPECT_EXIT(mp_strings_Repeat(str("xx"), INT64_MAX / 2 + 1), testing::ExitedWithCode(2),
              "^panic: strings: Repeat count causes overflow\n");
  mp_strings_Builder a{};
  mp_strings_Builder_WriteString(&a, str("x"));
  mp_strings_Builder copy = a;
  EXPECT_EXIT(mp_strings_Builder_WriteString(&copy, str("y")), testing::ExitedWithCode(2),
              "^panic: strings: illegal use of non-zero Builder copied by value\n");
}
