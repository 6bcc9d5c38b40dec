// test/unit/stdlib/strconv_test.cpp: strconv against Go.  The table is
// strconv_cases.def (expected strings from `go run`, see go/); helpers
// below mirror the Go helpers in go/fmt_prelude.go.
#include "fmt_values.hpp"

#include <gtest/gtest.h>

#include <functional>

using namespace fmtcase;

namespace {

std::string itoa(int64_t v) { return std_str(mp_strconv_Itoa(v)); }
std::string formatInt(int64_t v, int64_t base) { return std_str(mp_strconv_FormatInt(v, base)); }
std::string quote(std::string_view s) { return std_str(mp_strconv_Quote(str(s))); }
std::string sprintf(const char *f, std::initializer_list<mp_iface> a) {
  return std_str(mp_fmt_Sprintf(str(f), args(a)));
}
// fmt.Sprint(n, " ", err, ";") as the Go helpers print results.
std::string result(int64_t n, mp_iface err) {
  return std_str(mp_fmt_Sprint(args({I(n), S(" "), box(T_error, err), S(";")})));
}
std::string atoi(std::string_view s) {
  mp_iface err;
  int64_t n = mp_strconv_Atoi(str(s), &err);
  return result(n, err);
}
std::string parseInt(std::string_view s, int64_t base, int64_t bits) {
  mp_iface err;
  int64_t n = mp_strconv_ParseInt(str(s), base, bits, &err);
  return result(n, err);
}
mp_iface atoiErr(std::string_view s) {
  mp_iface err;
  mp_strconv_Atoi(str(s), &err);
  return err;
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
#include "strconv_cases.def"
  };
  return all;
}

class StrconvGo : public testing::TestWithParam<size_t> {};

} // namespace

TEST_P(StrconvGo, MatchesGo) {
  const StrCase &c = cases()[GetParam()];
  EXPECT_EQ(c.run(), c.want);
}

INSTANTIATE_TEST_SUITE_P(Cases, StrconvGo, testing::Range<size_t>(0, cases().size()));

TEST(StrconvDeathTest, FormatIntBadBasePanics) {
  EXPECT_EXIT(mp_strconv_FormatInt(1, 37), testing::ExitedWithCode(2),
              "^panic: strconv: illegal AppendInt/FormatInt base\n");
}
