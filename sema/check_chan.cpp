// sema/check_chan.cpp: channel operations and `select` — send/receive/close
// direction rules with Go's wording, select cases (send, receive with `:=`,
// `=` or nothing), and MP's `where` guards: each must be bool, must not
// touch a channel or contain a function literal (default takes none), and
// is classified as a boolean guard (evaluated once) or a value guard
// (mentions the case's received variables; tested against each message)
// for codegen.
#include "sema/checker.h"

using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace mp::sema {

static Expr *unparen(Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  return e;
}

void Checker::sendStmt(SendStmt *s) {
  Operand ch, v;
  expr(ch, s->chan);
  expr(v, s->value);
  if (ch.invalid() || v.invalid())
    return;
  auto *ct = dyn_cast<ChanType>(ch.type->underlying());
  if (!ct) {
    error(DiagId::SendToNonChan, s->chan, {describe(ch)});
    return;
  }
  if (!ct->canSend()) {
    error(DiagId::SendToRecvOnly, s->chan, {describe(ch)});
    return;
  }
  assign(v, ct->elem(), "send");
}

void Checker::receive(Operand &x, UnaryExpr *u) {
  if (InGuard)
    error(DiagId::GuardChanOp, u);
  expr(x, u->x);
  if (x.invalid())
    return;
  auto *ct = dyn_cast<ChanType>(x.type->underlying());
  if (!ct) {
    error(DiagId::RecvFromNonChan, u->x, {describe(x)});
    invalidate(x);
    return;
  }
  if (!ct->canRecv()) {
    error(DiagId::RecvFromSendOnly, u->x, {describe(x)});
    invalidate(x);
    return;
  }
  x.mode = ExprMode::Value;
  x.type = ct->elem();
  x.commaOkable = true;
}

void Checker::closeCall(Operand &arg, CallExpr *c) {
  auto *ct = dyn_cast<ChanType>(arg.type->underlying());
  if (!ct) {
    error(DiagId::CloseNonChan, c->args[0], {describe(arg)});
    return;
  }
  if (!ct->canSend())
    error(DiagId::CloseRecvOnly, c->args[0], {describe(arg)});
}

// Fills chan/elem from the receive `<-ch` (already checked) of a case.
static void noteChan(CheckedProgram &P, UnaryExpr *u, SelectCaseInfo &info) {
  info.chanExpr = u->x;
  const Type *t = P.typeOf(u->x);
  if (t)
    if (auto *ct = dyn_cast<ChanType>(t->underlying())) {
      info.chan = ct;
      info.elem = ct->elem();
    }
}

void Checker::recvCase(Stmt *comm, SelectCaseInfo &info) {
  info.kind = CommKind::Recv;
  if (auto *es = dyn_cast<ExprStmt>(comm)) {
    auto *u = dyn_cast<UnaryExpr>(unparen(es->x));
    Operand x;
    rawExpr(x, es->x, nullptr);
    if (u && u->op == TokenKind::Arrow)
      noteChan(P, u, info);
    return;
  }
  auto *as = cast<AssignStmt>(comm);
  auto *u = as->rhs.size() == 1 ? dyn_cast<UnaryExpr>(unparen(as->rhs[0])) : nullptr;
  if (!u || u->op != TokenKind::Arrow || as->lhs.empty() || as->lhs.size() > 2) {
    // The parser reported the malformed case; check what is there.
    assignStmt(as);
    return;
  }
  if (as->op == TokenKind::Define) {
    defineVars(as, as->lhs, as->rhs, as->opLoc);
    Object **slots[2] = {&info.valueVar, &info.okVar};
    for (size_t i = 0; i < as->lhs.size(); ++i)
      if (auto *id = dyn_cast<IdentExpr>(as->lhs[i]); id && !id->isBlank())
        *slots[i] = P.Idents[id->id];
  } else {
    assignVars(as->lhs, as->rhs, as->opLoc);
    info.valueLhs = as->lhs[0];
    info.okLhs = as->lhs.size() > 1 ? as->lhs[1] : nullptr;
    for (Expr *l : as->lhs)
      if (auto *id = dyn_cast<IdentExpr>(unparen(l)))
        if (Object *o = P.Idents[id->id])
          CurGuardVars.insert(o);
  }
  noteChan(P, u, info);
}

void Checker::guard(Expr *g, SelectCaseInfo &info) {
  if (info.valueVar)
    CurGuardVars.insert(info.valueVar);
  if (info.okVar)
    CurGuardVars.insert(info.okVar);
  if (!g) {
    CurGuardVars.clear();
    return;
  }
  InGuard = true;
  GuardMentionsRecv = false;
  Operand x;
  expr(x, g);
  InGuard = false;
  bool mentions = GuardMentionsRecv;
  CurGuardVars.clear();
  if (x.invalid())
    return;
  if (!x.type->isBoolean()) {
    error(DiagId::NonBoolGuard, g, {describe(x)});
    return;
  }
  defaultUntyped(x);
  info.guard = info.kind == CommKind::Recv && mentions ? GuardKind::Value : GuardKind::Boolean;
}

void Checker::commClause(CommClause *c, SelectCaseInfo &info) {
  if (c->isDefault()) {
    info.kind = CommKind::Default;
    if (c->guard) { // default runs when no case is ready: nothing to guard
      error(DiagId::GuardOnDefault, c->guard);
      Operand x; // still check (and use) what it mentions
      expr(x, c->guard);
      return;
    }
  } else if (auto *send = dyn_cast<SendStmt>(c->comm)) {
    info.kind = CommKind::Send;
    sendStmt(send);
    info.chanExpr = send->chan;
    info.sendValue = send->value;
    if (const Type *t = P.typeOf(send->chan))
      if (auto *ct = dyn_cast<ChanType>(t->underlying())) {
        info.chan = ct;
        info.elem = ct->elem();
      }
  } else {
    recvCase(c->comm, info);
  }
  guard(c->guard, info);
}

void Checker::selectStmt(SelectStmt *s) {
  llvm::StringRef label = takeLabel();
  const CommClause *dflt = nullptr;
  for (CommClause *c : s->clauses) {
    if (c->isDefault()) {
      if (dflt)
        error(DiagId::MultipleSelectDefaults, c);
      dflt = c;
    }
    SelectCaseInfo info;
    openScope();
    commClause(c, info);
    P.Cases[c->id] = info;
    Fn->branches.push_back({s, label, false});
    stmtList(c->body);
    Fn->branches.pop_back();
    closeScope();
  }
}

// `v := <-ch where v > 5`: a one-case select whose variables belong to the
// enclosing block.
void Checker::guardedRecv(GuardedRecvStmt *s) {
  SelectCaseInfo info;
  if (s->recv)
    recvCase(s->recv, info);
  guard(s->guard, info);
  P.Cases[s->id] = info;
}

} // namespace mp::sema
