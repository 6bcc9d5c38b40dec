// frontend/fuzz/frontend_fuzzer.cpp: libFuzzer target over the frontend as
// `mpc check --dump-tokens` and `mpc check --dump-ast` drive it: lex the
// whole input, then parse it (with the error limit mpc uses), print every
// diagnostic with its caret snippet and dump the AST.  Any crash, ASan
// report, hang or abort is a bug: mpc must turn every input into diagnostics.
#include <cstddef>
#include <cstdint>

#include "frontend/lexer.h"
#include "frontend/parser.h"
#include "llvm/Support/raw_ostream.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  mp::SourceManager sm;
  int id = sm.addBuffer("fuzz.mp", text);
  llvm::raw_null_ostream sink;

  // The token stream alone, without the error limit (as --dump-tokens).
  {
    mp::DiagnosticEngine diags(sm, sink);
    mp::Lexer lexer(sm, id, diags);
    for (size_t n = 0; lexer.next().kind != mp::TokenKind::Eof; ++n)
      if (n > 2 * size + 16) // each token consumes input or is a lone `;`
        __builtin_trap();    // a lexer that stops advancing is a hang
  }

  // The parser as `mpc check` runs it.
  mp::DiagnosticEngine diags(sm, sink);
  diags.setErrorLimit(10);
  mp::ASTContext ctx;
  mp::SourceFile *file = mp::parseFile(ctx, sm, id, diags);
  if (!file)
    __builtin_trap(); // parseFile promises a file, even an empty one
  mp::dumpAST(*file, sm, sink);
  return 0;
}
