// test/unit/values/string_test.cpp: the string runtime against Go.
// Expected values come from `go run go/strings.go`; panics are checked as
// death tests since they end the process like an unrecovered Go panic.
#include "mp/values.h"
#include "mp_test_types.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace mptest;

namespace {

std::string runeTrace(mp_string s) {
  std::string out;
  char buf[32];
  for (int64_t i = 0; i < s.len;) {
    int32_t r = s.ptr[i];
    int64_t next = i + 1;
    if (r >= 0x80)
      next = mp_string_decode_rune(s, i, &r);
    std::snprintf(buf, sizeof buf, "%lld:U+%04X ", static_cast<long long>(i), r);
    out += buf;
    i = next;
  }
  return out;
}

const char kMixed[] = "a\xff\xc3\xa9\xe2\x82\xac\xed\xa0\x80z\xf0\x9f\x98\x80\xf0\x9f\x98";

} // namespace

// Rule: `for i, r := range s` yields U+FFFD and advances one byte per
// invalid, surrogate-encoding or truncated sequence.
TEST(String, RangeDecodesLikeGo) {
  EXPECT_EQ(runeTrace(str(kMixed)),
            "0:U+0061 1:U+FFFD 2:U+00E9 4:U+20AC 7:U+FFFD 8:U+FFFD 9:U+FFFD 10:U+007A "
            "11:U+1F600 15:U+FFFD 16:U+FFFD 17:U+FFFD ");
  EXPECT_EQ(mp_string_rune_count(str(kMixed)), 12);
}

TEST(String, ToRunesAndBack) {
  mp_slice rs = mp_string_to_runes(str(kMixed));
  ASSERT_EQ(rs.len, 12);
  const int32_t want[] = {97, 65533, 233, 8364, 65533, 65533, 65533, 122, 128512, 65533, 65533, 65533};
  for (int i = 0; i < 12; ++i)
    EXPECT_EQ(static_cast<int32_t *>(rs.ptr)[i], want[i]) << i;
  int32_t in[] = {0x48, -5, 0x4e16, 0xDFFF};
  mp_slice s{in, 4, 4};
  EXPECT_EQ(std_str(mp_string_from_runes(s)), "H\xef\xbf\xbd\xe4\xb8\x96\xef\xbf\xbd");
  EXPECT_EQ(mp_string_from_runes(mp_slice{nullptr, 0, 0}).len, 0);
}

// Rule: string(r) encodes r, or U+FFFD when r is not a valid code point.
TEST(String, FromRune) {
  const std::pair<int64_t, const char *> cases[] = {
      {65, "A"},          {0xe9, "\xc3\xa9"},       {0x20ac, "\xe2\x82\xac"},
      {0x1F600, "\xf0\x9f\x98\x80"}, {-1, "\xef\xbf\xbd"}, {0xD800, "\xef\xbf\xbd"},
      {0x110000, "\xef\xbf\xbd"},    {0x10FFFF, "\xf4\x8f\xbf\xbf"}};
  for (auto [r, want] : cases)
    EXPECT_EQ(std_str(mp_string_from_rune(r)), want) << r;
}

TEST(String, BytesRoundTripCopies) {
  mp_string s = str("hello");
  mp_slice b = mp_string_to_bytes(s);
  ASSERT_EQ(b.len, 5);
  EXPECT_EQ(b.cap, 5);
  static_cast<uint8_t *>(b.ptr)[0] = 'j';
  EXPECT_EQ(std_str(s), "hello");  // []byte(s) is a copy
  mp_string back = mp_string_from_bytes(b);
  static_cast<uint8_t *>(b.ptr)[1] = 'u';
  EXPECT_EQ(std_str(back), "jello");  // string(b) is a copy too
  EXPECT_NE(mp_string_to_bytes(str("")).ptr, nullptr);  // []byte("") is not nil
}

TEST(String, Concat) {
  mp_string parts[] = {str("ab"), str(""), str("c"), str("def")};
  EXPECT_EQ(std_str(mp_string_concat(parts, 4)), "abcdef");
  EXPECT_EQ(std_str(mp_string_concat2(str("x"), str("yz"))), "xyz");
  mp_string one = str("solo");
  EXPECT_EQ(mp_string_concat2(one, str("")).ptr, one.ptr);  // no copy needed
  EXPECT_EQ(mp_string_concat(parts, 0).len, 0);
}

TEST(String, CompareIsBytewise) {
  EXPECT_LT(mp_string_compare(str("abc"), str("abd")), 0);
  EXPECT_LT(mp_string_compare(str("ab"), str("abc")), 0);
  EXPECT_GT(mp_string_compare(str("b"), str("abc")), 0);
  EXPECT_LT(mp_string_compare(str(""), str("a")), 0);
  EXPECT_GT(mp_string_compare(str("\xff"), str("a")), 0);  // unsigned bytes
  EXPECT_EQ(mp_string_compare(str("same"), str("same")), 0);
  EXPECT_TRUE(mp_string_equal(str("same"), str("same")));
  EXPECT_FALSE(mp_string_equal(str("same"), str("sane")));
  EXPECT_TRUE(mp_string_equal(mp_string{nullptr, 0}, str("")));
}

TEST(String, SliceInBounds) {
  mp_string s = str("hello");
  EXPECT_EQ(std_str(mp_string_slice(s, 1, 3)), "el");
  EXPECT_EQ(std_str(mp_string_slice(s, 0, 5)), "hello");
  EXPECT_EQ(mp_string_slice(s, 5, 5).len, 0);
  EXPECT_EQ(mp_string_index(s, 4), 'o');
}

// Rule: bounds failures panic with Go's runtime error text.
TEST(StringDeathTest, SliceBoundsMessages) {
  mp_string s = str("abc");
  EXPECT_EXIT(mp_string_slice(s, 1, 5), testing::ExitedWithCode(2),
              "panic: runtime error: slice bounds out of range \\[:5\\] with length 3\n");
  EXPECT_EXIT(mp_string_slice(s, 4, 2), testing::ExitedWithCode(2),
              "slice bounds out of range \\[4:2\\]\n");
  EXPECT_EXIT(mp_string_slice(s, -1, 2), testing::ExitedWithCode(2),
              "slice bounds out of range \\[-1:\\]\n");
  EXPECT_EXIT(mp_string_slice(s, 0, -1), testing::ExitedWithCode(2),
              "slice bounds out of range \\[:-1\\]\n");
  EXPECT_EXIT(mp_string_index(s, 3), testing::ExitedWithCode(2),
              "panic: runtime error: index out of range \\[3\\] with length 3\n");
  EXPECT_EXIT(mp_string_index(s, -2), testing::ExitedWithCode(2),
              "index out of range \\[-2\\]\n");
}

TEST(StringDeathTest, ThreeIndexSliceMessages) {
  EXPECT_EXIT(mp_panic_bounds(MP_BOUNDS_SLICE3_ACAP, 7, 4), testing::ExitedWithCode(2),
              "slice bounds out of range \\[::7\\] with capacity 4\n");
  EXPECT_EXIT(mp_panic_bounds(MP_BOUNDS_SLICE3_B, 5, 3), testing::ExitedWithCode(2),
              "slice bounds out of range \\[:5:3\\]\n");
  EXPECT_EXIT(mp_panic_bounds(MP_BOUNDS_SLICE3_C, 2, 1), testing::ExitedWithCode(2),
              "slice bounds out of range \\[2:1:\\]\n");
}
