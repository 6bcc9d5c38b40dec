// runtime/values_internal.hpp: helpers shared by equal.cpp and map.cpp,
// private to the runtime (not part of the C ABI).
#ifndef MP_RUNTIME_VALUES_INTERNAL_HPP
#define MP_RUNTIME_VALUES_INTERNAL_HPP

#include "mp/runtime.h"
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
// When x (an interface value) holds a value of an uncomparable type,
// Go's panic "runtime error: <what><type>" at pos ("hash of unhashable
// type ", "comparing uncomparable type ").  The _at entry points check
// their interface operands so first, to report the statement's position;
// one nested in a struct or array key panics later, without it.
void checkComparable(const char *what, mp_iface x, const mp_srcpos *pos);

} // namespace mp::rt

#endif
