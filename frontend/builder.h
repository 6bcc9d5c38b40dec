// frontend/builder.h: ASTBuilder, what every Bison action calls (one line
// per action).  It allocates nodes in the ASTContext, performs the purely
// syntactic checks Go's parser makes (parameter grouping, receivers, `:=`
// operands, guard placement), and bounds tree depth (kMaxTreeDepth).
#pragma once

#include <vector>

#include "ast.h"
#include "diagnostics.h"
#include "token.h"

namespace mp {

/// Deepest expression/statement tree accepted (brackets are limited
/// separately by the lexer); deeper trees are cut with a NestingTooDeep
/// error, so recursive walkers need at most this many frames.
constexpr unsigned kMaxTreeDepth = 4000;

/// One entry of a parameter list before grouping: `T`, `a T`, `a ...T`.
struct RawParam {
  IdentExpr *name = nullptr;
  Expr *type = nullptr;
  SourceRange range;
};

/// The parts of an if/switch/for header, before validation.
struct HeaderParts {
  Stmt *init = nullptr;
  Stmt *cond = nullptr; ///< simple statement in condition/tag position
  Stmt *post = nullptr;
  bool hasInit = false; ///< a `;` was present
  SourceLoc semi;           ///< where the first `;` is, if any
  bool semiNewline = false; ///< that `;` was a newline (`if x == 1` then `{` below)
};

class ASTBuilder {
public:
  ASTBuilder(ASTContext &ctx, const SourceManager &sm, DiagnosticEngine &diags)
      : ctx_(ctx), sm_(sm), diags_(diags) {}

  // ---- expressions (builder_expr.cpp)
  IdentExpr *ident(const Token &t);
  Expr *basicLit(const Token &t);
  Expr *paren(SourceRange r, Expr *x);
  Expr *selector(SourceRange r, Expr *x, IdentExpr *sel);
  Expr *index(SourceRange r, Expr *x, std::vector<Expr *> idx);
  Expr *slice(SourceRange r, Expr *x, Expr *lo, Expr *hi, Expr *max, bool slice3);
  Expr *typeAssert(SourceRange r, Expr *x, Expr *type);
  Expr *call(SourceRange r, Expr *fun, std::vector<Expr *> args, bool ellipsis,
             SourceLoc lparen, SourceLoc rparen);
  Expr *unary(SourceRange r, TokenKind op, Expr *x);
  Expr *binary(TokenKind op, Expr *x, Expr *y, SourceLoc opLoc);
  Expr *compositeLit(SourceRange r, Expr *type, std::vector<Expr *> elts,
                     SourceLoc lbrace, SourceLoc rbrace);
  Expr *keyValue(SourceRange r, Expr *k, Expr *v);
  Expr *funcLit(SourceRange r, FuncTypeExpr *type, Stmt *body);
  Expr *ellipsis(SourceRange r, Expr *elt);
  Expr *arrayType(SourceRange r, Expr *len, Expr *elem);
  Expr *sliceType(SourceRange r, Expr *elem);
  Expr *mapType(SourceRange r, Expr *k, Expr *v);
  Expr *chanType(SourceRange r, ChanDir dir, Expr *elem);
  FuncTypeExpr *funcType(SourceRange r, FieldList *typeParams, FieldList *params,
                         FieldList *results);
  Expr *structType(SourceRange r, SourceLoc open, std::vector<Field *> fields,
                   SourceLoc close);
  Expr *interfaceType(SourceRange r, SourceLoc open, std::vector<Field *> elems,
                      SourceLoc close);
  Expr *badExpr(SourceRange r);

  // ---- fields and parameters (builder_decl.cpp)
  Field *field(SourceRange r, std::vector<IdentExpr *> names, Expr *type, Expr *tag);
  /// Groups `(a, b int, c string)`; checks naming and `...` placement.
  FieldList *params(SourceLoc open, std::vector<RawParam> raw, SourceLoc close);
  /// A single unparenthesized result type.
  FieldList *resultType(Expr *type);
  FieldList *typeParams(SourceLoc open, std::vector<Field *> fields, SourceLoc close);

