// frontend/literal_check.cpp: validation and decoding of literals, ported
// from the logic of Go's scanner so that messages and positions match
// `go build` (positions point at the offending character, as Go's do).
#include "lexer.h"
#include "unicode.h"

namespace mp {
namespace {

bool isDecimal(char c) { return c >= '0' && c <= '9'; }
bool isHex(char c) {
  return isDecimal(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
char lower(char c) { return c | 0x20; }

const char *baseName(int base) {
  switch (base) {
  case 2:
    return "binary";
  case 8:
    return "octal";
  case 10:
    return "decimal";
  default:
    return "hexadecimal";
  }
}

// Index of the first misplaced `_` in literal x, or -1 (Go's invalidSep).
long invalidSep(llvm::StringRef x) {
  char x1 = ' ', d = '.';
  size_t i = 0;
  if (x.size() >= 2 && x[0] == '0') {
    x1 = lower(x[1]);
    if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
      d = '0';
      i = 2;
    }
  }
  for (; i < x.size(); ++i) {
    char p = d;
    d = x[i];
    if (d == '_') {
      if (p != '0')
        return long(i);
    } else if (isDecimal(d) || (x1 == 'x' && isHex(d))) {
      d = '0';
    } else {
      if (p == '_')
        return long(i) - 1;
      d = '.';
    }
  }
  if (d == '_')
    return long(x.size()) - 1;
  return -1;
}

} // namespace

std::string quoteChar(uint32_t c) {
  switch (c) {
  case '\n':
    return "'\\n'";
  case '\t':
    return "'\\t'";
  case '\r':
    return "'\\r'";
  case '\'':
    return "'\\''";
  case '\\':
    return "'\\\\'";
  default:
    break;
  }
  if (c >= 0x20 && c < 0x7f)
    return std::string("'") + char(c) + "'";
  char buf[16];
  if (c < 0x80)
    std::snprintf(buf, sizeof buf, "'\\x%02x'", c);
  else {
    std::string s = "'";
    appendUtf8(s, c);
    return s + "'";
  }
  return buf;
}

std::string formatCodePoint(uint32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", c);
  std::string s = buf;
  bool printable = c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) &&
                   !(c >= 0xD800 && c < 0xE000) && c <= 0x10FFFF;
  if (printable) {
    s += " '";
    appendUtf8(s, c);
    s += "'";
  }
  return s;
}

void appendUtf8(std::string &out, uint32_t c) {
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xC0 | (c >> 6));
    out += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += char(0xE0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | (c >> 18));
    out += char(0x80 | ((c >> 12) & 0x3F));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
}

void Lexer::checkNumber(const char *b, const char *e, TokenKind &kind) {
  const char *p = b;
  auto ch = [&]() -> char { return p < e ? *p : '\0'; };
  int base = 10;
  char prefix = 0;
  int digsep = 0;
  const char *invalid = nullptr;
  bool ok = true;
  kind = TokenKind::Int;
  auto digits = [&](int b) {
    int ds = 0;
    if (b <= 10) {
      char max = char('0' + b);
      for (; isDecimal(ch()) || ch() == '_'; ++p) {
        if (ch() == '_')
          ds |= 2;
        else {
          ds |= 1;
          if (ch() >= max && !invalid)
            invalid = p;
        }
      }
    } else {
      for (; isHex(ch()) || ch() == '_'; ++p)
        ds |= ch() == '_' ? 2 : 1;
    }
    return ds;
  };
  bool seenPoint = *p == '.';
  if (!seenPoint) {
    if (ch() == '0') {
      ++p;
      switch (lower(ch())) {
      case 'x':
        ++p, base = 16, prefix = 'x';
        break;
      case 'o':
        ++p, base = 8, prefix = 'o';
        break;
      case 'b':
        ++p, base = 2, prefix = 'b';
        break;
      default:
        base = 8, prefix = '0', digsep = 1; // leading 0
      }
    }
    digsep |= digits(base);
    if (ch() == '.') {
      if (prefix == 'o' || prefix == 'b') {
        error(DiagId::InvalidRadixPoint, p, {baseName(base)});
        ok = false;
      }
      ++p;
      seenPoint = true;
    }
  } else {
    ++p;
  }
  if (seenPoint) {
    kind = TokenKind::Float;
    digsep |= digits(base);
  }
  if ((digsep & 1) == 0 && ok) {
    error(DiagId::LiteralNoDigits, p, {baseName(base)});
    ok = false;
  }
  char ex = lower(ch());
  if (ex == 'e' || ex == 'p') {
    if (ok && ex == 'e' && prefix != 0 && prefix != '0') {
      error(DiagId::ExponentMantissa, p, {std::string(1, *p), "decimal"});
      ok = false;
    } else if (ok && ex == 'p' && prefix != 'x') {
      error(DiagId::ExponentMantissa, p, {std::string(1, *p), "hexadecimal"});
      ok = false;
    }
    ++p;
    kind = TokenKind::Float;
    if (ch() == '+' || ch() == '-')
      ++p;
    int ds = digits(10);
    digsep = ds | (digsep & 2);
    if ((ds & 1) == 0 && ok) {
      error(DiagId::ExponentNoDigits, p);
      ok = false;
    }
  } else if (prefix == 'x' && kind == TokenKind::Float && ok) {
    error(DiagId::HexMantissaNeedsP, p);
    ok = false;
  }
  if (ch() == 'i') {
    kind = TokenKind::Imag;
    ++p;
  }
  if (kind == TokenKind::Int && invalid && ok) {
    error(DiagId::InvalidDigit, invalid, {quoteChar(uint8_t(*invalid)), baseName(base)});
    ok = false;
  }
  if ((digsep & 2) && ok) {
    long i = invalidSep(llvm::StringRef(b, size_t(e - b)));
    if (i >= 0) {
      error(DiagId::UnderscoreSeparator, b + i);
      ok = false;
    }
  }
  if (kind == TokenKind::Imag && ok)
    errorRange(DiagId::ImaginaryUnsupported, b, e, {llvm::StringRef(b, size_t(e - b))});
}

