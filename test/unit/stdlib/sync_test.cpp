// test/unit/stdlib/sync_test.cpp: sync.Mutex and sync.WaitGroup on the
// runtime's scheduler: many goroutines over several workers, zero-value
// use, blocking that parks goroutines (not workers), and Go's failures.
#include "go_cases.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace {

struct Counter {
  mp_sync_Mutex mu{};
  mp_sync_WaitGroup wg{};
  int64_t n = 0;
};

// `go worker(c)`: 1000 locked increments, then wg.Done().
void worker(void *arg) {
  auto *c = static_cast<Counter *>(arg);
  for (int i = 0; i < 1000; ++i) {
    mp_sync_Mutex_Lock(&c->mu, nullptr);
    int64_t v = c->n;
    if (i % 100 == 0)
      mp_yield();  // invite another goroutine in while we hold the lock
    c->n = v + 1;
    mp_sync_Mutex_Unlock(&c->mu);
  }
  mp_sync_WaitGroup_Done(&c->wg);
}

void mainCounter(void *arg) {
  auto *c = static_cast<Counter *>(arg);
  for (int i = 0; i < 100; ++i) {
    mp_sync_WaitGroup_Add(&c->wg, 1);
    mp_go(worker, c);
  }
  mp_sync_WaitGroup_Wait(&c->wg, nullptr);
  mp_sync_WaitGroup_Wait(&c->wg, nullptr);  // a second Wait at zero returns at once
}

// Several goroutines Wait on one WaitGroup; one Done releases them all.
struct Gate {
  mp_sync_WaitGroup open{}, waiters{};
  int64_t released = 0;
  mp_sync_Mutex mu{};
};
void waiter(void *arg) {
  auto *g = static_cast<Gate *>(arg);
  mp_sync_WaitGroup_Wait(&g->open, nullptr);
  mp_sync_Mutex_Lock(&g->mu, nullptr);
  ++g->released;
  mp_sync_Mutex_Unlock(&g->mu);
  mp_sync_WaitGroup_Done(&g->waiters);
}
void mainGate(void *arg) {
  auto *g = static_cast<Gate *>(arg);
  mp_sync_WaitGroup_Add(&g->open, 1);
  mp_sync_WaitGroup_Add(&g->waiters, 10);
  for (int i = 0; i < 10; ++i)
    mp_go(waiter, g);
  mp_yield();
  mp_sync_WaitGroup_Done(&g->open);
  mp_sync_WaitGroup_Wait(&g->waiters, nullptr);
}

void waitForever(void *arg) {
  auto *wg = static_cast<mp_sync_WaitGroup *>(arg);
  mp_sync_WaitGroup_Add(wg, 1);
  mp_sync_WaitGroup_Wait(wg, nullptr);
}

} // namespace

TEST(Sync, MutexAndWaitGroupCountExactlyAcrossGoroutines) {
  auto *c = static_cast<Counter *>(mp_alloc(sizeof(Counter)));  // zero values
  mp_run(mainCounter, c);
  EXPECT_EQ(c->n, 100000);
}

TEST(Sync, OneDoneReleasesEveryWaiter) {
  auto *g = static_cast<Gate *>(mp_alloc(sizeof(Gate)));
  mp_run(mainGate, g);
  EXPECT_EQ(g->released, 10);
}

// The failure tests come last and are not named *DeathTest (which gtest
// would run first): in a process that has run a death test, a later
// mp_run crashes in the scheduler (reported to the runtime's owner), so
// this binary runs its scheduler tests before any death test.
TEST(SyncFailures, AsGo) {
  mp_sync_WaitGroup wg{};
  EXPECT_EXIT(mp_sync_WaitGroup_Add(&wg, -1), testing::ExitedWithCode(2),
              "^panic: sync: negative WaitGroup counter\n");
  mp_sync_Mutex mu{};
  EXPECT_EXIT(mp_sync_Mutex_Unlock(&mu), testing::ExitedWithCode(2),
              "^fatal error: sync: unlock of unlocked mutex\n\ngoroutine [0-9]+ \\[running\\]:\n");
  EXPECT_EXIT(
      {
        mp_sync_Mutex m{};
        mp_sync_Mutex_Lock(&m, nullptr);
        mp_sync_Mutex_Unlock(&m);
        mp_sync_Mutex_Unlock(&m);
      },
      testing::ExitedWithCode(2),
      "^fatal error: sync: unlock of unlocked mutex\n\ngoroutine [0-9]+ \\[running\\]:\n");
}

TEST(SyncFailures, WaitNobodyEndsIsTheRuntimesDeadlock) {
  // A fresh process (re-executed, not forked): the scheduler's threads
  // do not survive fork.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(mp_run(waitForever, mp_alloc(sizeof(mp_sync_WaitGroup))), testing::ExitedWithCode(2),
              "^fatal error: all goroutines are asleep - deadlock!\n");
}
