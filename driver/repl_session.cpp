// driver/repl_session.cpp: compiling REPL inputs against the session (see
// repl_session.h for the model).  A statement input is checked as written
// inside `func __repl_N() {...}` (so diagnostics point into it), then
// rewritten before lowering: top-level `x := e` and `var x = e` define
// package variables (`var x T` joins the session, the statement becomes
// `x = e`), and a lone expression becomes `__v := e` plus a print of
// `value : type`.  Symbol names of functions follow codegen's goName
// (main.f, main.T.m, main.(*T).m) and of package variables `main.x`.
#include "repl_session.h"

#include <algorithm>
#include <cstddef>
#include <cstdio>

#include "codegen/codegen.h"
#include "driver/repl_autoimport.h"
#include "driver/repl_diag.h"
#include "driver/repl_input.h"
#include "frontend/parser.h"
#include "mp/runtime.h"
#include "sema/sema.h"
#include "llvm/IR/Constants.h"
#include "llvm/Target/TargetMachine.h"

namespace mp::driver {

using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace {

constexpr unsigned kReplOptLevel = 1;  // compile latency over peak speed

// The method slots of a type descriptor: their field in codegen's LLVM
// struct (codegen/types.cpp descTy) and their offset in mp_type.
struct MethodSlot {
  unsigned field;
  size_t offset;
  unsigned bit;
};
constexpr MethodSlot kMethodSlots[] = {{10, offsetof(mp_type, string_method), 1},
                                       {11, offsetof(mp_type, error_method), 2}};

// The slots of descriptor gv that hold a method.
unsigned methodSlots(const llvm::GlobalVariable &gv) {
  auto *init = dyn_cast<llvm::ConstantStruct>(gv.getInitializer());
  unsigned bits = 0;
  for (const MethodSlot &s : kMethodSlots)
    if (init && isa<llvm::Function>(init->getOperand(s.field)))
      bits |= s.bit;
  return bits;
}

std::string applyEdits(std::string text, std::vector<Edit> edits) {
  std::sort(edits.begin(), edits.end(),
            [](const Edit &a, const Edit &b) { return a.offset > b.offset; });
  for (const Edit &e : edits)
    text.replace(e.offset, e.length, e.text);
  return text;
}

std::string goName(const sema::Object *fn) {
  if (!fn->recvNamed)
    return "main." + fn->name;
  std::string t(fn->recvNamed->name());
  return fn->pointerRecv ? "main.(*" + t + ")." + fn->name : "main." + t + "." + fn->name;
}

// An MP string literal holding `s`.
std::string quote(llvm::StringRef s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      q += '\\';
    if (c == '\n') {
      q += "\\n";
      continue;
    }
    q += c;
  }
  return q + "\"";
}

// The type a value of type t has once stored in a variable: untyped
// constants take their default type (Go's spelling: rune is int32).
std::string storedTypeName(const sema::Type *t) {
  std::string s = t->str();
  llvm::StringRef rest(s);
  if (!t->isUntyped() || !rest.consume_front("untyped "))
    return s;
  if (rest == "float")
    return "float64";
  if (rest == "rune")
    return "int32";
  return rest.str();
}

std::string joined(const std::vector<std::string> &parts, llvm::StringRef sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i)
    out += (i ? sep.str() : "") + parts[i];
  return out;
}

} // namespace

// One compilation of the session plus an input, with its diagnostics kept.
struct ReplBuild {
  SourceManager sm;
  std::vector<Diagnostic> diags;
  DiagnosticEngine de{sm, llvm::nulls()};
  ASTContext ast;
  std::vector<SourceFile *> files;
  SourceFile *input = nullptr;
  InputView view;
  std::unique_ptr<sema::CheckedProgram> prog;

  ReplBuild() { de.setCapture(&diags); }
  // The text of a node of the input file.
  llvm::StringRef textOf(const Node *n) const {
    uint32_t b = n->range.begin.offset, e = n->range.end.offset;
    return sm.text(view.fileId).substr(b - view.base, e - b);
  }
  size_t inputOffset(SourceLoc loc) const { return loc.offset - view.base - view.prefixBytes; }
};

ReplSession::ReplSession() = default;
ReplSession::~ReplSession() {
  // JIT'd code may still run on goroutines: never tear the JIT down.
  (void)Jit.release();
  for (auto &old : Retired)
    (void)old.release();
}

