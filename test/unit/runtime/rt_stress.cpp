// test/unit/runtime/rt_stress.cpp: a randomized stress mix for the runtime.
// Thousands of goroutines do random sends, receives, selects with value
// guards, closes and timeouts, in rounds, and every value is accounted for:
//  - every value sent is received exactly once, on the channel it was sent
//    on (receivedOn vs sentOn, checked after each round);
//  - FIFO per channel: for one receiver, one channel, one sender and one
//    guard class, sequence numbers strictly increase (a receiver takes the
//    first value its case accepts, in arrival order, and a sender's earlier
//    value of the same class arrived first);
//  - no value is taken that fails the guard of the case that took it.
// Values are sender << 32 | seq; a guard accepts one class, seq % 3.
// Usage: rt_stress [--ops N] [--seed N] [--inject] [--small]; prints operations and violations
// and exits 1 on any violation.  Run with MPSCHED_PERTURB=<seed> to explore
// interleavings (make stress; a short run is part of make check through
// stressmix_test.cpp).  --inject records one value twice, to show that the
// checker catches it.
#include "mp/runtime.h"

#include <gc.h>

#include <atomic>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

const mp_type kInt = {MP_KIND_INT, 8, MP_TYPE_POINTER_FREE | MP_TYPE_COMPARABLE, 0, 8,
                      {reinterpret_cast<const uint8_t *>("int"), 3}, nullptr, nullptr, 0,
                      nullptr, nullptr, nullptr};

// Array bounds; --small runs a fifth of the goroutines with half the quota
// (for the sanitizer builds, where a full round takes minutes).
constexpr int kChans = 64, kSenders = 1000, kReceivers = 1000, kQuota = 100;
int nSenders = kSenders, nReceivers = kReceivers, quota = kQuota;
constexpr int kNoGuard = 3;

int64_t pack(int64_t sender, int64_t seq) { return (sender << 32) | seq; }
int64_t senderOf(int64_t v) { return v >> 32; }
int64_t seqOf(int64_t v) { return v & 0xffffffff; }
int64_t classOf(int64_t v) { return seqOf(v) % 3; }

const int kClassIds[3] = {0, 1, 2};
bool classGuard(void *env, const void *v) {
  return classOf(*static_cast<const int64_t *>(v)) == *static_cast<const int *>(env);
}

// One round's shared state, in uncollectable GC memory: the collector
// scans it for the channels, and it does not scan malloc'd memory.
struct Round {
  mp_chan **chans;
  std::atomic<uint8_t> receivedOn[kSenders * kQuota];  // channel + 1, or 0
  uint8_t sentOn[kSenders * kQuota];                   // written by the sender
  int64_t sentCount[kSenders];
  std::atomic<int> sendersLeft[kChans];                // per channel
  std::atomic<int64_t> sent{0}, received{0}, ops{0}, violations{0};
  std::atomic<int> sendersDone{0};
  mp_chan *finished;  // one message per goroutine at its end
  bool inject;
  std::atomic<bool> injected{false};
};

void violation(Round *r, const char *what, int64_t v) {
  if (r->violations.fetch_add(1) < 10)
    std::fprintf(stderr, "violation: %s (sender %" PRId64 ", seq %" PRId64 ")\n", what,
                 senderOf(v), seqOf(v));
}

uint64_t next(uint64_t &x) {
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return x;
}

void senderChans(int s, int out[2], int *n) {
  out[0] = s % kChans;
  out[1] = (s * 7 + 3) % kChans;
  *n = out[0] == out[1] ? 1 : 2;
}

struct SenderArg {
  Round *r;
  int id;
  uint64_t rng;
};

