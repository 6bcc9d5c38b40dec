// sema/constant.cpp: exact constant arithmetic (GMP) and Go's
// representability rules.  Rounding a rational to float64/float32 goes
// through a 40-significant-digit decimal and strtod/strtof, which round
// to nearest; the only inexactness is a double rounding at exact ties of
// 40+ digits, far beyond what a program can observe.
#include "sema/constant.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace mp::sema {

Constant Constant::makeBool(bool b) {
  Constant c;
  c.K = Kind::Bool;
  c.B = b;
  return c;
}

Constant Constant::makeString(std::string s) {
  Constant c;
  c.K = Kind::String;
  c.S = std::move(s);
  return c;
}

Constant Constant::makeInt(mpz_class i) {
  Constant c;
  c.K = Kind::Int;
  c.I = std::move(i);
  return c;
}

Constant Constant::makeFloat(mpq_class f) {
  Constant c;
  c.K = Kind::Float;
  f.canonicalize();
  c.F = std::move(f);
  return c;
}

static std::string withoutUnderscores(std::string_view text) {
  std::string s;
  for (char ch : text)
    if (ch != '_')
      s += ch;
  return s;
}

Constant Constant::fromIntLiteral(std::string_view text) {
  std::string s = withoutUnderscores(text);
  int base = 10;
  size_t skip = 0;
  if (s.size() > 1 && s[0] == '0') {
    char p = char(s[1] | 0x20);
    base = p == 'x' ? 16 : p == 'b' ? 2 : 8;
    skip = (p == 'x' || p == 'b' || p == 'o') ? 2 : 1;
  }
  mpz_class v;
  if (s.size() == skip || v.set_str(s.substr(skip), base) != 0)
    return {};
  return makeInt(std::move(v));
}

// Go caps constant exponents far below what would exhaust memory; so do we.
static constexpr long kMaxExponent = 100000;

static mpz_class power(unsigned long base, unsigned long exp) {
  mpz_class r;
  mpz_ui_pow_ui(r.get_mpz_t(), base, exp);
  return r;
}

Constant Constant::fromFloatLiteral(std::string_view text) {
  std::string s = withoutUnderscores(text);
  bool hex = s.size() > 1 && s[0] == '0' && (s[1] | 0x20) == 'x';
  size_t i = hex ? 2 : 0;
  unsigned base = hex ? 16 : 10;
  std::string digits;
  long fracDigits = 0;
  bool seenDot = false;
  for (; i < s.size(); ++i) {
    char ch = s[i];
    if (ch == '.') {
      seenDot = true;
      continue;
    }
    bool isDigit = hex ? std::isxdigit((unsigned char)ch) : std::isdigit((unsigned char)ch);
    if (!isDigit)
      break;
    digits += ch;
    fracDigits += seenDot;
  }
  long exp = 0;
  if (i < s.size()) {
    char e = char(s[i] | 0x20);
    if (e != (hex ? 'p' : 'e'))
      return {};
    char *end = nullptr;
    exp = std::strtol(s.c_str() + i + 1, &end, 10);
    if (*end || std::labs(exp) > kMaxExponent)
      return {};
  }
  mpz_class mant;
  if (digits.empty())
    digits = "0";
  if (mant.set_str(digits, int(base)) != 0)
    return {};
  // value = mant / base^fracDigits * (hex ? 2 : 10)^exp
  mpq_class v(mant, power(base, fracDigits));
  mpz_class scale = power(hex ? 2 : 10, std::labs(exp));
  if (exp >= 0)
    v *= scale;
  else
    v /= scale;
  return makeFloat(v);
}

mpq_class Constant::ratValue() const {
  return K == Kind::Int ? mpq_class(I) : F;
}

bool Constant::isIntegral() const {
  return K == Kind::Int || (K == Kind::Float && F.get_den() == 1);
}

std::optional<Constant> Constant::toInt() const {
  if (K == Kind::Int)
    return *this;
  if (K == Kind::Float && F.get_den() == 1)
    return makeInt(F.get_num());
  return std::nullopt;
}

Constant Constant::toFloat() const {
  return K == Kind::Int ? makeFloat(mpq_class(I)) : *this;
}

bool Constant::fitsInt64() const {
  return K == Kind::Int && I >= mpz_class("-9223372036854775808") &&
         I <= mpz_class("9223372036854775807");
}

bool Constant::fitsUint64() const {
  return K == Kind::Int && I >= 0 && I <= mpz_class("18446744073709551615");
}

int64_t Constant::int64Value() const {
  return int64_t(I.get_si()); // long is 64-bit on every target we build on
}

