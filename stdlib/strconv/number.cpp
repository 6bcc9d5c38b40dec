// stdlib/strconv/number.cpp: Go's FormatFloat and FormatInt/FormatUint.
// Digits come from std::to_chars (shortest round-trip, or exact at a given
// precision); this file lays them out as Go's strconv does.  Shortest 'g'
// differs from C: it keeps all shortest digits and switches to the exponent
// form when exp < -4 || exp >= 6 (1e+06, 1e-05, 1.23456789e+08).
#include "mp/strconv.hpp"

#include <charconv>
#include <cctype>
#include <cmath>
#include <cstring>

namespace mp::strconv {
namespace {

// A decimal d[0..nd) × 10^(dp-nd), as Go's strconv represents digits.
struct Digits {
  char d[32];
  int nd = 0, dp = 0;
};

Digits shortestDigits(double v, int bitSize) {
  char buf[64];
  auto r = bitSize == 32
               ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(v), std::chars_format::scientific)
               : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  Digits out;
  const char *p = buf;
  if (*p == '-')
    ++p;
  for (; p < r.ptr && *p != 'e'; ++p)
    if (*p != '.')
      out.d[out.nd++] = *p;
  int exp = 0;
  std::from_chars(p + 1 + (p[1] == '+'), r.ptr, exp);
  out.dp = exp + 1;
  if (out.nd == 1 && out.d[0] == '0')
    out.nd = out.dp = 0;  // Go's zero: no digits
  return out;
}

void appendExp(std::string &out, char e, int exp) {
  out += e;
  out += exp < 0 ? '-' : '+';
  if (exp < 0)
    exp = -exp;
  if (exp < 10)
    out += '0';
  out += std::to_string(exp);
}

void appendE(std::string &out, const Digits &d, int prec, char e) {
  out += d.nd ? d.d[0] : '0';
  if (prec > 0) {
    out += '.';
    for (int i = 1; i <= prec; ++i)
      out += i < d.nd ? d.d[i] : '0';
  }
  appendExp(out, e, d.nd ? d.dp - 1 : 0);
}

void appendF(std::string &out, const Digits &d, int prec) {
  if (d.dp > 0) {
    for (int i = 0; i < d.dp; ++i)
      out += i < d.nd ? d.d[i] : '0';
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (int i = 1; i <= prec; ++i) {
      int j = d.dp + i - 1;
      out += j >= 0 && j < d.nd ? d.d[j] : '0';
    }
  }
}

void appendShortest(std::string &out, double v, char fmt, int bitSize) {
  Digits d = shortestDigits(v, bitSize);
  if (std::signbit(v))
    out += '-';
  switch (fmt) {
  case 'e':
  case 'E':
    appendE(out, d, d.nd > 1 ? d.nd - 1 : 0, fmt);
    return;
  case 'f':
    appendF(out, d, d.nd > d.dp ? d.nd - d.dp : 0);
    return;
  default: {  // 'g', 'G': exponent form when exp < -4 || exp >= 6
    int exp = d.dp - 1;
    if (exp < -4 || exp >= 6)
      appendE(out, d, d.nd > 1 ? d.nd - 1 : 0, fmt == 'G' ? 'E' : 'e');
    else
      appendF(out, d, d.nd > d.dp ? d.nd - d.dp : 0);
  }
  }
}

// 'x'/'X': [-]0x1.hhhhp±dd (at least two exponent digits, as Go prints).
void appendHexFloat(std::string &out, double v, char fmt, int prec, int bitSize) {
  char buf[128];
  std::to_chars_result r =
      prec < 0 ? (bitSize == 32 ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(v), std::chars_format::hex)
                                : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::hex))
               : (bitSize == 32 ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(v), std::chars_format::hex, prec)
                                : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::hex, prec));
  std::string_view s(buf, static_cast<size_t>(r.ptr - buf));
  size_t start = out.size();
  if (s.front() == '-') {
    out += '-';
    s.remove_prefix(1);
  }
  size_t p = s.find('p');
  out += "0x";
  out.append(s.substr(0, p));
  out += 'p';
  out += s[p + 1];
  std::string_view exp = s.substr(p + 2);
  if (exp.size() < 2)
    out += '0';
  out.append(exp);
  if (fmt == 'X')
    for (size_t i = start; i < out.size(); ++i)
      out[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[i])));
}

