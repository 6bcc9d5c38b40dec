// stdlib/fmt/api.cpp: package fmt's C ABI (mp/stdlib.h) over the Printer.
// Errorf with a %w returns a *fmt.wrapError as Go does; otherwise the
// errors.New representation.
#include "printer.hpp"

#include "mp/runtime.h"
#include "mp/stdlib.h"
#include "mp/stdlib_internal.hpp"

namespace {

using mp::std_::lit;
using mp::std_::newString;

const mp_iface *argsOf(mp_slice a) { return static_cast<const mp_iface *>(a.ptr); }
std::string_view formatOf(mp_string s) { return mp::std_::view(s); }

int64_t writeOut(const std::string &s) {
  mp_stdout_write(s.data(), s.size());
  return static_cast<int64_t>(s.size());
}

struct WrapError {
  mp_string msg;
  mp_iface err;
};
mp_string wrapErrorError(const void *self) {
  return (*static_cast<WrapError *const *>(self))->msg;
}
const mp_field wrapErrorFields[] = {{lit("msg"), &mp::std_::stringType, 0},
                                    {lit("err"), &mp::std_::errorType, 16}};
const mp_type wrapErrorType = {MP_KIND_STRUCT, 8, MP_TYPE_NAMED, 0, 32, lit("fmt.wrapError"),
                               nullptr, nullptr, 2, wrapErrorFields, nullptr, nullptr};
const mp_type wrapErrorPtrType = {MP_KIND_POINTER, 8, MP_TYPE_COMPARABLE, 0, 8,
                                  lit("*fmt.wrapError"), &wrapErrorType, nullptr, 0,
                                  nullptr, nullptr, wrapErrorError};

} // namespace

extern "C" int64_t mp_fmt_Print(mp_slice args) {
  mp::fmt::Printer p;
  p.doPrint(argsOf(args), args.len);
  return writeOut(p.buf);
}

extern "C" int64_t mp_fmt_Println(mp_slice args) {
  mp::fmt::Printer p;
  p.doPrintln(argsOf(args), args.len);
  return writeOut(p.buf);
}

extern "C" int64_t mp_fmt_Printf(mp_string format, mp_slice args) {
  mp::fmt::Printer p;
  p.doPrintf(formatOf(format), argsOf(args), args.len);
  return writeOut(p.buf);
}

extern "C" mp_string mp_fmt_Sprint(mp_slice args) {
  mp::fmt::Printer p;
  p.doPrint(argsOf(args), args.len);
  return newString(p.buf);
}

extern "C" mp_string mp_fmt_Sprintln(mp_slice args) {
  mp::fmt::Printer p;
  p.doPrintln(argsOf(args), args.len);
  return newString(p.buf);
}

extern "C" mp_string mp_fmt_Sprintf(mp_string format, mp_slice args) {
  mp::fmt::Printer p;
  p.doPrintf(formatOf(format), argsOf(args), args.len);
  return newString(p.buf);
}

extern "C" mp_iface mp_fmt_Errorf(mp_string format, mp_slice args) {
  mp::fmt::Printer p;
  p.wrapErrs = true;
  p.doPrintf(formatOf(format), argsOf(args), args.len);
  if (!p.wrappedErr.type)
    return mp_errors_New(newString(p.buf));
  auto *w = static_cast<WrapError *>(mp_alloc(sizeof(WrapError)));
  w->msg = newString(p.buf);
  w->err = p.wrappedErr;
  return mp::std_::boxPointer(&wrapErrorPtrType, w);
}
