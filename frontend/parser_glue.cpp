// frontend/parser_glue.cpp: connects the generated Bison parser to the
// lexer and phrases syntax errors the way Go's parser does ("syntax error:
// unexpected newline, expecting comma or )", "... at end of statement").
#include <algorithm>

#include "parse_state.h"
#include "parser.h"
#include "parser.hpp"

namespace mp {
namespace yy {

namespace {

int tokenNumber(TokenKind k) {
  switch (k) {
#define TOK(Name, Desc)                                                        \
  case TokenKind::Name:                                                        \
    return Parser::token::TOK_##Name;
#include "token_kinds.def"
  }
  return Parser::token::TOK_Illegal;
}

#define TOKEN_CASE2(Name)                                                      \
  case Parser::symbol_kind::S_##Name:                                          \
    out = TokenKind::Name;                                                     \
    return true;
bool symbolToken(Parser::symbol_kind_type s, TokenKind &out) {
  switch (s) {
  case Parser::symbol_kind::S_YYEOF:
    out = TokenKind::Eof;
    return true;
#define TOK(Name, Desc)
#define PUNCT(Name, Spelling) TOKEN_CASE(Name)
#define KEYWORD(Name, Spelling) TOKEN_CASE(Name)
#define TOKEN_CASE(Name)                                                       \
  case Parser::symbol_kind::S_##Name:                                          \
    out = TokenKind::Name;                                                     \
    return true;
#include "token_kinds.def"
#undef TOKEN_CASE
    TOKEN_CASE2(Illegal) TOKEN_CASE2(Ident) TOKEN_CASE2(Int) TOKEN_CASE2(Float)
    TOKEN_CASE2(Imag) TOKEN_CASE2(Rune) TOKEN_CASE2(String)
  default:
    return false;
  }
}

// Go's wording for a token in "unexpected X".
std::string describe(const Token &t) {
  switch (t.kind) {
  case TokenKind::Eof:
    return "EOF";
  case TokenKind::Semicolon:
    if (t.implicit)
      return t.text.empty() ? "EOF" : "newline";
    return "semicolon";
  case TokenKind::Comma:
    return "comma";
  case TokenKind::Ident:
    return t.text.str();
  case TokenKind::Int: case TokenKind::Float: case TokenKind::Imag:
  case TokenKind::Rune: case TokenKind::String:
    return "literal " + t.text.str();
  default:
    return tokenSpelling(t.kind).str();
  }
}

// Go's wording for an expected token.
std::string expectedName(TokenKind k) {
  switch (k) {
  case TokenKind::Comma:
    return "comma";
  case TokenKind::Semicolon:
    return "semicolon or newline";
  case TokenKind::Ident:
    return "name";
  default:
    return tokenSpelling(k).str();
  }
}

// Tokens that only continue an expression already complete: Go leaves
// them out of "expecting ..." lists, and so do we.
bool continuesExpr(TokenKind k) {
  switch (k) {
  case TokenKind::Add: case TokenKind::Sub: case TokenKind::Mul: case TokenKind::Quo:
  case TokenKind::Rem: case TokenKind::And: case TokenKind::Or: case TokenKind::Xor:
  case TokenKind::Shl: case TokenKind::Shr: case TokenKind::AndNot:
  case TokenKind::LAnd: case TokenKind::LOr: case TokenKind::Eql: case TokenKind::Neq:
  case TokenKind::Lss: case TokenKind::Leq: case TokenKind::Gtr: case TokenKind::Geq:
  case TokenKind::Period: case TokenKind::LBrack: case TokenKind::LParen:
  case TokenKind::LBrace: case TokenKind::Inc: case TokenKind::Dec:
  case TokenKind::Arrow: case TokenKind::Assign: case TokenKind::Define:
  case TokenKind::AddAssign: case TokenKind::SubAssign: case TokenKind::MulAssign:
  case TokenKind::QuoAssign: case TokenKind::RemAssign: case TokenKind::AndAssign:
  case TokenKind::OrAssign: case TokenKind::XorAssign: case TokenKind::ShlAssign:
  case TokenKind::ShrAssign: case TokenKind::AndNotAssign: case TokenKind::KwWhere:
    return true;
  default:
    return false;
  }
}

// Tokens that can start an expression (besides Int, which stands for all).
bool startsExpr(TokenKind k) {
  switch (k) {
  case TokenKind::Ident: case TokenKind::Int: case TokenKind::Float:
  case TokenKind::Imag: case TokenKind::Rune: case TokenKind::String:
  case TokenKind::LParen: case TokenKind::LBrack: case TokenKind::KwFunc:
  case TokenKind::KwMap: case TokenKind::KwChan: case TokenKind::KwStruct:
  case TokenKind::KwInterface: case TokenKind::Mul: case TokenKind::And:
  case TokenKind::Add: case TokenKind::Sub: case TokenKind::Not: case TokenKind::Xor:
  case TokenKind::Arrow:
    return true;
  default:
    return false;
  }
}

bool isDeclKeyword(TokenKind k) {
  return k == TokenKind::KwFunc || k == TokenKind::KwVar || k == TokenKind::KwConst ||
         k == TokenKind::KwType || k == TokenKind::KwImport;
}

std::string joinOr(const std::vector<std::string> &items) {
  std::string s;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i)
      s += i + 1 == items.size() ? " or " : ", ";
    s += items[i];
  }
  return s;
}

} // namespace

