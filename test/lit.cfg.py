# lit configuration for mpc.  Tests live by stage: test/{driver,parse,sema,
# codegen,run,repl,...}/<feature>.mp; GoogleTest unit binaries are picked up
# from build/test/unit by the GoogleTest format (see test/unit/lit.cfg.py).
import os
import sys
import lit.formats

config.name = "mpc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.mp_obj_root, "test")

config.substitutions.append(("%mpc", os.path.join(config.mp_bin_dir, "mpc")))
config.substitutions.append(("%examples", os.path.join(config.mp_src_root, "examples")))
config.substitutions.append(("%src_root", config.mp_src_root))
config.substitutions.append(("%python", sys.executable))
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.mp_bin_dir, config.environment.get("PATH", "")])
# Diagnostics are tested without colours.
config.environment["NO_COLOR"] = "1"
# MPC_SANITIZE/MPC_RUNTIME_DIR (driver/compile.cpp) and the sanitizers'
# options: make check-asan/check-tsan run test/conc and the examples with
# programs linked against the sanitized runtime.
for var in ("HOME", "TMPDIR", "GOCACHE", "GOPATH", "MPC_SANITIZE", "MPC_RUNTIME_DIR",
            "ASAN_OPTIONS", "TSAN_OPTIONS"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
if config.mp_sanitize:
    config.available_features.add(config.mp_sanitize + "-sanitizer")
