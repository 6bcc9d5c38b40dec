// stdlib/fmt/format.cpp: padding and the formatting of integers, floats,
// strings and runes under the current flags — the rules of Go's
// fmt/format.go (zero padding only to the left, sign before zeros, %#
// forms, precision as a minimum digit count or a rune limit).
#include "printer.hpp"

#include "mp/strconv.hpp"
#include "mp/utf8.hpp"

namespace mp::fmt {
namespace {

const char lowerDigits[] = "0123456789abcdefx";
const char upperDigits[] = "0123456789ABCDEFX";

int runeCount(std::string_view s) {
  return static_cast<int>(utf8::runeCount(reinterpret_cast<const uint8_t *>(s.data()),
                                          static_cast<int64_t>(s.size())));
}

} // namespace

void Printer::writePadding(int n) {
  if (n > 0)
    buf.append(static_cast<size_t>(n), f.zero ? '0' : ' ');
}

void Printer::pad(std::string_view s) {
  if (!f.widPresent || f.wid == 0) {
    buf.append(s);
    return;
  }
  int width = f.wid - runeCount(s);
  if (!f.minus) {
    writePadding(width);
    buf.append(s);
  } else {
    buf.append(s);
    writePadding(width);
  }
}

void Printer::fmtBoolean(bool v) { pad(v ? "true" : "false"); }

// %U: U+0078, or with # U+0078 'x' when printable.
void Printer::fmtUnicode(uint64_t u) {
  std::string s = "U+";
  std::string hex;
  strconv::appendUint(hex, u, 16);
  for (auto &c : hex)
    c = static_cast<char>(c >= 'a' ? c - 'a' + 'A' : c);
  int prec = f.precPresent && f.prec > 4 ? f.prec : 4;
  if (static_cast<int>(hex.size()) < prec)
    s.append(static_cast<size_t>(prec) - hex.size(), '0');
  s += hex;
  if (f.sharp && u <= static_cast<uint64_t>(utf8::MaxRune) && strconv::isPrint(static_cast<int32_t>(u))) {
    s += " '";
    utf8::append(s, static_cast<int64_t>(u));
    s += '\'';
  }
  bool oldZero = f.zero;
  f.zero = false;
  pad(s);
  f.zero = oldZero;
}

void Printer::fmtInteger(uint64_t u, int base, bool isSigned, char32_t verb, bool upper) {
  const char *digits = upper ? upperDigits : lowerDigits;
  bool negative = isSigned && static_cast<int64_t>(u) < 0;
  if (negative)
    u = -u;
  // %.3d and %03d both ask for leading zeros; with both, %0 is ignored.
  int prec = 0;
  if (f.precPresent) {
    prec = f.prec;
    if (prec == 0 && u == 0) {  // "print nothing" but the padding
      bool oldZero = f.zero;
      f.zero = false;
      writePadding(f.wid);
      f.zero = oldZero;
      return;
    }
  } else if (f.zero && f.widPresent) {
    prec = f.wid;
    if (negative || f.plus || f.space)
      --prec;  // room for the sign
  }
  std::string num;  // built backwards
  do {
    num += digits[u % static_cast<uint64_t>(base)];
    u /= static_cast<uint64_t>(base);
  } while (u > 0);
  while (static_cast<int>(num.size()) < prec)
    num += '0';
  if (f.sharp) {
    if (base == 2) {
      num += 'b';
      num += '0';
    } else if (base == 8 && num.back() != '0') {
      num += '0';
    } else if (base == 16) {
      num += digits[16];
      num += '0';
    }
  }
  if (verb == 'O') {
    num += 'o';
    num += '0';
  }
  if (negative)
    num += '-';
  else if (f.plus)
    num += '+';
  else if (f.space)
    num += ' ';
  std::string out(num.rbegin(), num.rend());
  bool oldZero = f.zero;  // zero padding was done above, as precision
  f.zero = false;
  pad(out);
  f.zero = oldZero;
}

void Printer::fmtFloatF(double v, int size, char verb, int prec) {
  if (f.precPresent)
    prec = f.prec;
  std::string num = "+";  // room for a sign
  strconv::appendFloat(num, v, verb, prec, size);
  if (num[1] == '-' || num[1] == '+')
    num.erase(0, 1);
  if (f.space && num[0] == '+' && !f.plus)
    num[0] = ' ';
  // Infinities and NaN are not padded with zeros; NaN drops its '+'.
  if (num[1] == 'I' || num[1] == 'N') {
    bool oldZero = f.zero;
    f.zero = false;
    if (num[1] == 'N' && !f.space && !f.plus)
      num.erase(0, 1);
    pad(num);
    f.zero = oldZero;
    return;
  }
  // %#: always a decimal point; %#g keeps trailing zeros up to precision.
  if (f.sharp && verb != 'b') {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
      digits = prec;
      if (digits == -1)
        digits = 6;
    }
    std::string tail;
    bool hasPoint = false, sawNonzero = false;
    for (size_t i = 1; i < num.size(); ++i) {
      char c = num[i];
      if (c == '.') {
        hasPoint = true;
      } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
        tail = num.substr(i);
        num.resize(i);
        break;
      } else {
        if (c != '0')
          sawNonzero = true;
        if (sawNonzero)
          --digits;
      }
    }
    if (!hasPoint) {
      if (num.size() == 2 && num[1] == '0')
        --digits;  // a lone leading 0 counts once
      num += '.';
    }
    while (digits-- > 0)
      num += '0';
    num += tail;
  }
  if (f.plus || num[0] != '+') {
    // Zero padding goes between the sign and the digits.
    if (f.zero && f.widPresent && f.wid > static_cast<int>(num.size())) {
      buf += num[0];
      writePadding(f.wid - static_cast<int>(num.size()));
      buf.append(num, 1);
      return;
    }
    pad(num);
    return;
  }
  pad(std::string_view(num).substr(1));
}

