// stdlib/include/mp/stdlib_internal.hpp: helpers shared by libmpstd's
// packages (not part of the C ABI): string conversions, error values.
#ifndef MP_STDLIB_INTERNAL_HPP
#define MP_STDLIB_INTERNAL_HPP

#include "mp/value.h"

#include <string>
#include <string_view>

namespace mp::std_ {

// A string literal as an mp_string (static storage, no copy).
inline mp_string lit(std::string_view s) {
  return {reinterpret_cast<const uint8_t *>(s.data()), static_cast<int64_t>(s.size())};
}
inline std::string_view view(mp_string s) {
  return {reinterpret_cast<const char *>(s.ptr), static_cast<size_t>(s.len)};
}
// Descriptors of string and error for the stdlib's own struct types (so
// that fmt can print them, e.g. %!w(*errors.errorString=&{x})).
extern const mp_type stringType;
extern const mp_type errorType;
// panic(msg) with a plain string, as Go's packages panic ("strings:
// negative Repeat count"); msg must be static.  Recoverable (mp_panic).
[[noreturn]] void panicPlain(const char *msg);
// A fresh GC copy of s.
mp_string newString(std::string_view s);
// An interface value holding a freshly boxed pointer `p` of pointer type t.
mp_iface boxPointer(const mp_type *t, void *p);

} // namespace mp::std_

#endif
