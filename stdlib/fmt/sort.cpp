// stdlib/fmt/sort.cpp: Go's internal/fmtsort order for printing maps:
// numbers and strings ascending, NaN first, false before true, pointers and
// channels by address, structs and arrays field by field, interfaces nil
// first then by dynamic type (descriptor address, as Go compares rtype
// addresses) then by value.  A stable sort, like Go's.
#include "sort.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace mp::fmt {
namespace {

template <typename T> T load(const void *p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <typename T> int cmp(T a, T b) { return a < b ? -1 : a > b ? 1 : 0; }

template <typename F> int floatCompare(F a, F b) {
  if (a < b)
    return -1;
  if (a > b)
    return 1;
  if (a == b)
    return 0;
  bool an = std::isnan(a), bn = std::isnan(b);
  return an && bn ? 0 : an ? -1 : 1;
}

} // namespace

int compareKeys(const mp_type *t, const void *a, const void *b) {
  switch (static_cast<mp_kind>(t->kind)) {
  case MP_KIND_INT: case MP_KIND_INT64: return cmp(load<int64_t>(a), load<int64_t>(b));
  case MP_KIND_INT8: return cmp(load<int8_t>(a), load<int8_t>(b));
  case MP_KIND_INT16: return cmp(load<int16_t>(a), load<int16_t>(b));
  case MP_KIND_INT32: return cmp(load<int32_t>(a), load<int32_t>(b));
  case MP_KIND_UINT: case MP_KIND_UINT64: case MP_KIND_UINTPTR:
    return cmp(load<uint64_t>(a), load<uint64_t>(b));
  case MP_KIND_UINT8: case MP_KIND_BOOL: return cmp(load<uint8_t>(a), load<uint8_t>(b));
  case MP_KIND_UINT16: return cmp(load<uint16_t>(a), load<uint16_t>(b));
  case MP_KIND_UINT32: return cmp(load<uint32_t>(a), load<uint32_t>(b));
  case MP_KIND_FLOAT32: return floatCompare(load<float>(a), load<float>(b));
  case MP_KIND_FLOAT64: return floatCompare(load<double>(a), load<double>(b));
  case MP_KIND_STRING: return mp_string_compare(load<mp_string>(a), load<mp_string>(b));
  case MP_KIND_POINTER: case MP_KIND_CHAN:
    return cmp(load<uintptr_t>(a), load<uintptr_t>(b));
  case MP_KIND_STRUCT:
    for (int64_t i = 0; i < t->len; ++i) {
      const mp_field &fd = t->fields[i];
      int c = compareKeys(fd.type, static_cast<const uint8_t *>(a) + fd.offset,
                          static_cast<const uint8_t *>(b) + fd.offset);
      if (c != 0)
        return c;
    }
    return 0;
  case MP_KIND_ARRAY:
    for (int64_t i = 0; i < t->len; ++i) {
      int64_t off = i * t->elem->size;
      int c = compareKeys(t->elem, static_cast<const uint8_t *>(a) + off,
                          static_cast<const uint8_t *>(b) + off);
      if (c != 0)
        return c;
    }
    return 0;
  case MP_KIND_INTERFACE: {
    auto x = load<mp_iface>(a), y = load<mp_iface>(b);
    if (!x.type || !y.type)
      return !x.type && !y.type ? 0 : !x.type ? -1 : 1;
    if (x.type != y.type)
      return cmp(reinterpret_cast<uintptr_t>(x.type), reinterpret_cast<uintptr_t>(y.type));
    return compareKeys(x.type, x.data, y.data);
  }
  case MP_KIND_SLICE: case MP_KIND_MAP: case MP_KIND_FUNC:
    return 0;  // not comparable, so never map keys
  }
  return 0;
}

std::vector<SortedEntry> sortedEntries(const mp_type *t, const mp_map *m) {
  std::vector<SortedEntry> out;
  out.reserve(static_cast<size_t>(mp_map_len(m)));
  mp_map_iter it;
  mp_map_iter_init(t, m, &it);
  while (mp_map_iter_next(t, &it))
    out.push_back({it.key, it.val});
  std::stable_sort(out.begin(), out.end(), [t](const SortedEntry &a, const SortedEntry &b) {
    return compareKeys(t->key, a.key, b.key) < 0;
  });
  return out;
}

} // namespace mp::fmt
