// sema/constant.h: exact values of constant expressions (Go spec
// "Constants", "Constant expressions").  Integers are GMP mpz, floats are
// exact GMP rationals (mpq): GMP gives arbitrary precision with exact
// division, which llvm::APInt (fixed width) and APFloat (rounds) do not.
// A typed float constant is rounded to its type by representable().
#ifndef MP_SEMA_CONSTANT_H
#define MP_SEMA_CONSTANT_H

#include <gmpxx.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sema/types.h"

namespace mp::sema {

// Operators on constants, independent of the frontend's token kinds.
enum class ConstOp : uint8_t {
  Add, Sub, Mul, Quo, Rem, And, Or, Xor, AndNot, Shl, Shr,
  Eql, Neq, Lss, Leq, Gtr, Geq, LAnd, LOr,
  Neg, Pos, Not, BitNot,
};

class Constant {
public:
  enum class Kind : uint8_t { Unknown, Bool, String, Int, Float };

  Constant() = default;
  static Constant makeBool(bool b);
  static Constant makeString(std::string s);
  static Constant makeInt(mpz_class i);
  static Constant makeInt(int64_t i) { return makeInt(mpz_class(long(i))); }
  static Constant makeFloat(mpq_class f); // normalises to Int kind? no: stays Float
  // Go literal spellings (underscores, 0x/0o/0b prefixes, hex floats).
  // Returns Unknown for malformed text (the lexer already reported it).
  static Constant fromIntLiteral(std::string_view text);
  static Constant fromFloatLiteral(std::string_view text);

  Kind kind() const { return K; }
  bool isKnown() const { return K != Kind::Unknown; }
  bool isNumeric() const { return K == Kind::Int || K == Kind::Float; }
  bool boolValue() const { return B; }
  const std::string &stringValue() const { return S; }
  const mpz_class &intValue() const { return I; } // Kind::Int only
  mpq_class ratValue() const;                      // Int or Float
  // Float kind whose value is an integer (1.0): usable where an int is needed.
  bool isIntegral() const;
  std::optional<Constant> toInt() const; // exact conversion or nothing
  Constant toFloat() const;

  bool fitsInt64() const;
  bool fitsUint64() const;
  int64_t int64Value() const;   // precondition: Int, fitsInt64
  uint64_t uint64Value() const; // precondition: Int, fitsUint64
  double float64Value() const;  // nearest double (numeric kinds)
  float float32Value() const;

  // Go's short form for messages (`1180591620717411303424`, `1.5`, `"s"`).
  std::string str() const;
  // Everything exact (for --dump-types and tests).
  std::string exactStr() const;

  bool operator==(const Constant &o) const;

private:
  Kind K = Kind::Unknown;
  bool B = false;
  std::string S;
  mpz_class I;
  mpq_class F;
};

// x op y for numeric, string or boolean constants of matching kinds.
// `intDivision` selects truncated division (both operands integer-typed).
// Returns Unknown on division by zero (the caller reports it).
Constant binaryOp(ConstOp op, const Constant &x, const Constant &y, bool intDivision);
// Shifts: x must be integral, n a non-negative count small enough to keep
// the result in memory (the caller checks; Go caps counts similarly).
Constant shiftOp(ConstOp op, const Constant &x, uint64_t n);
bool compareOp(ConstOp op, const Constant &x, const Constant &y);
// -x, +x, !x, ^x.  For ^x on a typed unsigned of `bits` bits, the result is
// masked to that width (Go: ^uint8(1) == 254); bits == 0 means untyped/signed.
Constant unaryOp(ConstOp op, const Constant &x, unsigned unsignedBits);

enum class Representability : uint8_t { Ok, Overflows, Truncated, Mismatch };
// Whether x can be a value of the basic (or untyped) type t; on success,
// *rounded holds the value as stored (floats rounded to float32/float64,
// integer-valued floats turned into ints for integer types).
Representability representable(const Constant &x, const BasicType *t, Constant *rounded);

} // namespace mp::sema

#endif
