// sema/sema.cpp: check() and the CheckedProgram tables, plus the helpers
// every check_*.cpp uses to record results and phrase diagnostics the way
// Go does (`x (variable of type int)`, `300 (untyped int constant)`).
#include "sema/checker.h"

namespace mp::sema {

CheckedProgram::CheckedProgram(ASTContext &ast)
    : U(std::make_unique<Universe>(Types, Arena)), Exprs(ast.numExprs()),
      ExprNodes(ast.numExprs(), nullptr),
      Idents(ast.numExprs(), nullptr), Branches(ast.numStmts(), nullptr) {}

CheckedProgram::~CheckedProgram() = default;

template <class M, class K> static auto *find(const M &m, K key) {
  auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

const Selection *CheckedProgram::selection(const SelectorExpr *s) const {
  return find(Selections, s->id);
}
const CallInfo *CheckedProgram::call(const CallExpr *c) const { return find(Calls, c->id); }
const SelectCaseInfo *CheckedProgram::selectCase(const CommClause *c) const {
  return find(Cases, c->id);
}
const SelectCaseInfo *CheckedProgram::guardedRecv(const GuardedRecvStmt *s) const {
  return find(Cases, s->id);
}
const RangeInfo *CheckedProgram::range(const RangeStmt *r) const { return find(Ranges, r->id); }
const FuncInfo *CheckedProgram::func(const Node *fn) const { return find(Funcs, fn); }

std::unique_ptr<CheckedProgram> check(ASTContext &ast, llvm::ArrayRef<SourceFile *> files,
                                      const SourceManager &sm, DiagnosticEngine &diags,
                                      CheckOptions opts) {
  auto prog = std::make_unique<CheckedProgram>(ast);
  Checker checker(*prog, ast, sm, diags, opts);
  checker.checkFiles(files);
  return prog;
}

Checker::Checker(CheckedProgram &prog, ASTContext &ast, const SourceManager &sm,
                 DiagnosticEngine &diags, CheckOptions opts)
    : P(prog), Ast(ast), T(prog.Types), SM(sm), D(diags), Opts(opts), U(*prog.U) {}

void Checker::record(const Operand &x) {
  if (!x.expr)
    return;
  ExprInfo &info = P.Exprs[x.expr->id];
  P.ExprNodes[x.expr->id] = x.expr;
  info.mode = x.mode;
  info.type = x.type;
  info.value = x.isConst() ? keep(x.val) : nullptr;
}

void Checker::recordType(Expr *e, const Type *t) {
  ExprInfo &info = P.Exprs[e->id];
  P.ExprNodes[e->id] = e;
  info.mode = t->isInvalid() ? ExprMode::Invalid : ExprMode::Type;
  info.type = t;
}

const Constant *Checker::keep(Constant c) { return &P.Constants.emplace_back(std::move(c)); }

FuncInfo &Checker::newFuncInfo(const Node *n) {
  FuncInfo &info = P.Funcs[n];
  info.node = n;
  return info;
}

static const char *modeName(ExprMode m) {
  switch (m) {
  case ExprMode::Invalid: return "invalid operand";
  case ExprMode::NoValue: return "no value";
  case ExprMode::Value: return "value";
  case ExprMode::Variable: return "variable";
  case ExprMode::MapIndex: return "map index expression";
  case ExprMode::Constant: return "constant";
  case ExprMode::Type: return "type";
  case ExprMode::Builtin: return "built-in";
  case ExprMode::Package: return "package";
  }
  return "value";
}

// go/types operandString: `expr (untyped int constant 1024)`,
// `x (variable of type int)`, `c (constant 10 of type T)`, `nil`.
std::string Checker::describe(const Operand &x) const {
  std::string text = x.expr ? exprText(x.expr) : "value";
  if (x.isNil())
    return "nil";
  std::string out = text + " (";
  bool hasType = false;
  switch (x.mode) {
  case ExprMode::Invalid: case ExprMode::NoValue: case ExprMode::Builtin:
  case ExprMode::Type: case ExprMode::Package:
    break;
  default:
    if (x.type && x.type->isUntyped())
      out += std::string(llvm::cast<BasicType>(x.type)->name()) + " ";
    else
      hasType = x.type != nullptr;
  }
  out += modeName(x.mode);
  if (x.isConst()) {
    std::string v = x.val.str();
    if (v != text)
      out += " " + v;
  }
  if (hasType)
    out += " of type " + x.type->str();
  return out + ")";
}

void Checker::declare(Scope *s, Object *obj) {
  Object *prev = s->insert(obj);
  if (!prev)
    return;
  error(DiagId::Redeclared, obj->pos, {obj->name});
  if (prev->pos.isValid())
    error(DiagId::NoteOtherDecl, prev->pos, {prev->name});
}

void Checker::error(DiagId id, SourceLoc at, std::initializer_list<DiagArg> args) {
  D.report(id, at, args);
}

// An expression is underlined whole (^~~~); for a declaration or statement,
// which may span lines, the caret marks where it starts.
void Checker::error(DiagId id, const Node *at, std::initializer_list<DiagArg> args) {
  D.report(id, llvm::isa<Expr>(at) ? at->range : SourceRange(at->range.begin), args);
}

} // namespace mp::sema
