// frontend/token.h: token kinds (from token_kinds.def) and the Token the
// lexer produces.  A token knows its kind, its source range (hence file,
// line, column and byte offset via the SourceManager) and its text.
#pragma once

#include <cstdint>

#include "source.h"
#include "llvm/ADT/StringRef.h"

namespace mp {

enum class TokenKind : uint8_t {
#define TOK(Name, Desc) Name,
#include "token_kinds.def"
};

/// The spelling of an operator/keyword, or a description ("name", "literal").
llvm::StringRef tokenSpelling(TokenKind k);
/// The enum name, e.g. "KwFor" (for dumps and tests).
llvm::StringRef tokenKindName(TokenKind k);

struct Token {
  TokenKind kind = TokenKind::Eof;
  /// For Semicolon: true when inserted at a newline or EOF (messages say
  /// "newline" then, as Go's do).
  bool implicit = false;
  SourceRange range;
  llvm::StringRef text; ///< the source bytes of the token
};

} // namespace mp
