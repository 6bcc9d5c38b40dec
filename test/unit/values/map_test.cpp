// test/unit/values/map_test.cpp: the runtime hash map.  Semantics against
// Go (expected values from `go run go/maps.go`), a randomized comparison
// with std::unordered_map, and `for range` while the map changes.
#include "mp/values.h"
#include "mp_test_types.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <set>
#include <unordered_map>

using namespace mptest;

namespace {

const mp_type *T_map_int_int = mapOf(T_int, T_int, "map[int]int");
const mp_type *T_map_string_int = mapOf(T_string, T_int, "map[string]int");
const mp_type *T_map_float_int = mapOf(T_float64, T_int, "map[float64]int");
const mp_type *T_map_any_string = mapOf(T_any, T_string, "map[interface {}]string");

int64_t get(const mp_map *m, int64_t k) {
  return *static_cast<const int64_t *>(mp_map_lookup(T_map_int_int, m, &k));
}
void put(mp_map *m, int64_t k, int64_t v) {
  *static_cast<int64_t *>(mp_map_assign(T_map_int_int, m, &k)) = v;
}
void del(mp_map *m, int64_t k) { mp_map_delete(T_map_int_int, m, &k); }

std::vector<int64_t> keysInRangeOrder(const mp_type *t, const mp_map *m) {
  std::vector<int64_t> keys;
  mp_map_iter it;
  mp_map_iter_init(t, m, &it);
  while (mp_map_iter_next(t, &it))
    keys.push_back(*static_cast<int64_t *>(it.key));
  return keys;
}

} // namespace

TEST(Map, AssignLookupDelete) {
  mp_map *m = mp_map_make(T_map_int_int, 0);
  EXPECT_EQ(mp_map_len(m), 0);
  for (int64_t i = 0; i < 1000; ++i)
    put(m, i * 7, i);
  EXPECT_EQ(mp_map_len(m), 1000);
  for (int64_t i = 0; i < 1000; ++i)
    ASSERT_EQ(get(m, i * 7), i);
  bool ok = true;
  int64_t k = 3;
  EXPECT_EQ(*static_cast<const int64_t *>(mp_map_lookup2(T_map_int_int, m, &k, &ok)), 0);
  EXPECT_FALSE(ok);
  for (int64_t i = 0; i < 1000; i += 2)
    del(m, i * 7);
  EXPECT_EQ(mp_map_len(m), 500);
  for (int64_t i = 0; i < 1000; ++i) {
    k = i * 7;
    mp_map_lookup2(T_map_int_int, m, &k, &ok);
    ASSERT_EQ(ok, i % 2 == 1) << i;
  }
  put(m, 7, 70);  // overwrite keeps one entry
  EXPECT_EQ(get(m, 7), 70);
  EXPECT_EQ(mp_map_len(m), 500);
}

TEST(Map, StringKeysCompareByContent) {
  mp_map *m = mp_map_make(T_map_string_int, 4);
  mp_string a = str("key"), b = str("key"), c = str("kez");
  *static_cast<int64_t *>(mp_map_assign(T_map_string_int, m, &a)) = 1;
  *static_cast<int64_t *>(mp_map_assign(T_map_string_int, m, &b)) += 1;
  EXPECT_EQ(mp_map_len(m), 1);
  EXPECT_EQ(*static_cast<const int64_t *>(mp_map_lookup(T_map_string_int, m, &b)), 2);
  EXPECT_EQ(*static_cast<const int64_t *>(mp_map_lookup(T_map_string_int, m, &c)), 0);
  mp_string empty{nullptr, 0};
  *static_cast<int64_t *>(mp_map_assign(T_map_string_int, m, &empty)) = 9;
  mp_string empty2 = str("");
  EXPECT_EQ(*static_cast<const int64_t *>(mp_map_lookup(T_map_string_int, m, &empty2)), 9);
}

// Rule: a nil map reads as empty; writing to it panics.
TEST(Map, NilMapReadsAsEmpty) {
  int64_t k = 1;
  bool ok = true;
  EXPECT_EQ(mp_map_len(nullptr), 0);
  EXPECT_EQ(*static_cast<const int64_t *>(mp_map_lookup2(T_map_int_int, nullptr, &k, &ok)), 0);
  EXPECT_FALSE(ok);
  mp_map_delete(T_map_int_int, nullptr, &k);
  mp_map_iter it;
  mp_map_iter_init(T_map_int_int, nullptr, &it);
  EXPECT_FALSE(mp_map_iter_next(T_map_int_int, &it));
}

