// stdlib/sort/sort.cpp: package sort's Ints, Strings, Float64s and Slice.
// Ints and Strings sort total orders, where equal elements are
// indistinguishable and any correct sort gives Go's result, so they use
// std::sort.  Float64s (0 and -0 compare equal but print differently) and
// Slice run Go's own algorithm (pdqsort.hpp) so that elements the less
// function calls equal end up exactly where Go puts them.
#include "mp/runtime.h"
#include "mp/stdlib.h"
#include "mp/values.h"
#include "pdqsort.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

extern "C" void mp_sort_Ints(mp_slice x) {
  auto *p = static_cast<int64_t *>(x.ptr);
  std::sort(p, p + x.len);
}

extern "C" void mp_sort_Strings(mp_slice x) {
  auto *p = static_cast<mp_string *>(x.ptr);
  std::sort(p, p + x.len, [](const mp_string &a, const mp_string &b) { return mp_string_compare(a, b) < 0; });
}

extern "C" void mp_sort_Float64s(mp_slice x) {
  auto *p = static_cast<double *>(x.ptr);
  // Go's Float64Slice.Less: NaNs first, then increasing.
  mp::sort::pdqsort(
      x.len,
      [p](int64_t i, int64_t j) { return p[i] < p[j] || (std::isnan(p[i]) && !std::isnan(p[j])); },
      [p](int64_t i, int64_t j) { std::swap(p[i], p[j]); });
}

extern "C" void mp_sort_Slice(mp_slice x, int64_t elemSize, const mp_closure *less) {
  if (!less)
    mp_panic_runtime_error("invalid memory address or nil pointer dereference");
  auto lessFn = reinterpret_cast<mp_sort_less_fn>(less->fn);
  auto *base = static_cast<uint8_t *>(x.ptr);
  auto size = static_cast<size_t>(elemSize);
  // The element in flight during a swap may hold the only pointer to an
  // object, so the scratch copy lives in collected (scanned) memory.
  void *tmp = mp_alloc(size);
  mp::sort::pdqsort(
      x.len, [&](int64_t i, int64_t j) { return lessFn(less, i, j); },
      [&](int64_t i, int64_t j) {
        std::memcpy(tmp, base + i * elemSize, size);
        std::memmove(base + i * elemSize, base + j * elemSize, size);
        std::memcpy(base + j * elemSize, tmp, size);
      });
}
