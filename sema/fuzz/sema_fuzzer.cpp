// sema/fuzz/sema_fuzzer.cpp: libFuzzer target over `mpc check --dump-types`:
// parse the input as one file and, when it parses without errors (as the
// driver does), type-check it and dump what sema recorded.  Any crash,
// ASan report, hang or abort is a bug: every program must turn into
// diagnostics or a checked program.
#include <cstddef>
#include <cstdint>

#include "frontend/parser.h"
#include "sema/sema.h"
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
    return 0; // the driver stops after syntax errors too
  mp::SourceFile *files[] = {file};
  mp::sema::CheckOptions opts;
  opts.requireMain = true;
  auto prog = mp::sema::check(ctx, files, sm, diags, opts);
  if (!prog)
    __builtin_trap();
  mp::sema::dumpTypes(*prog, files, sm, sink);
  return 0;
}