bool ReplSession::start() {
  auto jit = JitEngine::create(kReplOptLevel);
  if (!jit) {
    std::fprintf(stderr, "mpc: error: cannot start the JIT: %s\n",
                 llvm::toString(jit.takeError()).c_str());
    return false;
  }
  Jit = std::move(*jit);
  std::string err;
  TM = codegen::hostTargetMachine(kReplOptLevel, err);
  if (!TM) {
    std::fprintf(stderr, "mpc: error: %s\n", err.c_str());
    return false;
  }
  mp_session_begin();
  return true;
}

void ReplSession::reset() {
  // A fresh JIT: the old one keeps serving goroutines still running its code.
  auto jit = JitEngine::create(kReplOptLevel);
  if (!jit) {
    std::fprintf(stderr, "mpc: error: %s\n", llvm::toString(jit.takeError()).c_str());
    return;
  }
  Retired.push_back(std::move(Jit));
  Jit = std::move(*jit);
  Imports.clear();
  Decls.clear();
  Globals.clear();
  GlobalNames.clear();
  Defined.clear();
  Descs.clear();
}

std::string ReplSession::importsLine(bool withPrinter) const {
  std::vector<std::string> specs = Imports;
  if (withPrinter)
    specs.push_back("__fmt \"fmt\"");
  return "import (" + joined(specs, "; ") + ");";
}

std::unique_ptr<ReplBuild> ReplSession::check(const std::string &prefix, llvm::StringRef input,
                                              const std::vector<std::string> &globals,
                                              bool inFunc) {
  auto b = std::make_unique<ReplBuild>();
  std::string header = importsLine(false) + "\n";
  // Every file has one wrapper line before the text typed: number it 0.
  auto parse = [&](llvm::StringRef name, llvm::StringRef text, int firstLine = 0) {
    int id = b->sm.addBuffer(name, text, firstLine);
    b->files.push_back(parseFile(b->ast, b->sm, id, b->de));
    return id;
  };
  for (size_t i = 0; i < Decls.size(); ++i)
    parse("<decl " + std::to_string(i + 1) + ">", header + Decls[i]);
  if (!globals.empty())
    parse("<variables>", header + joined(globals, "\n") + "\n");
  std::string text = prefix + input.str() + (inFunc ? "\n}\n" : "\n");
  int id = parse(InputName, text, prefix.empty() ? 1 : 0);
  b->input = b->files.back();
  b->view.name = InputName;
  b->view.fileId = id;
  b->view.base = b->sm.locFor(id, 0).offset;
  b->view.prefixBytes = prefix.size();
  if (b->de.hasErrors())
    return b;
  b->prog = sema::check(b->ast, b->files, b->sm, b->de);
  return b;
}

std::unique_ptr<ReplBuild>
ReplSession::checkAutoImport(const std::function<std::string()> &prefix, llvm::StringRef input,
                             bool inFunc, bool keepImports) {
  auto b = check(prefix(), input, Globals, inFunc);
  if (InputName != "repl")  // a :load file imports what it uses, as in Go
    return b;
  std::vector<std::string> specs = missingStdImports(b->diags, Imports);
  if (specs.empty())
    return b;
  size_t before = Imports.size();
  Imports.insert(Imports.end(), specs.begin(), specs.end());
  auto retry = check(prefix(), input, Globals, inFunc);
  if (!keepImports || hasRealErrors(retry->diags))
    Imports.resize(before);
  return retry;
}

void ReplSession::eval(llvm::StringRef input) {
  switch (classifyInput(input)) {
  case InputKind::Empty:
  case InputKind::Command:  // handled by the caller
    return;
  case InputKind::Import:
    return evalImport(input);
  case InputKind::Decl:
    return evalDecl(input);
  case InputKind::Stmt:
    return evalStmt(input);
  }
}

void ReplSession::evalImport(llvm::StringRef input) {
  auto b = check("", input, Globals, false);
  if (reportDiagnostics(b->sm, b->diags, b->view, false))
    return;
  for (GenDecl *g : b->input->imports)
    for (Decl *spec : g->specs)
      if (auto *imp = dyn_cast<ImportSpec>(spec)) {
        std::string text = b->textOf(imp).str();
        if (std::find(Imports.begin(), Imports.end(), text) == Imports.end())
          Imports.push_back(text);
      }
}

void ReplSession::evalDecl(llvm::StringRef input) {
  auto b = checkAutoImport([&] { return importsLine(false) + "\n"; }, input, false);
  if (reportDiagnostics(b->sm, b->diags, b->view, false))
    return;
  if (!compileAndLink(*b, "", GlobalNames))
    return;
  Decls.push_back(input.str());
}

