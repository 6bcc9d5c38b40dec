// sema/dump_types.cpp: `mpc check --dump-types`, a stable text form of what
// sema computed, for FileCheck tests: first each package-level declaration,
// then every checked expression in source order (outer before inner):
//   decl var x int
//   expr 5:14 value x + 1 : int
//   expr 6:3 const 'a' : rune = 97 -> any
//   expr 7:2 value f(g()) : int (spreads results)
// then each select case and guarded receive (what codegen needs of it):
//   case 9:3 recv chan int elem int vars v,ok guard value
//   case 12:3 send chan<- string elem string guard boolean
//   case 14:3 default
// then each variable that lives on the heap (captured by a closure or with
// its address taken), and each closure's captures:
//   heap 5:2 total
//   captures 7:7 total,step
#include "sema/checker.h"

#include <algorithm>

using llvm::cast;
using llvm::dyn_cast;

namespace mp::sema {

static const char *modeWord(ExprMode m) {
  switch (m) {
  case ExprMode::Invalid: return "invalid";
  case ExprMode::NoValue: return "novalue";
  case ExprMode::Value: return "value";
  case ExprMode::Variable: return "var";
  case ExprMode::MapIndex: return "mapindex";
  case ExprMode::Constant: return "const";
  case ExprMode::Type: return "type";
  case ExprMode::Builtin: return "builtin";
  case ExprMode::Package: return "package";
  }
  return "?";
}

static std::string text(const SourceManager &sm, const Expr *e) {
  int file = sm.fileOf(e->range.begin);
  if (file < 0)
    return "?";
  uint32_t base = sm.locFor(file, 0).offset;
  llvm::StringRef src = sm.text(file);
  uint32_t b = e->range.begin.offset - base, en = e->range.end.offset - base;
  if (en > src.size() || b > en)
    return "?";
  std::string s;
  for (char c : src.substr(b, en - b))
    s += c == '\n' || c == '\t' ? ' ' : c;
  return s;
}

static void dumpDecls(const CheckedProgram &prog, const SourceFile *f, llvm::raw_ostream &os) {
  for (const Decl *d : f->decls) {
    if (auto *fn = dyn_cast<FuncDecl>(d)) {
      Object *o = prog.objectOf(fn->name);
      if (!o || !o->type)
        continue;
      os << "decl func ";
      if (o->recvNamed)
        os << "(" << (o->pointerRecv ? "*" : "") << o->recvNamed->str() << ") ";
      os << o->name << " " << o->type->str() << "\n";
      continue;
    }
    auto *g = dyn_cast<GenDecl>(d);
    if (!g)
      continue;
    for (const Decl *spec : g->specs) {
      auto line = [&](const char *kw, const IdentExpr *n) {
        Object *o = prog.objectOf(n);
        if (!o || !o->type)
          return;
        os << "decl " << kw << " " << o->name << " ";
        if (o->kind == ObjectKind::TypeName)
          os << o->type->underlying()->str();
        else
          os << o->type->str();
        if (o->kind == ObjectKind::Const)
          os << " = " << o->value.exactStr();
        os << "\n";
      };
      if (auto *ts = dyn_cast<TypeSpec>(spec))
        line("type", ts->name);
      else if (auto *cs = dyn_cast<ConstSpec>(spec))
        for (auto *n : cs->names)
          line("const", n);
      else if (auto *vs = dyn_cast<VarSpec>(spec))
        for (auto *n : vs->names)
          line("var", n);
    }
  }
}

static const char *guardWord(GuardKind g) {
  switch (g) {
  case GuardKind::None: return "";
  case GuardKind::Boolean: return " guard boolean";
  case GuardKind::Value: return " guard value";
  }
  return "";
}

static void dumpCase(const SelectCaseInfo &c, const Stmt *at, const SourceManager &sm,
                     llvm::raw_ostream &os) {
  PresumedLoc p = sm.presumed(at->range.begin);
  os << "case " << p.line << ":" << p.column << " ";
  if (c.kind == CommKind::Default) {
    os << "default\n";
    return;
  }
  os << (c.kind == CommKind::Send ? "send " : "recv ")
     << (c.chan ? c.chan->str() : std::string("?")) << " elem "
     << (c.elem ? c.elem->str() : std::string("?"));
  if (c.valueVar || c.okVar)
    os << " vars " << (c.valueVar ? c.valueVar->name : "_") << (c.okVar ? "," + c.okVar->name : "");
  if (c.valueLhs)
    os << " assigns";
  os << guardWord(c.guard) << "\n";
}

// The select cases and guarded receives of a statement list, in source
// order (closure bodies are walked separately, from their FuncLitExpr).
static void dumpCases(const CheckedProgram &prog, llvm::ArrayRef<Stmt *> list,
                      const SourceManager &sm, llvm::raw_ostream &os) {
  for (const Stmt *s : list) {
    if (!s)
      continue;
    if (auto *l = dyn_cast<LabeledStmt>(s))
      dumpCases(prog, {l->stmt}, sm, os);
    else if (auto *b = dyn_cast<BlockStmt>(s))
      dumpCases(prog, b->stmts, sm, os);
    else if (auto *i = dyn_cast<IfStmt>(s))
      dumpCases(prog, {i->then, i->elseStmt}, sm, os);
    else if (auto *f = dyn_cast<ForStmt>(s))
      dumpCases(prog, {f->body}, sm, os);
    else if (auto *r = dyn_cast<RangeStmt>(s))
      dumpCases(prog, {r->body}, sm, os);
    else if (auto *sw = dyn_cast<SwitchStmt>(s))
      for (CaseClause *c : sw->clauses)
        dumpCases(prog, c->body, sm, os);
    else if (auto *g = dyn_cast<GuardedRecvStmt>(s)) {
      if (const SelectCaseInfo *c = prog.guardedRecv(g))
        dumpCase(*c, g, sm, os);
    } else if (auto *sel = dyn_cast<SelectStmt>(s))
      for (CommClause *c : sel->clauses) {
        if (const SelectCaseInfo *ci = prog.selectCase(c))
          dumpCase(*ci, c, sm, os);
        dumpCases(prog, c->body, sm, os);
      }
  }
}

static std::string at(const SourceManager &sm, SourceLoc loc) {
  PresumedLoc p = sm.presumed(loc);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

void dumpTypes(const CheckedProgram &prog, llvm::ArrayRef<SourceFile *> files,
               const SourceManager &sm, llvm::raw_ostream &os) {
  for (const SourceFile *f : files)
    dumpDecls(prog, f, os);
  std::vector<const Expr *> exprs;
  for (const Expr *e : prog.checkedExprs())
    if (e && prog.info(e).type)
      exprs.push_back(e);
  std::stable_sort(exprs.begin(), exprs.end(), [](const Expr *a, const Expr *b) {
    if (a->range.begin.offset != b->range.begin.offset)
      return a->range.begin.offset < b->range.begin.offset;
    return a->range.end.offset > b->range.end.offset;
  });
  for (const Expr *e : exprs) {
    const ExprInfo &info = prog.info(e);
    PresumedLoc p = sm.presumed(e->range.begin);
    os << "expr " << p.line << ":" << p.column << " " << modeWord(info.mode) << " "
       << text(sm, e) << " : " << info.type->str();
    if (info.value)
      os << " = " << info.value->exactStr();
    if (info.commaOk)
      os << " (comma, ok)";
    if (auto *c = dyn_cast<CallExpr>(e))
      if (const CallInfo *ci = prog.call(c)) {
        if (ci->packsVariadic)
          os << " (packs variadic)";
        if (ci->spreadsTuple)
          os << " (spreads results)";
      }
    if (info.convertTo)
      os << " -> " << info.convertTo->str();
    os << "\n";
  }
  for (const SourceFile *f : files)
    for (const Decl *d : f->decls)
      if (auto *fn = dyn_cast<FuncDecl>(d); fn && fn->body)
        dumpCases(prog, fn->body->stmts, sm, os);
  for (const Expr *e : exprs)
    if (auto *lit = dyn_cast<FuncLitExpr>(e))
      dumpCases(prog, lit->body->stmts, sm, os);
  // Heap variables: every one is used somewhere, so the uses find them all.
  std::vector<const Object *> heap;
  for (const Expr *e : exprs)
    if (auto *id = dyn_cast<IdentExpr>(e))
      if (const Object *o = prog.objectOf(id); o && o->escapes &&
                                               std::find(heap.begin(), heap.end(), o) == heap.end())
        heap.push_back(o);
  std::stable_sort(heap.begin(), heap.end(), [](const Object *a, const Object *b) {
    return a->pos.offset < b->pos.offset;
  });
  for (const Object *o : heap)
    os << "heap " << at(sm, o->pos) << " " << o->name << "\n";
  for (const Expr *e : exprs)
    if (auto *lit = dyn_cast<FuncLitExpr>(e))
      if (const FuncInfo *fi = prog.func(lit); fi && !fi->captures.empty()) {
        os << "captures " << at(sm, lit->range.begin) << " ";
        for (size_t i = 0; i < fi->captures.size(); ++i)
          os << (i ? "," : "") << fi->captures[i]->name;
        os << "\n";
      }
}

} // namespace mp::sema
