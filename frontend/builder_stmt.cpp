// frontend/builder_stmt.cpp: ASTBuilder for statements.  Also the header
// checks Go's parser makes: a condition must be an expression, no `:=` in a
// for post statement, select cases must be communications, `where` guards
// belong to receives.
#include "builder.h"

namespace mp {

// Returns the new statement node, or a BadStmt if it is too deep.
#define MP_STMT(node, ...)                                                     \
  do {                                                                         \
    auto *n_ = (node);                                                         \
    return record(n_, {__VA_ARGS__}) ? static_cast<Stmt *>(n_) : badStmt(n_->range); \
  } while (0)

namespace {
template <class T> llvm::ArrayRef<const Node *> nodes(const std::vector<T *> &v) {
  return llvm::ArrayRef<const Node *>(reinterpret_cast<const Node *const *>(v.data()),
                                      v.size());
}

bool isRecv(const Expr *e) {
  auto *u = llvm::dyn_cast_or_null<UnaryExpr>(e);
  return u && u->op == TokenKind::Arrow;
}

// `<-ch`, `v := <-ch`, `v, ok = <-ch`: the statement forms a receive takes.
bool isRecvStmt(const Stmt *s) {
  if (auto *es = llvm::dyn_cast<ExprStmt>(s))
    return isRecv(es->x);
  if (auto *as = llvm::dyn_cast<AssignStmt>(s))
    return (as->op == TokenKind::Define || as->op == TokenKind::Assign) &&
           as->rhs.size() == 1 && as->lhs.size() <= 2 && isRecv(as->rhs[0]);
  return false;
}
} // namespace

llvm::StringRef ASTBuilder::textOf(SourceRange r) const {
  int id = sm_.fileOf(r.begin);
  if (id < 0 || r.end.offset < r.begin.offset)
    return {};
  llvm::StringRef text = sm_.text(id);
  uint32_t b = r.begin.offset - sm_.locFor(id, 0).offset;
  return text.substr(b, r.end.offset - r.begin.offset);
}

Stmt *ASTBuilder::badStmt(SourceRange r) {
  auto *s = ctx_.create<BadStmt>(r);
  record(s, {});
  return s;
}

Stmt *ASTBuilder::exprStmt(SourceRange r, Expr *x) {
  MP_STMT(ctx_.create<ExprStmt>(r, x), x);
}

Stmt *ASTBuilder::send(SourceRange r, Expr *ch, Expr *v) {
  MP_STMT(ctx_.create<SendStmt>(r, ch, v), ch, v);
}

Stmt *ASTBuilder::incDec(SourceRange r, Expr *x, TokenKind op) {
  MP_STMT(ctx_.create<IncDecStmt>(r, x, op), x);
}

Stmt *ASTBuilder::assign(SourceRange r, std::vector<Expr *> lhs, TokenKind op,
                         std::vector<Expr *> rhs, SourceLoc opLoc) {
  if (op == TokenKind::Define)
    for (Expr *e : lhs)
      if (!llvm::isa<IdentExpr>(e) && !llvm::isa<BadExpr>(e))
        diags_.report(DiagId::NonNameOnLeftOfDefine, e->range, {textOf(e->range)});
  auto *n = ctx_.create<AssignStmt>(r, ctx_.copy(llvm::ArrayRef<Expr *>(lhs)), op,
                                    ctx_.copy(llvm::ArrayRef<Expr *>(rhs)), opLoc);
  unsigned d = 0;
  for (Expr *e : lhs)
    d = std::max(d, depthOf(e));
  return recordList(n, nodes(rhs), d) ? static_cast<Stmt *>(n) : badStmt(r);
}

Stmt *ASTBuilder::guarded(SourceRange r, Stmt *recv, Expr *guard) {
  if (!isRecvStmt(recv))
    diags_.report(DiagId::GuardNeedsReceive, guard->range);
  MP_STMT(ctx_.create<GuardedRecvStmt>(r, recv, guard), recv, guard);
}

Stmt *ASTBuilder::goStmt(SourceRange r, Expr *call) {
  MP_STMT(ctx_.create<GoStmt>(r, call), call);
}

Stmt *ASTBuilder::deferStmt(SourceRange r, Expr *call) {
  MP_STMT(ctx_.create<DeferStmt>(r, call), call);
}

Stmt *ASTBuilder::returnStmt(SourceRange r, std::vector<Expr *> results) {
  auto *n = ctx_.create<ReturnStmt>(r, ctx_.copy(llvm::ArrayRef<Expr *>(results)));
  return recordList(n, nodes(results)) ? static_cast<Stmt *>(n) : badStmt(r);
}

Stmt *ASTBuilder::branch(SourceRange r, TokenKind tok, IdentExpr *label) {
  MP_STMT(ctx_.create<BranchStmt>(r, tok, label), label);
}

Stmt *ASTBuilder::labeled(SourceRange r, IdentExpr *label, Stmt *s) {
  if (!s)
    s = ctx_.create<EmptyStmt>(SourceRange(r.end));
  MP_STMT(ctx_.create<LabeledStmt>(r, label, s), s);
}

Stmt *ASTBuilder::block(SourceRange r, std::vector<Stmt *> stmts) {
  SourceLoc rb{r.end.offset ? r.end.offset - 1 : 0};
  auto *n = ctx_.create<BlockStmt>(r, ctx_.copy(llvm::ArrayRef<Stmt *>(stmts)), r.begin, rb);
  recordList(n, nodes(stmts)); // blocks clamp, never cut
  return n;
}

Stmt *ASTBuilder::declStmt(SourceRange r, Decl *d) {
  MP_STMT(ctx_.create<DeclStmt>(r, d));
}

void ASTBuilder::cannotUseAsValue(Stmt *s) {
  SourceLoc at = s->range.begin;
  if (auto *as = llvm::dyn_cast<AssignStmt>(s))
    at = as->opLoc;
  diags_.report(DiagId::SyntaxCannotUseAsValue, at, {textOf(s->range)});
}

void ASTBuilder::missingCondition(SourceRange r) {
  diags_.report(DiagId::MissingIfCondition, r);
}

// The condition of an if/for: an ExprStmt's expression, else an error.
static Expr *condExpr(ASTBuilder &b, Stmt *s) {
  if (!s)
    return nullptr;
  if (auto *es = llvm::dyn_cast<ExprStmt>(s))
    return es->x;
  if (!llvm::isa<BadStmt>(s))
    b.cannotUseAsValue(s);
  return b.badExpr(s->range);
}

Stmt *ASTBuilder::ifStmt(SourceRange r, HeaderParts h, Stmt *then, Stmt *elseStmt) {
  Expr *cond = condExpr(*this, h.cond);
  if (!cond && h.semiNewline) {
    // `if x == 1` with its `{` on the next line: the newline ended the
    // header, so x == 1 became the init statement.  Go's wording.
    diags_.report(DiagId::SyntaxBraceAfterClause, h.semi, {"if"});
    cond = badExpr(SourceRange(then->range.begin));
  } else if (!cond) {
    missingCondition(then->range);
    cond = badExpr(SourceRange(then->range.begin));
  }
  MP_STMT(ctx_.create<IfStmt>(r, h.init, cond, llvm::cast<BlockStmt>(then), elseStmt),
          h.init, cond, then, elseStmt);
}

Stmt *ASTBuilder::caseClause(SourceRange r, std::vector<Expr *> values, bool isDefault,
                             std::vector<Stmt *> body, SourceLoc colon) {
  auto *n = ctx_.create<CaseClause>(r, ctx_.copy(llvm::ArrayRef<Expr *>(values)), isDefault,
                                    ctx_.copy(llvm::ArrayRef<Stmt *>(body)), colon);
  unsigned d = 0;
  for (Expr *e : values)
    d = std::max(d, depthOf(e));
  recordList(n, nodes(body), d);
  return n;
}

// A type switch guard: `x.(type)` or `v := x.(type)`.
static TypeAssertExpr *typeGuardOf(Stmt *s) {
  Expr *x = nullptr;
  if (auto *es = llvm::dyn_cast_or_null<ExprStmt>(s))
    x = es->x;
  else if (auto *as = llvm::dyn_cast_or_null<AssignStmt>(s))
    if (as->op == TokenKind::Define && as->lhs.size() == 1 && as->rhs.size() == 1)
      x = as->rhs[0];
  auto *ta = llvm::dyn_cast_or_null<TypeAssertExpr>(x);
  return ta && !ta->type ? ta : nullptr;
}

Stmt *ASTBuilder::switchStmt(SourceRange r, HeaderParts h, std::vector<Stmt *> clauses,
                             SourceLoc lb, SourceLoc rb) {
  std::vector<CaseClause *> cases;
  for (Stmt *c : clauses)
    if (auto *cc = llvm::dyn_cast<CaseClause>(c))
      cases.push_back(cc);
  auto caseList = ctx_.copy(llvm::ArrayRef<CaseClause *>(cases));
  if (TypeAssertExpr *guard = typeGuardOf(h.cond)) {
    typeGuards_.erase(std::remove(typeGuards_.begin(), typeGuards_.end(), guard),
                      typeGuards_.end());
    auto *n = ctx_.create<TypeSwitchStmt>(r, h.init, h.cond, caseList);
    recordList(n, nodes(cases), std::max(depthOf(h.init), depthOf(h.cond)));
    return n;
  }
  Expr *tag = condExpr(*this, h.cond);
  auto *n = ctx_.create<SwitchStmt>(r, h.init, tag, caseList, lb, rb);
  recordList(n, nodes(cases), std::max(depthOf(h.init), depthOf(tag)));
  return n;
}

Stmt *ASTBuilder::commClause(SourceRange r, Stmt *comm, bool isDefault, Expr *guard,
                             std::vector<Stmt *> body, SourceLoc colon) {
  if (comm && !llvm::isa<SendStmt>(comm) && !llvm::isa<BadStmt>(comm) && !isRecvStmt(comm))
    diags_.report(DiagId::SelectCaseForm, comm->range);
  auto *n = ctx_.create<CommClause>(r, isDefault ? nullptr : comm, guard,
                                    ctx_.copy(llvm::ArrayRef<Stmt *>(body)), colon);
  recordList(n, nodes(body), std::max(depthOf(comm), depthOf(guard)));
  return n;
}

Stmt *ASTBuilder::selectStmt(SourceRange r, std::vector<Stmt *> clauses, SourceLoc lb,
                             SourceLoc rb) {
  std::vector<CommClause *> comms;
  for (Stmt *c : clauses)
    if (auto *cc = llvm::dyn_cast<CommClause>(c))
      comms.push_back(cc);
  auto *n = ctx_.create<SelectStmt>(r, ctx_.copy(llvm::ArrayRef<CommClause *>(comms)), lb, rb);
  recordList(n, nodes(comms));
  return n;
}

Stmt *ASTBuilder::forStmt(SourceRange r, HeaderParts h, Stmt *body) {
  if (auto *as = llvm::dyn_cast_or_null<AssignStmt>(h.post))
    if (as->op == TokenKind::Define)
      diags_.report(DiagId::SyntaxDeclInPost, as->opLoc);
  Expr *cond = condExpr(*this, h.cond);
  MP_STMT(ctx_.create<ForStmt>(r, h.init, cond, h.post, llvm::cast<BlockStmt>(body)),
          h.init, cond, h.post, body);
}

Stmt *ASTBuilder::rangeStmt(SourceRange r, std::vector<Expr *> lhs, TokenKind tok, Expr *x,
                            Stmt *body) {
  if (lhs.size() > 2)
    diags_.report(DiagId::RangeTooManyVars, lhs[2]->range);
  if (tok == TokenKind::Define)
    for (Expr *e : lhs)
      if (!llvm::isa<IdentExpr>(e) && !llvm::isa<BadExpr>(e))
        diags_.report(DiagId::NonNameOnLeftOfDefine, e->range, {textOf(e->range)});
  Expr *key = lhs.size() > 0 ? lhs[0] : nullptr;
  Expr *value = lhs.size() > 1 ? lhs[1] : nullptr;
  MP_STMT(ctx_.create<RangeStmt>(r, key, value, tok, x, llvm::cast<BlockStmt>(body)), key,
          value, x, body);
}

} // namespace mp
