// test/unit/runtime/session_test.cpp: session mode (mp_session_begin,
// mp_run_session), what `mpc repl` relies on: a panic or deadlock in one run
// is reported and the next run works; Ctrl-C abandons a blocked run;
// goroutines outlive the run that started them.  Session mode is
// process-wide, so each case runs in a child process (death-test style)
// that exits 0 only if every check passed.
#include "rt_test.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <unistd.h>

namespace {

using namespace rt_test;

template <class F> int runSession(F f, volatile int *interrupt = nullptr) {
  return mp_run_session(callBoxed<F>, boxClosure(std::move(f)), interrupt);
}

void check(bool ok, const char *what) {
  if (!ok) {
    std::fprintf(stderr, "CHECK FAILED: %s\n", what);
    std::_Exit(1);
  }
}

class Session : public ::testing::Test {
protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

// Rule: a panic ends its goroutine, not the session; the next run works.
TEST_F(Session, PanicIsReportedAndTheNextRunWorks) {
  auto body = [] {
    mp_session_begin();
    check(runSession([] { mp_panic_runtime_error("integer divide by zero"); }) ==
              MP_RUN_PANICKED, "panicking run returns MP_RUN_PANICKED");
    int64_t got = 0;
    check(runSession([&] { got = 42; }) == MP_RUN_OK, "next run is OK");
    check(got == 42, "next run ran");
    std::_Exit(0);
  };
  EXPECT_EXIT(body(), testing::ExitedWithCode(0),
              "panic: runtime error: integer divide by zero\n\ngoroutine [0-9]+ \\[running\\]");
}

// Rule: a panic in a background goroutine ends only that goroutine.
TEST_F(Session, BackgroundPanicEndsOnlyThatGoroutine) {
  auto body = [] {
    mp_session_begin();
    mp_chan *c = mp_chan_make(&kInt, 0);
    check(runSession([c] {
            go([] { mp_panic_runtime_error("index out of range [5] with length 3"); });
            go([c] { send(c, 7); });
          }) == MP_RUN_OK, "spawning run is OK");
    int64_t got = 0;
    check(runSession([&] { got = recv(c); }) == MP_RUN_OK, "receiving run is OK");
    check(got == 7, "the other goroutine still sent");
    // The panicking goroutine may still be writing its report on another
    // worker: exit only once it has ended.
    for (int i = 0; i < 1000 && mp_num_goroutine() > 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    check(mp_num_goroutine() == 0, "the panicking goroutine ended");
    std::_Exit(0);
  };
  EXPECT_EXIT(body(), testing::ExitedWithCode(0), "panic: runtime error: index out of range");
}

// Rule: a deadlock is reported with the blocked goroutines and ends the run;
// the abandoned root never resumes, even when its channel is sent to later.
TEST_F(Session, DeadlockEndsTheRunAndAbandonsItsRoot) {
  auto body = [] {
    mp_session_begin();
    mp_chan *c = mp_chan_make(&kInt, 1);
    static std::atomic<bool> resumed{false};
    check(runSession([c] {
            recv(c);
            resumed = true;
          }) == MP_RUN_DEADLOCK, "blocked run returns MP_RUN_DEADLOCK");
    check(runSession([c] { send(c, 1); }) == MP_RUN_OK, "later run is OK");
    check(runSession([] { mp_sleep(20'000'000, nullptr); }) == MP_RUN_OK, "sleep run is OK");
    check(!resumed, "abandoned root did not resume after its receive");
    std::_Exit(0);
  };
  EXPECT_EXIT(body(), testing::ExitedWithCode(0),
              "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine [0-9]+ \\[chan receive\\]");
}

// Rule: goroutines keep running between runs; a run blocked on a channel
// that a live goroutine could serve is not a deadlock, and Ctrl-C (the
// interrupt flag) ends it without ending the session.
TEST_F(Session, InterruptEndsABlockedRunAndGoroutinesPersist) {
  auto body = [] {
    mp_session_begin();
    mp_chan *c = mp_chan_make(&kInt, 0);
    mp_chan *never = mp_chan_make(&kInt, 0);
    // The talk's counter: sends 2, 3, 4, ... forever.
    check(runSession([c] {
            go([c] {
              for (int64_t i = 2;; ++i)
                send(c, i);
            });
          }) == MP_RUN_OK, "go counter run is OK");
    for (int64_t want = 2; want <= 4; ++want) {
      int64_t got = 0;
      check(runSession([&] { got = recv(c); }) == MP_RUN_OK, "receive run is OK");
      check(got == want, "counter value");
    }
    static volatile int interrupt = 0;
    std::thread ctrlC([] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      __atomic_store_n(&interrupt, 1, __ATOMIC_RELAXED);  // atomic: TSan sees a thread
    });
    // A sleeping timer keeps this from being a deadlock: only Ctrl-C ends it.
    check(runSession([never] {
            go([] { mp_sleep(60'000'000'000, nullptr); });
            recv(never);
          }, &interrupt) == MP_RUN_INTERRUPTED, "interrupted run returns MP_RUN_INTERRUPTED");
    ctrlC.join();
    interrupt = 0;
    int64_t got = 0;
    check(runSession([&] { got = recv(c); }, &interrupt) == MP_RUN_OK, "run after interrupt is OK");
    check(got == 5, "counter kept its state");
    std::fputs("session ok\n", stderr);
    std::_Exit(0);
  };
  EXPECT_EXIT(body(), testing::ExitedWithCode(0), "session ok");
}

// Rule: a root abandoned by a deadlock neither takes nor gives a value
// later: a send of a later run reaches a live receiver, a receive of a
// later run gets a live sender's value (plain operations and select).
TEST_F(Session, AbandonedRootsTakeAndGiveNoValues) {
  auto body = [] {
    mp_session_begin();
    mp_chan *c = mp_chan_make(&kInt, 0);
    mp_chan *other = mp_chan_make(&kInt, 0);
    check(runSession([c] { recv(c); }) == MP_RUN_DEADLOCK, "blocked receive deadlocks");
    check(runSession([c] { send(c, 99); }) == MP_RUN_DEADLOCK, "blocked send deadlocks");
    check(runSession([c, other] {
            int64_t v = 0;
            mp_select_case cases[2] = {{c, MP_SELECT_RECV, &v, nullptr, nullptr, nullptr},
                                       {other, MP_SELECT_RECV, &v, nullptr, nullptr, nullptr}};
            mp_select(cases, 2, false, nullptr);
          }) == MP_RUN_DEADLOCK, "blocked select deadlocks");
    int64_t got = 0;
    check(runSession([&] {
            go([c] { send(c, 7); });
            got = recv(c);
          }) == MP_RUN_OK, "receive from a live sender is OK");
    check(got == 7, "the live receiver got the value, not an abandoned one");
    check(runSession([&] {
            go([other] { send(other, 8); });
            got = recv(other);
          }) == MP_RUN_OK, "receive on the select's other channel is OK");
    check(got == 8, "the abandoned select took nothing");
    std::fputs("abandoned ok\n", stderr);
    std::_Exit(0);
  };
  EXPECT_EXIT(body(), testing::ExitedWithCode(0), "abandoned ok");
}

// Rule: the same after Ctrl-C: an interrupted receive takes no later value.
TEST_F(Session, InterruptedReceiverTakesNoValue) {
  auto body = [] {
    mp_session_begin();
    mp_chan *c = mp_chan_make(&kInt, 0);
    static volatile int interrupt = 0;
    std::thread ctrlC([] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      __atomic_store_n(&interrupt, 1, __ATOMIC_RELAXED);  // atomic: TSan sees a thread
    });
    check(runSession([c] {
            go([] { mp_sleep(60'000'000'000, nullptr); });  // no deadlock
            recv(c);
          }, &interrupt) == MP_RUN_INTERRUPTED, "interrupted");
    ctrlC.join();
    interrupt = 0;
    int64_t got = 0;
    check(runSession([&] {
            go([c] { send(c, 5); });
            got = recv(c);
          }, &interrupt) == MP_RUN_OK, "later receive is OK");
    check(got == 5, "the value reached the live receiver");
    std::fputs("interrupted ok\n", stderr);
    std::_Exit(0);
  };
  EXPECT_EXIT(body(), testing::ExitedWithCode(0), "interrupted ok");
}

} // namespace
