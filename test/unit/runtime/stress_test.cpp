// test/unit/runtime/stress_test.cpp: many goroutines on every worker
// hammering channels, guarded selects and close, checking that no message
// is lost, duplicated or reordered and that guards hold.  Sized to run in
// about a second (a tenth of that work under ThreadSanitizer, make
// check-tsan, which is where races would show).
#include "rt_test.h"

#include <atomic>
#include <vector>

using namespace rt_test;

namespace {

#if defined(__SANITIZE_THREAD__)
constexpr int64_t kScale = 10;
#else
constexpr int64_t kScale = 1;
#endif

// Values carry (producer, sequence) so that order per producer is checked.
constexpr int64_t kSeqBits = 32;
int64_t pack(int64_t producer, int64_t seq) { return (producer << kSeqBits) | seq; }
int64_t producerOf(int64_t v) { return v >> kSeqBits; }
int64_t seqOf(int64_t v) { return v & ((int64_t(1) << kSeqBits) - 1); }

bool isEven(void *, const void *v) { return seqOf(*static_cast<const int64_t *>(v)) % 2 == 0; }
bool isOdd(void *, const void *v) { return seqOf(*static_cast<const int64_t *>(v)) % 2 == 1; }

// Producers send pack(p, 0..n-1) on c, then one consumer checks order.
void manyProducersOneConsumer(int64_t cap) {
  run([cap] {
    const int kProducers = 8;
    const int64_t n = 125'000 / kScale;  // 10^6 messages in all
    mp_chan *c = mp_chan_make(&kInt, cap);
    for (int p = 0; p < kProducers; ++p)
      go([=] {
        for (int64_t i = 0; i < n; ++i)
          send(c, pack(p, i));
      });
    std::vector<int64_t> next(kProducers, 0);
    for (int64_t k = 0; k < n * kProducers; ++k) {
      int64_t v = recv(c);
      ASSERT_EQ(seqOf(v), next[size_t(producerOf(v))]++) << "per-sender order";
    }
    EXPECT_EQ(mp_chan_len(c), 0);
  });
}

} // namespace

// Rule: messages between one sender and one receiver arrive in order, with
// many senders interleaving, unbuffered and buffered.
TEST(Stress, ManyProducersUnbuffered) { manyProducersOneConsumer(0); }
TEST(Stress, ManyProducersBuffered) { manyProducersOneConsumer(64); }

// Many producers and consumers on one channel: every message is received
// exactly once.
TEST(Stress, ManyProducersManyConsumers) {
  run([] {
    const int kSide = 8;
    const int64_t n = 20'000 / kScale;
    mp_chan *c = mp_chan_make(&kInt, 16);
    mp_chan *sums = mp_chan_make(&kInt, kSide);
    for (int p = 0; p < kSide; ++p)
      go([=] {
        for (int64_t i = 1; i <= n; ++i)
          send(c, i);
      });
    for (int q = 0; q < kSide; ++q)
      go([=] {
        int64_t sum = 0;
        for (int64_t i = 0; i < n; ++i)
          sum += recv(c);
        send(sums, sum);
      });
    int64_t total = 0;
    for (int q = 0; q < kSide; ++q)
      total += recv(sums);
    EXPECT_EQ(total, kSide * n * (n + 1) / 2);
  });
}

