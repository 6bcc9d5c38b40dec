// frontend/lexer.h: the re2c-generated lexer (lexer.re) for Go's lexical
// grammar plus MP's `where`: automatic semicolons, every literal form with
// Go's diagnostics, UTF-8 identifiers.  It also counts bracket nesting, so
// that absurd nesting is reported before any recursive pass sees it.
#pragma once

#include <vector>

#include "diagnostics.h"
#include "token.h"

namespace mp {

class Lexer {
public:
  Lexer(const SourceManager &sm, int fileId, DiagnosticEngine &diags);

  /// The next token; Eof forever at the end (after a final implicit `;`
  /// when the last line needs one).
  Token next();

  /// Brackets still open, innermost last (for "not closed" notes).
  const std::vector<Token> &openBrackets() const { return open_; }
  /// True once nesting exceeded kMaxNestingDepth (the lexer then acts as if
  /// the file ended).
  bool nestingExceeded() const { return tooDeep_; }

private:
  Token lex();
  Token make(TokenKind k, const char *begin, const char *end);
  void error(DiagId id, const char *at, std::initializer_list<DiagArg> args = {});
  void errorRange(DiagId id, const char *b, const char *e,
                  std::initializer_list<DiagArg> args = {});
  // Literal validation with Go's messages (literal_check.cpp).
  void checkNumber(const char *b, const char *e, TokenKind &kind);
  void checkEscapes(const char *b, const char *e, char quote);
  /// Validates the escape after a backslash at p[-1]; returns the position
  /// after it, and sets ok=false on error.
  const char *scanEscape(const char *p, const char *e, char quote, bool &ok);
  void checkRune(const char *b, const char *e, bool terminated);
  void checkText(const char *b, const char *e);
  bool checkIdent(const char *b, const char *e);
  bool trackBracket(const Token &t);

  const SourceManager &sm_;
  DiagnosticEngine &diags_;
  int fileId_;
  const char *start_;  ///< buffer start
  const char *limit_;  ///< one past the last byte (a NUL sentinel follows)
  const char *cur_;
  bool needSemi_ = false; ///< the last token allows a newline semicolon
  bool tooDeep_ = false;
  const char *identSkip_ = nullptr; ///< where to resume after a bad ident start
  std::vector<Token> open_;
};

/// Decodes the body of a valid interpreted string or rune literal, quotes
/// included, into UTF-8 bytes (`out`); for runes also returns the code point.
void decodeQuoted(llvm::StringRef lit, std::string &out, uint32_t *rune = nullptr);

} // namespace mp
