// stdlib/bufio/bufio_internal.hpp: what bufio's Scanner, Reader and Writer
// share: their error values.  Not part of the C ABI.
#ifndef MP_STDLIB_BUFIO_INTERNAL_HPP
#define MP_STDLIB_BUFIO_INTERNAL_HPP

#include "mp/stdlib.h"
#include "mp/stdlib_internal.hpp"

#include <cctype>
#include <cstring>
#include <string>

namespace mp::bufio {

inline bool isEOF(mp_iface err) { return err.type == mp_io_EOF.type && err.data == mp_io_EOF.data; }

// An error with a static message (errors.New).
inline mp_iface errorValue(const char *msg) { return mp_errors_New(mp::std_::lit(msg)); }

// Go's *fs.PathError text for a failed read: "read /dev/stdin: bad file
// descriptor" (Go's errno strings are lower-case).
inline mp_iface readError(const mp_os_File *f, int64_t errnum) {
  std::string msg = "read " + std::string(mp::std_::view(f->name)) + ": ";
  std::string text = std::strerror(static_cast<int>(errnum));
  if (!text.empty())
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return mp_errors_New(mp::std_::newString(msg + text));
}

} // namespace mp::bufio

#endif
