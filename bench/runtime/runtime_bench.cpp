// bench/runtime/runtime_bench.cpp: what the runtime's operations cost, in
// ns/op, for comparison with the Go equivalents in go/runtime_test.go (run
// both with `make bench`).  Each benchmark's loop runs inside a root
// goroutine (mp_run), so times are wall-clock (UseRealTime).  MPPROCS is
// read once at start: make bench runs this binary with MPPROCS=1 and 2.
#include "mp/runtime.h"
#include "../../runtime/sched.h"  // mp_ctx_switch, for the raw switch benchmark

#include <benchmark/benchmark.h>
#include <boost/context/detail/fcontext.hpp>
#include <gc.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <vector>

namespace {

const mp_type kInt = {MP_KIND_INT, 8, MP_TYPE_POINTER_FREE | MP_TYPE_COMPARABLE, 0, 8,
                      {reinterpret_cast<const uint8_t *>("int"), 3}, nullptr, nullptr, 0,
                      nullptr, nullptr, nullptr};

template <class F> void runRoot(F &f) {
  mp_run([](void *p) { (*static_cast<F *>(p))(); }, &f);
}

// `go f()` for a capturing lambda: the closure lives in uncollectable GC
// memory (it may hold the only reference to a channel) until it returns.
template <class F> void spawn(F f) {
  void *mem = GC_MALLOC_UNCOLLECTABLE(sizeof(F));
  mp_go(
      [](void *p) {
        F *fp = static_cast<F *>(p);
        (*fp)();
        fp->~F();
        GC_FREE(p);
      },
      new (mem) F(std::move(f)));
}

inline void send(mp_chan *c, int64_t v) { mp_chan_send(c, &v, nullptr); }
inline int64_t recv(mp_chan *c) {
  int64_t v = 0;
  mp_chan_recv(c, &v, nullptr);
  return v;
}

// ---- Raw context switch: the floor under every blocking operation ----

void *mainSp, *coSp;

// Both sides switch through this one call site, as every switch in the
// runtime goes through switchTo's: the return predictor then sees what it
// sees in real use (see context_x86_64.S).
__attribute__((noinline)) void hop(void **save, void *to) {
  mp::rt::mp_ctx_switch(save, to);
  __asm__ volatile("");  // keep the call from becoming a tail jump
}

void switchBackForever(mp::rt::G *) {
  for (;;)
    hop(&coSp, mainSp);
}

// A first frame as mp_ctx_switch expects it (see stack.cpp initContext).
void *newContext(char *stackTop, void (*entry)(mp::rt::G *)) {
  void **sp = reinterpret_cast<void **>(reinterpret_cast<uintptr_t>(stackTop) & ~uintptr_t(15)) - 7;
  for (int i = 0; i < 6; ++i)
    sp[i] = nullptr;
  sp[3] = reinterpret_cast<void *>(entry);  // r12
  sp[6] = reinterpret_cast<void *>(&mp::rt::mp_ctx_entry);
  return sp;
}

// One iteration = two switches (there and back), as in a round trip.
void BM_CtxSwitchPair_Hand(benchmark::State &state) {
  static std::vector<char> stack(64 << 10);
  coSp = newContext(stack.data() + stack.size(), switchBackForever);
  for (auto _ : state)
    hop(&mainSp, coSp);
}
BENCHMARK(BM_CtxSwitchPair_Hand);

namespace bctx = boost::context::detail;

void boostBackForever(bctx::transfer_t t) {
  for (;;)
    t = bctx::jump_fcontext(t.fctx, nullptr);
}

void BM_CtxSwitchPair_Boost(benchmark::State &state) {
  static std::vector<char> stack(64 << 10);
  bctx::fcontext_t co = bctx::make_fcontext(stack.data() + stack.size(), stack.size(), boostBackForever);
  for (auto _ : state)
    co = bctx::jump_fcontext(co, nullptr).fctx;
}
BENCHMARK(BM_CtxSwitchPair_Boost);

// ---- Goroutines and channels ----

// Resident bytes per parked goroutine: 100,000 goroutines blocked on one
// channel (run first, before other benchmarks fill the stack pool).
long residentBytes() {
  long pages = 0, resident = 0;
  if (FILE *f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
      resident = 0;
    std::fclose(f);
  }
  return resident * sysconf(_SC_PAGESIZE);
}

std::atomic<int> parkedCount{0};

void parkedOnChannel(void *c) {
  int64_t v;
  parkedCount.fetch_add(1, std::memory_order_relaxed);
  mp_chan_recv(static_cast<mp_chan *>(c), &v, nullptr);  // parks at once
}

void BM_ParkedGoroutineBytes(benchmark::State &state) {
  const int n = 100'000;
  auto body = [&] {
    for (auto _ : state) {
      mp_chan *c = mp_chan_make(&kInt, 0);
      long before = residentBytes();
      parkedCount = 0;
      for (int i = 0; i < n; ++i)
        mp_go(parkedOnChannel, c);
      // Until every goroutine has run and parked: a goroutine that has not
      // run yet holds no stack (stack.cpp), so it would count 128 bytes.
      while (parkedCount.load(std::memory_order_relaxed) < n)
        mp_yield();
      mp_yield();
      state.counters["bytes_per_goroutine"] = double(residentBytes() - before) / n;
      mp_chan_close(c, nullptr);
    }
  };
  runRoot(body);
}
BENCHMARK(BM_ParkedGoroutineBytes)->Iterations(1)->UseRealTime();

// Unbuffered ping-pong with an echo goroutine: one iteration = one round
// trip (two messages, two switches).
void BM_ChanRoundTrip(benchmark::State &state) {
  auto body = [&] {
    mp_chan *ping = mp_chan_make(&kInt, 0), *pong = mp_chan_make(&kInt, 0);
    spawn([=] {
      int64_t v;
      while (mp_chan_recv(ping, &v, nullptr))
        send(pong, v);
    });
    int64_t v = 0;
    for (auto _ : state) {
      send(ping, v);
      v = recv(pong);
    }
    mp_chan_close(ping, nullptr);
  };
  runRoot(body);
}
BENCHMARK(BM_ChanRoundTrip)->UseRealTime();

// A producer fills a 128-slot channel, this goroutine drains it: one
// iteration = one message.
void BM_ChanBuffered(benchmark::State &state) {
  auto body = [&] {
    mp_chan *c = mp_chan_make(&kInt, 128);
    int64_t n = int64_t(state.max_iterations);
    spawn([=] {
      for (int64_t i = 0; i < n; ++i)
        send(c, i);
    });
    for (auto _ : state)
      benchmark::DoNotOptimize(recv(c));
  };
  runRoot(body);
}
BENCHMARK(BM_ChanBuffered)->UseRealTime();

// A feeder sends on four unbuffered channels in turn; this goroutine
// selects over all four: one iteration = one select (and one send).
void BM_Select4(benchmark::State &state) {
  auto body = [&] {
    mp_chan *c[4];
    for (auto &ch : c)
      ch = mp_chan_make(&kInt, 0);
    int64_t n = int64_t(state.max_iterations);
    spawn([=] {
      for (int64_t i = 0; i < n; ++i)
        send(c[i & 3], i);
    });
    int64_t v[4];
    for (auto _ : state) {
      mp_select_case cs[4];
      for (int k = 0; k < 4; ++k)
        cs[k] = {c[k], MP_SELECT_RECV, &v[k], nullptr, nullptr, nullptr};
      benchmark::DoNotOptimize(mp_select(cs, 4, false, nullptr));
    }
  };
  runRoot(body);
}
BENCHMARK(BM_Select4)->UseRealTime();

// `go f()` of an empty function, and its exit: one iteration = one
// goroutine (the waits for stragglers at the end are included).
std::atomic<int64_t> exited{0};
void exitAtOnce(void *) { exited.fetch_add(1, std::memory_order_relaxed); }

void BM_SpawnExit(benchmark::State &state) {
  auto body = [&] {
    exited = 0;
    int64_t n = 0;
    for (auto _ : state) {
      mp_go(exitAtOnce, nullptr);
      ++n;
    }
    while (exited.load(std::memory_order_relaxed) < n)
      mp_yield();
  };
  runRoot(body);
}
BENCHMARK(BM_SpawnExit)->UseRealTime();

// Thread ring: 503 goroutines pass a token around a ring of unbuffered
// channels, each decrementing it: one iteration = one hop.  The token is
// sent in passes of 10,000 hops.
void BM_ThreadRingHop(benchmark::State &state) {
  auto body = [&] {
    const int kRing = 503;
    // GC memory, not a std::vector: the collector does not scan malloc's
    // heap, and until every ring goroutine holds its channels this array
    // is their only reference.
    auto **ch = static_cast<mp_chan **>(mp_alloc(sizeof(mp_chan *) * kRing));
    for (int i = 0; i < kRing; ++i)
      ch[i] = mp_chan_make(&kInt, 0);
    mp_chan *done = mp_chan_make(&kInt, 1);
    for (int i = 0; i < kRing; ++i) {
      mp_chan *in = ch[i], *out = ch[(i + 1) % kRing];
      spawn([=] {
        int64_t v;
        while (mp_chan_recv(in, &v, nullptr))
          send(v == 0 ? done : out, v - 1);
      });
    }
    int64_t pending = 0;
    for (auto _ : state) {
      if (pending == 0) {
        pending = 10'000;
        send(ch[0], pending);
        recv(done);
      }
      --pending;
    }
    for (int i = 0; i < kRing; ++i)
      mp_chan_close(ch[i], nullptr);
  };
  runRoot(body);
}
BENCHMARK(BM_ThreadRingHop)->UseRealTime();

// Skynet: a 10-ary tree of 1,000,000 leaf goroutines (1,111,111 in all),
// each returning its number's sum through a channel.  ms per run.
struct SkynetArg {
  mp_chan *out;
  int64_t num, size;
};

void skynet(void *p) {
  auto *a = static_cast<SkynetArg *>(p);
  if (a->size == 1) {
    send(a->out, a->num);
    return;
  }
  mp_chan *c = mp_chan_make(&kInt, 10);
  int64_t sub = a->size / 10;
  for (int64_t i = 0; i < 10; ++i) {
    auto *child = static_cast<SkynetArg *>(mp_alloc(sizeof(SkynetArg)));
    *child = SkynetArg{c, a->num + i * sub, sub};
    mp_go(skynet, child);
  }
  int64_t sum = 0;
  for (int i = 0; i < 10; ++i)
    sum += recv(c);
  send(a->out, sum);
}

void BM_Skynet(benchmark::State &state) {
  auto body = [&] {
    for (auto _ : state) {
      mp_chan *out = mp_chan_make(&kInt, 1);
      auto *root = static_cast<SkynetArg *>(mp_alloc(sizeof(SkynetArg)));
      *root = SkynetArg{out, 0, 1'000'000};
      mp_go(skynet, root);
      if (recv(out) != 499999500000)
        state.SkipWithError("wrong skynet sum");
    }
  };
  runRoot(body);
}
BENCHMARK(BM_Skynet)->UseRealTime()->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
