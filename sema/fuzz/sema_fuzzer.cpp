// sema/fuzz/sema_fuzzer.cpp: libFuzzer target over `mpc check --dump-types`:
// parse the input as one file and, when it parses without errors (as the
// driver does), type-check it and dump what sema recorded.  Any crash,
// ASan report, hang or abort is a bug: every program must turn into
// diagnostics or a checked program.
#include "sema/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mp::fuzz::FuzzInput in(data, size);
  if (in.diags.hasErrors())
    return 0; // the driver stops after syntax errors too
  auto prog = in.check();
  mp::SourceFile *files[] = {in.file};
  mp::sema::dumpTypes(*prog, files, in.sm, in.sink);
  return 0;
}
