// test/unit/runtime/timer_test.cpp: time.Sleep, time.After, time.Tick
// through the C ABI: durations are at least what was asked, sleepers park
// (others keep running), After fires once and Tick repeatedly.
#include "rt_test.h"

#include <atomic>

using namespace rt_test;

namespace {
constexpr int64_t kMs = 1'000'000;
}

// Rule: Sleep(d) returns no earlier than d later.
TEST(Timer, SleepWaitsAtLeastTheDuration) {
  run([] {
    int64_t start = mp_time_now();
    mp_sleep(15 * kMs, nullptr);
    EXPECT_GE(mp_time_now() - start, 15 * kMs);
  });
}

// Rule: Sleep(0) and negative durations return at once.
TEST(Timer, SleepZeroReturns) {
  run([] {
    mp_sleep(0, nullptr);
    mp_sleep(-5, nullptr);
    SUCCEED();
  });
}

// Sleeping parks the goroutine, not the worker: a thousand goroutines
// sleeping 20 ms each all finish in far less than 1000 * 20 ms.
TEST(Timer, SleepersRunConcurrently) {
  run([] {
    Done d(1000);
    int64_t start = mp_time_now();
    for (int i = 0; i < 1000; ++i)
      go([=] {
        mp_sleep(20 * kMs, nullptr);
        d.done();
      });
    d.wait(1000);
    EXPECT_LT(mp_time_now() - start, 2000 * kMs);
  });
}

// Sleepers wake in deadline order.
TEST(Timer, SleepersWakeInDeadlineOrder) {
  run([] {
    mp_chan *order = mp_chan_make(&kInt, 3);
    for (int64_t ms : {30, 10, 20})
      go([=] {
        mp_sleep(ms * kMs, nullptr);
        send(order, ms);
      });
    EXPECT_EQ(recv(order), 10);
    EXPECT_EQ(recv(order), 20);
    EXPECT_EQ(recv(order), 30);
  });
}

// Rule: After(d) delivers one value after d, then nothing more.
TEST(Timer, AfterFiresOnce) {
  run([] {
    int64_t start = mp_time_now();
    mp_chan *c = mp_time_after(10 * kMs);
    EXPECT_EQ(mp_chan_cap(c), 1);
    mp_tick t;
    ASSERT_TRUE(mp_chan_recv(c, &t, nullptr));
    EXPECT_GE(t.mono - start, 10 * kMs);
    EXPECT_GT(t.wall, int64_t(1'600'000'000) * 1'000'000'000);  // after 2020
    mp_sleep(30 * kMs, nullptr);
    EXPECT_EQ(mp_chan_len(c), 0);
  });
}

// Rule: Tick(d) delivers repeatedly, about every d; Tick(0) is nil.
TEST(Timer, TickRepeats) {
  run([] {
    EXPECT_EQ(mp_time_tick(0), nullptr);
    int64_t start = mp_time_now();
    mp_chan *c = mp_time_tick(5 * kMs);
    int64_t last = start;
    for (int i = 0; i < 4; ++i) {
      mp_tick t;
      ASSERT_TRUE(mp_chan_recv(c, &t, nullptr));
      EXPECT_GT(t.mono, last);
      last = t.mono;
    }
    EXPECT_GE(mp_time_now() - start, 20 * kMs);
  });
}

// A slow reader of a Tick channel misses ticks rather than queueing them
// (capacity 1, as in Go).
TEST(Timer, TickDropsWhenReaderIsSlow) {
  run([] {
    mp_chan *c = mp_time_tick(2 * kMs);
    mp_sleep(30 * kMs, nullptr);
    EXPECT_EQ(mp_chan_len(c), 1);
  });
}
