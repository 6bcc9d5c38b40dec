// sema/check_decls.cpp: package-level and local declarations.  Package
// objects are collected from every file first, then checked on first use
// (so declarations may come in any order and across files), with cycle
// detection; function bodies are checked last.  Also computes the package
// variables' initialisation order (Go spec "Package initialization").
#include "sema/checker.h"

#include <algorithm>
#include <functional>

using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace mp::sema {

void Checker::checkFiles(llvm::ArrayRef<SourceFile *> files) {
  PkgScope = P.Arena.scope(ScopeKind::Package, U.scope());
  for (SourceFile *f : files)
    collectFile(f);
  // Types first, so that methods can attach to them before any value uses
  // them; then methods, then every other package-level object.
  for (Object *o : std::vector<Object *>(PkgOrder))
    if (o->kind == ObjectKind::TypeName)
      resolvePkgObject(o);
  for (FuncDecl *fn : PendingMethods)
    declareMethod(fn);
  for (Object *o : std::vector<Object *>(PkgOrder))
    resolvePkgObject(o);
  for (auto &[fn, obj] : PendingBodies) {
    CurDeclObj = obj;
    checkFuncDecl(fn, obj);
  }
  CurDeclObj = nullptr;
  computeInitOrder();
  reportUnusedImports();
  Object *main = PkgScope->lookupLocal("main");
  if (main && main->kind == ObjectKind::Func)
    P.Main = main;
  else if (Opts.requireMain && !files.empty())
    error(DiagId::MissingMain, files.front()->range.begin);
}

void Checker::collectFile(SourceFile *file) {
  Scope *fileScope = P.Arena.scope(ScopeKind::File, PkgScope);
  FileScopes.push_back(fileScope);
  for (Decl *d : file->decls) {
    if (auto *fn = dyn_cast<FuncDecl>(d)) {
      if (fn->isMethod()) {
        PendingMethods.push_back(fn);
        FuncFileScope[fn] = fileScope;
        continue;
      }
      Object *obj = P.Arena.make(ObjectKind::Func, fn->name->name.str(), nullptr);
      obj->pos = fn->name->loc();
      obj->decl = fn;
      recordIdent(fn->name, obj);
      FuncFileScope[fn] = fileScope;
      if (fn->name->isBlank() || fn->name->name == "init") {
        PkgDecls[obj] = {PkgDecl::State::Unchecked, obj, fn, 0, fileScope, unsigned(PkgOrder.size())};
        PkgOrder.push_back(obj);
        continue;
      }
      declarePkgObject(obj, fn, 0, fileScope);
      continue;
    }
    auto *gen = dyn_cast<GenDecl>(d);
    if (!gen)
      continue;
    for (Decl *spec : gen->specs) {
      if (auto *imp = dyn_cast<ImportSpec>(spec)) {
        declareImport(imp, fileScope);
      } else if (auto *ts = dyn_cast<TypeSpec>(spec)) {
        Object *obj = P.Arena.make(ObjectKind::TypeName, ts->name->name.str(), nullptr);
        NamedType *n = T.newNamed(obj->name, "main", obj);
        obj->type = n;
        P.Named.push_back(n);
        obj->pos = ts->name->loc();
        obj->decl = ts;
        recordIdent(ts->name, obj);
        declarePkgObject(obj, ts, 0, fileScope);
      } else if (auto *cs = dyn_cast<ConstSpec>(spec)) {
        for (unsigned i = 0; i < cs->names.size(); ++i) {
          Object *obj = P.Arena.make(ObjectKind::Const, cs->names[i]->name.str(), nullptr);
          obj->pos = cs->names[i]->loc();
          obj->decl = cs;
          recordIdent(cs->names[i], obj);
          declarePkgObject(obj, cs, i, fileScope);
        }
      } else if (auto *vs = dyn_cast<VarSpec>(spec)) {
        for (unsigned i = 0; i < vs->names.size(); ++i) {
          Object *obj = P.Arena.make(ObjectKind::Var, vs->names[i]->name.str(), nullptr);
          obj->role = VarRole::Global;
          obj->pos = vs->names[i]->loc();
          obj->decl = vs;
          recordIdent(vs->names[i], obj);
          declarePkgObject(obj, vs, i, fileScope);
          P.Globals.push_back(obj);
        }
      }
    }
  }
  bool imports = llvm::any_of(file->decls, [](const Decl *d) {
    auto *g = dyn_cast<GenDecl>(d);
    return g && g->tok == TokenKind::KwImport;
  });
  if (!imports)
    ImplicitImportFiles.insert(fileScope);
}

// LANGUAGE.md: imports are optional in MP.  In a file without any import
// declaration, a name that nothing declares but that names a standard
// package (`fmt`, `rand`, ...) is that package, imported implicitly.  As a
// fallback after every other scope it never changes what a Go file means.
Object *Checker::implicitPackage(llvm::StringRef name) {
  Scope *file = Cur;
  while (file && file->kind() != ScopeKind::File)
    file = file->parent();
  if (!file || !ImplicitImportFiles.count(file))
    return nullptr;
  for (const auto &pkg : U.packages()) {
    if (pkg->name != name)
      continue;
    Object *obj = P.Arena.make(ObjectKind::Package, pkg->name, nullptr);
    obj->package = pkg.get();
    obj->used = true; // never reported as an unused import
    file->insert(obj);
    if (std::find(P.Imports.begin(), P.Imports.end(), pkg.get()) == P.Imports.end())
      P.Imports.push_back(pkg.get());
    return obj;
  }
  return nullptr;
}

void Checker::declareImport(ImportSpec *imp, Scope *fileScope) {
  llvm::StringRef path = imp->path->stringValue;
  const StdPackage *pkg = U.package(path);
  if (!pkg) {
    error(DiagId::UnknownPackage, imp->path, {"\"" + path.str() + "\"", U.providedList()});
    // Uses of the package are not reported again as undefined.
    Silenced.insert(imp->name ? imp->name->name.str() : path.substr(path.rfind('/') + 1).str());
    return;
  }
  if (std::find(P.Imports.begin(), P.Imports.end(), pkg) == P.Imports.end())
    P.Imports.push_back(pkg);
  std::string name = pkg->name;
  if (imp->name) {
    if (imp->name->name == "." ) {
      error(DiagId::UnsupportedImportName, imp->name, {"dot"});
      for (const Object *m : pkg->members.objects())
        Silenced.insert(m->name);
      return;
    }
    if (imp->name->isBlank())
      return;
    name = imp->name->name.str();
  }
  Object *obj = P.Arena.make(ObjectKind::Package, name, nullptr);
  obj->package = pkg;
  obj->pos = imp->name ? imp->name->loc() : imp->path->loc();
  obj->decl = imp;
  if (imp->name)
    recordIdent(imp->name, obj);
  declare(fileScope, obj);
}

void Checker::declarePkgObject(Object *obj, Decl *spec, unsigned index, Scope *fileScope) {
  PkgDecls[obj] = {PkgDecl::State::Unchecked, obj, spec, index, fileScope,
                   unsigned(PkgOrder.size())};
  PkgOrder.push_back(obj);
  if (obj->name == "_")
    return;
  declare(PkgScope, obj);
}

void Checker::resolvePkgObject(Object *obj) {
  auto it = PkgDecls.find(obj);
  if (it == PkgDecls.end() || it->second.state == PkgDecl::State::Done)
    return;
  PkgDecl &d = it->second;
  if (d.state == PkgDecl::State::InProgress) {
    if (obj->kind == ObjectKind::Const || obj->kind == ObjectKind::Var) {
      error(DiagId::InitCycle, obj->pos, {obj->name});
      CycleReported.insert(obj);
      obj->type = T.invalid();
    }
    return;
  }
  d.state = PkgDecl::State::InProgress;
  // Save the body-checking context: resolution may start from inside one.
  Scope *savedCur = Cur;
  FuncCtx *savedFn = Fn;
  Object *savedDecl = CurDeclObj;
  int savedIota = IotaValue;
  Cur = d.fileScope;
  Fn = nullptr;
  CurDeclObj = obj;
  IotaValue = -1;
  if (auto *ts = dyn_cast<TypeSpec>(d.spec)) {
    checkTypeSpec(ts, obj);
  } else if (auto *cs = dyn_cast<ConstSpec>(d.spec)) {
    std::vector<Object *> objs(cs->names.size(), nullptr);
    objs[d.index] = obj;
    checkConstSpec(cs, objs);
  } else if (auto *vs = dyn_cast<VarSpec>(d.spec)) {
    // All names of the spec are typed together (`var a, b = f()`).
    std::vector<Object *> objs;
    for (IdentExpr *n : vs->names)
      objs.push_back(P.Idents[n->id]);
    for (Object *o : objs)
      if (o && o != obj)
        PkgDecls[o].state = PkgDecl::State::InProgress;
    checkVarSpec(vs, objs, true);
    for (Object *o : objs)
      if (o)
        PkgDecls[o].state = PkgDecl::State::Done;
  } else if (auto *fn = dyn_cast<FuncDecl>(d.spec)) {
    Scope *sigScope = P.Arena.scope(ScopeKind::Func, d.fileScope);
    SilenceTypeParams silence(*this, fn->type->typeParams);
    obj->type = resolveSignature(fn->type, sigScope, nullptr);
    PendingBodies.push_back({fn, obj});
  }
  d.state = PkgDecl::State::Done;
  Cur = savedCur;
  Fn = savedFn;
  CurDeclObj = savedDecl;
  IotaValue = savedIota;
}

// Does t contain `target` by value (not through a pointer, slice, map,
// chan or func)?  Such a type would have infinite size.
static bool containsByValue(const Type *t, const NamedType *target,
                            std::unordered_set<const Type *> &seen) {
  if (t == target)
    return true;
  if (!seen.insert(t).second)
    return false;
  if (auto *n = dyn_cast<NamedType>(t))
    return n->under() && containsByValue(n->under(), target, seen);
  if (auto *a = dyn_cast<ArrayType>(t))
    return containsByValue(a->elem(), target, seen);
  if (auto *s = dyn_cast<StructType>(t)) {
    for (const Field &f : s->fields())
      if (containsByValue(f.type, target, seen))
        return true;
  }
  return false;
}

void Checker::checkTypeSpec(TypeSpec *spec, Object *obj) {
  auto *named = const_cast<NamedType *>(cast<NamedType>(obj->type));
  if (spec->isAlias)
    error(DiagId::UnsupportedAlias, spec->name);
  if (spec->typeParams)
    error(DiagId::UnsupportedGenerics, spec->name);
  SilenceTypeParams silence(*this, spec->typeParams);
  const Type *t = resolveType(spec->type);
  const Type *under = t->underlying();
  if (auto *n = dyn_cast<NamedType>(t); n && !n->under()) {
    error(DiagId::InvalidRecursiveType, spec->name, {obj->name});
    under = T.invalid();
  }
  named->setUnderlying(under);
  std::unordered_set<const Type *> seen;
  if (!under->isInvalid() && containsByValue(under, named, seen)) {
    error(DiagId::InvalidRecursiveType, spec->name, {obj->name});
    named->setUnderlying(T.invalid());
  }
}

void Checker::checkConstSpec(ConstSpec *spec, llvm::ArrayRef<Object *> objs) {
  ConstSpec *src = spec->implicitFrom ? spec->implicitFrom : spec;
  const Type *declared = src->type ? resolveType(src->type) : nullptr;
  if (declared && !declared->isInvalid() && !isa<BasicType>(declared->underlying())) {
    error(DiagId::InvalidConstType, src->type, {declared->str()});
    declared = T.invalid();
  }
  int savedIota = IotaValue;
  IotaValue = int(spec->iota);
  for (unsigned i = 0; i < objs.size(); ++i) {
    Object *obj = objs[i];
    if (!obj)
      continue;
    obj->type = T.invalid();
    if (i >= src->values.size()) {
      if (i == src->values.size() || src->values.empty())
        error(DiagId::MissingInitExpr, spec->names[i], {obj->name});
      continue;
    }
    Operand x;
    expr(x, src->values[i], declared);
    if (x.invalid())
      continue;
    if (!x.isConst()) {
      error(DiagId::NotConstant, x.expr, {describe(x)});
      continue;
    }
    if (declared && !declared->isInvalid() && !assign(x, declared, "constant declaration"))
      continue;
    obj->type = x.type;
    obj->value = x.val;
  }
  if (src == spec && spec->values.size() > spec->names.size())
    error(DiagId::ExtraInitExpr, spec->values[spec->names.size()],
          {exprText(spec->values[spec->names.size()])});
  IotaValue = savedIota;
}

void Checker::checkVarSpec(VarSpec *spec, llvm::ArrayRef<Object *> objs, bool global) {
  const Type *declared = spec->type ? resolveType(spec->type) : nullptr;
  size_t n = spec->names.size();
  std::vector<Operand> values;
  bool commaOk = false;
  if (!spec->values.empty() &&
      !unpack(values, spec->values, n, spec->values.front()->loc(), "variable", true, &commaOk))
    values.clear();
  for (size_t i = 0; i < n; ++i) {
    const Type *t = declared;
    if (i < values.size()) {
      Operand &x = values[i];
      if (x.invalid()) {
        t = t ? t : T.invalid();
      } else if (declared) {
        assign(x, declared, "variable declaration");
      } else {
        if (x.isNil()) {
          error(DiagId::UseOfUntypedNil, x.expr, {"variable declaration"});
          t = T.invalid();
        } else {
          defaultUntyped(x);
          t = x.type;
        }
      }
    }
    if (!t)
      t = T.invalid();
    if (objs[i])
      objs[i]->type = t;
  }
  (void)global;
}

void Checker::declareMethod(FuncDecl *fn) {
  mp::Field *recvField = fn->recv && !fn->recv->fields.empty() ? fn->recv->fields[0] : nullptr;
  Object *obj = P.Arena.make(ObjectKind::Func, fn->name->name.str(), nullptr);
  obj->pos = fn->name->loc();
  obj->decl = fn;
  recordIdent(fn->name, obj);
  Expr *rt = recvField ? recvField->type : nullptr;
  while (rt && isa<ParenExpr>(rt))
    rt = cast<ParenExpr>(rt)->x;
  bool ptr = false;
  if (auto *star = rt ? dyn_cast<StarExpr>(rt) : nullptr) {
    ptr = true;
    rt = star->x;
  }
  Scope *saved = Cur;
  Cur = FuncFileScope[fn];
  NamedType *named = nullptr;
  if (auto *id = rt ? dyn_cast<IdentExpr>(rt) : nullptr) {
    Object *tn = PkgScope->lookup(id->name);
    if (tn && tn->kind == ObjectKind::TypeName && isa<NamedType>(tn->type) &&
        cast<NamedType>(tn->type)->pkg() == "main" && PkgDecls.count(tn)) {
      named = const_cast<NamedType *>(cast<NamedType>(tn->type));
      recordIdent(id, tn);
      recordType(id, named);
    } else if (tn && tn->kind == ObjectKind::TypeName) {
      error(DiagId::MethodOnNonLocal, recvField->range.begin, {tn->type->str()});
    } else {
      error(DiagId::Undefined, id, {id->name});
    }
  } else if (rt) {
    error(DiagId::InvalidReceiver, recvField->range.begin, {exprText(rt), ""});
  }
  if (named && (isa<PointerType>(named->under()) || isa<InterfaceType>(named->under()))) {
    error(DiagId::InvalidReceiver, recvField->range.begin, {named->str(), " (pointer or interface type)"});
    named = nullptr;
  }
  Scope *sigScope = P.Arena.scope(ScopeKind::Func, Cur);
  obj->type = resolveSignature(fn->type, sigScope, nullptr);
  Cur = saved;
  if (!named) {
    PendingBodies.push_back({fn, obj});
    return;
  }
  obj->recvNamed = named;
  obj->pointerRecv = ptr;
  if (!fn->name->isBlank()) {
    auto *st = dyn_cast<StructType>(named->under());
    if (const Method *prev = named->findMethod(obj->name)) {
      error(DiagId::MethodRedeclared, fn->name, {named->str(), obj->name});
      error(DiagId::NoteOtherDecl, prev->func->pos, {obj->name});
    }
    else if (st && st->fieldIndex(obj->name) >= 0)
      error(DiagId::FieldAndMethod, fn->name, {obj->name});
    else
      named->addMethod({obj->name, cast<FuncType>(obj->type), ptr, obj});
  }
  PendingBodies.push_back({fn, obj});
}

void Checker::checkFuncDecl(FuncDecl *fn, Object *obj) {
  FuncInfo &info = newFuncInfo(fn);
  info.obj = obj;
  P.FuncDecls.push_back(fn);
  if (fn->type->typeParams)
    error(DiagId::UnsupportedGenerics, fn->name);
  SilenceTypeParams silence(*this, fn->type->typeParams);
  // Files share the package scope; imports are per file.
  Scope *scope = P.Arena.scope(ScopeKind::Func, FuncFileScope[fn]);
  Cur = scope;
  info.sig = resolveSignature(fn->type, scope, &info, fn->recv);
  bool special = fn->name->name == "main" || fn->name->name == "init";
  if (obj->recvNamed == nullptr && special && !fn->isMethod() &&
      (!info.sig->params().empty() || !info.sig->results()->elems().empty()))
    error(fn->name->name == "main" ? DiagId::MainSignature : DiagId::InitSignature, fn->name);
  if (!fn->body) {
    error(DiagId::MissingFuncBody, fn->name);
    Cur = nullptr;
    return;
  }
  checkFuncBody(info, info.sig, fn->body, scope);
  Cur = nullptr;
}

void Checker::checkFuncBody(FuncInfo &info, const FuncType *sig, BlockStmt *body, Scope *scope) {
  FuncCtx ctx{&info, sig, Fn, {}, {}, {}};
  // Labels are function-wide: collect them before the body.
  std::function<void(llvm::ArrayRef<Stmt *>)> collect = [&](llvm::ArrayRef<Stmt *> list) {
    for (Stmt *s : list) {
      while (auto *ls = llvm::dyn_cast_or_null<LabeledStmt>(s)) {
        if (!ls->label->isBlank() && !ctx.labels.emplace(ls->label->name.str(), ls).second)
          error(DiagId::LabelRedefined, ls->label, {ls->label->name});
        s = ls->stmt;
      }
      if (!s)
        continue;
      if (auto *b = dyn_cast<BlockStmt>(s)) collect(b->stmts);
      else if (auto *i = dyn_cast<IfStmt>(s)) {
        collect(i->then->stmts);
        if (i->elseStmt) collect({i->elseStmt});
      } else if (auto *f = dyn_cast<ForStmt>(s)) collect(f->body->stmts);
      else if (auto *r = dyn_cast<RangeStmt>(s)) collect(r->body->stmts);
      else if (auto *sw = dyn_cast<SwitchStmt>(s)) {
        for (CaseClause *c : sw->clauses) collect(c->body);
      } else if (auto *sel = dyn_cast<SelectStmt>(s)) {
        for (CommClause *c : sel->clauses) collect(c->body);
      }
    }
  };
  collect(body->stmts);
  FuncCtx *savedFn = Fn;
  Scope *savedCur = Cur;
  Fn = &ctx;
  Cur = scope;
  stmtList(body->stmts);
  for (auto &[name, ls] : ctx.labels)
    if (!ctx.usedLabels.count(name))
      error(DiagId::LabelNotUsed, ls->label, {name});
  if (!sig->results()->elems().empty() && !isTerminatingList(body->stmts))
    error(DiagId::MissingReturn, body->rbrace);
  reportUnused(scope);
  Fn = savedFn;
  Cur = savedCur;
  if (!Fn) { // Go reports unused variables per function, in source order
    std::sort(UnusedVars.begin(), UnusedVars.end(),
              [](Object *a, Object *b) { return a->pos < b->pos; });
    for (Object *o : UnusedVars)
      D.report(DiagId::DeclaredNotUsed, SourceRange(o->pos), {o->name});
    UnusedVars.clear();
  }
}

void Checker::checkLocalGenDecl(GenDecl *d) {
  for (Decl *spec : d->specs) {
    if (auto *ts = dyn_cast<TypeSpec>(spec)) {
      Object *obj = P.Arena.make(ObjectKind::TypeName, ts->name->name.str(), nullptr);
      NamedType *n = T.newNamed(obj->name, "main", obj);
      P.Named.push_back(n);
      obj->type = n;
      obj->pos = ts->name->loc();
      obj->decl = ts;
      obj->owner = Fn ? Fn->info->node : nullptr;
      recordIdent(ts->name, obj);
      // The name is in scope inside its own declaration (recursive types).
      if (!ts->name->isBlank())
        declare(Cur, obj);
      checkTypeSpec(ts, obj);
    } else if (auto *cs = dyn_cast<ConstSpec>(spec)) {
      std::vector<Object *> objs;
      for (IdentExpr *n : cs->names) {
        Object *obj = P.Arena.make(ObjectKind::Const, n->name.str(), nullptr);
        obj->pos = n->loc();
        obj->decl = cs;
        recordIdent(n, obj);
        objs.push_back(obj);
      }
      checkConstSpec(cs, objs);
      for (Object *obj : objs)
        if (obj->name != "_")
          declare(Cur, obj);
    } else if (auto *vs = dyn_cast<VarSpec>(spec)) {
      std::vector<Object *> objs;
      for (IdentExpr *n : vs->names) {
        Object *obj = P.Arena.make(ObjectKind::Var, n->name.str(), nullptr);
        obj->pos = n->loc();
        obj->decl = vs;
        obj->owner = Fn ? Fn->info->node : nullptr;
        recordIdent(n, obj);
        objs.push_back(obj);
      }
      checkVarSpec(vs, objs, false);
      // Scope starts after the spec: `var x = x` refers to the outer x.
      for (Object *obj : objs)
        if (obj->name != "_")
          declare(Cur, obj);
    }
  }
}

void Checker::reportUnusedImports() {
  for (Scope *s : FileScopes)
    for (Object *o : s->objects())
      if (o->kind == ObjectKind::Package && !o->used)
        D.report(DiagId::ImportedNotUsed, SourceRange(o->pos), {"\"" + o->package->path + "\""});
}

// Go spec: repeatedly initialise the earliest variable in declaration order
// that has no dependency on an uninitialised variable.  Dependencies through
// functions count (a var initialised by f() depends on what f's body uses).
void Checker::computeInitOrder() {
  std::unordered_map<Object *, std::unordered_set<Object *>> varDeps;
  for (Object *g : P.Globals) {
    std::unordered_set<Object *> seen, &out = varDeps[g];
    std::vector<Object *> stack(Deps[g].begin(), Deps[g].end());
    while (!stack.empty()) {
      Object *o = stack.back();
      stack.pop_back();
      if (!seen.insert(o).second)
        continue;
      if (o->isGlobal())
        out.insert(o);
      else
        for (Object *d : Deps[o])
          stack.push_back(d);
    }
  }
  std::vector<Object *> pending;
  for (Object *g : P.Globals)
    if (!cast<VarSpec>(g->decl)->values.empty())
      pending.push_back(g);
  std::unordered_set<Object *> done;
  for (Object *g : P.Globals)
    if (cast<VarSpec>(g->decl)->values.empty())
      done.insert(g);
  std::unordered_set<const VarSpec *> emittedSpecs;
  auto emit = [&](Object *g) {
    auto *vs = cast<VarSpec>(g->decl);
    unsigned idx = PkgDecls[g].index;
    if (vs->values.size() == vs->names.size()) {
      P.Inits.push_back({{g->name == "_" ? nullptr : g}, vs->values[idx]});
      done.insert(g);
      return;
    }
    if (!emittedSpecs.insert(vs).second)
      return;
    GlobalInit init;
    for (IdentExpr *n : vs->names) {
      Object *o = P.Idents[n->id];
      init.lhs.push_back(o && o->name != "_" ? o : nullptr);
      if (o)
        done.insert(o);
    }
    init.rhs = vs->values.front();
    P.Inits.push_back(std::move(init));
  };
  while (!pending.empty()) {
    auto ready = std::find_if(pending.begin(), pending.end(), [&](Object *g) {
      for (Object *d : varDeps[g])
        if (d != g && !done.count(d))
          return false;
      return true;
    });
    if (ready == pending.end()) {
      Object *g = pending.front();
      bool known = CycleReported.count(g) != 0;
      for (Object *d : varDeps[g])
        known |= CycleReported.count(d) != 0;
      if (!known) // not already found while typing the initialisers
        error(DiagId::InitCycle, g->pos, {g->name});
      CycleReported.insert(g);
      ready = pending.begin();
    }
    Object *g = *ready;
    pending.erase(ready);
    if (!done.count(g))
      emit(g);
  }
}

} // namespace mp::sema
