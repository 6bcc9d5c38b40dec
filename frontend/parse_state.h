// frontend/parse_state.h: what the generated parser carries while it runs
// (lexer, builder, result, syntax-error bookkeeping).  Private to frontend/.
#pragma once

#include "builder.h"
#include "lexer.h"

namespace mp {

struct ParseState {
  ParseState(ASTContext &ctx, const SourceManager &sm, int fileId, DiagnosticEngine &diags)
      : sm(sm), diags(diags), fileId(fileId), lexer(sm, fileId, diags),
        builder(ctx, sm, diags) {}

  const SourceManager &sm;
  DiagnosticEngine &diags;
  int fileId;
  Lexer lexer;
  ASTBuilder builder;
  SourceFile *file = nullptr;
  Token last;                 ///< the lookahead, for messages
  unsigned lastErrorLine = 0; ///< Go reports one syntax error per line
  /// The last `for`/`if`/`switch` keyword lexed (Eof: none, or a `func`
  /// came after it) and the bracket depth there: a newline where that
  /// header wanted its `{` is "expecting { after for clause", as in Go.
  TokenKind headerKw = TokenKind::Eof;
  size_t headerDepth = 0;
};

} // namespace mp