// The statements of __repl_N's body, without empty ones.
static std::vector<Stmt *> bodyStmts(SourceFile *f) {
  std::vector<Stmt *> out;
  for (Decl *d : f->decls)
    if (auto *fn = dyn_cast<FuncDecl>(d); fn && fn->body)
      for (Stmt *s : fn->body->stmts)
        if (!isa<EmptyStmt>(s))
          out.push_back(s);
  return out;
}

void ReplSession::evalStmt(llvm::StringRef input) {
  std::string fname = "__repl_" + std::to_string(Counter++);
  auto wrapper = [&] { return importsLine(true) + " func " + fname + "() {\n"; };
  auto b = checkAutoImport(wrapper, input, true);
  std::string prefix = wrapper();
  std::vector<Stmt *> stmts = b->prog ? bodyStmts(b->input) : std::vector<Stmt *>{};
  bool lone = stmts.size() == 1 && isa<ExprStmt>(stmts[0]);
  if (reportDiagnostics(b->sm, b->diags, b->view, lone))
    return;

  Rewrite rw = rewriteInput(*b, stmts);
  if (!checkRedefinitions(*b, rw))
    return;
  std::vector<std::string> globals = Globals;
  std::set<std::string> names = GlobalNames;
  for (const NewVar &v : rw.newVars)
    if (names.insert(v.name).second)
      globals.push_back("var " + v.name + " " + v.type);
  std::string rewritten = applyEdits(input.str(), rw.edits);
  std::string finalPrefix = prefix.substr(0, prefix.size() - 1) + rw.prefixTail + "\n";
  auto final = check(finalPrefix, rewritten, globals, true);
  if (reportDiagnostics(final->sm, final->diags, final->view, false))
    return;
  if (!compileAndLink(*final, "main." + fname, names))
    return;
  Globals = std::move(globals);
  GlobalNames = std::move(names);
  runEntry("main." + fname);
}

std::string ReplSession::globalType(const std::string &name) const {
  std::string prefix = "var " + name + " ";
  for (const std::string &g : Globals)
    if (llvm::StringRef(g).starts_with(prefix))
      return g.substr(prefix.size());
  return "";
}

// `x := e` for a session variable x assigns it (Go-REPL-like); a value of
// another type cannot: earlier inputs' code and goroutines use x as it is.
bool ReplSession::checkRedefinitions(ReplBuild &b, const Rewrite &rw) const {
  for (const NewVar &v : rw.newVars) {
    for (const std::string &spec : Imports)
      if (importedName(spec) == v.name) {
        reportAtInput(b.sm, v.loc, b.view,
                      v.name + " is a package imported by the session (use a new name, or :reset)");
        return false;
      }
    std::string old = globalType(v.name);
    if (old.empty() || old == v.type)
      continue;
    reportAtInput(b.sm, v.loc, b.view,
                  v.name + " is already a session variable of type " + old + ", not " + v.type +
                      " (use a new name, or :reset)");
    return false;
  }
  return true;
}

ReplSession::Rewrite ReplSession::rewriteInput(ReplBuild &b, const std::vector<Stmt *> &stmts) {
  Rewrite rw;
  auto hoist = [&](IdentExpr *id) {
    if (!id || id->isBlank())
      return;
    if (sema::Object *obj = b.prog->objectOf(id); obj && obj->type)
      rw.newVars.push_back({obj->name, obj->type->str(), id->loc()});
  };
  if (stmts.size() == 1)
    if (auto *es = dyn_cast<ExprStmt>(stmts[0]))
      return printRewrite(b, es);
  for (Stmt *s : stmts) {
    if (auto *as = dyn_cast<AssignStmt>(s); as && as->op == TokenKind::Define) {
      for (Expr *l : as->lhs)
        hoist(dyn_cast<IdentExpr>(l));
      rw.edits.push_back({b.inputOffset(as->opLoc), 2, " ="});
      continue;
    }
    auto *ds = dyn_cast<DeclStmt>(s);
    auto *gd = ds ? dyn_cast<GenDecl>(ds->decl) : nullptr;
    if (!gd || gd->tok != TokenKind::KwVar)
      continue;
    std::vector<std::string> assigns;
    for (Decl *d : gd->specs) {
      auto *vs = dyn_cast<VarSpec>(d);
      if (!vs)
        continue;
      std::vector<std::string> lhs, rhs;
      for (IdentExpr *id : vs->names) {
        hoist(id);
        lhs.push_back(id->name.str());
      }
      for (Expr *v : vs->values)
        rhs.push_back(b.textOf(v).str());
      if (!rhs.empty())
        assigns.push_back(joined(lhs, ", ") + " = " + joined(rhs, ", "));
    }
    rw.edits.push_back({b.inputOffset(ds->range.begin),
                        ds->range.end.offset - ds->range.begin.offset, joined(assigns, "; ")});
  }
  return rw;
}