TEST(MapDeathTest, NilMapWritePanics) {
  int64_t k = 1;
  EXPECT_EXIT(mp_map_assign(T_map_int_int, nullptr, &k), testing::ExitedWithCode(2),
              "^panic: assignment to entry in nil map\n");
}

// Rule: float keys compare numerically: +0 and -0 are one key (the last
// assignment stores its key: Go prints map[-0:2]); NaN is never found, so
// each NaN assignment adds an entry that only iteration reaches.
TEST(Map, FloatKeysFollowGo) {
  mp_map *m = mp_map_make(T_map_float_int, 0);
  double pz = 0.0, nz = -0.0, nan = std::nan("");
  *static_cast<int64_t *>(mp_map_assign(T_map_float_int, m, &pz)) = 1;
  *static_cast<int64_t *>(mp_map_assign(T_map_float_int, m, &nz)) = 2;
  EXPECT_EQ(mp_map_len(m), 1);
  mp_map_iter it;
  mp_map_iter_init(T_map_float_int, m, &it);
  ASSERT_TRUE(mp_map_iter_next(T_map_float_int, &it));
  EXPECT_TRUE(std::signbit(*static_cast<double *>(it.key)));
  EXPECT_EQ(*static_cast<int64_t *>(it.val), 2);
  *static_cast<int64_t *>(mp_map_assign(T_map_float_int, m, &nan)) = 3;
  *static_cast<int64_t *>(mp_map_assign(T_map_float_int, m, &nan)) = 4;
  bool ok = true;
  mp_map_lookup2(T_map_float_int, m, &nan, &ok);
  EXPECT_EQ(mp_map_len(m), 3);
  EXPECT_FALSE(ok);
  int64_t nanSum = 0;
  mp_map_iter_init(T_map_float_int, m, &it);
  while (mp_map_iter_next(T_map_float_int, &it))
    if (std::isnan(*static_cast<double *>(it.key)))
      nanSum += *static_cast<int64_t *>(it.val);
  EXPECT_EQ(nanSum, 7);
  mp_map_delete(T_map_float_int, m, &nan);
  EXPECT_EQ(mp_map_len(m), 3);
}

// Rule: struct keys compare field by field, ignoring blank fields and
// comparing floats numerically (Go: 2 entries, lookup gives 2).
TEST(Map, StructKeys) {
  struct K {
    mp_string a;
    int32_t b;
    int64_t blank;
    double c;
  };
  const mp_type *tk = structOf("main.K", {{"A", T_string}, {"B", T_int32}, {"_", T_int64}, {"C", T_float64}});
  ASSERT_EQ(tk->size, static_cast<int64_t>(sizeof(K)));
  const mp_type *tm = mapOf(tk, T_int, "map[main.K]int");
  mp_map *m = mp_map_make(tm, 0);
  K k1{str("a"), 1, 111, 0.0}, k2{str("a"), 1, 222, -0.0}, k3{str("a"), 2, 0, 0.0};
  *static_cast<int64_t *>(mp_map_assign(tm, m, &k1)) = 1;
  *static_cast<int64_t *>(mp_map_assign(tm, m, &k2)) = 2;
  *static_cast<int64_t *>(mp_map_assign(tm, m, &k3)) = 3;
  EXPECT_EQ(mp_map_len(m), 2);
  K probe{str("a"), 1, 0, 0.0};
  EXPECT_EQ(*static_cast<const int64_t *>(mp_map_lookup(tm, m, &probe)), 2);
}

