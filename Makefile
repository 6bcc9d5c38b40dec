# A thin wrapper over CMake + Ninja: every real rule lives in CMakeLists.txt.
#   make            build build/bin/mpc and the runtime
#   make check      install missing deps, build, run every test (lit + GoogleTest)
BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_ARGS ?=

.PHONY: all deps configure build check clean

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

clean:
	rm -rf $(BUILD)
