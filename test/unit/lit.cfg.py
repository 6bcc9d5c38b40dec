# The GoogleTest unit executables (<Stage>Tests) built into build/test/unit.
import os
import lit.formats

config.name = "mpc-unit"
config.test_format = lit.formats.GoogleTest(".", "Tests")
config.test_source_root = os.path.join(config.mp_obj_root, "test", "unit")
config.test_exec_root = config.test_source_root