// 'b': [-]mantissa p±exponent, the exact binary value in decimal integers.
void appendBinaryFloat(std::string &out, double v, int bitSize) {
  int64_t mant;
  int exp;
  if (bitSize == 32) {
    uint32_t bits;
    float f = static_cast<float>(v);
    std::memcpy(&bits, &f, 4);
    mant = bits & ((1u << 23) - 1);
    exp = static_cast<int>(bits >> 23 & 0xFF);
    exp = exp == 0 ? 1 : (mant |= 1 << 23, exp);
    exp += -127 - 23;
    if (bits >> 31)
      out += '-';
  } else {
    uint64_t bits;
    std::memcpy(&bits, &v, 8);
    mant = static_cast<int64_t>(bits & ((uint64_t{1} << 52) - 1));
    exp = static_cast<int>(bits >> 52 & 0x7FF);
    exp = exp == 0 ? 1 : (mant |= int64_t{1} << 52, exp);
    exp += -1023 - 52;
    if (bits >> 63)
      out += '-';
  }
  out += std::to_string(mant);
  out += 'p';
  if (exp >= 0)
    out += '+';
  out += std::to_string(exp);
}

} // namespace

void appendFloat(std::string &out, double v, char fmt, int prec, int bitSize) {
  if (std::isnan(v)) {
    out += "NaN";
    return;
  }
  if (std::isinf(v)) {
    out += v > 0 ? "+Inf" : "-Inf";
    return;
  }
  if (fmt == 'x' || fmt == 'X') {
    appendHexFloat(out, v, fmt, prec, bitSize);
    return;
  }
  if (fmt == 'b') {
    appendBinaryFloat(out, v, bitSize);
    return;
  }
  if (prec < 0) {
    appendShortest(out, v, fmt, bitSize);
    return;
  }
  // With a precision Go's e/f/g agree with C's %.*e/%.*f/%.*g: digits
  // correctly rounded (half to even on the exact value), trailing zeros
  // trimmed for g.
  std::chars_format cf = fmt == 'f' || fmt == 'F'   ? std::chars_format::fixed
                         : fmt == 'e' || fmt == 'E' ? std::chars_format::scientific
                                                    : std::chars_format::general;
  if ((fmt == 'g' || fmt == 'G') && prec == 0)
    prec = 1;
  std::string buf(static_cast<size_t>(prec) + 400, '\0');  // 1e308 %.*f fits
  char *b = buf.data(), *e = b + buf.size();
  std::to_chars_result r = bitSize == 32 ? std::to_chars(b, e, static_cast<float>(v), cf, prec)
                                         : std::to_chars(b, e, v, cf, prec);
  if (r.ec != std::errc()) {  // only for absurd precisions: fall back to %e
    appendShortest(out, v, 'e', bitSize);
    return;
  }
  size_t start = out.size();
  out.append(b, r.ptr);
  if (fmt == 'E' || fmt == 'G')
    for (size_t i = start; i < out.size(); ++i)
      if (out[i] == 'e')
        out[i] = 'E';
}

void appendUint(std::string &out, uint64_t v, int base) {
  char buf[65];
  auto r = std::to_chars(buf, buf + sizeof buf, v, base);
  out.append(buf, r.ptr);
}

void appendInt(std::string &out, int64_t v, int base) {
  char buf[66];
  auto r = std::to_chars(buf, buf + sizeof buf, v, base);
  out.append(buf, r.ptr);
}

} // namespace mp::strconv