void senderMain(void *p) {
  auto *a = static_cast<SenderArg *>(p);
  Round *r = a->r;
  int mine[2], n;
  senderChans(a->id, mine, &n);
  int64_t ops = 0;
  for (int64_t seq = 0; seq < quota;) {
    int64_t v = pack(a->id, seq);
    int k = int(next(a->rng) % uint64_t(n));
    uint64_t dice = next(a->rng) % 10;
    ++ops;
    if (dice < 6) {  // plain send
      mp_chan_send(r->chans[mine[k]], &v, nullptr);
      r->sentOn[a->id * kQuota + seq++] = uint8_t(mine[k] + 1);
      continue;
    }
    // select over the sender's channels, sometimes with a timeout or a
    // default; the value's seq is used only by the case that commits.
    mp_select_case cs[3];
    int nc = 0;
    for (int i = 0; i < n; ++i)
      cs[nc++] = {r->chans[mine[i]], MP_SELECT_SEND, &v, nullptr, nullptr, nullptr};
    mp_tick tick;
    if (dice == 8)
      cs[nc++] = {mp_time_after(int64_t(next(a->rng) % 100'000)), MP_SELECT_RECV, &tick,
                  nullptr, nullptr, nullptr};
    int fired = mp_select(cs, nc, dice == 9, nullptr);
    if (fired >= 0 && fired < n)
      r->sentOn[a->id * kQuota + seq++] = uint8_t(mine[fired] + 1);
  }
  r->sentCount[a->id] = quota;
  r->sent.fetch_add(quota);
  for (int i = 0; i < n; ++i)
    if (r->sendersLeft[mine[i]].fetch_sub(1) == 1) {
      mp_chan_close(r->chans[mine[i]], nullptr);  // the last of its senders
      ++ops;
    }
  r->sendersDone.fetch_add(1);
  r->ops.fetch_add(ops);
  int64_t one = 1;
  mp_chan_send(r->finished, &one, nullptr);
}

struct ReceiverArg {
  Round *r;
  int id;
  uint64_t rng;
};

struct Receiver {
  Round *r;
  int id;
  uint64_t rng;
  int chans[4];
  bool open[4];
  int n = 0;
  int64_t ops = 0;
  // (channel, sender, class) -> last seq taken by this receiver.
  std::unordered_map<uint64_t, int64_t> last;

  void took(int slot, int64_t v, int guard) {
    if (guard != kNoGuard && classOf(v) != guard)
      violation(r, "value taken that fails its guard", v);
    int64_t s = senderOf(v), q = seqOf(v);
    if (s < 0 || s >= nSenders || q >= quota) {
      violation(r, "value never sent", v);
      return;
    }
    uint8_t expect = 0;
    if (!r->receivedOn[s * kQuota + q].compare_exchange_strong(expect, uint8_t(chans[slot] + 1)))
      violation(r, "value received twice", v);
    expect = 0;  // --inject: deliver the first value a second time
    if (r->inject && !r->injected.exchange(true) &&
        !r->receivedOn[s * kQuota + q].compare_exchange_strong(expect, uint8_t(chans[slot] + 1)))
      violation(r, "value received twice", v);
    r->received.fetch_add(1);
    uint64_t key = (uint64_t(chans[slot]) << 40) | (uint64_t(s) << 8) | uint64_t(classOf(v));
    auto [it, fresh] = last.try_emplace(key, q);
    if (!fresh) {
      if (q <= it->second)
        violation(r, "FIFO order broken", v);
      it->second = q;
    }
  }

  bool allDone() const {
    return r->sendersDone.load() == nSenders && r->received.load() == r->sent.load();
  }

  void run() {
    while (true) {
      int live[4], nl = 0;
      for (int i = 0; i < n; ++i)
        if (open[i])
          live[nl++] = i;
      if (nl == 0 || allDone())
        return;
      ++ops;
      uint64_t dice = next(rng) % 10;
      if (dice < 2) {  // plain receive
        int slot = live[next(rng) % uint64_t(nl)];
        int64_t v = 0;
        if (mp_chan_recv(r->chans[chans[slot]], &v, nullptr))
          took(slot, v, kNoGuard);
        else
          open[slot] = false;
        continue;
      }
      mp_select_case cs[5];
      int64_t vals[5];
      bool oks[5];
      int guards[5], slots[5];
      bool timeout = dice >= 7, anyPlain = false;
      for (int k = 0; k < nl; ++k) {
        int g = int(next(rng) % 5);
        g = g >= 3 ? kNoGuard : g;
        anyPlain |= g == kNoGuard;
        if (k == nl - 1 && !anyPlain && !timeout)
          g = kNoGuard;  // a guarded-only select on closed channels never ends
        guards[k] = g;
        slots[k] = live[k];
        cs[k] = {r->chans[chans[live[k]]], MP_SELECT_RECV, &vals[k],
                 g == kNoGuard ? nullptr : classGuard,
                 g == kNoGuard ? nullptr : const_cast<int *>(&kClassIds[g]), &oks[k]};
      }
      int nc = nl;
      mp_tick tick;
      if (timeout)
        cs[nc++] = {mp_time_after(int64_t(next(rng) % 200'000)), MP_SELECT_RECV, &tick, nullptr,
                    nullptr, nullptr};
      int fired = mp_select(cs, nc, dice == 9 && !timeout, nullptr);
      if (fired < 0 || fired >= nl)
        continue;  // timeout or default
      if (oks[fired])
        took(slots[fired], vals[fired], guards[fired]);
      else
        open[slots[fired]] = false;
    }
  }
};

void receiverMain(void *p) {
  auto *a = static_cast<ReceiverArg *>(p);
  Receiver rc;
  rc.r = a->r;
  rc.id = a->id;
  rc.rng = a->rng;
  int want = 1 + int(next(rc.rng) % 4);
  for (int i = 0; i < want; ++i) {
    int c = i == 0 ? a->id % kChans : int(next(rc.rng) % kChans);
    bool dup = false;
    for (int j = 0; j < rc.n; ++j)
      dup |= rc.chans[j] == c;
    if (!dup) {
      rc.chans[rc.n] = c;
      rc.open[rc.n++] = true;
    }
  }
  rc.run();
  a->r->ops.fetch_add(rc.ops);
  int64_t one = 1;
  mp_chan_send(a->r->finished, &one, nullptr);
}

struct Totals {
  int64_t rounds = 0, ops = 0, violations = 0, values = 0;
};

void runRound(uint64_t seed, bool inject, Totals &t) {
  auto *r = new (GC_MALLOC_UNCOLLECTABLE(sizeof(Round))) Round();
  r->inject = inject;
  r->chans = static_cast<mp_chan **>(mp_alloc(sizeof(mp_chan *) * kChans));
  for (int c = 0; c < kChans; ++c) {
    static const int64_t caps[] = {0, 0, 1, 4, 16};
    r->chans[c] = mp_chan_make(&kInt, caps[c % 5]);
  }
  for (int s = 0; s < nSenders; ++s) {
    int mine[2], n;
    senderChans(s, mine, &n);
    for (int i = 0; i < n; ++i)
      r->sendersLeft[mine[i]].fetch_add(1);
  }
  r->finished = mp_chan_make(&kInt, nSenders + nReceivers);
  // Arguments in GC memory: they are reachable only from the new Gs.
  for (int i = 0; i < nReceivers; ++i) {
    auto *a = static_cast<ReceiverArg *>(mp_alloc(sizeof(ReceiverArg)));
    *a = {r, i, (seed * 0x9E3779B97F4A7C15ull + uint64_t(i) * 2 + 1) | 1};
    mp_go(receiverMain, a);
  }
  for (int i = 0; i < nSenders; ++i) {
    auto *a = static_cast<SenderArg *>(mp_alloc(sizeof(SenderArg)));
    *a = {r, i, (seed * 0xBF58476D1CE4E5B9ull + uint64_t(i) * 2 + 1) | 1};
    mp_go(senderMain, a);
  }
  for (int i = 0; i < nSenders + nReceivers; ++i) {
    int64_t v;
    mp_chan_recv(r->finished, &v, nullptr);
  }
  for (int s = 0; s < nSenders; ++s)
    for (int q = 0; q < quota; ++q) {
      uint8_t got = r->receivedOn[s * kQuota + q].load();
      if (got == 0)
        violation(r, "value lost", pack(s, q));
      else if (got != r->sentOn[s * kQuota + q])
        violation(r, "value received on another channel", pack(s, q));
    }
  ++t.rounds;
  t.ops += r->ops.load();
  t.values += r->received.load();
  t.violations += r->violations.load();
  r->~Round();
  GC_FREE(r);
}

struct Args {
  int64_t ops = 1'000'000;
  bool inject = false;
  uint64_t seed = 1;
};
Args args;
Totals totals;

void program() {
  for (uint64_t round = 0; totals.ops < args.ops; ++round) {
    runRound(args.seed + round, args.inject, totals);
    if (args.inject)
      break;
  }
  char line[200];
  int n = std::snprintf(line, sizeof line,
                        "stress: %" PRId64 " rounds, %d goroutines each, %" PRId64
                        " operations, %" PRId64 " values, %" PRId64 " violations\n",
                        totals.rounds, nSenders + nReceivers + 1, totals.ops, totals.values,
                        totals.violations);
  mp_stdout_write(line, size_t(n));
  mp_exit(totals.violations ? 1 : 0);
}

} // namespace

int main(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--ops" && i + 1 < argc)
      args.ops = std::strtoll(argv[++i], nullptr, 10);
    else if (a == "--seed" && i + 1 < argc)
      args.seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--inject")
      args.inject = true;
    else if (a == "--small")
      nSenders = kSenders / 5, nReceivers = kReceivers / 5, quota = kQuota / 2;
    else {
      std::fprintf(stderr, "usage: rt_stress [--ops N] [--seed N] [--inject] [--small]\n");
      return 2;
    }
  }
  mp_main(argc, argv, program);
}
