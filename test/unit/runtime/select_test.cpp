// test/unit/runtime/select_test.cpp: select rules (LANGUAGE.md §3) through
// mp_select: readiness, default, random choice, boolean guards (disabled
// cases), value guards (selective receive), closed channels, timeouts.
#include "rt_test.h"

#include <algorithm>

using namespace rt_test;

namespace {

mp_select_case recvCase(mp_chan *c, int64_t *out, bool *ok = nullptr,
                        mp_guard_fn guard = nullptr, void *env = nullptr) {
  return mp_select_case{c, MP_SELECT_RECV, out, guard, env, ok};
}
mp_select_case sendCase(mp_chan *c, int64_t *val) {
  return mp_select_case{c, MP_SELECT_SEND, val, nullptr, nullptr, nullptr};
}

// `where v > *env`
bool greaterThan(void *env, const void *v) {
  return *static_cast<const int64_t *>(v) > *static_cast<int64_t *>(env);
}
// `where v == 0`: true only for the zero value a closed channel yields.
bool isZero(void *, const void *v) { return *static_cast<const int64_t *>(v) == 0; }

// Lets every other runnable goroutine reach its blocking point (on this
// worker by yielding, on the others by sleeping a little).
void settle() {
  for (int i = 0; i < 50; ++i)
    mp_yield();
  mp_sleep(2'000'000, nullptr);
}

} // namespace

// Rule: with one case ready, select takes it.
TEST(Select, TakesTheReadyCase) {
  run([] {
    mp_chan *a = mp_chan_make(&kInt, 1), *b = mp_chan_make(&kInt, 1);
    send(b, 9);
    int64_t va = -1, vb = -1;
    mp_select_case cs[] = {recvCase(a, &va), recvCase(b, &vb)};
    EXPECT_EQ(mp_select(cs, 2, false, nullptr), 1);
    EXPECT_EQ(vb, 9);
    EXPECT_EQ(va, -1);
  });
}

// Rule: with no case ready, default runs; nothing is consumed or sent.
TEST(Select, DefaultWhenNothingReady) {
  run([] {
    mp_chan *a = mp_chan_make(&kInt, 0), *full = mp_chan_make(&kInt, 1);
    send(full, 1);
    int64_t v = 5;
    mp_select_case cs[] = {recvCase(a, &v), sendCase(full, &v)};
    EXPECT_EQ(mp_select(cs, 2, true, nullptr), -1);
    EXPECT_EQ(mp_chan_len(full), 1);
  });
}

// Rule: several ready cases are chosen uniformly at random.
TEST(Select, ChoosesUniformlyAmongReadyCases) {
  run([] {
    mp_chan *c[3];
    for (auto &ch : c)
      ch = mp_chan_make(&kInt, 1);
    int counts[3] = {0, 0, 0};
    for (int i = 0; i < 3000; ++i) {
      for (auto *ch : c)
        if (mp_chan_len(ch) == 0)
          send(ch, 1);
      int64_t v;
      mp_select_case cs[] = {recvCase(c[0], &v), recvCase(c[1], &v), recvCase(c[2], &v)};
      ++counts[mp_select(cs, 3, false, nullptr)];
    }
    for (int k : counts)  // expected 1000 each; 800 is > 7 sigma away
      EXPECT_GT(k, 800);
  });
}

// Rule: select blocks until a case becomes ready, then exactly that case
// fires (a send case here).
TEST(Select, BlocksUntilSendCaseReady) {
  run([] {
    mp_chan *a = mp_chan_make(&kInt, 0), *b = mp_chan_make(&kInt, 0);
    mp_chan *got = mp_chan_make(&kInt, 1);
    go([=] { send(got, recv(b)); });
    int64_t x = 77, y = -1;
    mp_select_case cs[] = {recvCase(a, &y), sendCase(b, &x)};
    EXPECT_EQ(mp_select(cs, 2, false, nullptr), 1);
    EXPECT_EQ(recv(got), 77);
    EXPECT_EQ(y, -1);
  });
}

// Rule: a false boolean guard disables its case (codegen passes chan NULL);
// a select whose only enabled cases are not ready takes default.
TEST(Select, FalseBooleanGuardDisablesCase) {
  run([] {
    mp_chan *ready = mp_chan_make(&kInt, 1);
    send(ready, 3);
    int64_t v = -1;
    mp_select_case cs[] = {recvCase(nullptr, &v)};  // `case <-ready where false`
    EXPECT_EQ(mp_select(cs, 1, true, nullptr), -1);
    EXPECT_EQ(mp_chan_len(ready), 1);
  });
}