uint64_t Constant::uint64Value() const {
  return uint64_t(I.get_ui());
}

// The value as a decimal with 40 significant digits ("d.ddde[+-]N").
static std::string decimal40(const mpq_class &q) {
  if (q == 0)
    return "0";
  mpf_class f(q, 256);
  mp_exp_t exp = 0;
  std::string digits = f.get_str(exp, 10, 40);
  bool neg = digits[0] == '-';
  if (neg)
    digits.erase(0, 1);
  return std::string(neg ? "-" : "") + "0." + digits + "e" + std::to_string(long(exp));
}

double Constant::float64Value() const {
  return std::strtod(decimal40(ratValue()).c_str(), nullptr);
}

float Constant::float32Value() const {
  return std::strtof(decimal40(ratValue()).c_str(), nullptr);
}

static std::string goQuote(const std::string &s) {
  std::string out = "\"";
  for (unsigned char ch : s) {
    switch (ch) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    default:
      if (ch < 0x20 || ch == 0x7f) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", ch);
        out += buf;
      } else {
        out += char(ch);
      }
    }
  }
  return out + "\"";
}

std::string Constant::str() const {
  switch (K) {
  case Kind::Unknown: return "unknown";
  case Kind::Bool: return B ? "true" : "false";
  case Kind::String: {
    // go/constant shortens long strings to 72 characters.
    std::string q = goQuote(S);
    if (q.size() > 72)
      q = q.substr(0, 72 - 3 - 1) + "...\"";
    return q;
  }
  case Kind::Int: return I.get_str();
  case Kind::Float: {
    double d = float64Value();
    if (std::isinf(d))
      return exactStr();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", d);
    return buf;
  }
  }
  return "";
}

std::string Constant::exactStr() const {
  if (K == Kind::Float)
    return F.get_den() == 1 ? F.get_num().get_str() : F.get_str();
  if (K == Kind::String)
    return goQuote(S);
  return str();
}

bool Constant::operator==(const Constant &o) const {
  if (K != o.K)
    return isNumeric() && o.isNumeric() && ratValue() == o.ratValue();
  switch (K) {
  case Kind::Unknown: return true;
  case Kind::Bool: return B == o.B;
  case Kind::String: return S == o.S;
  case Kind::Int: return I == o.I;
  case Kind::Float: return F == o.F;
  }
  return false;
}

