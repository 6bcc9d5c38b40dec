// stdlib/fmt/sort.hpp: a map's entries in the order fmt prints them (Go's
// internal/fmtsort).
#ifndef MP_STDLIB_FMT_SORT_HPP
#define MP_STDLIB_FMT_SORT_HPP

#include "mp/values.h"

#include <vector>

namespace mp::fmt {

struct SortedEntry {
  const void *key, *val;
};

// Entries of m (map type t) sorted by key; empty for a nil map.
std::vector<SortedEntry> sortedEntries(const mp_type *t, const mp_map *m);
// fmtsort's ordering of two keys of type t: -1, 0 or 1.
int compareKeys(const mp_type *t, const void *a, const void *b);

} // namespace mp::fmt

#endif
