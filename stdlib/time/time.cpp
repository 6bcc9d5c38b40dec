// stdlib/time/time.cpp: package time's clock-free parts: Duration's
// String/Seconds/Milliseconds (Go's exact text: "1.5s", "2m0s",
// "1h0m0s", "1.2µs") and Now/Since/Sub on the monotonic clock.  Sleep,
// After and Tick park goroutines on the scheduler's timers: they belong to
// the runtime (runtime.h), not here.
#include "mp/runtime.h"
#include "mp/stdlib.h"
#include "mp/stdlib_internal.hpp"

#include <cstddef>
#include <climits>
#include <ctime>
#include <string>

namespace {

using mp::std_::lit;

// Appends v / 10^prec with its fraction, trailing zeros (and a bare '.')
// dropped, as Go's fmtFrac+fmtInt do; returns v / 10^prec.
uint64_t appendFrac(std::string &out, uint64_t v, int prec) {
  std::string frac;
  bool nonZero = false;
  for (int i = 0; i < prec; ++i) {
    int digit = static_cast<int>(v % 10);
    nonZero = nonZero || digit != 0;
    if (nonZero)
      frac.insert(frac.begin(), static_cast<char>('0' + digit));
    v /= 10;
  }
  out += std::to_string(v);
  if (nonZero)
    out += '.' + frac;
  return v;
}

std::string durationString(int64_t d) {
  if (d == 0)
    return "0s";
  std::string out;
  // The magnitude as unsigned, so that MinInt64 needs no special case.
  uint64_t u = d < 0 ? 0 - static_cast<uint64_t>(d) : static_cast<uint64_t>(d);
  if (d < 0)
    out += '-';
  if (u < 1000000000) {
    if (u < 1000)
      return out + std::to_string(u) + "ns";
    if (u < 1000000) {
      appendFrac(out, u, 3);
      return out + "\u00b5s";  // U+00B5 MICRO SIGN, as Go prints it
    }
    appendFrac(out, u, 6);
    return out + "ms";
  }
  std::string secs;
  u = appendFrac(secs, u % 60000000000, 9) + u / 60000000000 * 60;  // whole seconds
  uint64_t minutes = u / 60, hours = minutes / 60;
  if (hours > 0)
    out += std::to_string(hours) + "h";
  if (minutes > 0)
    out += std::to_string(minutes % 60) + "m";
  return out + secs + "s";
}

int64_t clockNanos(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

mp_string durationStringMethod(const void *self) {
  return mp_time_Duration_String(*static_cast<const int64_t *>(self));
}

} // namespace

extern "C" const mp_type mp_time_Duration_type = {
    MP_KIND_INT64, 8, MP_TYPE_NAMED | MP_TYPE_POINTER_FREE | MP_TYPE_COMPARABLE, 0, 8,
    lit("time.Duration"), nullptr, nullptr, 0, nullptr, durationStringMethod, nullptr};

extern "C" mp_string mp_time_Duration_String(int64_t d) { return mp::std_::newString(durationString(d)); }

extern "C" double mp_time_Duration_Seconds(int64_t d) {
  return static_cast<double>(d / 1000000000) + static_cast<double>(d % 1000000000) / 1e9;
}
extern "C" double mp_time_Duration_Minutes(int64_t d) {
  return static_cast<double>(d / 60000000000) + static_cast<double>(d % 60000000000) / 60e9;
}
extern "C" double mp_time_Duration_Hours(int64_t d) {
  return static_cast<double>(d / 3600000000000) + static_cast<double>(d % 3600000000000) / 3600e9;
}
extern "C" int64_t mp_time_Duration_Milliseconds(int64_t d) { return d / 1000000; }
extern "C" int64_t mp_time_Duration_Microseconds(int64_t d) { return d / 1000; }

// time.After/Tick deliver the runtime's mp_tick where MP receives a Time.
static_assert(sizeof(mp_tick) == sizeof(mp_time_Time) &&
                  offsetof(mp_tick, wall) == offsetof(mp_time_Time, wall) &&
                  offsetof(mp_tick, mono) == offsetof(mp_time_Time, mono),
              "mp_tick and mp_time_Time must share a layout");

extern "C" mp_time_Time mp_time_Now(void) {
  return mp_time_Time{clockNanos(CLOCK_REALTIME), clockNanos(CLOCK_MONOTONIC)};
}

extern "C" int64_t mp_time_Time_Sub(mp_time_Time t, mp_time_Time u) {
  // Both readings come from Now, so the monotonic clock decides, as in Go;
  // the difference saturates at the Duration range.
  int64_t d;
  if (__builtin_sub_overflow(t.mono, u.mono, &d))
    return t.mono < u.mono ? INT64_MIN : INT64_MAX;
  return d;
}

extern "C" int64_t mp_time_Since(mp_time_Time t) { return mp_time_Time_Sub(mp_time_Now(), t); }

extern "C" int64_t mp_time_Time_UnixNano(mp_time_Time t) { return t.wall; }

extern "C" int64_t mp_time_Time_Unix(mp_time_Time t) {
  // Seconds rounded down, as Go's t.Unix() for times before 1970 too.
  int64_t s = t.wall / 1000000000;
  return t.wall % 1000000000 < 0 ? s - 1 : s;
}