static Constant intOp(ConstOp op, const mpz_class &a, const mpz_class &b) {
  switch (op) {
  case ConstOp::Add: return Constant::makeInt(a + b);
  case ConstOp::Sub: return Constant::makeInt(a - b);
  case ConstOp::Mul: return Constant::makeInt(a * b);
  case ConstOp::Quo: {
    mpz_class q;
    mpz_tdiv_q(q.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
    return Constant::makeInt(q);
  }
  case ConstOp::Rem: {
    mpz_class r;
    mpz_tdiv_r(r.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
    return Constant::makeInt(r);
  }
  case ConstOp::And: return Constant::makeInt(a & b);
  case ConstOp::Or: return Constant::makeInt(a | b);
  case ConstOp::Xor: return Constant::makeInt(a ^ b);
  case ConstOp::AndNot: return Constant::makeInt(a & ~b);
  default: return {};
  }
}

static Constant ratOp(ConstOp op, const mpq_class &a, const mpq_class &b) {
  switch (op) {
  case ConstOp::Add: return Constant::makeFloat(a + b);
  case ConstOp::Sub: return Constant::makeFloat(a - b);
  case ConstOp::Mul: return Constant::makeFloat(a * b);
  case ConstOp::Quo: return Constant::makeFloat(a / b);
  default: return {};
  }
}

Constant binaryOp(ConstOp op, const Constant &x, const Constant &y, bool intDivision) {
  using K = Constant::Kind;
  if (x.kind() == K::Bool && y.kind() == K::Bool) {
    if (op == ConstOp::LAnd)
      return Constant::makeBool(x.boolValue() && y.boolValue());
    if (op == ConstOp::LOr)
      return Constant::makeBool(x.boolValue() || y.boolValue());
    return {};
  }
  if (x.kind() == K::String && y.kind() == K::String)
    return op == ConstOp::Add ? Constant::makeString(x.stringValue() + y.stringValue())
                              : Constant{};
  if (!x.isNumeric() || !y.isNumeric())
    return {};
  bool divides = op == ConstOp::Quo || op == ConstOp::Rem;
  if (divides && y.ratValue() == 0)
    return {};
  if (x.kind() == K::Int && y.kind() == K::Int && (op != ConstOp::Quo || intDivision))
    return intOp(op, x.intValue(), y.intValue());
  if (intDivision && x.isIntegral() && y.isIntegral())
    return intOp(op, x.toInt()->intValue(), y.toInt()->intValue());
  return ratOp(op, x.ratValue(), y.ratValue());
}

Constant shiftOp(ConstOp op, const Constant &x, uint64_t n) {
  auto xi = x.toInt();
  if (!xi)
    return {};
  mpz_class r;
  if (op == ConstOp::Shl)
    mpz_mul_2exp(r.get_mpz_t(), xi->intValue().get_mpz_t(), n);
  else
    mpz_fdiv_q_2exp(r.get_mpz_t(), xi->intValue().get_mpz_t(), n);
  return Constant::makeInt(r);
}

static bool ordered(ConstOp op, int c) {
  switch (op) {
  case ConstOp::Eql: return c == 0;
  case ConstOp::Neq: return c != 0;
  case ConstOp::Lss: return c < 0;
  case ConstOp::Leq: return c <= 0;
  case ConstOp::Gtr: return c > 0;
  case ConstOp::Geq: return c >= 0;
  default: return false;
  }
}

bool compareOp(ConstOp op, const Constant &x, const Constant &y) {
  using K = Constant::Kind;
  if (x.kind() == K::Bool && y.kind() == K::Bool)
    return ordered(op, int(x.boolValue()) - int(y.boolValue()));
  if (x.kind() == K::String && y.kind() == K::String)
    return ordered(op, x.stringValue().compare(y.stringValue()));
  if (x.isNumeric() && y.isNumeric())
    return ordered(op, cmp(x.ratValue(), y.ratValue()));
  return false;
}

Constant unaryOp(ConstOp op, const Constant &x, unsigned unsignedBits) {
  using K = Constant::Kind;
  switch (op) {
  case ConstOp::Pos: return x.isNumeric() ? x : Constant{};
  case ConstOp::Neg:
    if (x.kind() == K::Int)
      return Constant::makeInt(-x.intValue());
    return x.kind() == K::Float ? Constant::makeFloat(-x.ratValue()) : Constant{};
  case ConstOp::Not:
    return x.kind() == K::Bool ? Constant::makeBool(!x.boolValue()) : Constant{};
  case ConstOp::BitNot: {
    auto xi = x.toInt();
    if (!xi)
      return {};
    if (unsignedBits == 0)
      return Constant::makeInt(-xi->intValue() - 1);
    mpz_class mask = power(2, unsignedBits) - 1;
    return Constant::makeInt(xi->intValue() ^ mask);
  }
  default: return {};
  }
}

static Representability intFits(const mpz_class &v, const BasicType *t) {
  if (t->flags() & IsUntyped)
    return Representability::Ok;
  unsigned bits = t->size() * 8;
  mpz_class lo, hi;
  if (t->flags() & IsUnsigned) {
    lo = 0;
    hi = power(2, bits) - 1;
  } else {
    lo = -power(2, bits - 1);
    hi = power(2, bits - 1) - 1;
  }
  return v >= lo && v <= hi ? Representability::Ok : Representability::Overflows;
}

static Representability roundFloat(const Constant &x, const BasicType *t, Constant *rounded) {
  if (t->flags() & IsUntyped) {
    *rounded = x.kind() == Constant::Kind::Float ? x : x.toFloat();
    return Representability::Ok;
  }
  double d = t->basicKind() == BasicKind::Float32 ? double(x.float32Value()) : x.float64Value();
  if (std::isinf(d))
    return Representability::Overflows;
  *rounded = Constant::makeFloat(mpq_class(d));
  return Representability::Ok;
}

Representability representable(const Constant &x, const BasicType *t, Constant *rounded) {
  using K = Constant::Kind;
  Constant scratch;
  if (!rounded)
    rounded = &scratch;
  unsigned f = t->flags();
  if (f & IsBoolean) {
    *rounded = x;
    return x.kind() == K::Bool ? Representability::Ok : Representability::Mismatch;
  }
  if (f & IsString) {
    *rounded = x;
    return x.kind() == K::String ? Representability::Ok : Representability::Mismatch;
  }
  if (!x.isNumeric())
    return Representability::Mismatch;
  if (f & IsInteger) {
    auto xi = x.toInt();
    if (!xi)
      return Representability::Truncated;
    *rounded = *xi;
    return intFits(xi->intValue(), t);
  }
  if (f & IsFloat)
    return roundFloat(x, t, rounded);
  return Representability::Mismatch;
}

} // namespace mp::sema
