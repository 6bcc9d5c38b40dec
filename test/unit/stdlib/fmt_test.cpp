// test/unit/stdlib/fmt_test.cpp: fmt against Go, case by case.  The table
// is fmt_cases.def, whose expected strings were printed by `go run`
// (go/update_cases.py); one test per case so a failure names its format.
// Outputs that contain addresses are checked by shape below.
#include "fmt_values.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <regex>

using namespace fmtcase;

namespace {

struct FmtCase {
  const char *kind;
  const char *format;
  std::function<mp_slice()> operands;
  std::string want;
};

#define EXPAND(...) __VA_ARGS__
#define FMT_CASE(kind, format, goArgs, cppArgs, want) \
  FmtCase{#kind, format, [] { return args({EXPAND cppArgs}); }, std::string(want, sizeof(want) - 1)}

const std::vector<FmtCase> &cases() {
  static const std::vector<FmtCase> all = {
#include "fmt_cases.def"
  };
  return all;
}

std::string run(const FmtCase &c) {
  std::string k = c.kind;
  mp_slice a = c.operands();
  if (k == "Sprintf")
    return std_str(mp_fmt_Sprintf(str(c.format), a));
  if (k == "Sprint")
    return std_str(mp_fmt_Sprint(a));
  if (k == "Sprintln")
    return std_str(mp_fmt_Sprintln(a));
  return std_str(mp_error_Error(mp_fmt_Errorf(str(c.format), a)));  // Errorf
}

class FmtGo : public testing::TestWithParam<size_t> {};

} // namespace

TEST_P(FmtGo, MatchesGo) {
  const FmtCase &c = cases()[GetParam()];
  EXPECT_EQ(run(c), c.want) << c.kind << "(\"" << c.format << "\")";
}

INSTANTIATE_TEST_SUITE_P(Cases, FmtGo, testing::Range<size_t>(0, cases().size()));

// Rule: nested pointers and %p print addresses (0x then lower-case hex),
// top-level pointers to composites print &{...}.
TEST(Fmt, AddressesHaveGoShape) {
  mp_iface p = PtrPt(1, 2);
  std::string s = std_str(mp_fmt_Sprintf(str("%p|%v|%d"), args({p, AS({p}), IS({}) })));
  EXPECT_TRUE(std::regex_match(s, std::regex("0x[0-9a-f]+\\|\\[0x[0-9a-f]+\\]\\|\\[\\]"))) << s;
  Point *target = *static_cast<Point **>(p.data);
  char want[32];
  std::snprintf(want, sizeof want, "%p", static_cast<void *>(target));
  EXPECT_EQ(std_str(mp_fmt_Sprintf(str("%p"), args({p}))), want);
  EXPECT_EQ(std_str(mp_fmt_Sprintf(str("%#p"), args({p}))), std::string(want + 2));
  // A struct holding a non-nil pointer prints the pointer's address.
  mp_iface in = Inner(target, NIL(), 0, 0);
  s = std_str(mp_fmt_Sprint(args({in})));
  EXPECT_EQ(s, "{" + std::string(want) + " <nil> 0.0°C 0}");
}

TEST(Fmt, ErrorsNewAndErrorfValues) {
  mp_iface a = mp_errors_New(str("x")), b = mp_errors_New(str("x"));
  EXPECT_FALSE(mp_iface_equal(a, b));  // distinct allocations, as in Go
  EXPECT_TRUE(mp_iface_equal(a, a));
  EXPECT_EQ(std_str(a.type->name), "*errors.errorString");
  mp_iface w = mp_fmt_Errorf(str("ctx: %w"), args({a}));
  EXPECT_EQ(std_str(w.type->name), "*fmt.wrapError");
  EXPECT_EQ(std_str(mp_fmt_Sprintf(str("%v|%T"), args({w, w}))), "ctx: x|*fmt.wrapError");
  mp_iface plain = mp_fmt_Errorf(str("n=%d"), args({I(1)}));
  EXPECT_EQ(std_str(plain.type->name), "*errors.errorString");
}