// Rule: a value guard takes the first message that satisfies it, in arrival
// order; the others stay buffered in their order.
TEST(Select, ValueGuardSkipsFailingBufferedMessages) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 8);
    for (int64_t v : {1, 5, 2, 7, 3})
      send(c, v);
    int64_t limit = 4, got = -1;
    bool ok = false;
    mp_select_case cs[] = {recvCase(c, &got, &ok, greaterThan, &limit)};
    EXPECT_EQ(mp_select(cs, 1, false, nullptr), 0);
    EXPECT_EQ(got, 5);
    EXPECT_TRUE(ok);
    EXPECT_EQ(mp_select(cs, 1, false, nullptr), 0);
    EXPECT_EQ(got, 7);
    EXPECT_EQ(mp_select(cs, 1, true, nullptr), -1);  // 1, 2, 3 all fail
    for (int64_t want : {1, 2, 3})
      EXPECT_EQ(recv(c), want);
  });
}

// Rule: on an unbuffered channel a sender whose message fails the guard
// stays blocked; a later sender whose message passes is taken first.
TEST(Select, ValueGuardLeavesFailingSenderBlocked) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 0), *log = mp_chan_make(&kInt, 4);
    go([=] {
      send(c, 1);  // fails the guard
      send(log, 1);
    });
    settle();
    go([=] {
      send(c, 10);  // passes
      send(log, 10);
    });
    settle();
    int64_t limit = 4, got = -1;
    mp_select_case cs[] = {recvCase(c, &got, nullptr, greaterThan, &limit)};
    EXPECT_EQ(mp_select(cs, 1, false, nullptr), 0);
    EXPECT_EQ(got, 10);
    EXPECT_EQ(recv(log), 10);
    settle();
    EXPECT_EQ(mp_chan_len(log), 0);  // the first sender is still blocked
    EXPECT_EQ(recv(c), 1);
    EXPECT_EQ(recv(log), 1);
  });
}

// Rule: a parked guarded select is woken by each new sender, runs its guard
// itself, and keeps waiting (leaving the sender blocked) until one passes.
TEST(Select, ParkedValueGuardWaitsForPassingMessage) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 0), *result = mp_chan_make(&kInt, 1);
    mp_chan *sent = mp_chan_make(&kInt, 4);
    go([=] {
      int64_t limit = 100, got = -1;
      mp_select_case cs[] = {recvCase(c, &got, nullptr, greaterThan, &limit)};
      mp_select(cs, 1, false, nullptr);
      send(result, got);
    });
    settle();  // the selector is parked
    for (int64_t v : {3, 50}) {
      go([=] {
        send(c, v);
        send(sent, v);
      });
      settle();  // arrival order: 3, then 50
    }
    EXPECT_EQ(mp_chan_len(result), 0);
    EXPECT_EQ(mp_chan_len(sent), 0);
    go([=] { send(c, 200); });
    EXPECT_EQ(recv(result), 200);
    // The failing messages are still there, in arrival order.
    EXPECT_EQ(recv(c), 3);
    EXPECT_EQ(recv(c), 50);
    EXPECT_EQ(recv(sent) + recv(sent), 53);
  });
}

// Rule: a parked guarded select on a buffered channel is re-evaluated when
// a message is buffered, and takes it only if it passes.
TEST(Select, ParkedValueGuardOnBufferedChannel) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 4), *result = mp_chan_make(&kInt, 1);
    go([=] {
      int64_t limit = 10, got = -1;
      mp_select_case cs[] = {recvCase(c, &got, nullptr, greaterThan, &limit)};
      mp_select(cs, 1, false, nullptr);
      send(result, got);
    });
    settle();
    send(c, 1);
    send(c, 2);
    settle();
    EXPECT_EQ(mp_chan_len(result), 0);
    send(c, 11);
    EXPECT_EQ(recv(result), 11);
    EXPECT_EQ(recv(c), 1);
    EXPECT_EQ(recv(c), 2);
  });
}

// Rule: from a closed, drained channel the guard sees the zero value and
// ok is false.
TEST(Select, ValueGuardSeesZeroOnClosedChannel) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 1);
    mp_chan_close(c, nullptr);
    int64_t got = -1, limit = 0;
    bool ok = true;
    mp_select_case pass[] = {recvCase(c, &got, &ok, isZero, nullptr)};
    EXPECT_EQ(mp_select(pass, 1, false, nullptr), 0);
    EXPECT_EQ(got, 0);
    EXPECT_FALSE(ok);
    mp_select_case fail[] = {recvCase(c, &got, &ok, greaterThan, &limit)};
    EXPECT_EQ(mp_select(fail, 1, true, nullptr), -1);
  });
}

// `where !ok || v > *env`: a guard that reads ok through mp_guard_ok.
bool closedOrGreater(void *env, const void *v) {
  return !mp_guard_ok() || *static_cast<const int64_t *>(v) > *static_cast<int64_t *>(env);
}

