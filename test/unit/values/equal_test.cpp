// test/unit/values/equal_test.cpp: == and hashing by descriptor kind, as
// Go defines == (expected values from `go run go/maps.go` where Go can say).
#include "mp/values.h"
#include "mp_test_types.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace mptest;

TEST(Equal, ScalarsAndStrings) {
  double a = 0.0, b = -0.0, n = std::nan("");
  EXPECT_TRUE(mp_equal(T_float64, &a, &b));
  EXPECT_FALSE(mp_equal(T_float64, &n, &n));
  EXPECT_EQ(mp_hash(T_float64, &a, 7), mp_hash(T_float64, &b, 7));
  mp_string s1 = str("hello"), s2 = str("hello");
  ASSERT_NE(s1.ptr, s2.ptr);
  EXPECT_TRUE(mp_equal(T_string, &s1, &s2));
  EXPECT_EQ(mp_hash(T_string, &s1, 1), mp_hash(T_string, &s2, 1));
  EXPECT_NE(mp_hash(T_string, &s1, 1), mp_hash(T_string, &s1, 2));  // seeded
  int64_t x = 5, y = 5, z = 6;
  EXPECT_TRUE(mp_equal(T_int, &x, &y));
  EXPECT_FALSE(mp_equal(T_int, &x, &z));
}

TEST(Equal, Interfaces) {
  EXPECT_TRUE(mp_iface_equal(mp_iface{}, mp_iface{}));
  EXPECT_FALSE(mp_iface_equal(I(1), mp_iface{}));
  EXPECT_TRUE(mp_iface_equal(I(1), I(1)));
  EXPECT_FALSE(mp_iface_equal(I(1), box(T_int64, int64_t{1})));  // types differ
  EXPECT_TRUE(mp_iface_equal(S("x"), S("x")));
  // An error value is typically a pointer: equal only to the same pointer.
  const mp_type *pt = pointerTo(T_int, "*int");
  int64_t cell1 = 0, cell2 = 0;
  EXPECT_TRUE(mp_iface_equal(box(pt, &cell1), box(pt, &cell1)));
  EXPECT_FALSE(mp_iface_equal(box(pt, &cell1), box(pt, &cell2)));
}

TEST(EqualDeathTest, UncomparableDynamicTypePanics) {
  const mp_type *si = sliceOf(T_int, "[]int");
  mp_iface a = box(si, sliceFrom<int64_t>({1})), b = box(si, sliceFrom<int64_t>({1}));
  EXPECT_EXIT(mp_iface_equal(a, b), testing::ExitedWithCode(2),
              "panic: runtime error: comparing uncomparable type \\[\\]int\n");
}
