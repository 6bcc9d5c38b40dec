// stdlib/errors/errors.cpp: package errors' New and the error values the
// stdlib hands out.  An error is an mp_iface whose dynamic type has an
// error_method; errors.New's is *errors.errorString, as in Go, so %T and
// identity (two New calls are unequal) match.
#include "mp/stdlib.h"
#include "mp/runtime.h"
#include "mp/stdlib_internal.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace mp::std_ {

const mp_type stringType = {MP_KIND_STRING, 8, MP_TYPE_COMPARABLE, 0, 16, lit("string"),
                            nullptr, nullptr, 0, nullptr, nullptr, nullptr};
const mp_type errorType = {MP_KIND_INTERFACE, 8, MP_TYPE_COMPARABLE, 0, 16, lit("error"),
                           nullptr, nullptr, 0, nullptr, nullptr, nullptr};

} // namespace mp::std_

namespace {

using mp::std_::lit;

struct ErrorString {
  mp_string s;
};

mp_string errorStringError(const void *self) {
  return (*static_cast<ErrorString *const *>(self))->s;
}

const mp_field errorStringFields[] = {{lit("s"), &mp::std_::stringType, 0}};
const mp_type errorStringType = {MP_KIND_STRUCT, 8, MP_TYPE_NAMED, 0, 16, lit("errors.errorString"),
                                 nullptr, nullptr, 1, errorStringFields, nullptr, nullptr};
const mp_type errorStringPtrType = {MP_KIND_POINTER, 8, MP_TYPE_COMPARABLE, 0, 8,
                                    lit("*errors.errorString"), &errorStringType, nullptr, 0,
                                    nullptr, nullptr, errorStringError};

} // namespace

namespace mp::std_ {

mp_string newString(std::string_view s) {
  if (s.empty())
    return {nullptr, 0};
  auto *p = static_cast<uint8_t *>(mp_alloc_atomic(s.size()));
  std::memcpy(p, s.data(), s.size());
  return {p, static_cast<int64_t>(s.size())};
}

void panicPlain(const char *msg) {
  // panic("...") with a string value, as Go's packages do: recoverable,
  // printed by the runtime as `panic: msg` with the goroutine's trace.
  auto *cell = static_cast<mp_string *>(mp_alloc(sizeof(mp_string)));
  *cell = lit(msg);
  mp_panic(mp_iface{&stringType, cell}, nullptr);
}

mp_iface boxPointer(const mp_type *t, void *p) {
  auto *cell = static_cast<void **>(mp_alloc(sizeof(void *)));
  *cell = p;
  return {t, cell};
}

} // namespace mp::std_

namespace {
ErrorString eofString{lit("EOF")};
ErrorString *eofPointer = &eofString;
} // namespace

extern "C" const mp_iface mp_io_EOF = {&errorStringPtrType, &eofPointer};

extern "C" mp_iface mp_errors_New(mp_string text) {
  auto *e = static_cast<ErrorString *>(mp_alloc(sizeof(ErrorString)));
  e->s = text;
  return mp::std_::boxPointer(&errorStringPtrType, e);
}

extern "C" mp_string mp_error_Error(mp_iface err) { return err.type->error_method(err.data); }