int yylex(Parser::value_type *value, Parser::location_type *loc, ParseState &ps) {
  Token t = ps.diags.limitReached() ? Token{} : ps.lexer.next();
  if (ps.diags.limitReached())
    t.kind = TokenKind::Eof;
  ps.last = t;
  if (t.kind == TokenKind::KwFor || t.kind == TokenKind::KwIf || t.kind == TokenKind::KwSwitch) {
    ps.headerKw = t.kind;
    ps.headerDepth = ps.lexer.openBrackets().size();
  } else if (t.kind == TokenKind::KwFunc) {
    ps.headerKw = TokenKind::Eof;
  }
  value->emplace<Token>(t);
  *loc = t.range;
  return tokenNumber(t.kind);
}

void Parser::error(const location_type &loc, const std::string &msg) {
  // Only reached for Bison's own failures (e.g. memory exhausted).
  ps.diags.report(DiagId::SyntaxUnexpected, loc, {msg});
}

// Picks Go's phrasing for an unexpected token `t`, given the tokens the
// parser expected there (exact, thanks to LAC) and the innermost open
// bracket.  Go's parser words errors by context: a list missing a comma, a
// statement or top-level declaration that goes on too long, a statement
// outside a function; otherwise "unexpected X, expecting Y".
void Parser::report_syntax_error(const context &ctx) const {
  if (ps.lexer.nestingExceeded() || ps.diags.limitReached())
    return;
  const Token &t = ps.last;
  unsigned line = ps.sm.presumed(t.range.begin).line;
  if (line == ps.lastErrorLine)
    return;
  ps.lastErrorLine = line;

  symbol_kind_type expected[YYNTOKENS];
  int n = ctx.expected_tokens(expected, YYNTOKENS);
  std::vector<TokenKind> exp;
  for (int i = 0; i < n; ++i) {
    TokenKind k;
    if (symbolToken(expected[i], k))
      exp.push_back(k);
  }
  auto has = [&](TokenKind k) { return std::find(exp.begin(), exp.end(), k) != exp.end(); };
  bool wantsExpr = has(TokenKind::Int);
  const auto &open = ps.lexer.openBrackets();
  TokenKind inner = open.empty() ? TokenKind::Eof : open.back().kind;
  SourceRange at = t.range;
  std::string what = describe(t);

  if (t.kind == TokenKind::Semicolon && t.implicit && !t.text.empty() && has(TokenKind::LBrace) &&
      ps.headerKw != TokenKind::Eof && open.size() == ps.headerDepth) {
    // `for i := 0; i < n; i++` with its `{` on the next line
    ps.diags.report(DiagId::SyntaxBraceAfterClause, at, {tokenSpelling(ps.headerKw).str()});
  } else if (t.kind == TokenKind::LBrace && has(TokenKind::Semicolon) && wantsExpr &&
             ps.headerKw == TokenKind::KwFor && open.size() == ps.headerDepth + 1) {
    // `for x < 3` with its `{` on the next line: the newline made x < 3
    // the init statement of a three-clause header
    ps.diags.report(DiagId::SyntaxUnexpectedExpecting, at, {"{", "for loop condition"});
  } else if (exp.size() == 2 && has(TokenKind::KwIf) && has(TokenKind::LBrace)) {
    ps.diags.report(DiagId::SyntaxElseMustBeFollowed, at);
  } else if (has(TokenKind::KwFunc) && has(TokenKind::KwImport) && !wantsExpr) {
    // between top-level declarations
    ps.diags.report(isDeclKeyword(t.kind) ? DiagId::SyntaxUnexpected
                                          : DiagId::SyntaxNonDeclOutsideFunc,
                    at, {what});
  } else if (inner == TokenKind::LParen && has(TokenKind::RParen) && has(TokenKind::Comma) &&
             !has(TokenKind::Semicolon)) {
    // after an operand an argument could go on (`+`); a parameter cannot
    const char *list = has(TokenKind::Add) ? "argument list" : "parameter list";
    ps.diags.report(DiagId::SyntaxInList, at, {what, list, "comma", ")"});
  } else if (inner == TokenKind::LBrace && has(TokenKind::RBrace) && has(TokenKind::Comma) &&
             !has(TokenKind::Semicolon)) {
    ps.diags.report(DiagId::SyntaxInList, at, {what, "composite literal", "comma", "}"});
  } else if (inner == TokenKind::LParen && has(TokenKind::RParen) && has(TokenKind::Semicolon)) {
    ps.diags.report(DiagId::SyntaxInList, at,
                    {what, "grouped declaration", "semicolon or newline", ")"});
  } else if (has(TokenKind::Semicolon) && has(TokenKind::RBrace)) {
    ps.diags.report(DiagId::SyntaxUnexpectedAtEndOfStmt, at, {what});
  } else if (has(TokenKind::Semicolon) && open.empty()) {
    ps.diags.report(DiagId::SyntaxUnexpectedAfterTopDecl, at, {what});
  } else if (has(TokenKind::Semicolon)) {
    ps.diags.report(DiagId::SyntaxUnexpectedExpecting, at, {what, "semicolon or newline"});
  } else {
    std::vector<std::string> items;
    if (wantsExpr)
      items.push_back("expression");
    for (TokenKind k : exp)
      if (!continuesExpr(k) && !(wantsExpr && startsExpr(k)))
        items.push_back(expectedName(k));
    if (!items.empty() && items.size() <= 4)
      ps.diags.report(DiagId::SyntaxUnexpectedExpecting, at, {what, joinOr(items)});
    else
      ps.diags.report(DiagId::SyntaxUnexpected, at, {what});
  }
  if ((t.kind == TokenKind::Eof || (t.implicit && t.text.empty())) && !open.empty())
    ps.diags.report(DiagId::NoteUnclosedHere, open.back().range, {open.back().text});
}

} // namespace yy

SourceFile *parseFile(ASTContext &ctx, const SourceManager &sm, int fileId,
                      DiagnosticEngine &diags) {
  ParseState ps(ctx, sm, fileId, diags);
  yy::Parser parser(ps);
  parser.parse();
  ps.builder.finish();
  if (!ps.file) // unrecoverable syntax error: an empty file keeps callers simple
    ps.file = ps.builder.file(SourceRange(sm.locFor(fileId, 0)), fileId, nullptr, {});
  return ps.file;
}

} // namespace mp