TEST(Map, ArrayAndPaddedStructKeys) {
  const mp_type *arr = arrayOf(T_int32, 3, "[3]int32");
  const mp_type *tm = mapOf(arr, T_int, "map[[3]int32]int");
  mp_map *m = mp_map_make(tm, 0);
  int32_t a[3] = {1, 2, 3}, b[3] = {1, 2, 4};
  *static_cast<int64_t *>(mp_map_assign(tm, m, a)) = 5;
  EXPECT_EQ(*static_cast<const int64_t *>(mp_map_lookup(tm, m, a)), 5);
  EXPECT_EQ(*static_cast<const int64_t *>(mp_map_lookup(tm, m, b)), 0);
  // {int8, int64}: 7 padding bytes whose contents must not matter.
  const mp_type *ps = structOf("main.P", {{"x", T_int8}, {"y", T_int64}});
  const mp_type *pm = mapOf(ps, T_int, "map[main.P]int");
  mp_map *m2 = mp_map_make(pm, 0);
  unsigned char k1[16], k2[16];
  std::memset(k1, 0xAA, 16);
  std::memset(k2, 0x55, 16);
  k1[0] = k2[0] = 7;
  int64_t y = 42;
  std::memcpy(k1 + 8, &y, 8);
  std::memcpy(k2 + 8, &y, 8);
  *static_cast<int64_t *>(mp_map_assign(pm, m2, k1)) = 1;
  EXPECT_EQ(*static_cast<const int64_t *>(mp_map_lookup(pm, m2, k2)), 1);
}

// Rule: interface keys compare dynamic type and value (Go: 4 entries, 1 and
// int64(1) distinct, nil is a key).
TEST(Map, InterfaceKeys) {
  mp_map *m = mp_map_make(T_map_any_string, 0);
  mp_iface keys[] = {I(1), box(T_int64, int64_t{1}), S("1"), mp_iface{nullptr, nullptr}};
  const char *vals[] = {"int", "int64", "string", "nil"};
  for (int i = 0; i < 4; ++i)
    *static_cast<mp_string *>(mp_map_assign(T_map_any_string, m, &keys[i])) = str(vals[i]);
  EXPECT_EQ(mp_map_len(m), 4);
  mp_iface probe = I(1);
  EXPECT_EQ(std_str(*static_cast<const mp_string *>(mp_map_lookup(T_map_any_string, m, &probe))), "int");
  mp_iface nil{nullptr, nullptr};
  EXPECT_EQ(std_str(*static_cast<const mp_string *>(mp_map_lookup(T_map_any_string, m, &nil))), "nil");
}

TEST(MapDeathTest, UnhashableInterfaceKeyPanics) {
  mp_map *m = mp_map_make(T_map_any_string, 0);
  mp_iface k = box(sliceOf(T_int, "[]int"), sliceFrom<int64_t>({1}));
  EXPECT_EXIT(mp_map_assign(T_map_any_string, m, &k), testing::ExitedWithCode(2),
              "panic: runtime error: hash of unhashable type \\[\\]int\n");
  mp_iface k2 = box(mapOf(T_string, T_int, "map[string]int"), static_cast<void *>(nullptr));
  EXPECT_EXIT(mp_map_lookup(T_map_any_string, m, &k2), testing::ExitedWithCode(2),
              "panic: runtime error: hash of unhashable type map\\[string\\]int\n");
}

TEST(Map, LargeValuesReadZeroWhenAbsent) {
  const mp_type *big = arrayOf(T_int, 300, "[300]int");
  const mp_type *tm = mapOf(T_int, big, "map[int][300]int");
  mp_map *m = mp_map_make(tm, 0);
  int64_t k = 1;
  auto *slot = static_cast<int64_t *>(mp_map_assign(tm, m, &k));
  for (int i = 0; i < 300; ++i)
    EXPECT_EQ(slot[i], 0);
  slot[299] = 5;
  k = 2;
  const auto *zero = static_cast<const int64_t *>(mp_map_lookup(tm, m, &k));
  for (int i = 0; i < 300; ++i)
    ASSERT_EQ(zero[i], 0);
  k = 1;
  EXPECT_EQ(static_cast<const int64_t *>(mp_map_lookup(tm, m, &k))[299], 5);
}

