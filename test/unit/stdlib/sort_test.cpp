// test/unit/stdlib/sort_test.cpp: package sort against Go (sort_cases.def,
// expected strings from `go run`; the helpers mirror go/sort_helpers.go).
// sort.Slice is called as codegen calls it: with an MP closure whose code
// takes (closure, i, j).
#include "go_cases.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace fmtcase;
using gocase::sprint;
using gocase::sprintf;

namespace {

struct Person {
  int64_t n, a;
};
const mp_type *T_person = structOf("main.person", {{"N", T_int}, {"A", T_int}});
const mp_type *T_slicePerson = sliceOf(T_person, "[]main.person");

// The closure func(i, j int) bool { return ps[i].A < ps[j].A }, capturing ps.
struct LessByAge {
  void (*fn)(void);
  mp_slice *ps;
};
bool lessByAge(const mp_closure *self, int64_t i, int64_t j) {
  auto *ps = static_cast<Person *>(reinterpret_cast<const LessByAge *>(self)->ps->ptr);
  return ps[i].a < ps[j].a;
}

std::vector<int64_t> shapeKeys(int64_t n, int shape) {
  std::vector<int64_t> keys(n);
  uint64_t x = 42;
  for (int64_t i = 0; i < n; ++i) {
    x = x * 6364136223846793005u + 1442695040888963407u;
    switch (shape) {
    case 0: keys[i] = static_cast<int64_t>(x >> 33); break;
    case 1: keys[i] = i; break;
    case 2: keys[i] = n - i; break;
    case 3: keys[i] = i % 17; break;
    case 4: keys[i] = i < n / 2 ? i : n - i; break;
    case 5: keys[i] = i % 97 == 50 ? static_cast<int64_t>(x >> 33) % n : i; break;
    case 6: keys[i] = (i % (n / 2)) * 2; break;
    }
  }
  return keys;
}

std::string sortSliceShape(int64_t n, int shape, int64_t mod) {
  auto keys = shapeKeys(n, shape);
  auto *p = static_cast<Person *>(mp_alloc(sizeof(Person) * (n + 1)));
  for (int64_t i = 0; i < n; ++i)
    p[i] = Person{i, keys[i] % mod};
  mp_slice ps{p, n, n};
  LessByAge less{reinterpret_cast<void (*)(void)>(lessByAge), &ps};
  mp_sort_Slice(ps, sizeof(Person), reinterpret_cast<const mp_closure *>(&less));
  if (n <= 20)
    return sprint({box(T_slicePerson, ps)});
  uint64_t h = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (i > 0 && p[i - 1].a > p[i].a)
      return "not sorted";
    h = h * 1000003 + static_cast<uint64_t>(p[i].n);
  }
  return std::to_string(h);
}

std::string sortZeros(int64_t n) {
  auto keys = shapeKeys(n, 0);
  auto *xs = static_cast<double *>(mp_alloc(sizeof(double) * n));
  for (int64_t i = 0; i < n; ++i) {
    switch (keys[i] % 5) {
    case 0: xs[i] = NaN(); break;
    case 1:
    case 2: xs[i] = -0.0; break;
    default: xs[i] = 0.0; break;
    }
  }
  mp_sort_Float64s(mp_slice{xs, n, n});
  uint64_t h = 0;
  for (int64_t i = 0; i < n; ++i)
    h = h * 3 + (std::isnan(xs[i]) ? 2 : std::signbit(xs[i]) ? 1 : 0);
  return std::to_string(h);
}

std::string ints(std::initializer_list<int64_t> xs) {
  mp_iface v = IS(xs);
  mp_sort_Ints(*static_cast<mp_slice *>(v.data));
  mp_sort_Ints(mp_slice{nullptr, 0, 0});
  return sprint({v, NilIS()});
}
std::string strings(std::initializer_list<const char *> xs) {
  mp_iface v = SS(xs);
  mp_sort_Strings(*static_cast<mp_slice *>(v.data));
  return sprintf("%q", {v});
}
std::string floats(std::initializer_list<double> xs) {
  mp_iface v = FS(xs);
  mp_sort_Float64s(*static_cast<mp_slice *>(v.data));
  return sprint({v});
}

const std::vector<gocase::StrCase> &sortCases() {
  static const std::vector<gocase::StrCase> all = {
#include "sort_cases.def"
  };
  return all;
}

GO_CASES_TEST(SortGo, sortCases);

} // namespace

TEST(SortDeathTest, NilLessPanicsAsGo) {
  mp_iface v = IS({2, 1});
  EXPECT_EXIT(mp_sort_Slice(*static_cast<mp_slice *>(v.data), 8, nullptr), testing::ExitedWithCode(2),
              "^panic: runtime error: invalid memory address or nil pointer dereference\n");
}