std::string_view Printer::truncate(std::string_view s) const {
  if (!f.precPresent)
    return s;
  const auto *p = reinterpret_cast<const uint8_t *>(s.data());
  int64_t n = static_cast<int64_t>(s.size()), i = 0;
  for (int runes = 0; i < n; ++runes) {
    if (runes == f.prec)
      return s.substr(0, static_cast<size_t>(i));
    i += p[i] < 0x80 ? 1 : utf8::decode(p + i, n - i).width;
  }
  return s;
}

void Printer::fmtS(std::string_view s) { pad(truncate(s)); }

// %x/%X of a string or []byte: hex pairs, % x separates, %#x adds 0x.
void Printer::fmtSbx(std::string_view s, bool upper) {
  const char *digits = upper ? upperDigits : lowerDigits;
  int length = static_cast<int>(s.size());
  if (f.precPresent && f.prec < length)
    length = f.prec;
  int width = 2 * length;
  if (width > 0) {
    if (f.space) {
      if (f.sharp)
        width *= 2;
      width += length - 1;
    } else if (f.sharp) {
      width += 2;
    }
  } else {
    if (f.widPresent)
      writePadding(f.wid);
    return;
  }
  if (f.widPresent && f.wid > width && !f.minus)
    writePadding(f.wid - width);
  if (f.sharp) {
    buf += '0';
    buf += digits[16];
  }
  for (int i = 0; i < length; ++i) {
    if (f.space && i > 0) {
      buf += ' ';
      if (f.sharp) {
        buf += '0';
        buf += digits[16];
      }
    }
    auto c = static_cast<uint8_t>(s[static_cast<size_t>(i)]);
    buf += digits[c >> 4];
    buf += digits[c & 0xF];
  }
  if (f.widPresent && f.wid > width && f.minus)
    writePadding(f.wid - width);
}

void Printer::fmtQ(std::string_view s) {
  s = truncate(s);
  if (f.sharp && strconv::canBackquote(s)) {
    std::string q = "`";
    q.append(s);
    q += '`';
    pad(q);
    return;
  }
  std::string q;
  strconv::appendQuoted(q, s, '"', f.plus);
  pad(q);
}

void Printer::fmtC(uint64_t c) {
  int64_t r = c > static_cast<uint64_t>(utf8::MaxRune) ? utf8::RuneError : static_cast<int64_t>(c);
  std::string s;
  utf8::append(s, r);
  pad(s);
}

void Printer::fmtQc(uint64_t c) {
  int32_t r = c > static_cast<uint64_t>(utf8::MaxRune) ? utf8::RuneError : static_cast<int32_t>(c);
  std::string s;
  strconv::appendQuotedRune(s, r, f.plus);
  pad(s);
}

} // namespace mp::fmt
