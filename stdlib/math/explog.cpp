// stdlib/math/explog.cpp: Exp and Log computed the way Go 1.19 computes
// them on amd64 (its archExp/archLog), operation for operation, so that
// math.Pow's fractional powers round exactly as under `go run`.  libm's
// exp/log are more accurate and differ from Go's in the last bit for some
// inputs (e.g. Pow(7, 1.5)), which changes printed output.  Go picks the
// FMA variant of Exp when the CPU has AVX and FMA; we pick the same way.
#include "math_internal.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

// Built with -ffp-contract=off (stdlib/CMakeLists.txt): every rounding
// below is one Go performs, none may be fused.

namespace {

constexpr double Log2E = 1.4426950408889634073599246810018920;
constexpr double Ln2Upper = 0.69314718055966295651160180568695068359375;
constexpr double Ln2Lower = 0.28235290563031577122588448175013436025525412068e-12;
constexpr double ExpOverflow = 7.09782712893384e+02;
// Taylor coefficients 1/k! for k = 8 down to 3 (then 1/2 and 1).
constexpr double ExpTaylor[] = {2.4801587301587301587e-5, 1.9841269841269841270e-4,
                                1.3888888888888888889e-3, 8.3333333333333333333e-3,
                                4.1666666666666666667e-2, 1.6666666666666666667e-1};

bool cpuHasFma() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx") && __builtin_cpu_supports("fma");
}
const bool useFma = cpuHasFma();

double fromBits(uint64_t b) { return std::bit_cast<double>(b); }

// e^r - 1 for the reduced argument r, then squared back up four times:
// (1+y)^2 - 1 = y*(y+2).
double expReduced(double r, double k) {
  if (useFma) {
    r = std::fma(-k, Ln2Upper, r);
    r = std::fma(-k, Ln2Lower, r);
    r *= 0.0625;
    double p = ExpTaylor[0];
    for (int i = 1; i < 6; ++i)
      p = std::fma(p, r, ExpTaylor[i]);
    p = std::fma(p, r, 0.5);
    p = std::fma(p, r, 1.0);
    r *= p;
    for (int i = 0; i < 3; ++i)
      r *= r + 2.0;
    return std::fma(r, r + 2.0, 1.0);
  }
  r -= k * Ln2Upper;
  r -= k * Ln2Lower;
  r *= 0.0625;
  double p = ExpTaylor[0] * r;
  for (int i = 1; i < 6; ++i)
    p = (p + ExpTaylor[i]) * r;
  p = (p + 0.5) * r;
  p += 1.0;
  r *= p;
  for (int i = 0; i < 4; ++i)
    r *= r + 2.0;
  return r + 1.0;
}

} // namespace

namespace mp::math {

double goExp(double x) {
  uint64_t bits = std::bit_cast<uint64_t>(x);
  if ((bits & ~(uint64_t{1} << 63)) >= 0x7FF0000000000000u)  // Inf or NaN
    return x == -std::numeric_limits<double>::infinity() ? 0 : x;
  if (x > ExpOverflow)
    return std::numeric_limits<double>::infinity();
  // CVTSD2SL: round to nearest even; out of range gives INT32_MIN.
  double kf = std::nearbyint(Log2E * x);
  int32_t k = kf >= -2147483648.0 && kf <= 2147483647.0 ? static_cast<int32_t>(kf) : INT32_MIN;
  double fr = expReduced(x, static_cast<double>(k));
  int64_t biased = int64_t{k} + 0x3FF;
  if (biased >= 0x7FF)
    return std::numeric_limits<double>::infinity();
  if (biased > 0)
    return fr * fromBits(static_cast<uint64_t>(biased) << 52);
  if (k < -52 - 0x3FF)
    return 0;  // Go compares the biased exponent against -52
  fr *= fromBits(static_cast<uint64_t>(biased + 0x3FE) << 52);
  return fr * fromBits(uint64_t{1} << 52);
}

double goLog(double x) {
  constexpr double HalfSqrt2 = 7.07106781186547524401e-01;
  constexpr double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;
  constexpr double L1 = 6.666666666666735130e-01, L2 = 3.999999999940941908e-01,
                   L3 = 2.857142874366239149e-01, L4 = 2.222219843214978396e-01,
                   L5 = 1.818357216161805012e-01, L6 = 1.531383769920937332e-01,
                   L7 = 1.479819860511658591e-01;
  uint64_t bits = std::bit_cast<uint64_t>(x);
  if ((bits & ~(uint64_t{1} << 63)) == 0)
    return -std::numeric_limits<double>::infinity();
  if (static_cast<int64_t>(bits) < 0)
    return std::numeric_limits<double>::quiet_NaN();
  if (bits >= 0x7FF0000000000000u)
    return x;
  // Frexp by bits (Go's assembly does not normalise subnormals either).
  double f1 = fromBits((bits & 0x000FFFFFFFFFFFFFu) | 0x3FE0000000000000u);
  double k = static_cast<double>(static_cast<int32_t>((bits >> 52) & 0x7FF) - 0x3FE);
  if (!(HalfSqrt2 < f1)) {
    k -= 1;
    f1 *= 2;
  }
  double f = f1 - 1;
  double s = f / (2 + f);
  double s2 = s * s;
  double s4 = s2 * s2;
  double t1 = s2 * (((L7 * s4 + L5) * s4 + L3) * s4 + L1);
  double t2 = s4 * ((L6 * s4 + L4) * s4 + L2);
  double r = t1 + t2;
  double hfsq = 0.5 * f * f;
  double y = hfsq - (s * (r + hfsq) + k * Ln2Lo);
  return k * Ln2Hi - (y - f);
}

} // namespace mp::math
