// codegen/lower_module.cpp: lowerProgram() and the module-level entities:
// functions and methods, function literals, static closures, package
// variables with their initialisation in Go's order, string constants,
// source positions, and the C `main` that hands main.main to the runtime.
#include "codegen/lower_conc.h"
#include "codegen/stack_check.h"

#include "llvm/IR/Verifier.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

namespace mp::codegen {

using namespace sema;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

ModuleLowering::ModuleLowering(const CheckedProgram &prog, const SourceManager &sm,
                               DiagnosticEngine &diags, llvm::Module &mod, const Options &opts)
    : prog(prog), sm(sm), diags(diags), mod(mod), ctx(mod.getContext()), opts(opts),
      dl(mod.getDataLayout()) {
  i1 = llvm::Type::getInt1Ty(ctx);
  i8 = llvm::Type::getInt8Ty(ctx);
  i16 = llvm::Type::getInt16Ty(ctx);
  i32 = llvm::Type::getInt32Ty(ctx);
  i64 = llvm::Type::getInt64Ty(ctx);
  f64 = llvm::Type::getDoubleTy(ctx);
  voidTy = llvm::Type::getVoidTy(ctx);
  ptr = llvm::PointerType::get(ctx, 0);
  stringTy = llvm::StructType::create(ctx, {ptr, i64}, "mp_string");
  sliceTy = llvm::StructType::create(ctx, {ptr, i64, i64}, "mp_slice");
  ifaceTy = llvm::StructType::create(ctx, {ptr, ptr}, "mp_iface");
  if (opts.debugInfo) {
    di = std::make_unique<llvm::DIBuilder>(mod);
    mod.addModuleFlag(llvm::Module::Warning, "Debug Info Version",
                      llvm::DEBUG_METADATA_VERSION);
    mod.addModuleFlag(llvm::Module::Warning, "Dwarf Version", 4);
  }
}

ModuleLowering::~ModuleLowering() = default;

void ModuleLowering::notLowered(const Node *at, llvm::StringRef what) {
  diags.report(DiagId::NotLowered, at ? at->range : SourceRange(), {what});
}

llvm::DIFile *ModuleLowering::diFile(SourceLoc loc) {
  int id = sm.fileOf(loc);
  auto it = DIFiles.find(id);
  if (it != DIFiles.end())
    return it->second;
  llvm::StringRef path = id >= 0 ? sm.fileName(id) : "<unknown>";
  auto slash = path.rfind('/');
  llvm::StringRef dir = slash == llvm::StringRef::npos ? "." : path.substr(0, slash);
  llvm::StringRef base = slash == llvm::StringRef::npos ? path : path.substr(slash + 1);
  llvm::DIFile *f = di->createFile(base, dir);
  if (!diCU)
    diCU = di->createCompileUnit(llvm::dwarf::DW_LANG_Go, f, "mpc", opts.optLevel > 0, "", 0);
  DIFiles[id] = f;
  return f;
}

llvm::Constant *ModuleLowering::stringConst(llvm::StringRef s) {
  auto it = Strings.find(s.str());
  if (it != Strings.end())
    return it->second;
  llvm::Constant *p = llvm::ConstantPointerNull::get(ptr);
  if (!s.empty()) {
    auto *data = llvm::ConstantDataArray::getString(ctx, s, false);
    auto *gv = new llvm::GlobalVariable(mod, data->getType(), true,
                                        llvm::GlobalValue::PrivateLinkage, data, "str");
    gv->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
    gv->setAlignment(llvm::Align(1));
    p = gv;
  }
  llvm::Constant *v = llvm::ConstantStruct::get(stringTy, {p, llvm::ConstantInt::get(i64, s.size())});
  Strings[s.str()] = v;
  return v;
}

llvm::Constant *ModuleLowering::cstr(llvm::StringRef s) {
  auto *data = llvm::ConstantDataArray::getString(ctx, s, true);
  auto *gv = new llvm::GlobalVariable(mod, data->getType(), true,
                                      llvm::GlobalValue::PrivateLinkage, data, "cstr");
  gv->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
  return gv;
}

llvm::Constant *ModuleLowering::srcpos(SourceLoc loc, llvm::StringRef func) {
  PresumedLoc p = sm.presumed(loc);
  if (!p.isValid())
    return llvm::ConstantPointerNull::get(ptr);
  llvm::StringRef file = p.file;
  auto slash = file.rfind('/');
  if (slash != llvm::StringRef::npos)
    file = file.substr(slash + 1);
  std::string key = (file + ":" + llvm::Twine(p.line) + ":" + llvm::Twine(p.column) + ":" + func).str();
  auto it = Strings.find("\x01" + key);
  if (it != Strings.end())
    return it->second;
  auto *posTy = llvm::StructType::get(ctx, {ptr, i32, i32, ptr});
  auto *init = llvm::ConstantStruct::get(
      posTy, {cstr(file), llvm::ConstantInt::get(i32, p.line),
              llvm::ConstantInt::get(i32, p.column), cstr(func)});
  auto *gv = new llvm::GlobalVariable(mod, posTy, true, llvm::GlobalValue::PrivateLinkage, init,
                                      "pos");
  Strings["\x01" + key] = gv;
  return gv;
}

std::string ModuleLowering::goName(const Object *fn) const {
  if (fn->stdPkg)
    return fn->stdPkg->path + "." + fn->name;
  if (!fn->recvNamed)
    return "main." + fn->name;
  std::string t(fn->recvNamed->name());
  return fn->pointerRecv ? "main.(*" + t + ")." + fn->name : "main." + t + "." + fn->name;
}

llvm::Function *ModuleLowering::function(const Object *fn) {
  auto it = Funcs.find(fn);
  if (it != Funcs.end())
    return it->second;
  auto *sig = cast<FuncType>(fn->type);
  const Type *recv = nullptr;
  if (fn->recvNamed)
    recv = fn->pointerRecv ? static_cast<const Type *>(
                                 const_cast<CheckedProgram &>(prog).types().pointer(fn->recvNamed))
                           : fn->recvNamed;
  auto *f = llvm::Function::Create(funcType(sig, recv), llvm::Function::InternalLinkage,
                                   goName(fn), mod);
  Funcs[fn] = f;
  return f;
}

llvm::Constant *ModuleLowering::staticClosure(const Object *fn) {
  auto it = Closures.find(fn);
  if (it != Closures.end())
    return it->second;
  auto *ty = llvm::StructType::get(ctx, llvm::ArrayRef<llvm::Type *>{ptr});
  auto *gv = new llvm::GlobalVariable(mod, ty, true, llvm::GlobalValue::PrivateLinkage,
                                      llvm::ConstantStruct::get(ty, {function(fn)}),
                                      goName(fn) + "·f");
  Closures[fn] = gv;
  return gv;
}

llvm::GlobalVariable *ModuleLowering::global(const Object *var) {
  auto it = Globals.find(var);
  if (it != Globals.end())
    return it->second;
  llvm::GlobalVariable *gv;
  if (var->stdPkg) {
    // os.Args, os.Stdin/Stdout/Stderr: stdlib.h's mp_os_* globals.
    std::string cname = "mp_" + var->stdPkg->name + "_" + var->name;
    gv = new llvm::GlobalVariable(mod, type(var->type), false, llvm::GlobalValue::ExternalLinkage,
                                  nullptr, cname);
  } else {
    gv = new llvm::GlobalVariable(mod, type(var->type), false, llvm::GlobalValue::InternalLinkage,
                                  zero(var->type), "main." + var->name);
  }
  Globals[var] = gv;
  return gv;
}

namespace {

void setFuncAttrs(ModuleLowering &M, llvm::Function *f) {
  // Entry stack check and loop preemption polls, added after optimization
  // (stack_check.cpp; runtime/HACKING.md "Stacks, overflow, preemption").
  f->addFnAttr(kStackCheckAttr);
  f->addFnAttr("frame-pointer", "all");
  f->addFnAttr(llvm::Attribute::NoUnwind);
  f->addFnAttr(llvm::Attribute::UWTable);
  f->addFnAttr("target-cpu", "x86-64");
  if (M.opts.optLevel == 0)
    f->addFnAttr(llvm::Attribute::NoInline);
}

void lowerFuncDecl(ModuleLowering &M, const FuncDecl *d) {
  const FuncInfo *info = M.prog.func(d);
  Object *obj = info->obj;
  llvm::Function *f = M.function(obj);
  setFuncAttrs(M, f);
  M.funcPos[f] = M.srcpos(d->loc(), M.goName(obj));
  FuncLowering F(M, f, info, M.goName(obj));
  F.lowerBody(d->body, info->receiver);
}

// main..init: package variables in initOrder, then the program's init
// functions in source order (Go's package initialization).
llvm::Function *lowerGlobalInit(ModuleLowering &M) {
  auto *f = llvm::Function::Create(llvm::FunctionType::get(M.voidTy, {M.ptr}, false),
                                   llvm::Function::InternalLinkage, "main..init", M.mod);
  setFuncAttrs(M, f);
  FuncLowering F(M, f, nullptr, "main.init");
  for (const GlobalInit &gi : M.prog.initOrder()) {
    F.setLoc(gi.rhs);
    if (gi.lhs.size() == 1) {
      llvm::Value *v = F.value(gi.rhs);
      if (gi.lhs[0])
        F.B.CreateStore(v, M.global(gi.lhs[0]));
      continue;
    }
    std::vector<llvm::Value *> vs = F.tupleValues(gi.rhs);
    for (size_t i = 0; i < gi.lhs.size() && i < vs.size(); ++i)
      if (gi.lhs[i])
        F.B.CreateStore(vs[i], M.global(gi.lhs[i]));
  }
  llvm::Constant *null = llvm::ConstantPointerNull::get(M.ptr);
  for (const FuncDecl *d : M.prog.funcDecls())
    if (d->body && !d->isMethod() && d->name->name == "init")
      F.B.CreateCall(M.function(M.prog.func(d)->obj), {null});
  F.B.CreateRetVoid();
  return f;
}

// void main·entry(void): run as goroutine 1 by mp_main.
// The mp_func_info table of every stack-checked function of the module, in
// module order, each {start, NULL, declaration or NULL}: a NULL end means
// "up to the next function's start" (runtime.h), so the position of a
// function whose prologue overflowed is found from its return address.
llvm::Constant *funcTable(ModuleLowering &M, size_t &n) {
  llvm::Constant *null = llvm::ConstantPointerNull::get(M.ptr);
  auto *entryTy = llvm::StructType::get(M.ctx, {M.ptr, M.ptr, M.ptr});
  std::vector<llvm::Constant *> rows;
  for (llvm::Function &f : M.mod.functions()) {
    if (f.isDeclaration() || !f.hasFnAttribute(kStackCheckAttr))
      continue;
    auto it = M.funcPos.find(&f);
    llvm::Constant *pos = it == M.funcPos.end() ? null : it->second;
    rows.push_back(llvm::ConstantStruct::get(entryTy, {&f, null, pos}));
  }
  n = rows.size();
  auto *arrTy = llvm::ArrayType::get(entryTy, n);
  return new llvm::GlobalVariable(M.mod, arrTy, true, llvm::GlobalValue::PrivateLinkage,
                                  llvm::ConstantArray::get(arrTy, rows), "functab");
}

void lowerEntry(ModuleLowering &M, llvm::Function *init) {
  auto *entry = llvm::Function::Create(llvm::FunctionType::get(M.voidTy, false),
                                       llvm::Function::InternalLinkage, "main·entry", M.mod);
  setFuncAttrs(M, entry);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(M.ctx, "entry", entry));
  llvm::Constant *null = llvm::ConstantPointerNull::get(M.ptr);
  size_t nfuncs = 0;
  llvm::Constant *table = funcTable(M, nfuncs);
  b.CreateCall(M.cfunc(CFn::RegisterFuncs), {table, b.getInt64(nfuncs)});
  b.CreateCall(init, {null});
  b.CreateCall(M.function(M.prog.mainFunc()), {null});
  b.CreateRetVoid();

