// codegen/fuzz/pipeline_fuzzer.cpp: libFuzzer target over the whole
// compiler up to LLVM IR, as `mpc FILE.mp -O0` runs it without emitting or
// linking: parse the input as one file, type-check it when it parses,
// lower it to an LLVM module when it checks, and run the IR verifier
// (lowerProgram runs it and returns null on an invalid module).  Inputs of
// odd length are lowered with -g, so the debug-info paths are fuzzed too.
// Any crash, ASan report, hang, abort or invalid module is a bug: every
// program must turn into diagnostics or a valid module.
#include "codegen/codegen.h"
#include "sema/fuzz/fuzz_input.h"
#include "llvm/IR/LLVMContext.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mp::fuzz::FuzzInput in(data, size);
  if (in.diags.hasErrors())
    return 0; // the driver stops after syntax errors
  auto prog = in.check();
  if (in.diags.hasErrors())
    return 0; // the driver stops after type errors
  llvm::LLVMContext llctx;
  mp::codegen::Options cg;
  cg.optLevel = 0;
  cg.debugInfo = size % 2 == 1;
  cg.moduleName = "fuzz";
  auto mod = mp::codegen::lowerProgram(*prog, in.sm, in.diags, llctx, cg);
  if (!mod && !in.diags.hasErrors())
    __builtin_trap(); // the verifier rejected the module
  return 0;
}
