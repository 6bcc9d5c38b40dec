// frontend/lexer.re: the MP lexer (re2c, byte mode; generated at build time).
// Go's lexical grammar: automatic semicolons, all literal forms, UTF-8
// identifiers, plus the `where` keyword.  re2c matches the shape of each
// token; literal_check.cpp then validates literal bodies with Go's messages,
// so a malformed literal is still one token and the parser does not cascade.
#include "lexer.h"

#include "parser.h"
#include "unicode.h"

namespace mp {

Lexer::Lexer(const SourceManager &sm, int fileId, DiagnosticEngine &diags)
    : sm_(sm), diags_(diags), fileId_(fileId) {
  llvm::StringRef text = sm.text(fileId);
  start_ = text.data();
  limit_ = text.data() + text.size();
  cur_ = start_;
  if (text.starts_with("\xEF\xBB\xBF"))
    cur_ += 3; // a BOM is allowed as the very first character
}

Token Lexer::make(TokenKind k, const char *b, const char *e) {
  Token t;
  t.kind = k;
  t.range = SourceRange(sm_.locFor(fileId_, uint32_t(b - start_)),
                        sm_.locFor(fileId_, uint32_t(e - start_)));
  t.text = llvm::StringRef(b, size_t(e - b));
  return t;
}

void Lexer::error(DiagId id, const char *at, std::initializer_list<DiagArg> args) {
  diags_.report(id, sm_.locFor(fileId_, uint32_t(at - start_)), args);
}

void Lexer::errorRange(DiagId id, const char *b, const char *e,
                       std::initializer_list<DiagArg> args) {
  diags_.report(id,
                SourceRange(sm_.locFor(fileId_, uint32_t(b - start_)),
                            sm_.locFor(fileId_, uint32_t(e - start_))),
                args);
}

Token Lexer::next() {
  if (tooDeep_)
    return make(TokenKind::Eof, limit_, limit_);
  Token t = lex();
  switch (t.kind) {
  case TokenKind::Ident: case TokenKind::Int: case TokenKind::Float:
  case TokenKind::Imag: case TokenKind::Rune: case TokenKind::String:
  case TokenKind::KwBreak: case TokenKind::KwContinue:
  case TokenKind::KwFallthrough: case TokenKind::KwReturn:
  case TokenKind::Inc: case TokenKind::Dec: case TokenKind::RParen:
  case TokenKind::RBrack: case TokenKind::RBrace:
    needSemi_ = true;
    break;
  default:
    needSemi_ = false;
    break;
  }
  if (!trackBracket(t)) {
    tooDeep_ = true;
    return make(TokenKind::Eof, limit_, limit_);
  }
  return t;
}

// Keeps the stack of open brackets; false when nesting is too deep.
bool Lexer::trackBracket(const Token &t) {
  switch (t.kind) {
  case TokenKind::LParen: case TokenKind::LBrack: case TokenKind::LBrace:
    open_.push_back(t);
    if (open_.size() > kMaxNestingDepth) {
      diags_.report(DiagId::NestingTooDeep, t.range, {kMaxNestingDepth});
      return false;
    }
    return true;
  case TokenKind::RParen: case TokenKind::RBrack: case TokenKind::RBrace:
    if (!open_.empty())
      open_.pop_back();
    return true;
  default:
    return true;
  }
}

/*!re2c
  re2c:define:YYCTYPE = "unsigned char";
  re2c:define:YYCURSOR = cur;
  re2c:define:YYMARKER = marker;
  re2c:define:YYLIMIT = limit;
  re2c:yyfill:enable = 0;
  re2c:eof = 0;

  dig = [0-9_];
  hex = [0-9a-fA-F_];
  exp = [eEpP] [+-]? dig*;
  number = ( "0" [xX] hex* ("." hex*)? | "0" [bBoO] dig* ("." dig*)?
           | [0-9] dig* ("." dig*)? | "." [0-9] dig* ) exp? "i"?;
  ident = [a-zA-Z_\x80-\xff] [a-zA-Z_0-9\x80-\xff]*;
  strbody = ([^"\\\n] | "\\" [^\n])*;
  runebody = ([^'\\\n] | "\\" [^\n])*;
*/

Token Lexer::lex() {
  const unsigned char *cur = reinterpret_cast<const unsigned char *>(cur_);
  const unsigned char *limit = reinterpret_cast<const unsigned char *>(limit_);
  const unsigned char *marker = cur;
  const char *tok;
  TokenKind k;
  for (;;) {
    tok = reinterpret_cast<const char *>(cur);
#define TOKEN(Kind) do { k = TokenKind::Kind; goto emit; } while (0)
  /*!re2c
    $ {
      cur_ = limit_;
      if (needSemi_) {
        Token t = make(TokenKind::Semicolon, limit_, limit_);
        t.implicit = true;
        return t;
      }
      return make(TokenKind::Eof, limit_, limit_);
    }
    [ \t\r]+ { continue; }
    "\n" {
      if (needSemi_) {
        cur_ = reinterpret_cast<const char *>(cur);
        Token t = make(TokenKind::Semicolon, tok, tok + 1);
        t.implicit = true;
        return t;
      }
      continue;
    }
    "//" [^\n]* {
      checkText(tok + 2, reinterpret_cast<const char *>(cur));
      continue;
    }
    "/*" ([^*] | "*"+ [^*/])* "*"+ "/" {
      const char *e = reinterpret_cast<const char *>(cur);
      checkText(tok + 2, e - 2);
      // A comment containing newlines acts like a newline.
      if (needSemi_ && llvm::StringRef(tok, size_t(e - tok)).contains('\n')) {
        cur_ = e;
        Token t = make(TokenKind::Semicolon, tok, tok);
        t.implicit = true;
        return t;
      }
      continue;
    }
    "/*" {
      error(DiagId::CommentNotTerminated, tok);
      cur = limit;
      continue;
    }

