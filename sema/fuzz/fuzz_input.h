// sema/fuzz/fuzz_input.h: one fuzz input as `mpc` sees a file, shared by
// the sema and pipeline fuzz targets: named fuzz.mp, diagnostics to a null
// stream under mpc's error limit, parsed, then type-checked with main
// required.  A stage that breaks its promise (parseFile returns a file even
// for an empty input, check a program) traps: libFuzzer reports a crash.
#ifndef MP_SEMA_FUZZ_FUZZ_INPUT_H
#define MP_SEMA_FUZZ_FUZZ_INPUT_H

#include <cstddef>
#include <cstdint>
#include <memory>

#include "frontend/parser.h"
#include "sema/sema.h"
#include "llvm/Support/raw_ostream.h"

namespace mp::fuzz {

struct FuzzInput {
  SourceManager sm;
  llvm::raw_null_ostream sink;
  DiagnosticEngine diags{sm, sink};
  ASTContext ctx;
  SourceFile *file = nullptr;

  FuzzInput(const uint8_t *data, size_t size) {
    llvm::StringRef text(reinterpret_cast<const char *>(data), size);
    int id = sm.addBuffer("fuzz.mp", text);
    diags.setErrorLimit(10);
    file = parseFile(ctx, sm, id, diags);
    if (!file)
      __builtin_trap();
  }

  std::unique_ptr<sema::CheckedProgram> check() {
    SourceFile *files[] = {file};
    sema::CheckOptions opts;
    opts.requireMain = true;
    auto prog = sema::check(ctx, files, sm, diags, opts);
    if (!prog)
      __builtin_trap();
    return prog;
  }
};

} // namespace mp::fuzz

#endif