// fmt.Print*, Fprint*: their (n int, err error) is not worth printing.
static bool isPrintCall(ReplBuild &b, Expr *e) {
  auto *call = dyn_cast<CallExpr>(e);
  auto *sel = call ? dyn_cast<SelectorExpr>(call->fun) : nullptr;
  const sema::Selection *s = sel ? b.prog->selection(sel) : nullptr;
  if (!s || s->kind != sema::SelectionKind::Qualified || !s->obj || !s->obj->stdPkg)
    return false;
  llvm::StringRef name = s->obj->name;
  return s->obj->stdPkg->path == "fmt" && (name.starts_with("Print") || name.starts_with("Fprint"));
}

// `e` -> `__v0 := e; print value : type` (several values for a multi-value
// call); a call without results stays as it is.
ReplSession::Rewrite ReplSession::printRewrite(ReplBuild &b, ExprStmt *es) {
  Rewrite rw;
  const sema::ExprInfo &info = b.prog->info(es->x);
  if (info.mode == sema::ExprMode::NoValue || !info.type || isPrintCall(b, es->x))
    return rw;
  std::vector<const sema::Type *> types;
  if (auto *tuple = dyn_cast<sema::TupleType>(info.type))
    types = tuple->elems();
  else
    types.push_back(info.type);
  std::vector<std::string> vars, verbs, typeNames;
  for (size_t i = 0; i < types.size(); ++i) {
    vars.push_back("__v" + std::to_string(i));
    verbs.push_back(types[i]->underlying()->isString() ? "%q" : "%v");
    typeNames.push_back(storedTypeName(types[i]));
  }
  std::string type = types.size() == 1 ? typeNames[0] : "(" + joined(typeNames, ", ") + ")";
  // `__v0 :=` goes on the wrapper line, so e keeps its line and column.
  rw.prefixTail = " " + joined(vars, ", ") + " :=";
  std::string print = "; __fmt.Printf(" + quote(joined(verbs, ", ") + " : %s\n") + ", " +
                      joined(vars, ", ") + ", " + quote(type) + ")";
  rw.edits.push_back({b.inputOffset(es->range.end), 0, print});
  return rw;
}

void ReplSession::printType(llvm::StringRef expr) {
  // :type only looks: an import it needs is not kept.
  auto b = checkAutoImport([&] { return importsLine(true) + " func __repl_type() {\n"; }, expr,
                           true, false);
  std::vector<Stmt *> stmts = b->prog ? bodyStmts(b->input) : std::vector<Stmt *>{};
  if (reportDiagnostics(b->sm, b->diags, b->view, true))
    return;
  auto *es = stmts.size() == 1 ? dyn_cast<ExprStmt>(stmts[0]) : nullptr;
  if (!es) {
    std::fprintf(stderr, ":type needs one expression\n");
    return;
  }
  const sema::ExprInfo &info = b->prog->info(es->x);
  std::string t = info.mode == sema::ExprMode::NoValue ? "(no value)"
                  : info.type                           ? storedTypeName(info.type)
                                                        : "?";
  std::printf("%s\n", t.c_str());
  std::fflush(stdout);
}

