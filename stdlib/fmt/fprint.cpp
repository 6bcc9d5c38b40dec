// stdlib/fmt/fprint.cpp: Fprint, Fprintln and Fprintf.  Their io.Writer
// arrives as an interface value; the writers MP has are *os.File,
// *bufio.Writer and *strings.Builder, recognised by descriptor identity.
// As in Go, the whole formatted text goes to the writer in one Write.
#include "printer.hpp"

#include "mp/runtime.h"
#include "mp/stdlib.h"
#include "mp/stdlib_internal.hpp"

namespace {

const mp_iface *argsOf(mp_slice a) { return static_cast<const mp_iface *>(a.ptr); }

int64_t writeTo(mp_iface w, const std::string &text, mp_iface *err) {
  mp_string s = mp::std_::newString(text);
  if (err)
    *err = mp_iface{nullptr, nullptr};
  void *target = w.type ? *static_cast<void **>(w.data) : nullptr;
  if (!target)
    mp_panic_runtime_error("invalid memory address or nil pointer dereference");
  if (w.type == &mp_os_File_ptr_type)
    return mp_os_File_WriteString(static_cast<mp_os_File *>(target), s);
  if (w.type == &mp_bufio_Writer_ptr_type)
    return mp_bufio_Writer_WriteString(static_cast<mp_bufio_Writer *>(target), s, err);
  if (w.type == &mp_strings_Builder_ptr_type)
    return mp_strings_Builder_WriteString(static_cast<mp_strings_Builder *>(target), s);
  mp::std_::panicPlain("fmt: unsupported io.Writer (want *os.File, *bufio.Writer or *strings.Builder)");
}

} // namespace

extern "C" int64_t mp_fmt_Fprint(mp_iface w, mp_slice args, mp_iface *err) {
  mp::fmt::Printer p;
  p.doPrint(argsOf(args), args.len);
  return writeTo(w, p.buf, err);
}

extern "C" int64_t mp_fmt_Fprintln(mp_iface w, mp_slice args, mp_iface *err) {
  mp::fmt::Printer p;
  p.doPrintln(argsOf(args), args.len);
  return writeTo(w, p.buf, err);
}

extern "C" int64_t mp_fmt_Fprintf(mp_iface w, mp_string format, mp_slice args, mp_iface *err) {
  mp::fmt::Printer p;
  p.doPrintf(mp::std_::view(format), argsOf(args), args.len);
  return writeTo(w, p.buf, err);
}
