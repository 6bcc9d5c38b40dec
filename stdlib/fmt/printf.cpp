// stdlib/fmt/printf.cpp: walking the operands — Print's spacing (a space
// between operands when neither is a string), Println's, and Printf's
// format string: flags, width and precision (with `*` and [n] argument
// indexes), and the %!(NOVERB), %!v(MISSING), %!v(BADINDEX),
// %!(BADWIDTH), %!(BADPREC) and %!(EXTRA ...) reports of Go's fmt.
#include "printer.hpp"

#include "mp/utf8.hpp"

#include <cstring>

namespace mp::fmt {
namespace {

bool tooLarge(int64_t x) { return x > 1000000 || x < -1000000; }

// Digits at s[i...]; isnum false when there are none or too many.
bool parseNum(std::string_view s, size_t &i, int &num) {
  num = 0;
  bool isnum = false;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (tooLarge(num)) {
      i = s.size();
      num = 0;
      return false;
    }
    num = num * 10 + (s[i] - '0');
    isnum = true;
  }
  return isnum;
}

// The operand of a `*`: an integer of any kind within ±1e6.
bool intFromArg(const mp_iface *args, int64_t n, int &argNum, int &num) {
  num = 0;
  if (argNum >= n)
    return false;
  mp_iface a = args[argNum++];
  if (!a.type)
    return false;
  int64_t v;
  switch (a.type->kind) {
  case MP_KIND_INT: case MP_KIND_INT64: case MP_KIND_UINT: case MP_KIND_UINT64: case MP_KIND_UINTPTR:
    std::memcpy(&v, a.data, 8);
    if ((a.type->kind == MP_KIND_UINT || a.type->kind == MP_KIND_UINT64 ||
         a.type->kind == MP_KIND_UINTPTR) && v < 0)
      return false;
    break;
  case MP_KIND_INT32: v = *static_cast<const int32_t *>(a.data); break;
  case MP_KIND_INT16: v = *static_cast<const int16_t *>(a.data); break;
  case MP_KIND_INT8: v = *static_cast<const int8_t *>(a.data); break;
  case MP_KIND_UINT32: v = *static_cast<const uint32_t *>(a.data); break;
  case MP_KIND_UINT16: v = *static_cast<const uint16_t *>(a.data); break;
  case MP_KIND_UINT8: v = *static_cast<const uint8_t *>(a.data); break;
  default: return false;
  }
  if (tooLarge(v))
    return false;
  num = static_cast<int>(v);
  return true;
}

bool isStringKind(mp_iface a) { return a.type && a.type->kind == MP_KIND_STRING; }

} // namespace

void Printer::doPrint(const mp_iface *args, int64_t n) {
  bool prevString = false;
  for (int64_t i = 0; i < n; ++i) {
    bool isString = isStringKind(args[i]);
    if (i > 0 && !isString && !prevString)
      buf += ' ';
    printArg(args[i], 'v');
    prevString = isString;
  }
}

void Printer::doPrintln(const mp_iface *args, int64_t n) {
  for (int64_t i = 0; i < n; ++i) {
    if (i > 0)
      buf += ' ';
    printArg(args[i], 'v');
  }
  buf += '\n';
}

// An explicit argument index [n] at format[i]; found says one was parsed.
int Printer::argNumber(int argNum, std::string_view format, size_t &i, int numArgs, bool &found) {
  found = false;
  if (i >= format.size() || format[i] != '[')
    return argNum;
  reordered = true;
  std::string_view rest = format.substr(i);
  if (rest.size() >= 3) {
    for (size_t j = 1; j < rest.size(); ++j) {
      if (rest[j] != ']')
        continue;
      size_t k = 1;
      int index;
      bool ok = parseNum(rest.substr(0, j), k, index) && k == j;
      i += j + 1;
      if (!ok) {
        goodArgNum = false;
        return argNum;
      }
      found = true;
      if (index - 1 >= 0 && index - 1 < numArgs)
        return index - 1;
      goodArgNum = false;
      return argNum;
    }
  }
  i += 1;
  goodArgNum = false;
  return argNum;
}

