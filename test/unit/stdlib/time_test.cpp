// test/unit/stdlib/time_test.cpp: package time against Go (time_cases.def,
// expected strings from `go run`): Duration's text through its own String
// and through fmt (the exported descriptor carries the method), and the
// monotonic Now/Since/Sub.
#include "go_cases.hpp"

#include <gtest/gtest.h>

#include <ctime>

using namespace fmtcase;
using gocase::sprint;
using gocase::sprintf;

namespace {

constexpr int64_t Us = 1000, Ms = 1000 * Us, Sec = 1000 * Ms, Min = 60 * Sec, Hour = 60 * Min;
mp_iface D(int64_t d) { return box(&mp_time_Duration_type, d); }
const mp_type *T_sliceDuration = sliceOf(&mp_time_Duration_type, "[]time.Duration");
mp_iface durations(std::initializer_list<int64_t> ds) { return sliceBox(T_sliceDuration, ds); }

const std::vector<gocase::StrCase> &timeCases() {
  static const std::vector<gocase::StrCase> all = {
#include "time_cases.def"
  };
  return all;
}

GO_CASES_TEST(TimeGo, timeCases);

} // namespace

TEST(Time, SinceMeasuresElapsedTimeOnTheMonotonicClock) {
  mp_time_Time start = mp_time_Now();
  timespec pause{0, 20 * Ms};
  nanosleep(&pause, nullptr);
  mp_time_Time end = mp_time_Now();
  EXPECT_GE(mp_time_Time_Sub(end, start), 20 * Ms);
  EXPECT_LE(mp_time_Time_Sub(start, end), -20 * Ms);
  EXPECT_GE(mp_time_Since(start), mp_time_Time_Sub(end, start));
  EXPECT_GT(start.wall, int64_t{1600000000} * Sec);  // a plausible Unix time
}

TEST(Time, SubSaturatesAsGo) {
  EXPECT_EQ(mp_time_Time_Sub({0, INT64_MAX}, {0, -10}), INT64_MAX);
  EXPECT_EQ(mp_time_Time_Sub({0, -10}, {0, INT64_MAX}), INT64_MIN);
}

// Go: time.Unix(0, n).Unix() and .UnixNano() for these n.
TEST(Time, UnixRoundsSecondsDown) {
  EXPECT_EQ(mp_time_Time_Unix({1700000000 * Sec + 999999999, 0}), 1700000000);
  EXPECT_EQ(mp_time_Time_UnixNano({1700000000 * Sec + 5, 0}), 1700000000 * Sec + 5);
  EXPECT_EQ(mp_time_Time_Unix({-1, 0}), -1);
  EXPECT_EQ(mp_time_Time_Unix({-Sec, 0}), -1);
  EXPECT_EQ(mp_time_Time_Unix({-Sec - 1, 0}), -2);
  EXPECT_EQ(mp_time_Time_Unix({0, 0}), 0);
}