const char *Lexer::scanEscape(const char *p, const char *e, char quote, bool &ok) {
  int n;
  uint32_t base, max;
  char c = p < e ? *p : '\0';
  switch (c) {
  case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
    return p + 1;
  case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
    n = 3, base = 8, max = 255;
    break;
  case 'x':
    ++p, n = 2, base = 16, max = 255;
    break;
  case 'u':
    ++p, n = 4, base = 16, max = 0x10FFFF;
    break;
  case 'U':
    ++p, n = 8, base = 16, max = 0x10FFFF;
    break;
  default:
    if (c == quote)
      return p + 1;
    if (p >= e)
      return p; // the caller reports the unterminated literal
    error(DiagId::UnknownEscape, p);
    ok = false;
    return p;
  }
  uint32_t x = 0;
  for (int i = n; i > 0; --i) {
    if (p >= e)
      return p;
    uint32_t d = base;
    if (isDecimal(*p))
      d = uint32_t(*p - '0');
    else if (lower(*p) >= 'a' && lower(*p) <= 'f')
      d = uint32_t(lower(*p) - 'a' + 10);
    if (d >= base) {
      error(DiagId::InvalidEscapeChar, p, {quoteChar(uint8_t(*p)), baseName(int(base))});
      ok = false;
      return p;
    }
    x = x * base + d;
    ++p;
  }
  if (x > max && base == 8) {
    error(DiagId::OctalEscapeTooBig, p, {int64_t(x)});
    ok = false;
  } else if (x > max || (x >= 0xD800 && x < 0xE000)) {
    error(DiagId::EscapeInvalidCodePoint, p, {formatCodePoint(x)});
    ok = false;
  }
  return p;
}

void Lexer::checkEscapes(const char *b, const char *e, char quote) {
  bool ok = true;
  for (const char *p = b; p < e;) {
    if (*p == '\\') {
      p = scanEscape(p + 1, e, quote, ok);
    } else if (uint8_t(*p) >= 0x80 || *p == '\0') {
      const char *q = p;
      checkText(p, p + 1 < e ? p + 1 : e); // NUL only
      unsigned len = 1;
      if (uint8_t(*p) >= 0x80) {
        uint32_t r;
        if (classifyRune(reinterpret_cast<const unsigned char *>(p),
                         reinterpret_cast<const unsigned char *>(e), &len,
                         &r) == RuneClass::Invalid)
          error(DiagId::InvalidUtf8, p);
        else if (r == 0xFEFF)
          error(DiagId::InvalidBom, p);
      }
      p = q + len;
    } else {
      ++p;
    }
  }
}

void Lexer::checkRune(const char *b, const char *e, bool terminated) {
  const char *bodyEnd = terminated ? e - 1 : e;
  bool ok = true;
  int n = 0;
  for (const char *p = b + 1; p < bodyEnd; ++n) {
    if (*p == '\\') {
      p = scanEscape(p + 1, bodyEnd, '\'', ok);
      continue;
    }
    unsigned len = 1;
    if (uint8_t(*p) >= 0x80 &&
        classifyRune(reinterpret_cast<const unsigned char *>(p),
                     reinterpret_cast<const unsigned char *>(bodyEnd), &len) ==
            RuneClass::Invalid) {
      error(DiagId::InvalidUtf8, p);
      ok = false;
    } else if (*p == '\0') {
      error(DiagId::InvalidNul, p);
      ok = false;
    }
    p += len;
  }
  if (!terminated) {
    if (ok && e < limit_ && *e == '\n')
      error(DiagId::NewlineInRune, e);
    else if (ok)
      error(DiagId::RuneNotTerminated, b);
    return;
  }
  if (!ok)
    return;
  if (n == 0)
    error(DiagId::EmptyRune, e - 1);
  else if (n != 1)
    error(DiagId::MultiCharRune, b);
}