  // ---- statements (builder_stmt.cpp)
  Stmt *exprStmt(SourceRange r, Expr *x);
  Stmt *send(SourceRange r, Expr *ch, Expr *v);
  Stmt *incDec(SourceRange r, Expr *x, TokenKind op);
  Stmt *assign(SourceRange r, std::vector<Expr *> lhs, TokenKind op,
               std::vector<Expr *> rhs, SourceLoc opLoc);
  Stmt *guarded(SourceRange r, Stmt *recv, Expr *guard);
  Stmt *goStmt(SourceRange r, Expr *call);
  Stmt *deferStmt(SourceRange r, Expr *call);
  Stmt *returnStmt(SourceRange r, std::vector<Expr *> results);
  Stmt *branch(SourceRange r, TokenKind tok, IdentExpr *label);
  Stmt *labeled(SourceRange r, IdentExpr *label, Stmt *s);
  Stmt *block(SourceRange r, std::vector<Stmt *> stmts);
  Stmt *declStmt(SourceRange r, Decl *d);
  Stmt *ifStmt(SourceRange r, HeaderParts h, Stmt *then, Stmt *elseStmt);
  Stmt *caseClause(SourceRange r, std::vector<Expr *> values, bool isDefault,
                   std::vector<Stmt *> body, SourceLoc colon);
  Stmt *switchStmt(SourceRange r, HeaderParts h, std::vector<Stmt *> clauses,
                   SourceLoc lbrace, SourceLoc rbrace);
  Stmt *commClause(SourceRange r, Stmt *comm, bool isDefault, Expr *guard,
                   std::vector<Stmt *> body, SourceLoc colon);
  Stmt *selectStmt(SourceRange r, std::vector<Stmt *> clauses, SourceLoc lbrace,
                   SourceLoc rbrace);
  Stmt *forStmt(SourceRange r, HeaderParts h, Stmt *body);
  Stmt *rangeStmt(SourceRange r, std::vector<Expr *> lhs, TokenKind tok, Expr *x,
                  Stmt *body);
  Stmt *badStmt(SourceRange r);
  /// `if x := 1 {`: a non-expression where a condition belongs.
  void cannotUseAsValue(Stmt *s);
  void missingCondition(SourceRange r);

  // ---- declarations (builder_decl.cpp)
  Decl *importSpec(SourceRange r, IdentExpr *name, const Token &path);
  Decl *constSpec(SourceRange r, std::vector<IdentExpr *> names, Expr *type,
                  std::vector<Expr *> values);
  Decl *varSpec(SourceRange r, std::vector<IdentExpr *> names, Expr *type,
                std::vector<Expr *> values);
  Decl *typeSpec(SourceRange r, IdentExpr *name, FieldList *tparams, bool alias, Expr *type);
  Decl *genDecl(SourceRange r, TokenKind tok, std::vector<Decl *> specs,
                SourceLoc lparen, SourceLoc rparen);
  Decl *funcDecl(SourceRange r, FieldList *recv, IdentExpr *name, FieldList *tparams,
                 FuncTypeExpr *sig, Stmt *body);
  Decl *badDecl(SourceRange r);
  SourceFile *file(SourceRange r, int fileId, IdentExpr *pkg, std::vector<Decl *> decls);

  /// Reports `x.(type)` expressions no type switch consumed.
  void finish();

private:
  unsigned depthOf(const Node *n) const;
  bool recordList(const Node *n, llvm::ArrayRef<const Node *> kids, unsigned extra = 0);
  bool record(const Node *n, std::initializer_list<const Node *> kids) {
    return recordList(n, llvm::ArrayRef<const Node *>(kids.begin(), kids.size()));
  }
  Stmt *switchTag(HeaderParts &h, Expr *&tag, bool &typeSwitch);

  llvm::StringRef textOf(SourceRange r) const;

  ASTContext &ctx_;
  const SourceManager &sm_;
  DiagnosticEngine &diags_;
  std::vector<uint16_t> exprDepth_, stmtDepth_; ///< by node id
  bool depthReported_ = false;
  std::vector<TypeAssertExpr *> typeGuards_; ///< `x.(type)` not yet in a switch
};

} // namespace mp
