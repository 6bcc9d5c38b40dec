// stdlib/math/math.cpp: package math's functions from LANGUAGE.md (the
// constants MaxInt64, MinInt64 and Pi are compile-time).  Sqrt, Abs,
// Floor and Ceil are exact in libm as in Go.  Pow follows Go's algorithm
// (special cases, then repeated squaring on the integer part of y and
// Go's Exp(yf*Log(x)) for the fraction, see explog.cpp) so that every
// power rounds as Go's does.
#include "math_internal.hpp"
#include "mp/stdlib.h"

#include <cmath>
#include <limits>

namespace {

bool isOddInt(double x) {
  if (std::fabs(x) >= 0x1p53)
    return false;  // every float this large is an even integer
  double xi;
  double xf = std::modf(x, &xi);
  return xf == 0 && (static_cast<int64_t>(xi) & 1) == 1;
}

double inf(int sign) {
  return sign >= 0 ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
}

} // namespace

extern "C" double mp_math_Sqrt(double x) { return std::sqrt(x); }
extern "C" double mp_math_Abs(double x) { return std::fabs(x); }
extern "C" double mp_math_Floor(double x) { return std::floor(x); }
extern "C" double mp_math_Ceil(double x) { return std::ceil(x); }
extern "C" double mp_math_Inf(int64_t sign) { return inf(sign >= 0 ? 1 : -1); }

extern "C" double mp_math_Pow(double x, double y) {
  if (y == 0 || x == 1)
    return 1;
  if (y == 1)
    return x;
  if (std::isnan(x) || std::isnan(y))
    return std::numeric_limits<double>::quiet_NaN();
  if (x == 0) {
    bool oddNeg = std::signbit(x) && isOddInt(y);
    if (y < 0)
      return oddNeg ? inf(-1) : inf(1);
    return oddNeg ? x : 0;
  }
  if (std::isinf(y)) {
    if (x == -1)
      return 1;
    return (std::fabs(x) < 1) == (y > 0) ? 0 : inf(1);
  }
  if (std::isinf(x)) {
    if (x < 0)
      return mp_math_Pow(1 / x, -y);  // Pow(-0, -y)
    return y < 0 ? 0 : inf(1);
  }
  if (y == 0.5)
    return std::sqrt(x);
  if (y == -0.5)
    return 1 / std::sqrt(x);

  double yi, yf = std::modf(std::fabs(y), &yi);
  if (yf != 0 && x < 0)
    return std::numeric_limits<double>::quiet_NaN();
  if (yi >= 0x1p63) {  // a huge even integer: over- or underflows
    if (x == -1)
      return 1;
    return (std::fabs(x) < 1) == (y > 0) ? 0 : inf(1);
  }
  double a1 = 1.0;  // the answer is a1 * 2^ae
  int64_t ae = 0;
  if (yf != 0) {
    if (yf > 0.5) {
      yf -= 1;
      yi += 1;
    }
    a1 = mp::math::goExp(yf * mp::math::goLog(x));
  }
  int xe;
  double x1 = std::frexp(x, &xe);
  int64_t xe64 = xe;
  for (auto i = static_cast<int64_t>(yi); i != 0; i >>= 1) {
    if (xe64 < -(1 << 12) || (1 << 12) < xe64) {
      ae += xe64;  // catastrophic over/underflow: ldexp settles it
      break;
    }
    if (i & 1) {
      a1 *= x1;
      ae += xe64;
    }
    x1 *= x1;
    xe64 <<= 1;
    if (x1 < .5) {
      x1 += x1;
      --xe64;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  if (ae > 1 << 20)
    ae = 1 << 20;  // keep the int conversion defined; ldexp saturates anyway
  if (ae < -(1 << 20))
    ae = -(1 << 20);
  return std::ldexp(a1, static_cast<int>(ae));
}