bool ReplSession::compileAndLink(ReplBuild &b, const std::string &entry,
                                 const std::set<std::string> &globalNames) {
  auto ctx = std::make_unique<llvm::LLVMContext>();
  codegen::Options cg;
  cg.optLevel = kReplOptLevel;
  cg.moduleName = "repl";
  cg.describeNamedTypes = true;  // for descPatches
  auto mod = codegen::lowerProgram(*b.prog, b.sm, b.de, *ctx, cg);
  if (reportDiagnostics(b.sm, b.diags, b.view, false) || !mod)
    return false;
  // Symbols shared between inputs: entry, functions, package variables.
  std::vector<std::string> shared;
  if (!entry.empty())
    shared.push_back(entry);
  for (const FuncDecl *d : b.prog->funcDecls())
    if (const sema::FuncInfo *fi = b.prog->func(d); fi && fi->obj)
      shared.push_back(goName(fi->obj));
  for (const std::string &g : globalNames)
    shared.push_back("main." + g);
  std::vector<std::string> fresh;
  for (const std::string &name : shared) {
    llvm::GlobalValue *gv = mod->getNamedValue(name);
    if (!gv || gv->isDeclaration())
      continue;
    if (Defined.count(name)) {  // an earlier input's module defines it
      if (auto *f = dyn_cast<llvm::Function>(gv))
        f->deleteBody();
      else if (auto *v = dyn_cast<llvm::GlobalVariable>(gv))
        v->setInitializer(nullptr);
    } else {
      fresh.push_back(name);
    }
    gv->setLinkage(llvm::GlobalValue::ExternalLinkage);
  }
  // A declared `func main` gets a C main from codegen: not in the REPL.
  for (const char *name : {"main", "main·entry"})
    if (llvm::Function *f = mod->getFunction(name)) {
      f->replaceAllUsesWith(llvm::PoisonValue::get(f->getType()));
      f->eraseFromParent();
    }
  std::vector<DescPatch> patches = descPatches(*mod);
  codegen::optimize(*mod, *TM, kReplOptLevel);
  std::map<std::string, unsigned> newDescs;
  for (llvm::GlobalVariable &gv : mod->globals())
    if (gv.getName().starts_with("type:") && !gv.isDeclaration() && !Descs.count(gv.getName().str()))
      newDescs[gv.getName().str()] = methodSlots(gv);
  Jit->prepareModule(*mod);
  if (auto err = Jit->addModule(llvm::orc::ThreadSafeModule(std::move(mod), std::move(ctx)))) {
    std::fprintf(stderr, "mpc: internal error: %s\n", llvm::toString(std::move(err)).c_str());
    return false;
  }
  if (!fresh.empty()) {  // compiles the module now: link errors show here
    auto addr = Jit->lookup(fresh.front());
    if (!addr) {
      std::fprintf(stderr, "mpc: internal error: %s\n", llvm::toString(addr.takeError()).c_str());
      return false;
    }
  }
  Defined.insert(fresh.begin(), fresh.end());
  Descs.insert(newDescs.begin(), newDescs.end());
  applyDescPatches(patches);
  return true;
}

std::vector<ReplSession::DescPatch> ReplSession::descPatches(llvm::Module &m) {
  std::vector<DescPatch> patches;
  for (llvm::GlobalVariable &gv : m.globals()) {
    if (!gv.getName().starts_with("type:") || gv.isDeclaration())
      continue;
    gv.setConstant(false);  // a later input may patch it
    auto kept = Descs.find(gv.getName().str());
    auto *init = dyn_cast<llvm::ConstantStruct>(gv.getInitializer());
    if (kept == Descs.end() || !init)
      continue;
    for (const MethodSlot &s : kMethodSlots) {
      auto *thunk = dyn_cast<llvm::Function>(init->getOperand(s.field));
      if (!thunk || (kept->second & s.bit))
        continue;
      // Kept by the optimizer and found by lookup, under a fresh name.
      thunk->setName("repl.patch." + std::to_string(PatchCounter++));
      thunk->setLinkage(llvm::GlobalValue::ExternalLinkage);
      patches.push_back({kept->first, thunk->getName().str(), s.offset, s.bit});
    }
  }
  return patches;
}

// Goroutines of earlier inputs may read the slot meanwhile: an aligned
// pointer store, which they see whole (before or after).
void ReplSession::applyDescPatches(const std::vector<DescPatch> &patches) {
  for (const DescPatch &p : patches) {
    auto desc = Jit->lookup(p.desc);
    auto thunk = desc ? Jit->lookup(p.thunk) : llvm::Expected<void *>(nullptr);
    if (!desc || !thunk) {
      llvm::Error e = desc ? thunk.takeError() : desc.takeError();
      std::fprintf(stderr, "mpc: internal error: %s\n", llvm::toString(std::move(e)).c_str());
      continue;
    }
    auto *slot = reinterpret_cast<mp_string_method *>(static_cast<char *>(*desc) + p.offset);
    __atomic_store_n(slot, reinterpret_cast<mp_string_method>(*thunk), __ATOMIC_RELEASE);
    Descs[p.desc] |= p.bit;
  }
}

void ReplSession::runEntry(const std::string &entry) {
  auto addr = Jit->lookup(entry);
  if (!addr) {
    std::fprintf(stderr, "mpc: internal error: %s\n", llvm::toString(addr.takeError()).c_str());
    return;
  }
  if (Interrupt) {  // Ctrl-C while the input was being compiled
    std::fprintf(stderr, "interrupted\n");
    return;
  }
  // MP functions take a closure environment first: __repl_N(void *env).
  int result = mp_run_session(reinterpret_cast<void (*)(void *)>(*addr), nullptr, &Interrupt);
  mp_stdout_flush();
  if (result == MP_RUN_INTERRUPTED)
    std::fprintf(stderr, "interrupted\n");
}

} // namespace mp::driver
