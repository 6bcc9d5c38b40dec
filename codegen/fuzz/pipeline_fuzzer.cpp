// codegen/fuzz/pipeline_fuzzer.cpp: libFuzzer target over the whole
// compiler up to LLVM IR, as `mpc FILE.mp -O0` runs it without emitting or
// linking: parse the input as one file, type-check it when it parses,
// lower it to an LLVM module when it checks, and run the IR verifier
// (lowerProgram runs it and returns null on an invalid module).  Inputs of
// odd length are lowered with -g, so the debug-info paths are fuzzed too.
// Any crash, ASan report, hang, abort or invalid module is a bug: every
// program must turn into diagnostics or a valid module.
#include <cstddef>
#include <cstdint>

#include "codegen/codegen.h"
#include "frontend/parser.h"
#include "sema/sema.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/Support/raw_ostream.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  mp::SourceManager sm;
  int id = sm.addBuffer("fuzz.mp", text);
  llvm::raw_null_ostream sink;
  mp::DiagnosticEngine diags(sm, sink);
  diags.setErrorLimit(10);
  mp::ASTContext ctx;
  mp::SourceFile *file = mp::parseFile(ctx, sm, id, diags);
  if (!file)
    __builtin_trap(); // parseFile promises a file, even an empty one
  if (diags.hasErrors())
    return 0; // the driver stops after syntax errors
  mp::SourceFile *files[] = {file};
  mp::sema::CheckOptions opts;
  opts.requireMain = true;
  auto prog = mp::sema::check(ctx, files, sm, diags, opts);
  if (!prog)
    __builtin_trap();
  if (diags.hasErrors())
    return 0; // the driver stops after type errors
  llvm::LLVMContext llctx;
  mp::codegen::Options cg;
  cg.optLevel = 0;
  cg.debugInfo = size % 2 == 1;
  cg.moduleName = "fuzz";
  auto mod = mp::codegen::lowerProgram(*prog, sm, diags, llctx, cg);
  if (!mod && !diags.hasErrors())
    __builtin_trap(); // the verifier rejected the module
  return 0;
}