void Printer::doPrintf(std::string_view format, const mp_iface *args, int64_t nargs) {
  size_t end = format.size();
  int n = static_cast<int>(nargs);
  int argNum = 0;
  bool afterIndex = false;
  reordered = false;
  for (size_t i = 0; i < end;) {
    goodArgNum = true;
    size_t lasti = i;
    while (i < end && format[i] != '%')
      ++i;
    buf.append(format.substr(lasti, i - lasti));
    if (i >= end)
      break;
    ++i;  // skip '%'
    f = Flags{};
    bool simple = false;
    for (; i < end; ++i) {
      char c = format[i];
      if (c == '#') {
        f.sharp = true;
      } else if (c == '0') {
        f.zero = !f.minus;  // zero padding only to the left
      } else if (c == '+') {
        f.plus = true;
      } else if (c == '-') {
        f.minus = true;
        f.zero = false;
      } else if (c == ' ') {
        f.space = true;
      } else {
        // Fast path: a lower-case verb with an operand left.
        if (c >= 'a' && c <= 'z' && argNum < n) {
          if (c == 'v') {
            f.sharpV = f.sharp;
            f.sharp = false;
            f.plusV = f.plus;
            f.plus = false;
          }
          printArg(args[argNum++], static_cast<char32_t>(c));
          ++i;
          simple = true;
        }
        break;
      }
    }
    if (simple)
      continue;

    argNum = argNumber(argNum, format, i, n, afterIndex);
    if (i < end && format[i] == '*') {
      ++i;
      f.widPresent = intFromArg(args, nargs, argNum, f.wid);
      if (!f.widPresent)
        buf += "%!(BADWIDTH)";
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      f.widPresent = parseNum(format, i, f.wid);
      if (afterIndex && f.widPresent)  // "%[3]2d"
        goodArgNum = false;
    }

    if (i + 1 < end && format[i] == '.') {
      ++i;
      if (afterIndex)  // "%[3].2d"
        goodArgNum = false;
      argNum = argNumber(argNum, format, i, n, afterIndex);
      if (i < end && format[i] == '*') {
        ++i;
        f.precPresent = intFromArg(args, nargs, argNum, f.prec);
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent)
          buf += "%!(BADPREC)";
        afterIndex = false;
      } else {
        f.precPresent = parseNum(format, i, f.prec);
        if (!f.precPresent) {
          f.prec = 0;
          f.precPresent = true;
        }
      }
    }

    if (!afterIndex)
      argNum = argNumber(argNum, format, i, n, afterIndex);

    if (i >= end) {
      buf += "%!(NOVERB)";
      break;
    }

    char32_t verb = static_cast<uint8_t>(format[i]);
    int size = 1;
    if (verb >= 0x80) {
      auto d = utf8::decode(reinterpret_cast<const uint8_t *>(format.data()) + i,
                            static_cast<int64_t>(end - i));
      verb = static_cast<char32_t>(d.rune);
      size = d.width;
    }
    i += static_cast<size_t>(size);

    if (verb == '%') {
      buf += '%';  // absorbs no operand, ignores width and precision
    } else if (!goodArgNum) {
      buf += "%!";
      utf8::append(buf, verb);
      buf += "(BADINDEX)";
    } else if (argNum >= n) {
      buf += "%!";
      utf8::append(buf, verb);
      buf += "(MISSING)";
    } else {
      if (verb == 'v') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      printArg(args[argNum++], verb);
    }
  }

  // Unused operands, unless the format reordered them.
  if (!reordered && argNum < n) {
    f = Flags{};
    buf += "%!(EXTRA ";
    for (int i = argNum; i < n; ++i) {
      if (i > argNum)
        buf += ", ";
      if (!args[i].type) {
        buf += "<nil>";
      } else {
        buf.append(typeName(args[i].type));
        buf += '=';
        printArg(args[i], 'v');
      }
    }
    buf += ')';
  }
}

} // namespace mp::fmt