void Lexer::checkText(const char *b, const char *e) {
  for (const char *p = b; p < e;) {
    uint8_t c = uint8_t(*p);
    if (c == 0) {
      error(DiagId::InvalidNul, p);
      ++p;
    } else if (c >= 0x80) {
      unsigned len;
      uint32_t r;
      if (classifyRune(reinterpret_cast<const unsigned char *>(p),
                       reinterpret_cast<const unsigned char *>(e), &len,
                       &r) == RuneClass::Invalid)
        error(DiagId::InvalidUtf8, p);
      else if (r == 0xFEFF)
        error(DiagId::InvalidBom, p);
      p += len;
    } else {
      ++p;
    }
  }
}

bool Lexer::checkIdent(const char *b, const char *e) {
  for (const char *p = b; p < e;) {
    if (uint8_t(*p) < 0x80) {
      ++p;
      continue;
    }
    unsigned len;
    uint32_t r = 0;
    RuneClass cls = classifyRune(reinterpret_cast<const unsigned char *>(p),
                                 reinterpret_cast<const unsigned char *>(e), &len, &r);
    bool first = p == b;
    if (cls == RuneClass::Invalid || r == 0xFEFF || (cls == RuneClass::Other && first)) {
      if (cls == RuneClass::Invalid)
        error(DiagId::InvalidUtf8, p);
      else if (r == 0xFEFF)
        error(DiagId::InvalidBom, p);
      else
        error(DiagId::InvalidChar, p, {formatCodePoint(r)});
      if (first) {
        identSkip_ = p + len;
        return false;
      }
    } else if (cls == RuneClass::Digit && first) {
      error(DiagId::IdentStartsWithDigit, p, {formatCodePoint(r)});
    } else if (cls == RuneClass::Other) {
      error(DiagId::InvalidIdentChar, p, {formatCodePoint(r)});
    }
    p += len;
  }
  return true;
}

void decodeQuoted(llvm::StringRef lit, std::string &out, uint32_t *rune) {
  out.clear();
  if (lit.empty())
    return;
  if (lit[0] == '`') {
    llvm::StringRef body = lit.drop_front();
    if (body.ends_with("`"))
      body = body.drop_back();
    for (char c : body)
      if (c != '\r')
        out += c;
    return;
  }
  char quote = lit[0];
  llvm::StringRef body = lit.drop_front();
  if (body.size() && body.back() == quote)
    body = body.drop_back();
  bool firstSet = false;
  for (size_t i = 0; i < body.size();) {
    uint32_t value;
    bool isByte = false;
    if (body[i] != '\\') {
      unsigned len = 1;
      value = uint8_t(body[i]);
      if (value >= 0x80 &&
          classifyRune(reinterpret_cast<const unsigned char *>(body.data() + i),
                       reinterpret_cast<const unsigned char *>(body.end()), &len,
                       &value) == RuneClass::Invalid)
        value = 0xFFFD;
      out.append(body.data() + i, len);
      i += len;
      if (rune && !firstSet)
        *rune = value, firstSet = true;
      continue;
    }
    ++i;
    char c = i < body.size() ? body[i] : '\\';
    ++i;
    int n = 0, base = 16;
    switch (c) {
    case 'a': value = 7; break;
    case 'b': value = 8; break;
    case 'f': value = 12; break;
    case 'n': value = 10; break;
    case 'r': value = 13; break;
    case 't': value = 9; break;
    case 'v': value = 11; break;
    case 'x': n = 2, isByte = true; break;
    case 'u': n = 4; break;
    case 'U': n = 8; break;
    default:
      if (c >= '0' && c <= '7') {
        --i, n = 3, base = 8, isByte = true;
      } else {
        value = uint8_t(c); // \\, \', \" (and invalid escapes, reported)
      }
    }
    if (n) {
      value = 0;
      for (int k = 0; k < n && i < body.size(); ++k, ++i) {
        char d = body[i];
        unsigned dv = isDecimal(d) ? unsigned(d - '0') : unsigned(lower(d) - 'a' + 10);
        value = value * unsigned(base) + (dv < unsigned(base) ? dv : 0);
      }
    }
    if (isByte)
      out += char(value & 0xFF);
    else
      appendUtf8(out, value <= 0x10FFFF ? value : 0xFFFD);
    if (rune && !firstSet)
      *rune = value, firstSet = true;
  }
}

} // namespace mp
