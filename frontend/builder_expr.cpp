// frontend/builder_expr.cpp: ASTBuilder for expressions and type syntax,
// and the depth bookkeeping shared by all builders.  Depth is kept in side
// vectors by node id so that nodes stay small.
#include "builder.h"
#include "lexer.h"

namespace mp {

unsigned ASTBuilder::depthOf(const Node *n) const {
  if (!n)
    return 0;
  if (auto *e = llvm::dyn_cast<Expr>(n))
    return e->id < exprDepth_.size() ? exprDepth_[e->id] : 0;
  if (auto *s = llvm::dyn_cast<Stmt>(n))
    return s->id < stmtDepth_.size() ? stmtDepth_[s->id] : 0;
  return 0;
}

// Records n's depth (1 + deepest child, at least `extra`).  Returns false
// when an expression or simple statement is deeper than kMaxTreeDepth: the
// caller then substitutes a Bad leaf, so no walker ever recurses deeper.
// Blocks and clauses clamp instead (their nesting is bounded by the lexer's
// bracket limit).
bool ASTBuilder::recordList(const Node *n, llvm::ArrayRef<const Node *> kids, unsigned extra) {
  unsigned d = extra;
  for (const Node *k : kids)
    d = std::max(d, depthOf(k));
  ++d;
  bool clamp = llvm::isa<BlockStmt, CaseClause, CommClause, FuncTypeExpr>(n);
  if (d > kMaxTreeDepth) {
    if (!clamp) {
      if (!depthReported_)
        diags_.report(DiagId::NestingTooDeep, n->range, {kMaxTreeDepth});
      depthReported_ = true;
      return false;
    }
    d = kMaxTreeDepth;
  }
  std::vector<uint16_t> &table = llvm::isa<Expr>(n) ? exprDepth_ : stmtDepth_;
  uint32_t id = llvm::isa<Expr>(n) ? llvm::cast<Expr>(n)->id : llvm::cast<Stmt>(n)->id;
  if (table.size() <= id)
    table.resize(id + 1 + table.size() / 2, 0);
  table[id] = uint16_t(d);
  return true;
}

template <class T> static llvm::ArrayRef<const Node *> asNodes(const std::vector<T *> &v) {
  return llvm::ArrayRef<const Node *>(reinterpret_cast<const Node *const *>(v.data()),
                                      v.size());
}

// Returns the new expression node, or a BadExpr if it is too deep.
#define MP_EXPR(node, ...)                                                     \
  do {                                                                         \
    auto *n_ = (node);                                                         \
    return record(n_, {__VA_ARGS__}) ? static_cast<Expr *>(n_) : badExpr(n_->range); \
  } while (0)
#define MP_EXPR_LIST(node, list, first)                                        \
  do {                                                                         \
    auto *n_ = (node);                                                         \
    return recordList(n_, asNodes(list), depthOf(first)) ? static_cast<Expr *>(n_) \
                                                     : badExpr(n_->range);     \
  } while (0)

Expr *ASTBuilder::badExpr(SourceRange r) {
  auto *e = ctx_.create<BadExpr>(r);
  record(e, {});
  return e;
}

IdentExpr *ASTBuilder::ident(const Token &t) {
  auto *e = ctx_.create<IdentExpr>(t.range, ctx_.copy(t.text));
  record(e, {});
  return e;
}

Expr *ASTBuilder::basicLit(const Token &t) {
  LitKind k = LitKind::Int;
  switch (t.kind) {
  case TokenKind::Float: k = LitKind::Float; break;
  case TokenKind::Imag: k = LitKind::Imag; break;
  case TokenKind::Rune: k = LitKind::Rune; break;
  case TokenKind::String: k = LitKind::String; break;
  default: break;
  }
  auto *e = ctx_.create<BasicLitExpr>(t.range, k, ctx_.copy(t.text));
  if (k == LitKind::String || k == LitKind::Rune) {
    std::string value;
    decodeQuoted(t.text, value, &e->runeValue);
    if (k == LitKind::String)
      e->stringValue = ctx_.copy(value);
  }
  record(e, {});
  return e;
}

Expr *ASTBuilder::paren(SourceRange r, Expr *x) {
  MP_EXPR(ctx_.create<ParenExpr>(r, x), x);
}

Expr *ASTBuilder::selector(SourceRange r, Expr *x, IdentExpr *sel) {
  MP_EXPR(ctx_.create<SelectorExpr>(r, x, sel), x);
}

Expr *ASTBuilder::index(SourceRange r, Expr *x, std::vector<Expr *> idx) {
  MP_EXPR_LIST(ctx_.create<IndexExpr>(r, x, ctx_.copy(llvm::ArrayRef<Expr *>(idx))), idx, x);
}

Expr *ASTBuilder::slice(SourceRange r, Expr *x, Expr *lo, Expr *hi, Expr *max, bool s3) {
  MP_EXPR(ctx_.create<SliceExpr>(r, x, lo, hi, max, s3), x, lo, hi, max);
}

Expr *ASTBuilder::typeAssert(SourceRange r, Expr *x, Expr *type) {
  auto *n = ctx_.create<TypeAssertExpr>(r, x, type);
  if (!type)
    typeGuards_.push_back(n);
  MP_EXPR(n, x, type);
}

Expr *ASTBuilder::call(SourceRange r, Expr *fun, std::vector<Expr *> args, bool ell,
                       SourceLoc lp, SourceLoc rp) {
  MP_EXPR_LIST(ctx_.create<CallExpr>(r, fun, ctx_.copy(llvm::ArrayRef<Expr *>(args)), lp,
                                     rp, ell),
               args, fun);
}

Expr *ASTBuilder::unary(SourceRange r, TokenKind op, Expr *x) {
  if (op == TokenKind::Mul)
    MP_EXPR(ctx_.create<StarExpr>(r, x), x);
  // `<-chan T` in expression position is the type, not a receive (Go's
  // parser rewrites it the same way).
  if (op == TokenKind::Arrow)
    if (auto *ct = llvm::dyn_cast<ChanTypeExpr>(x))
      if (ct->dir == ChanDir::Both)
        MP_EXPR(ctx_.create<ChanTypeExpr>(r, ChanDir::Recv, ct->elem), ct->elem);
  MP_EXPR(ctx_.create<UnaryExpr>(r, op, x), x);
}

Expr *ASTBuilder::binary(TokenKind op, Expr *x, Expr *y, SourceLoc opLoc) {
  SourceRange r(x->range.begin, y->range.end);
  MP_EXPR(ctx_.create<BinaryExpr>(r, op, x, y, opLoc), x, y);
}

Expr *ASTBuilder::compositeLit(SourceRange r, Expr *type, std::vector<Expr *> elts,
                               SourceLoc lb, SourceLoc rb) {
  MP_EXPR_LIST(ctx_.create<CompositeLitExpr>(
                   r, type, ctx_.copy(llvm::ArrayRef<Expr *>(elts)), lb, rb),
               elts, type);
}

Expr *ASTBuilder::keyValue(SourceRange r, Expr *k, Expr *v) {
  MP_EXPR(ctx_.create<KeyValueExpr>(r, k, v), k, v);
}

Expr *ASTBuilder::funcLit(SourceRange r, FuncTypeExpr *type, Stmt *body) {
  MP_EXPR(ctx_.create<FuncLitExpr>(r, type, llvm::cast<BlockStmt>(body)), type, body);
}

Expr *ASTBuilder::ellipsis(SourceRange r, Expr *elt) {
  MP_EXPR(ctx_.create<EllipsisExpr>(r, elt), elt);
}

Expr *ASTBuilder::arrayType(SourceRange r, Expr *len, Expr *elem) {
  MP_EXPR(ctx_.create<ArrayTypeExpr>(r, len, elem), len, elem);
}

Expr *ASTBuilder::sliceType(SourceRange r, Expr *elem) {
  MP_EXPR(ctx_.create<SliceTypeExpr>(r, elem), elem);
}

Expr *ASTBuilder::mapType(SourceRange r, Expr *k, Expr *v) {
  MP_EXPR(ctx_.create<MapTypeExpr>(r, k, v), k, v);
}

Expr *ASTBuilder::chanType(SourceRange r, ChanDir dir, Expr *elem) {
  MP_EXPR(ctx_.create<ChanTypeExpr>(r, dir, elem), elem);
}

FuncTypeExpr *ASTBuilder::funcType(SourceRange r, FieldList *tp, FieldList *params,
                                   FieldList *results) {
  // A function type is never cut (FuncLit/FuncDecl need one): it clamps.
  auto *n = ctx_.create<FuncTypeExpr>(r, tp, params, results);
  std::vector<const Node *> kids;
  for (FieldList *fl : {tp, params, results})
    if (fl)
      for (Field *f : fl->fields)
        kids.push_back(f->type);
  recordList(n, kids);
  return n;
}

Expr *ASTBuilder::structType(SourceRange r, SourceLoc open, std::vector<Field *> fields,
                             SourceLoc close) {
  auto *fl = ctx_.make<FieldList>(open, close, ctx_.copy(llvm::ArrayRef<Field *>(fields)));
  auto *n = ctx_.create<StructTypeExpr>(r, fl);
  std::vector<const Node *> kids;
  for (Field *f : fields)
    kids.push_back(f->type);
  return recordList(n, kids) ? static_cast<Expr *>(n) : badExpr(r);
}

Expr *ASTBuilder::interfaceType(SourceRange r, SourceLoc open, std::vector<Field *> elems,
                                SourceLoc close) {
  auto *fl = ctx_.make<FieldList>(open, close, ctx_.copy(llvm::ArrayRef<Field *>(elems)));
  auto *n = ctx_.create<InterfaceTypeExpr>(r, fl);
  std::vector<const Node *> kids;
  for (Field *f : elems)
    kids.push_back(f->type);
  return recordList(n, kids) ? static_cast<Expr *>(n) : badExpr(r);
}

} // namespace mp
