# A thin wrapper over CMake + Ninja: every real rule lives in CMakeLists.txt.
#   make            build build/bin/mpc and the runtime
#   make demo       install missing deps, build, compile examples/sieve.mp, run it
#   make check      install missing deps, build, run every test (lit + GoogleTest)
#   make check-readme  README.md's two commands in a fresh clone (slow: a full
#                   build from scratch; not part of make check)
#   make fuzz       libFuzzer on the frontend, one core, FUZZ_TIME seconds (not in check);
#                   FUZZ_TARGET=sema fuzzes parser + type checker instead,
#                   FUZZ_TARGET=pipeline parser + checker + lowering to LLVM IR
#   make check-tsan the runtime's unit and stress tests under ThreadSanitizer
#                   (separate tree build-tsan/; not part of make check), then
#                   test/conc and the examples linked against that runtime
#   make check-asan the same under AddressSanitizer (tree build-asan/)
#   make stress     the randomized stress mix for STRESS_OPS operations per
#                   mode (plain, and MPSCHED_PERTURB with 1 and 2 workers)
#   make difftest   N random programs (default 2000) by mpc -O0/-O2 and go build,
#                   outputs compared (test/difftest/README.md)
#   make bench      bench-runtime, bench-frontend, bench-suite, bench-compile,
#                   then bench-jit
#   make bench-runtime  runtime benchmarks (MPPROCS=1 and 2) beside Go's, one table
#   make bench-frontend  lex+parse and parse+check of a generated 100,000-line
#                   program beside gofmt -l and go vet (lines/s, ratios)
#   make bench-suite    bench/programs built by go and mpc -O2, timed alternately;
#                   writes bench/results.md and bench/results.svg
#   make bench-compile  compile time of examples/ at -O0 and -O2 beside go build
#   make bench-jit  mpc run: time to first output vs go run, JIT vs binary speed
BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_ARGS ?=
JOBS       ?=

.PHONY: all deps configure build demo check check-readme check-tsan check-asan stress difftest fuzz bench bench-runtime bench-frontend bench-suite bench-compile bench-jit clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS)

configure: $(BUILD)/build.ninja

build: configure
	ninja -C $(BUILD) $(if $(JOBS),-j$(JOBS))

# The first of README.md's two commands: what a newcomer runs first.
demo: deps
	@$(MAKE) --no-print-directory build
	$(BUILD)/bin/mpc examples/sieve.mp -o $(BUILD)/sieve
	$(BUILD)/sieve

# Tests run under Debian's /usr/bin/python3, which has python3-psutil (lit
# needs it for per-test timeouts), whatever python3 comes first in PATH.
check: deps
	@$(MAKE) --no-print-directory build
	@/usr/bin/python3 scripts/run-tests.py $(BUILD)

# scripts/readme-test.sh: clones this repository's HEAD into a temporary
# directory and runs the set-up commands README.md shows, checking their
# output (the sieve's primes; "N passed, 0 failed").
check-readme:
	scripts/readme-test.sh

# A separate clang-19 + ASan + libFuzzer tree; only the fuzzer is built there.
FUZZ_BUILD ?= build-fuzz
FUZZ_TIME  ?= 600
FUZZ_TARGET ?= frontend
fuzz: deps
	cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
	  -DMP_FUZZ=ON -DMP_SANITIZE=address
	ninja -C $(FUZZ_BUILD) -j2 $(FUZZ_TARGET)-fuzzer
	frontend/fuzz/run-fuzz.sh $(FUZZ_BUILD) $(FUZZ_TIME) $(FUZZ_TARGET)

# Then compiled MP programs (the lit tests of test/conc and the examples
# suite) are linked by $(BUILD)/bin/mpc against the sanitized runtime:
# MPC_RUNTIME_DIR picks its libmprt.a/libmpstd.a, MPC_SANITIZE links with
# g++ -fsanitize=... (driver/compile.cpp).  Any report fails its test.
SAN_LIT = /usr/bin/python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv --timeout=600 \
  $(BUILD)/test/conc $(BUILD)/test/examples/run