// Selective receive under load: consumers select over two channels with
// value guards (evens on one case, odds on the other, or unguarded), while
// producers send on both.  Every message arrives exactly once, a guarded
// case only ever gets messages that pass its guard, and each producer's
// messages that go to one consumer case class stay in order.
TEST(Stress, RandomGuardedSelects) {
  run([] {
    const int kProducers = 4, kConsumers = 4;
    const int64_t n = 20'000 / kScale;  // per producer
    mp_chan *a = mp_chan_make(&kInt, 0), *b = mp_chan_make(&kInt, 8);
    // One channel per figure: consumers' sends interleave (they do under
    // MPSCHED_PERTURB), so a shared channel would mix their figures.
    mp_chan *counts = mp_chan_make(&kInt, kConsumers), *sums = mp_chan_make(&kInt, kConsumers),
            *bad = mp_chan_make(&kInt, kConsumers);
    mp_chan *stop = mp_chan_make(&kInt, 0);
    Done produced(kProducers);
    for (int p = 0; p < kProducers; ++p)
      go([=] {
        for (int64_t i = 0; i < n; ++i)
          send(p % 2 ? a : b, pack(p, i));
        produced.done();
      });
    for (int q = 0; q < kConsumers; ++q)
      go([=] {
        int64_t count = 0, sum = 0, violations = 0;
        for (;;) {
          int64_t va = -1, vb = -1, vs;
          // Consumer q: case 0 takes evens from a, case 1 odds from b (or
          // anything from b for odd q), case 2 is the stop signal.
          mp_select_case cs[] = {
              {a, MP_SELECT_RECV, &va, isEven, nullptr, nullptr},
              {b, MP_SELECT_RECV, &vb, q % 2 ? nullptr : isOdd, nullptr, nullptr},
              {stop, MP_SELECT_RECV, &vs, nullptr, nullptr, nullptr},
          };
          int i = mp_select(cs, 3, false, nullptr);
          if (i == 2)
            break;
          int64_t v = i == 0 ? va : vb;
          violations += (i == 0 && seqOf(v) % 2 != 0) || (i == 1 && q % 2 == 0 && seqOf(v) % 2 != 1);
          ++count;
          sum += seqOf(v);
        }
        send(counts, count);
        send(sums, sum);
        send(bad, violations);
      });
    // Nobody else takes odd messages on a: this goroutine does, with its
    // own guarded receive, in each producer's order.
    int64_t expectCount = 0, expectSum = 0;
    for (int p = 0; p < kProducers; ++p)
      for (int64_t i = 0; i < n; ++i)
        if (p % 2 == 0 || i % 2 == 0) {
          ++expectCount;
          expectSum += i;
        }
    int64_t oddOnA = 0;
    for (int p = 1; p < kProducers; p += 2)
      oddOnA += n / 2;
    int64_t oddSum = 0;
    std::vector<int64_t> lastOdd(kProducers, -1);
    for (int64_t k = 0; k < oddOnA; ++k) {
      int64_t v = -1;
      mp_select_case cs[] = {{a, MP_SELECT_RECV, &v, isOdd, nullptr, nullptr}};
      mp_select(cs, 1, false, nullptr);
      EXPECT_EQ(seqOf(v) % 2, 1);
      EXPECT_GT(seqOf(v), lastOdd[size_t(producerOf(v))]);
      lastOdd[size_t(producerOf(v))] = seqOf(v);
      oddSum += seqOf(v);
    }
    // Everything else is taken by the consumers; stop them once the
    // producers are done and b is drained.
    produced.wait(kProducers);
    while (mp_chan_len(b) > 0)
      mp_sleep(200'000, nullptr);
    int64_t count = 0, sum = 0, violations = 0;
    for (int q = 0; q < kConsumers; ++q)
      send(stop, 0);
    for (int q = 0; q < kConsumers; ++q) {
      count += recv(counts);
      sum += recv(sums);
      violations += recv(bad);
    }
    EXPECT_EQ(violations, 0);
    EXPECT_EQ(count, expectCount);
    EXPECT_EQ(sum, expectSum);
    int64_t wantOddSum = 0;
    for (int p = 1; p < kProducers; p += 2)
      for (int64_t i = 1; i < n; i += 2)
        wantOddSum += i;
    EXPECT_EQ(oddSum, wantOddSum);
  });
}

// close racing with blocked and arriving receivers (plain and in select):
// each of them ends with the values sent before close, then (zero, false),
// and nothing sent is lost.
TEST(Stress, CloseRacesWithReceivers) {
  run([] {
    for (int round = 0; round < 200 / int(kScale) + 5; ++round) {
      mp_chan *c = mp_chan_make(&kInt, round % 3);
      mp_chan *other = mp_chan_make(&kInt, 0);
      mp_chan *sums = mp_chan_make(&kInt, 8);
      for (int r = 0; r < 8; ++r)
        go([=] {
          int64_t sum = 0;
          for (;;) {
            int64_t v = 0, w;
            bool ok = false;
            if (r % 2) {
              ok = mp_chan_recv(c, &v, nullptr);
            } else {
              mp_select_case cs[] = {{c, MP_SELECT_RECV, &v, nullptr, nullptr, &ok},
                                     {other, MP_SELECT_RECV, &w, nullptr, nullptr, nullptr}};
              mp_select(cs, 2, false, nullptr);
            }
            if (!ok) {
              EXPECT_EQ(v, 0);
              break;
            }
            sum += v;
          }
          send(sums, sum);
        });
      for (int64_t i = 1; i <= 50; ++i)
        send(c, i);
      mp_chan_close(c, nullptr);
      int64_t total = 0;
      for (int r = 0; r < 8; ++r)
        total += recv(sums);
      ASSERT_EQ(total, 50 * 51 / 2);
    }
  });
}

// Ping-pong pairs on every worker, with yields and sleeps mixed in:
// exercises runnext hand-off, stealing and timers together.
TEST(Stress, PingPongPairsWithTimers) {
  run([] {
    const int kPairs = 16;
    const int64_t n = 5'000 / kScale;
    Done d(kPairs);
    for (int p = 0; p < kPairs; ++p) {
      mp_chan *ping = mp_chan_make(&kInt, 0), *pong = mp_chan_make(&kInt, 0);
      go([=] {
        for (int64_t i = 0; i < n; ++i)
          send(pong, recv(ping) + 1);
      });
      go([=] {
        int64_t v = 0;
        for (int64_t i = 0; i < n; ++i) {
          send(ping, v);
          v = recv(pong);
          if (i % 1000 == 0)
            mp_sleep(100'000, nullptr);
          else if (i % 100 == 0)
            mp_yield();
        }
        EXPECT_EQ(v, n);
        d.done();
      });
    }
    d.wait(kPairs);
  });
}