// Rule: a guard that mentions ok sees true for every message and false only
// for the zero value of a closed, drained channel.
TEST(Select, ValueGuardSeesOk) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 3);
    send(c, 0);
    send(c, 5);
    send(c, 20);
    mp_chan_close(c, nullptr);
    int64_t got = -1, limit = 10;
    bool ok = false;
    mp_select_case cs[] = {recvCase(c, &got, &ok, closedOrGreater, &limit)};
    EXPECT_EQ(mp_select(cs, 1, false, nullptr), 0);  // 0 and 5 fail: ok is true
    EXPECT_EQ(got, 20);
    EXPECT_TRUE(ok);
    EXPECT_EQ(mp_select(cs, 1, true, nullptr), -1);  // not drained: 0, 5 wait
    EXPECT_EQ(recv(c), 0);
    EXPECT_EQ(recv(c), 5);
    got = -1;
    EXPECT_EQ(mp_select(cs, 1, false, nullptr), 0);  // drained: ok is false
    EXPECT_EQ(got, 0);
    EXPECT_FALSE(ok);
  });
}

// Rule: close wakes a parked guarded select, whose guard then sees zero.
TEST(Select, CloseWakesParkedGuardedSelect) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 0), *result = mp_chan_make(&kInt, 1);
    go([=] {
      int64_t got = -1;
      bool ok = true;
      mp_select_case cs[] = {recvCase(c, &got, &ok, isZero, nullptr)};
      mp_select(cs, 1, false, nullptr);
      send(result, ok ? 1 : 0);
    });
    settle();
    mp_chan_close(c, nullptr);
    EXPECT_EQ(recv(result), 0);
  });
}

// Rule: receiving from a closed channel is always ready (zero, ok false);
// a select with a receive from it never blocks.
TEST(Select, ClosedChannelIsReady) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 0), *never = mp_chan_make(&kInt, 0);
    mp_chan_close(c, nullptr);
    int64_t v = -1, w = -1;
    bool ok = true;
    mp_select_case cs[] = {recvCase(never, &w), recvCase(c, &v, &ok)};
    EXPECT_EQ(mp_select(cs, 2, false, nullptr), 1);
    EXPECT_EQ(v, 0);
    EXPECT_FALSE(ok);
  });
}

// Rule: a timeout case fires when nothing else is ready in time.
TEST(Select, TimeoutWithAfter) {
  run([] {
    mp_chan *never = mp_chan_make(&kInt, 0);
    int64_t v = -1;
    mp_tick t{};
    int64_t start = mp_time_now();
    mp_select_case cs[] = {recvCase(never, &v), {mp_time_after(20'000'000), MP_SELECT_RECV, &t, nullptr, nullptr, nullptr}};
    EXPECT_EQ(mp_select(cs, 2, false, nullptr), 1);
    EXPECT_GE(mp_time_now() - start, 20'000'000);
    EXPECT_GE(t.mono, start + 20'000'000);  // the tick carries the firing time
  });
}

// Rule: exactly one case commits.  Two parked selects each offer a send on
// two channels; two receivers take one value each: each select must report
// the case that actually delivered, and no value is sent twice.
TEST(Select, ExactlyOneCaseCommits) {
  run([] {
    for (int round = 0; round < 200; ++round) {
      mp_chan *a = mp_chan_make(&kInt, 0), *b = mp_chan_make(&kInt, 0);
      mp_chan *fired = mp_chan_make(&kInt, 2);
      for (int64_t id : {1, 2})
        go([=] {
          int64_t va = id * 10, vb = id * 10 + 1;
          mp_select_case cs[] = {sendCase(a, &va), sendCase(b, &vb)};
          int i = mp_select(cs, 2, false, nullptr);
          send(fired, id * 10 + i);
        });
      int64_t x = recv(a), y = recv(b);
      int64_t f1 = recv(fired), f2 = recv(fired);
      // Select id's case i sends id*10+i and reports id*10+i: what the
      // receivers got is exactly what the selects say they sent.
      EXPECT_EQ(x % 10, 0);
      EXPECT_EQ(y % 10, 1);
      EXPECT_EQ(std::min(x, y), std::min(f1, f2));
      EXPECT_EQ(std::max(x, y), std::max(f1, f2));
    }
  });
}

// The same channel in two cases of one select: one of them fires once.
TEST(Select, SameChannelTwice) {
  run([] {
    mp_chan *c = mp_chan_make(&kInt, 0);
    go([=] { send(c, 4); });
    int64_t v1 = -1, v2 = -1;
    mp_select_case cs[] = {recvCase(c, &v1), recvCase(c, &v2)};
    int i = mp_select(cs, 2, false, nullptr);
    EXPECT_EQ(i == 0 ? v1 : v2, 4);
    EXPECT_EQ(i == 0 ? v2 : v1, -1);
  });
}