# The million-goroutine test needs more address space than TSan leaves.
TSAN_BUILD ?= build-tsan
TSAN_OPTS = halt_on_error=1 second_deadlock_stack=1
check-tsan: deps configure
	cmake -S . -B $(TSAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMP_SANITIZE=thread
	ninja -C $(TSAN_BUILD) -j2 RuntimeTests rt_helper mprt mpstd
	TSAN_OPTIONS="$(TSAN_OPTS)" \
	  $(TSAN_BUILD)/test/unit/RuntimeTests --gtest_filter=-Fatal.MillionGoroutines
	ninja -C $(BUILD) -j2 mpc
	MPC_SANITIZE=thread MPC_RUNTIME_DIR=$(abspath $(TSAN_BUILD))/lib \
	  TSAN_OPTIONS="$(TSAN_OPTS)" $(SAN_LIT)

# Leak checking is off: Boehm-managed memory and never-freed runtime globals
# are not leaks.  The million-goroutine test is skipped as under TSan.
ASAN_BUILD ?= build-asan
ASAN_OPTS = detect_leaks=0:halt_on_error=1
check-asan: deps configure
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMP_SANITIZE=address
	ninja -C $(ASAN_BUILD) -j2 RuntimeTests rt_helper rt_stress mprt mpstd
	ASAN_OPTIONS="$(ASAN_OPTS)" \
	  $(ASAN_BUILD)/test/unit/RuntimeTests --gtest_filter=-Fatal.MillionGoroutines
	ninja -C $(BUILD) -j2 mpc
	MPC_SANITIZE=address MPC_RUNTIME_DIR=$(abspath $(ASAN_BUILD))/lib \
	  ASAN_OPTIONS="$(ASAN_OPTS)" $(SAN_LIT)

# The stress mix (test/unit/runtime/rt_stress.cpp), long: STRESS_OPS
# operations in each of four modes; each run prints its operations and
# violations and fails on any violation.
STRESS_OPS  ?= 25000000
STRESS_SEED ?= 1
stress: configure
	ninja -C $(BUILD) -j2 rt_stress
	MPPROCS=2 $(BUILD)/test/unit/rt_stress --ops $(STRESS_OPS) --seed $(STRESS_SEED)
	MPPROCS=1 MPSCHED_PERTURB=$(STRESS_SEED) $(BUILD)/test/unit/rt_stress --ops $(STRESS_OPS)
	MPPROCS=2 MPSCHED_PERTURB=$(STRESS_SEED) $(BUILD)/test/unit/rt_stress --ops $(STRESS_OPS)
	MPPROCS=4 MPSCHED_PERTURB=$$(($(STRESS_SEED) + 1)) $(BUILD)/test/unit/rt_stress --ops $(STRESS_OPS)

# Differential testing against Go; differing programs are kept in
# $(BUILD)/difftest-failures/seed-N/.  START picks the first seed.
N     ?= 2000
START ?= 0
difftest: build
	/usr/bin/python3 test/difftest/run.py --mpc $(BUILD)/bin/mpc --count $(N) --start $(START) \
	  -j2 --keep-failures $(BUILD)/difftest-failures

# Google Benchmark JSON per MPPROCS and `go test -bench` text, compared by
# bench/runtime/compare.py; raw outputs stay in $(BUILD)/bench/.
bench: bench-runtime bench-frontend bench-suite bench-compile bench-jit

bench-runtime: build
	@scripts/install-deps.sh --bench
	mkdir -p $(BUILD)/bench
	cd bench/runtime/go && go test -run '^$$' -bench . -cpu 1,2 -benchtime 1s \
	  | tee $(CURDIR)/$(BUILD)/bench/go.txt
	for p in 1 2; do MPPROCS=$$p $(BUILD)/bench/runtime_bench --benchmark_min_time=1 \
	  --benchmark_out=$(BUILD)/bench/mp$$p.json --benchmark_out_format=json || exit 1; done
	bench/runtime/compare.py $(BUILD)/bench/go.txt 1=$(BUILD)/bench/mp1.json 2=$(BUILD)/bench/mp2.json

# CPU times of mpc check (--parse-only) and of Go's tools on the same file.
bench-frontend: build
	/usr/bin/python3 bench/frontend/run.py $(BUILD)

# The programs of bench/programs/ against Go (bench/suite.py --help for
# --only, --runs, --tiny); builds go in $(BUILD)/bench/suite/.
BENCH_ARGS ?=
bench-suite: build
	@scripts/install-deps.sh --bench
	bench/suite.py --build $(BUILD) $(BENCH_ARGS)

# `mpc run` start-up against `go run`, and its steady state against the
# same program compiled by mpc -O2 (bench/jit/run.py).
bench-jit: build
	@scripts/install-deps.sh --bench
	/usr/bin/python3 bench/jit/run.py --build $(BUILD)

# Compile time of the examples at -O0 and -O2 beside `go build`, as ratios.
bench-compile: build
	bench/compile_time.py --build $(BUILD)

clean:
	rm -rf $(BUILD) $(TSAN_BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
