// sema/dump_types.cpp: `mpc check --dump-types`, a stable text form of what
// sema computed, for FileCheck tests: first each package-level declaration,
// then every checked expression in source order (outer before inner):
//   decl var x int
//   expr 5:14 value x + 1 : int
//   expr 6:3 const 'a' : rune = 97 -> any
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
    if (info.convertTo)
      os << " -> " << info.convertTo->str();
    os << "\n";
  }
}

} // namespace mp::sema