    "break"       { TOKEN(KwBreak); }
    "case"        { TOKEN(KwCase); }
    "chan"        { TOKEN(KwChan); }
    "const"       { TOKEN(KwConst); }
    "continue"    { TOKEN(KwContinue); }
    "default"     { TOKEN(KwDefault); }
    "defer"       { TOKEN(KwDefer); }
    "else"        { TOKEN(KwElse); }
    "fallthrough" { TOKEN(KwFallthrough); }
    "for"         { TOKEN(KwFor); }
    "func"        { TOKEN(KwFunc); }
    "go"          { TOKEN(KwGo); }
    "goto"        { TOKEN(KwGoto); }
    "if"          { TOKEN(KwIf); }
    "import"      { TOKEN(KwImport); }
    "interface"   { TOKEN(KwInterface); }
    "map"         { TOKEN(KwMap); }
    "package"     { TOKEN(KwPackage); }
    "range"       { TOKEN(KwRange); }
    "return"      { TOKEN(KwReturn); }
    "select"      { TOKEN(KwSelect); }
    "struct"      { TOKEN(KwStruct); }
    "switch"      { TOKEN(KwSwitch); }
    "type"        { TOKEN(KwType); }
    "var"         { TOKEN(KwVar); }
    "where"       { TOKEN(KwWhere); }

    [a-zA-Z_] [a-zA-Z_0-9]* { TOKEN(Ident); }
    ident {
      const char *e = reinterpret_cast<const char *>(cur);
      if (!checkIdent(tok, e)) {
        cur_ = e;
        // the first character was not a letter: skip what checkIdent skipped
        cur = reinterpret_cast<const unsigned char *>(identSkip_);
        continue;
      }
      TOKEN(Ident);
    }

    number {
      k = TokenKind::Int;
      checkNumber(tok, reinterpret_cast<const char *>(cur), k);
      goto emit;
    }

    ["] strbody ["] {
      checkEscapes(tok + 1, reinterpret_cast<const char *>(cur) - 1, '"');
      TOKEN(String);
    }
    ["] strbody {
      const char *e = reinterpret_cast<const char *>(cur);
      checkEscapes(tok + 1, e, '"');
      if (e < limit_ && *e == '\n')
        error(DiagId::NewlineInString, e);
      else
        error(DiagId::StringNotTerminated, tok);
      TOKEN(String);
    }
    "`" [^`]* "`" {
      checkText(tok + 1, reinterpret_cast<const char *>(cur) - 1);
      TOKEN(String);
    }
    "`" [^`]* {
      error(DiagId::StringNotTerminated, tok);
      TOKEN(String);
    }
    ['] runebody ['] {
      checkRune(tok, reinterpret_cast<const char *>(cur), true);
      TOKEN(Rune);
    }
    ['] runebody {
      checkRune(tok, reinterpret_cast<const char *>(cur), false);
      TOKEN(Rune);
    }

    "+"   { TOKEN(Add); }
    "-"   { TOKEN(Sub); }
    "*"   { TOKEN(Mul); }
    "/"   { TOKEN(Quo); }
    "%"   { TOKEN(Rem); }
    "&"   { TOKEN(And); }
    "|"   { TOKEN(Or); }
    "^"   { TOKEN(Xor); }
    "<<"  { TOKEN(Shl); }
    ">>"  { TOKEN(Shr); }
    "&^"  { TOKEN(AndNot); }
    "+="  { TOKEN(AddAssign); }
    "-="  { TOKEN(SubAssign); }
    "*="  { TOKEN(MulAssign); }
    "/="  { TOKEN(QuoAssign); }
    "%="  { TOKEN(RemAssign); }
    "&="  { TOKEN(AndAssign); }
    "|="  { TOKEN(OrAssign); }
    "^="  { TOKEN(XorAssign); }
    "<<=" { TOKEN(ShlAssign); }
    ">>=" { TOKEN(ShrAssign); }
    "&^=" { TOKEN(AndNotAssign); }
    "&&"  { TOKEN(LAnd); }
    "||"  { TOKEN(LOr); }
    "<-"  { TOKEN(Arrow); }
    "++"  { TOKEN(Inc); }
    "--"  { TOKEN(Dec); }
    "=="  { TOKEN(Eql); }
    "<"   { TOKEN(Lss); }
    ">"   { TOKEN(Gtr); }
    "="   { TOKEN(Assign); }
    "!"   { TOKEN(Not); }
    "~"   { TOKEN(Tilde); }
    "!="  { TOKEN(Neq); }
    "<="  { TOKEN(Leq); }
    ">="  { TOKEN(Geq); }
    ":="  { TOKEN(Define); }
    "..." { TOKEN(Ellipsis); }
    "("   { TOKEN(LParen); }
    "["   { TOKEN(LBrack); }
    "{"   { TOKEN(LBrace); }
    ","   { TOKEN(Comma); }
    "."   { TOKEN(Period); }
    ")"   { TOKEN(RParen); }
    "]"   { TOKEN(RBrack); }
    "}"   { TOKEN(RBrace); }
    ";"   { TOKEN(Semicolon); }
    ":"   { TOKEN(Colon); }

    "\x00" {
      error(DiagId::InvalidNul, tok);
      continue;
    }
    * {
      error(DiagId::InvalidChar, tok, {formatCodePoint(static_cast<unsigned char>(*tok))});
      continue;
    }
  */
  }
emit:
#undef TOKEN
  cur_ = reinterpret_cast<const char *>(cur);
  (void)marker;
  return make(k, tok, cur_);
}

} // namespace mp
