// stdlib/math/math_internal.hpp: Go's own Exp and Log (explog.cpp), used
// by Pow so that its results match Go's bit for bit.  Not part of the C ABI.
#ifndef MP_STDLIB_MATH_INTERNAL_HPP
#define MP_STDLIB_MATH_INTERNAL_HPP

namespace mp::math {

double goExp(double x);
double goLog(double x);

} // namespace mp::math

#endif
