# A thin wrapper over CMake + Ninja: every real rule lives in CMakeLists.txt.
#   make            build build/bin/mpc and the runtime
#   make check      install missing deps, build, run every test (lit + GoogleTest)
#   make fuzz       libFuzzer on the frontend, one core, FUZZ_TIME seconds (not in check)
BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_ARGS ?=

.PHONY: all deps configure build check clean fuzz

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS)

configure: $(BUILD)/build.ninja

build: configure
	ninja -C $(BUILD)

# Tests run under Debian's /usr/bin/python3, which has python3-psutil (lit
# needs it for per-test timeouts), whatever python3 comes first in PATH.
check: deps
	@$(MAKE) --no-print-directory build
	@/usr/bin/python3 scripts/run-tests.py $(BUILD)

# A separate clang-19 + ASan + libFuzzer tree; only the fuzzer is built there.
FUZZ_BUILD ?= build-fuzz
FUZZ_TIME  ?= 600
fuzz: deps
	cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
	  -DMP_FUZZ=ON -DMP_SANITIZE=address
	ninja -C $(FUZZ_BUILD) -j2 frontend-fuzzer
	frontend/fuzz/run-fuzz.sh $(FUZZ_BUILD) $(FUZZ_TIME)

clean:
	rm -rf $(BUILD)