// Random operations against std::unordered_map; a small key space forces
// overwrites, deletions of present keys and tombstone compaction.
TEST(Map, RandomizedAgainstStdUnorderedMap) {
  std::mt19937_64 rng(12345);
  for (int64_t keySpace : {8, 100, 5000}) {
    mp_map *m = mp_map_make(T_map_int_int, keySpace == 100 ? 50 : 0);
    std::unordered_map<int64_t, int64_t> ref;
    for (int op = 0; op < 40000; ++op) {
      int64_t k = static_cast<int64_t>(rng() % keySpace) - keySpace / 2;
      switch (rng() % 4) {
      case 0:
      case 1:
        put(m, k, op);
        ref[k] = op;
        break;
      case 2:
        del(m, k);
        ref.erase(k);
        break;
      case 3: {
        bool ok;
        int64_t v = *static_cast<const int64_t *>(mp_map_lookup2(T_map_int_int, m, &k, &ok));
        auto it = ref.find(k);
        ASSERT_EQ(ok, it != ref.end());
        ASSERT_EQ(v, ok ? it->second : 0);
      }
      }
      ASSERT_EQ(mp_map_len(m), static_cast<int64_t>(ref.size()));
    }
    std::map<int64_t, int64_t> seen;
    mp_map_iter it;
    mp_map_iter_init(T_map_int_int, m, &it);
    while (mp_map_iter_next(T_map_int_int, &it))
      ASSERT_TRUE(seen.emplace(*static_cast<int64_t *>(it.key), *static_cast<int64_t *>(it.val)).second);
    std::map<int64_t, int64_t> want(ref.begin(), ref.end());
    EXPECT_EQ(seen, want);
  }
}

// Rule: iteration starts at a random position, like Go's.
TEST(Map, IterationStartIsRandom) {
  mp_map *m = mp_map_make(T_map_int_int, 0);
  for (int64_t i = 0; i < 16; ++i)
    put(m, i, i);
  std::set<int64_t> firsts;
  for (int run = 0; run < 100; ++run)
    firsts.insert(keysInRangeOrder(T_map_int_int, m).front());
  EXPECT_GT(firsts.size(), 4u);
}

// Rule (Go spec): an entry deleted before it is reached is not produced;
// each entry is produced at most once; entries added during the loop may or
// may not be.  Growth during the loop must not break either rule.
TEST(Map, RangeSurvivesDeletesAndInsertsWithGrowth) {
  for (int run = 0; run < 50; ++run) {
    mp_map *m = mp_map_make(T_map_int_int, 0);
    for (int64_t i = 0; i < 100; ++i)
      put(m, i, i * 10);
    std::set<int64_t> produced, deleted;
    mp_map_iter it;
    mp_map_iter_init(T_map_int_int, m, &it);
    int64_t next = 1000;
    while (mp_map_iter_next(T_map_int_int, &it)) {
      int64_t k = *static_cast<int64_t *>(it.key), v = *static_cast<int64_t *>(it.val);
      ASSERT_TRUE(produced.insert(k).second) << "key " << k << " produced twice";
      ASSERT_FALSE(deleted.count(k)) << "deleted key " << k << " produced";
      if (produced.size() == 1) {
        ASSERT_EQ(v, k * 10);
      } else if (k < 1000) {
        ASSERT_EQ(v, k < 50 ? k * 10 : k * 10 + 1);  // sees the updates below
      }
      // Delete a key not produced yet, add 5 (forcing growth), and after the
      // first entry update every remaining key >= 50.
      for (int64_t d = 0; d < 100; ++d) {
        if (!produced.count(d) && !deleted.count(d) && d % 3 == 0) {
          del(m, d);
          deleted.insert(d);
          break;
        }
      }
      for (int j = 0; j < 5; ++j)
        put(m, next++, 0);
      if (produced.size() == 1) {
        for (int64_t u = 50; u < 100; ++u) {
          bool ok;
          mp_map_lookup2(T_map_int_int, m, &u, &ok);
          if (ok)
            put(m, u, u * 10 + 1);
        }
      }
    }
    // Every original key is either produced once or was deleted first.
    for (int64_t i = 0; i < 100; ++i)
      ASSERT_TRUE(produced.count(i) != deleted.count(i)) << i;
    EXPECT_EQ(mp_map_len(m), 100 - static_cast<int64_t>(deleted.size()) + (next - 1000));
  }
}

// Deleting every key while ranging (a common idiom) visits each once.
TEST(Map, DeleteAllWhileRanging) {
  mp_map *m = mp_map_make(T_map_int_int, 0);
  for (int64_t i = 0; i < 300; ++i)
    put(m, i, i);
  int64_t n = 0;
  mp_map_iter it;
  mp_map_iter_init(T_map_int_int, m, &it);
  while (mp_map_iter_next(T_map_int_int, &it)) {
    del(m, *static_cast<int64_t *>(it.key));
    ++n;
  }
  EXPECT_EQ(n, 300);
  EXPECT_EQ(mp_map_len(m), 0);
}
