// runtime/values_internal.hpp: helpers shared by equal.cpp and map.cpp,
// private to the runtime (not part of the C ABI).
#ifndef MP_RUNTIME_VALUES_INTERNAL_HPP
#define MP_RUNTIME_VALUES_INTERNAL_HPP

#include "mp/value.h"

namespace mp::rt {

// Fast per-thread pseudo-random numbers (map seeds, iteration starts, NaN
// hashes); not for anything security-relevant.
uint64_t randomU64();
// True when == on t is bytewise equality of all t->size bytes (no floats,
// strings, interfaces, padding or blank fields inside).
bool isMemoryComparable(const mp_type *t);
// True when equal keys may differ in bytes (+0/-0, strings sharing no
// storage), so that assigning to an existing key stores the new key as Go
// does.
bool needsKeyUpdate(const mp_type *t);

} // namespace mp::rt

#endif
