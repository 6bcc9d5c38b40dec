// test/unit/runtime/chan_test.cpp: channel rules (LANGUAGE.md §2) through
// the C ABI: rendezvous, buffering, FIFO, close, len/cap, value copying.
#include "rt_test.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace rt_test;

// Rule: an unbuffered send completes only when a receiver takes the value.
TEST(Chan, UnbufferedSendWaitsForReceiver) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 0);
    mp_chan *done = mp_chan_make(&kInt, 1);
    static std::atomic<int> stage{0};
    stage = 0;
    go([=] {
      send(c, 42);
      stage = 2;
      send(done, 0);
    });
    for (int i = 0; i < 100; ++i)
      mp_yield();  // the sender runs and blocks
    EXPECT_EQ(stage.load(), 0);
    stage = 1;
    EXPECT_EQ(recv(c), 42);
    recv(done);
    EXPECT_EQ(stage.load(), 2);
  });
}

// Rule: make(chan T, n) buffers n values FIFO; the n+1th send blocks.
TEST(Chan, BufferedFifoAndCapacity) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 3);
    EXPECT_EQ(mp_chan_cap(c), 3);
    for (int i = 1; i <= 3; ++i)
      send(c, i);
    EXPECT_EQ(mp_chan_len(c), 3);
    static std::atomic<bool> fourthSent{false};
    fourthSent = false;
    mp_chan *done = mp_chan_make(&kInt, 1);
    go([=] {
      send(c, 4);
      fourthSent = true;
      send(done, 0);
    });
    for (int i = 0; i < 100; ++i)
      mp_yield();
    EXPECT_FALSE(fourthSent.load());
    for (int i = 1; i <= 4; ++i)
      EXPECT_EQ(recv(c), i);
    recv(done);
    EXPECT_TRUE(fourthSent.load());
    EXPECT_EQ(mp_chan_len(c), 0);
  });
}

// Rule: v, ok := <-ch gives the buffered values, then ok == false and the
// zero value once ch is closed and drained.
TEST(Chan, CloseDrainsThenZero) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 2);
    send(c, 7);
    send(c, 8);
    mp_chan_close(c, nullptr);
    bool ok;
    EXPECT_EQ(recv(c, &ok), 7);
    EXPECT_TRUE(ok);
    EXPECT_EQ(recv(c, &ok), 8);
    EXPECT_TRUE(ok);
    EXPECT_EQ(recv(c, &ok), 0);
    EXPECT_FALSE(ok);
    EXPECT_EQ(recv(c, &ok), 0);
    EXPECT_FALSE(ok);
  });
}

// Rule: close wakes every blocked receiver with (zero, false).
TEST(Chan, CloseWakesAllReceivers) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 0);
    mp_chan *results = mp_chan_make(&kInt, 10);
    for (int i = 0; i < 10; ++i)
      go([=] {
        bool ok = true;
        int64_t v = recv(c, &ok);
        send(results, ok ? 100 : v);
      });
    for (int i = 0; i < 100; ++i)
      mp_yield();
    mp_chan_close(c, nullptr);
    for (int i = 0; i < 10; ++i)
      EXPECT_EQ(recv(results), 0);
  });
}

// Rule: `for v := range ch` ends after close, having seen every value.
TEST(Chan, RangeUntilClose) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 0);
    go([=] {
      for (int i = 0; i < 1000; ++i)
        send(c, i);
      mp_chan_close(c, nullptr);
    });
    int64_t want = 0, v;
    while (mp_chan_recv(c, &v, nullptr))
      EXPECT_EQ(v, want++);
    EXPECT_EQ(want, 1000);
  });
}

// Values are copied by the element type's size, not a word.
TEST(Chan, CopiesWholeElement) {
  run([] {
    mp_chan *c = mp_chan_make(&kBig, 1);
    mp_chan *u = mp_chan_make(&kBig, 0);
    Big in{1, 2, 3, 4}, out{};
    mp_chan_send(c, &in, nullptr);
    EXPECT_TRUE(mp_chan_recv(c, &out, nullptr));
    EXPECT_EQ(out.d, 4);
    go([=] {
      Big b{5, 6, 7, 8};
      mp_chan_send(u, &b, nullptr);
    });
    Big got{};
    EXPECT_TRUE(mp_chan_recv(u, &got, nullptr));
    EXPECT_EQ(got.a + got.b + got.c + got.d, 26);
  });
}

// chan struct{}: zero-size elements still count and synchronise.
TEST(Chan, ZeroSizeElements) {
  run([] {
    mp_chan *c = mp_chan_make(&kUnit, 2);
    mp_chan_send(c, nullptr, nullptr);
    mp_chan_send(c, nullptr, nullptr);
    EXPECT_EQ(mp_chan_len(c), 2);
    EXPECT_TRUE(mp_chan_recv(c, nullptr, nullptr));
    EXPECT_EQ(mp_chan_len(c), 1);
  });
}

// A nil channel has len and cap 0.
TEST(Chan, NilLenCap) {
  EXPECT_EQ(mp_chan_len(nullptr), 0);
  EXPECT_EQ(mp_chan_cap(nullptr), 0);
}

// Rule: messages between one sender and one receiver arrive in order, also
// when the receiver lags behind a buffered channel with blocked senders.
TEST(Chan, OrderWithBlockedSenders) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 2);
    go([=] {
      for (int i = 0; i < 10000; ++i)
        send(c, i);
    });
    for (int i = 0; i < 10000; ++i) {
      if (i % 100 == 0)
        for (int k = 0; k < 3; ++k)
          mp_yield();
      ASSERT_EQ(recv(c), i);
    }
  });
}

// Rule: mp_num_goroutine (runtime.NumGoroutine) counts goroutines blocked on
// a channel, and stops counting them once they have received and ended.
// In a child process, so that no goroutine of another test is counted.
TEST(Chan, BlockedReceiversCountAsGoroutines) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  auto body = [] {
    int64_t during = 0, after = 0;
    run([&] {
      mp_chan *c = mp_chan_make(&kInt, 0);
      for (int i = 0; i < 10; ++i)
        go([c] { recv(c); });
      during = mp_num_goroutine();
      for (int i = 0; i < 10; ++i)
        send(c, i);
      for (int i = 0; i < 2000 && mp_num_goroutine() > 1; ++i)
        mp_sleep(1'000'000, nullptr);  // the receivers run and end
      after = mp_num_goroutine();
    });
    std::fprintf(stderr, "during=%lld after=%lld\n", (long long)during, (long long)after);
    std::_Exit(0);
  };
  EXPECT_EXIT(body(), testing::ExitedWithCode(0), "during=11 after=1\n");
}
