// stdlib/fmt/printer.hpp: fmt's formatting engine, structured like Go's
// fmt (a Printer per call, holding the output and the current verb's
// flags).  It walks values through their mp_type descriptors where Go's
// fmt uses reflection.  format.cpp: padding, numbers, strings (Go's
// format.go); print.cpp: one value per verb (print.go); printf.cpp: the
// format string and Print/Println spacing.
#ifndef MP_STDLIB_FMT_PRINTER_HPP
#define MP_STDLIB_FMT_PRINTER_HPP

#include "mp/value.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace mp::fmt {

struct Flags {
  bool plus = false, minus = false, sharp = false, space = false, zero = false;
  bool plusV = false, sharpV = false;  // %+v and %#v
  bool widPresent = false, precPresent = false;
  int wid = 0, prec = 0;
};

// A value being printed: its type and a pointer to it (type == nullptr is
// Go's invalid reflect.Value, i.e. the contents of a nil interface).
struct Value {
  const mp_type *type = nullptr;
  const void *ptr = nullptr;
};

class Printer {
public:
  std::string buf;
  bool wrapErrs = false;     // Errorf: %w is allowed
  mp_iface wrappedErr{};     // Errorf: the %w operand

  void doPrint(const mp_iface *args, int64_t n);
  void doPrintln(const mp_iface *args, int64_t n);
  void doPrintf(std::string_view format, const mp_iface *args, int64_t n);

private:
  Flags f;
  Value cur;             // operand being printed, for %!verb(type=value)
  bool erroring = false; // printing a bad-verb report: no methods
  bool reordered = false, goodArgNum = true;

  // format.go: padding and the formatting of numbers and strings.
  void writePadding(int n);
  void pad(std::string_view s);
  void fmtBoolean(bool v);
  void fmtUnicode(uint64_t u);
  void fmtInteger(uint64_t u, int base, bool isSigned, char32_t verb, bool upper);
  void fmtFloatF(double v, int size, char verb, int prec);
  void fmtS(std::string_view s);
  void fmtSbx(std::string_view s, bool upper);
  void fmtQ(std::string_view s);
  void fmtC(uint64_t c);
  void fmtQc(uint64_t c);
  std::string_view truncate(std::string_view s) const;

  // print.go: one operand under one verb.
  void printArg(mp_iface arg, char32_t verb);
  void printValue(Value v, char32_t verb, int depth, bool readOnly);
  bool handleMethods(Value v, char32_t &verb);
  void badVerb(char32_t verb);
  void fmtBool(bool v, char32_t verb);
  void fmtIntegerVerb(uint64_t v, bool isSigned, char32_t verb);
  void fmtFloat(double v, int size, char32_t verb);
  void fmtString(std::string_view s, char32_t verb);
  void fmtBytes(const uint8_t *p, int64_t n, char32_t verb);
  void fmtPointer(Value v, char32_t verb);
  void fmt0x64(uint64_t v, bool leading0x);
  void printMap(Value v, char32_t verb, int depth, bool readOnly);
  void writeSeparator();

  // printf.go
  int argNumber(int argNum, std::string_view format, size_t &i, int numArgs, bool &found);
};

std::string_view typeName(const mp_type *t);
std::string_view view(mp_string s);
bool isExported(std::string_view fieldName);

// Go's fields of a sync.Mutex or sync.WaitGroup (Go 1.19's layout), which
// fmt prints for a struct holding one (`{0 0}`, `{{} 0 0}`) where MP's
// own layout differs.  Fills *store and returns the value to print
// instead of `v`, or v itself for any other type (sync_view.cpp).
struct SyncView {
  alignas(8) unsigned char bytes[16];
};
Value goSyncView(Value v, SyncView *store);

} // namespace mp::fmt

#endif
