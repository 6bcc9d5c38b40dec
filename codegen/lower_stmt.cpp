// codegen/lower_stmt.cpp: statements other than the concurrency ones
// (lower_conc.h): declarations, assignments (Go's two-phase order),
// if/for/switch, returns, break/continue/fallthrough targets.
#include "codegen/lower_conc.h"

namespace mp::codegen {

using namespace sema;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace {

// `+=` -> `+`
TokenKind opOfAssign(TokenKind k) {
  switch (k) {
  case TokenKind::AddAssign: return TokenKind::Add;
  case TokenKind::SubAssign: return TokenKind::Sub;
  case TokenKind::MulAssign: return TokenKind::Mul;
  case TokenKind::QuoAssign: return TokenKind::Quo;
  case TokenKind::RemAssign: return TokenKind::Rem;
  case TokenKind::AndAssign: return TokenKind::And;
  case TokenKind::OrAssign: return TokenKind::Or;
  case TokenKind::XorAssign: return TokenKind::Xor;
  case TokenKind::ShlAssign: return TokenKind::Shl;
  case TokenKind::ShrAssign: return TokenKind::Shr;
  case TokenKind::AndNotAssign: return TokenKind::AndNot;
  default: return k;
  }
}

const Expr *unparen(const Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  return e;
}

} // namespace

void FuncLowering::lowerStmts(llvm::ArrayRef<Stmt *> stmts) {
  for (const Stmt *s : stmts) {
    if (terminated()) // dead code after return/break/panic
      startBlock(newBlock("dead"));
    lowerStmt(s);
  }
}

// Values for `a, b := x, y` / `a, b := f()`: all evaluated before any store.
static std::vector<llvm::Value *> rhsValues(FuncLowering &F, llvm::ArrayRef<Expr *> rhs,
                                            size_t n) {
  if (rhs.size() == n) {
    std::vector<llvm::Value *> vs;
    for (const Expr *e : rhs)
      vs.push_back(F.value(e));
    return vs;
  }
  return F.tupleValues(rhs[0]);
}

namespace {

void lowerVarSpec(FuncLowering &F, const VarSpec *vs) {
  std::vector<llvm::Value *> vals;
  if (!vs->values.empty())
    vals = rhsValues(F, vs->values, vs->names.size());
  for (size_t i = 0; i < vs->names.size(); ++i) {
    Object *obj = F.M.prog.objectOf(vs->names[i]);
    if (!obj)
      continue;
    F.declareVar(obj, vals.empty() ? nullptr : vals[i]);
  }
}

void lowerDefine(FuncLowering &F, const AssignStmt *s) {
  std::vector<llvm::Value *> vals = rhsValues(F, s->rhs, s->lhs.size());
  for (size_t i = 0; i < s->lhs.size(); ++i) {
    auto *id = cast<IdentExpr>(s->lhs[i]);
    Object *obj = F.M.prog.objectOf(id);
    if (!obj)
      continue;
    if (obj->decl == s)
      F.declareVar(obj, vals[i]);
    else
      F.B.CreateStore(vals[i], F.varAddress(obj));
  }
}

// lhs op= rhs, and x++ / x-- (rhs null: the constant 1).
void lowerOpAssign(FuncLowering &F, const Expr *lhs, TokenKind op, const Expr *rhs,
                   const Stmt *at) {
  const Type *t = F.M.prog.typeOf(lhs);
  const Expr *l = unparen(lhs);
  llvm::Value *y;
  const Type *yt = t;
  if (rhs) {
    y = F.value(rhs);
    yt = F.M.prog.info(rhs).convertTo ? F.M.prog.info(rhs).convertTo : F.M.prog.typeOf(rhs);
  } else {
    llvm::Type *lt = F.llvmType(t);
    y = lt->isFloatingPointTy() ? llvm::ConstantFP::get(lt, 1.0) : llvm::ConstantInt::get(lt, 1);
  }
  if (F.M.prog.info(l).mode == ExprMode::MapIndex) {
    llvm::Value *old = F.rawValue(l);
    F.assign(l, F.binaryOp(op, old, y, t, yt, at));
    return;
  }
  llvm::Value *addr = F.address(l);
  llvm::Value *old = F.B.CreateLoad(F.llvmType(t), addr);
  F.B.CreateStore(F.binaryOp(op, old, y, t, yt, at), addr);
}

void lowerAssign(FuncLowering &F, const AssignStmt *s) {
  if (s->op == TokenKind::Define)
    return lowerDefine(F, s);
  if (s->op != TokenKind::Assign)
    return lowerOpAssign(F, s->lhs[0], opOfAssign(s->op), s->rhs[0], s);
  if (s->lhs.size() == 1) {
    llvm::Value *v = F.value(s->rhs[0]);
    F.assign(s->lhs[0], v);
    return;
  }
  // Phase 1: addresses of the left operands (index/pointer operands), then
  // the right-hand values; phase 2: the stores, left to right.
  std::vector<llvm::Value *> addrs;
  for (const Expr *l : s->lhs) {
    const Expr *u = unparen(l);
    auto *id = dyn_cast<IdentExpr>(u);
    bool direct = (id && id->isBlank()) || F.M.prog.info(u).mode == ExprMode::MapIndex;
    addrs.push_back(direct ? nullptr : F.address(u));
  }
  std::vector<llvm::Value *> vals = rhsValues(F, s->rhs, s->lhs.size());
  for (size_t i = 0; i < s->lhs.size(); ++i) {
    if (addrs[i])
      F.B.CreateStore(vals[i], addrs[i]);
    else
      F.assign(s->lhs[i], vals[i]);
  }
}

void lowerReturn(FuncLowering &F, const ReturnStmt *s) {
  std::vector<llvm::Value *> vals;
  if (s->results.size() == 1 && F.resultSlots.size() > 1)
    vals = F.tupleValues(s->results[0]);
  else
    for (const Expr *e : s->results)
      vals.push_back(F.value(e));
  for (size_t i = 0; i < vals.size() && i < F.resultSlots.size(); ++i)
    F.B.CreateStore(vals[i], F.resultSlots[i]);
  F.branchToReturn();
}

void lowerIf(FuncLowering &F, const IfStmt *s) {
  if (s->init)
    F.lowerStmt(s->init);
  llvm::BasicBlock *thenBB = F.newBlock("if.then"), *endBB = F.newBlock("if.end");
  llvm::BasicBlock *elseBB = s->elseStmt ? F.newBlock("if.else") : endBB;
  F.B.CreateCondBr(F.value(s->cond), thenBB, elseBB);
  F.startBlock(thenBB);
  F.lowerStmt(s->then);
  F.br(endBB);
  if (s->elseStmt) {
    F.startBlock(elseBB);
    F.lowerStmt(s->elseStmt);
    F.br(endBB);
  }
  F.startBlock(endBB);
}

void lowerFor(FuncLowering &F, const ForStmt *s) {
  if (s->init)
    F.lowerStmt(s->init);
  llvm::BasicBlock *condBB = F.newBlock("for.cond"), *bodyBB = F.newBlock("for.body"),
                   *postBB = F.newBlock("for.post"), *endBB = F.newBlock("for.end");
  F.br(condBB);
  F.startBlock(condBB);
  if (s->cond)
    F.B.CreateCondBr(F.value(s->cond), bodyBB, endBB);
  else
    F.B.CreateBr(bodyBB);
  F.startBlock(bodyBB);
  F.targets.push_back({s, endBB, postBB});
  F.lowerStmt(s->body);
  F.targets.pop_back();
  F.br(postBB);
  F.startBlock(postBB);
  if (s->post)
    F.lowerStmt(s->post);
  F.preemptPoll();
  F.B.CreateBr(condBB);
  F.startBlock(endBB);
}

void lowerSwitch(FuncLowering &F, const SwitchStmt *s) {
  if (s->init)
    F.lowerStmt(s->init);
  const Type *tagType = nullptr;
  llvm::Value *tag = nullptr;
  if (s->tag) {
    tag = F.value(s->tag);
    const ExprInfo &ti = F.M.prog.info(s->tag);
    tagType = ti.convertTo ? ti.convertTo : ti.type;
  }
  llvm::BasicBlock *endBB = F.newBlock("switch.end");
  std::vector<llvm::BasicBlock *> bodies;
  for (size_t i = 0; i < s->clauses.size(); ++i)
    bodies.push_back(F.newBlock("case.body"));
  llvm::BasicBlock *defaultBB = endBB;
  for (size_t i = 0; i < s->clauses.size(); ++i) {
    const CaseClause *cc = s->clauses[i];
    if (cc->isDefault) {
      defaultBB = bodies[i];
      continue;
    }
    for (const Expr *v : cc->values) {
      llvm::Value *match;
      if (tag) {
        llvm::Value *cv = F.value(v);
        const ExprInfo &vi = F.M.prog.info(v);
        const Type *vt = vi.convertTo ? vi.convertTo : vi.type;
        if (vt->underlying()->kind() == TypeKind::Interface &&
            tagType->underlying()->kind() != TypeKind::Interface) {
          tag = F.convert(tag, tagType, vt);
          tagType = vt;
        }
        match = F.equal(tag, cv, tagType, v);
      } else {
        match = F.value(v);
      }
      llvm::BasicBlock *next = F.newBlock("case.next");
      F.B.CreateCondBr(match, bodies[i], next);
      F.startBlock(next);
    }
  }
  F.B.CreateBr(defaultBB);
  F.targets.push_back({s, endBB, nullptr});
  for (size_t i = 0; i < s->clauses.size(); ++i) {
    const CaseClause *cc = s->clauses[i];
    F.startBlock(bodies[i]);
    F.lowerStmts(cc->body);
    if (!cc->body.empty())
      if (auto *b = dyn_cast<BranchStmt>(cc->body.back());
          b && b->tok == TokenKind::KwFallthrough && i + 1 < bodies.size() && !F.terminated()) {
        F.B.CreateBr(bodies[i + 1]);
        continue;
      }
    F.br(endBB);
  }
  F.targets.pop_back();
  F.startBlock(endBB);
}

void lowerBranch(FuncLowering &F, const BranchStmt *s) {
  if (s->tok == TokenKind::KwFallthrough)
    return; // lowerSwitch branches to the next body
  const Stmt *target = F.M.prog.branchTarget(s);
  for (auto it = F.targets.rbegin(); it != F.targets.rend(); ++it) {
    if (it->stmt != target)
      continue;
    if (s->tok == TokenKind::KwContinue)
      F.br(it->continueBB);
    else
      F.br(it->breakBB);
    return;
  }
  F.M.notLowered(s, "branch statement");
}

} // namespace

void lowerRangeStmt(FuncLowering &F, const RangeStmt *s);

void FuncLowering::lowerStmt(const Stmt *s) {
  setLoc(s);
  switch (s->kind()) {
  case NodeKind::DeclStmt: {
    auto *gd = dyn_cast<GenDecl>(cast<DeclStmt>(s)->decl);
    if (gd && gd->tok == TokenKind::KwVar)
      for (const Decl *spec : gd->specs)
        if (auto *vs = dyn_cast<VarSpec>(spec))
          lowerVarSpec(*this, vs);
    return;
  }
  case NodeKind::EmptyStmt:
  case NodeKind::BadStmt: return;
  case NodeKind::LabeledStmt: return lowerStmt(cast<LabeledStmt>(s)->stmt);
  case NodeKind::ExprStmt: {
    const Expr *x = unparen(cast<ExprStmt>(s)->x);
    if (auto *u = dyn_cast<UnaryExpr>(x); u && u->op == TokenKind::Arrow) {
      lowerRecvExpr(*this, u);
      return;
    }
    if (M.prog.info(x).mode == ExprMode::NoValue || isa<CallExpr>(x))
      tupleValues(x);
    else
      rawValue(x);
    return;
  }
  case NodeKind::SendStmt: return lowerSendStmt(*this, cast<SendStmt>(s));
  case NodeKind::IncDecStmt: {
    auto *ids = cast<IncDecStmt>(s);
    return lowerOpAssign(*this, ids->x, ids->op == TokenKind::Inc ? TokenKind::Add : TokenKind::Sub,
                         nullptr, s);
  }
  case NodeKind::AssignStmt: return lowerAssign(*this, cast<AssignStmt>(s));
  case NodeKind::GuardedRecvStmt: return lowerGuardedRecvStmt(*this, cast<GuardedRecvStmt>(s));
  case NodeKind::GoStmt: return lowerGoStmt(*this, cast<GoStmt>(s));
  case NodeKind::DeferStmt: return lowerDeferStmt(*this, cast<DeferStmt>(s));
  case NodeKind::ReturnStmt: return lowerReturn(*this, cast<ReturnStmt>(s));
  case NodeKind::BranchStmt: return lowerBranch(*this, cast<BranchStmt>(s));
  case NodeKind::BlockStmt: return lowerStmts(cast<BlockStmt>(s)->stmts);
  case NodeKind::IfStmt: return lowerIf(*this, cast<IfStmt>(s));
  case NodeKind::SwitchStmt: return lowerSwitch(*this, cast<SwitchStmt>(s));
  case NodeKind::SelectStmt: return lowerSelectStmt(*this, cast<SelectStmt>(s));
  case NodeKind::ForStmt: return lowerFor(*this, cast<ForStmt>(s));
  case NodeKind::RangeStmt: return lowerRangeStmt(*this, cast<RangeStmt>(s));
  default: M.notLowered(s, nodeKindName(s->kind())); return;
  }
}

} // namespace mp::codegen