  auto *cmain = llvm::Function::Create(llvm::FunctionType::get(M.i32, {M.i32, M.ptr}, false),
                                       llvm::Function::ExternalLinkage, "main", M.mod);
  llvm::IRBuilder<> c(llvm::BasicBlock::Create(M.ctx, "entry", cmain));
  c.CreateCall(M.cfunc(CFn::Main), {cmain->getArg(0), cmain->getArg(1), entry});
  c.CreateUnreachable();
}

} // namespace

void ModuleLowering::applyFuncAttrs(llvm::Function *f) { setFuncAttrs(*this, f); }

llvm::Function *ModuleLowering::funcLit(const FuncLitExpr *lit, const std::string &name) {
  const FuncInfo *info = prog.func(lit);
  auto *f = llvm::Function::Create(funcType(info->sig), llvm::Function::InternalLinkage, name, mod);
  setFuncAttrs(*this, f);
  funcPos[f] = srcpos(lit->loc(), name);
  pending.push_back([this, f, info, lit, name] {
    FuncLowering F(*this, f, info, name);
    F.lowerBody(lit->body, nullptr);
  });
  return f;
}

std::unique_ptr<llvm::Module> lowerProgram(const CheckedProgram &prog, const SourceManager &sm,
                                           DiagnosticEngine &diags, llvm::LLVMContext &ctx,
                                           const Options &opts) {
  auto mod = std::make_unique<llvm::Module>(opts.moduleName, ctx);
  std::string err;
  auto tm = hostTargetMachine(opts.optLevel, err);
  if (tm) {
    mod->setDataLayout(tm->createDataLayout());
    mod->setTargetTriple(tm->getTargetTriple().str());
  }
  ModuleLowering M(prog, sm, diags, *mod, opts);
  for (const FuncDecl *d : prog.funcDecls()) {
    if (!d->body)
      continue;
    lowerFuncDecl(M, d);
    while (!M.pending.empty()) {
      auto job = std::move(M.pending.back());
      M.pending.pop_back();
      job();
    }
  }
  llvm::Function *init = lowerGlobalInit(M);
  if (opts.describeNamedTypes)
    for (const NamedType *n : prog.namedTypes())
      if (n->pkg() == "main") {
        M.typeDesc(n);
        M.typeDesc(const_cast<CheckedProgram &>(prog).types().pointer(n));
      }
  while (!M.pending.empty()) {
    auto job = std::move(M.pending.back());
    M.pending.pop_back();
    job();
  }
  if (prog.mainFunc())
    lowerEntry(M, init);
  if (M.di)
    M.di->finalize();
  if (!diags.hasErrors() && llvm::verifyModule(*mod, &llvm::errs())) {
    llvm::errs() << "mpc: internal error: invalid LLVM module\n";
    return nullptr;
  }
  return mod;
}

} // namespace mp::codegen
