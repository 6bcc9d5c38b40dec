// codegen/types.cpp: LLVM types of MP types and the mp_type descriptors
// (runtime/include/mp/value.h) that fmt, maps, channels and equality walk.
// Stdlib struct types keep their C layout (stdlib.h), not sema's stand-in
// fields.  A descriptor's global is registered before its initializer is
// built, so recursive types (`type Node struct{ next *Node }`) terminate.
#include "codegen/lowering.h"

#include "llvm/Support/raw_ostream.h"

namespace mp::codegen {

using namespace sema;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace {

// C layouts of the stdlib's named types (stdlib.h).
llvm::Type *stdlibLayout(ModuleLowering &M, const NamedType *n) {
  llvm::StringRef pkg = n->pkg(), name = n->name();
  if (pkg == "time" && name == "Time")
    return llvm::StructType::get(M.ctx, {M.i64, M.i64});
  if (pkg == "strings" && name == "Builder")
    return llvm::StructType::get(M.ctx, {M.ptr, M.sliceTy});
  if (pkg == "sync" && name == "WaitGroup")
    return llvm::StructType::get(M.ctx, {M.i64, M.ptr, M.i32, M.i32});
  if (pkg == "sync" && name == "Mutex")
    return llvm::StructType::get(M.ctx, llvm::ArrayRef<llvm::Type *>{M.ptr});
  if (pkg == "os" && name == "File")
    return llvm::StructType::get(M.ctx, {M.i64, M.stringTy});
  if (pkg == "bufio")
    return llvm::StructType::get(M.ctx, llvm::ArrayRef<llvm::Type *>{M.ptr});
  return nullptr;
}

llvm::Type *basicType(ModuleLowering &M, const BasicType *b) {
  switch (b->basicKind()) {
  case BasicKind::Bool:
  case BasicKind::UntypedBool: return M.i1;
  case BasicKind::Int8:
  case BasicKind::Uint8: return M.i8;
  case BasicKind::Int16:
  case BasicKind::Uint16: return M.i16;
  case BasicKind::Int32:
  case BasicKind::Uint32:
  case BasicKind::UntypedRune: return M.i32;
  case BasicKind::Float32: return llvm::Type::getFloatTy(M.ctx);
  case BasicKind::Float64:
  case BasicKind::UntypedFloat: return M.f64;
  case BasicKind::String:
  case BasicKind::UntypedString: return M.stringTy;
  case BasicKind::UntypedNil:
  case BasicKind::Invalid: return M.ptr;
  case BasicKind::Int:
  case BasicKind::Int64:
  case BasicKind::Uint:
  case BasicKind::Uint64:
  case BasicKind::Uintptr:
  case BasicKind::UntypedInt: return M.i64;
  }
  return M.i64;
}

int basicKindCode(const BasicType *b) {
  switch (b->basicKind()) {
  case BasicKind::Bool: return 1;
  case BasicKind::Int: return 2;
  case BasicKind::Int8: return 3;
  case BasicKind::Int16: return 4;
  case BasicKind::Int32: return 5;
  case BasicKind::Int64: return 6;
  case BasicKind::Uint: return 7;
  case BasicKind::Uint8: return 8;
  case BasicKind::Uint16: return 9;
  case BasicKind::Uint32: return 10;
  case BasicKind::Uint64: return 11;
  case BasicKind::Uintptr: return 12;
  case BasicKind::Float32: return 13;
  case BasicKind::Float64: return 14;
  case BasicKind::String: return 15;
  default: return 2;
  }
}

// mp_kind of t (value.h).
int kindCode(const Type *t) {
  const Type *u = t->underlying();
  switch (u->kind()) {
  case TypeKind::Basic: return basicKindCode(cast<BasicType>(u));
  case TypeKind::Pointer: return 16;
  case TypeKind::Slice: return 17;
  case TypeKind::Array: return 18;
  case TypeKind::Map: return 19;
  case TypeKind::Struct: return 20;
  case TypeKind::Chan: return 21;
  case TypeKind::Func: return 22;
  case TypeKind::Interface: return 23;
  case TypeKind::Named:
  case TypeKind::Tuple: break;
  }
  return 20;
}

// The name %T prints (Go's reflect spelling).
void descName(const Type *t, std::string &out) {
  switch (t->kind()) {
  case TypeKind::Named: {
    auto *n = cast<NamedType>(t);
    if (!n->pkg().empty()) {
      out += n->pkg().substr(n->pkg().rfind('/') + 1);
      out += ".";
    }
    out += n->name();
    return;
  }
  case TypeKind::Basic:
    out += cast<BasicType>(t)->name();
    return;
  case TypeKind::Pointer:
    out += "*";
    return descName(cast<PointerType>(t)->elem(), out);
  case TypeKind::Slice:
    out += "[]";
    return descName(cast<SliceType>(t)->elem(), out);
  case TypeKind::Array:
    out += "[" + std::to_string(cast<ArrayType>(t)->length()) + "]";
    return descName(cast<ArrayType>(t)->elem(), out);
  case TypeKind::Map:
    out += "map[";
    descName(cast<MapType>(t)->key(), out);
    out += "]";
    return descName(cast<MapType>(t)->elem(), out);
  case TypeKind::Chan: {
    auto *c = cast<ChanType>(t);
    out += c->dir() == sema::ChanDir::Recv ? "<-chan " : c->dir() == sema::ChanDir::Send ? "chan<- " : "chan ";
    return descName(c->elem(), out);
  }
  case TypeKind::Struct: {
    auto *s = cast<StructType>(t);
    out += "struct {";
    for (size_t i = 0; i < s->fields().size(); ++i) {
      out += i ? "; " : " ";
      out += s->fields()[i].name + " ";
      descName(s->fields()[i].type, out);
    }
    out += s->fields().empty() ? "}" : " }";
    return;
  }
  case TypeKind::Func: {
    auto *f = cast<FuncType>(t);
    out += "func(";
    for (size_t i = 0; i < f->params().size(); ++i) {
      if (i)
        out += ", ";
      if (f->isVariadic() && i + 1 == f->params().size()) {
        out += "...";
        descName(cast<SliceType>(f->params()[i])->elem(), out);
      } else {
        descName(f->params()[i], out);
      }
    }
    out += ")";
    auto &rs = f->results()->elems();
    if (rs.size() == 1) {
      out += " ";
      descName(rs[0], out);
    } else if (rs.size() > 1) {
      out += " (";
      for (size_t i = 0; i < rs.size(); ++i) {
        if (i)
          out += ", ";
        descName(rs[i], out);
      }
      out += ")";
    }
    return;
  }
  case TypeKind::Interface:
    out += cast<InterfaceType>(t)->isEmpty() ? "interface {}" : "error";
    return;
  case TypeKind::Tuple:
    out += "tuple";
    return;
  }
}

// Whether descName(t) names t alone in a whole program, also across the
// modules of REPL inputs: not when t involves a type declared inside a
// function (two functions may declare a `T` each).
bool nameIsUnique(const Type *t) {
  switch (t->kind()) {
  case TypeKind::Named: {
    const sema::Object *o = cast<NamedType>(t)->object();
    return !o || !o->owner;
  }
  case TypeKind::Pointer: return nameIsUnique(cast<PointerType>(t)->elem());
  case TypeKind::Slice: return nameIsUnique(cast<SliceType>(t)->elem());
  case TypeKind::Array: return nameIsUnique(cast<ArrayType>(t)->elem());
  case TypeKind::Chan: return nameIsUnique(cast<ChanType>(t)->elem());
  case TypeKind::Map:
    return nameIsUnique(cast<MapType>(t)->key()) && nameIsUnique(cast<MapType>(t)->elem());
  case TypeKind::Struct:
    for (auto &f : cast<StructType>(t)->fields())
      if (!nameIsUnique(f.type))
        return false;
    return true;
  case TypeKind::Func: {
    auto *f = cast<FuncType>(t);
    for (const Type *p : f->params())
      if (!nameIsUnique(p))
        return false;
    for (const Type *r : f->results()->elems())
      if (!nameIsUnique(r))
        return false;
    return true;
  }
  default: return true;
  }
}

bool comparable(const Type *t) {
  const Type *u = t->underlying();
  switch (u->kind()) {
  case TypeKind::Slice:
  case TypeKind::Map:
  case TypeKind::Func: return false;
  case TypeKind::Array: return comparable(cast<ArrayType>(u)->elem());
  case TypeKind::Struct:
    for (auto &f : cast<StructType>(u)->fields())
      if (!comparable(f.type))
        return false;
    return true;
  default: return true;
  }
}

} // namespace

llvm::Type *ModuleLowering::type(const Type *t) {
  auto it = Types.find(t);
  if (it != Types.end())
    return it->second;
  llvm::Type *r = nullptr;
  switch (t->kind()) {
  case TypeKind::Basic: r = basicType(*this, cast<BasicType>(t)); break;
  case TypeKind::Named: {
    auto *n = cast<NamedType>(t);
    r = n->pkg() != "main" && !n->pkg().empty() ? stdlibLayout(*this, n) : nullptr;
    if (!r)
      r = type(n->underlying());
    break;
  }
  case TypeKind::Pointer:
  case TypeKind::Map:
  case TypeKind::Chan:
  case TypeKind::Func: r = ptr; break;
  case TypeKind::Slice: r = sliceTy; break;
  case TypeKind::Interface: r = ifaceTy; break;
  case TypeKind::Array:
    r = llvm::ArrayType::get(type(cast<ArrayType>(t)->elem()), cast<ArrayType>(t)->length());
    break;
  case TypeKind::Struct: {
    std::vector<llvm::Type *> fs;
    for (auto &f : cast<StructType>(t)->fields())
      fs.push_back(type(f.type));
    r = llvm::StructType::get(ctx, fs);
    break;
  }
  case TypeKind::Tuple: {
    std::vector<llvm::Type *> fs;
    for (const Type *e : cast<TupleType>(t)->elems())
      fs.push_back(type(e));
    r = llvm::StructType::get(ctx, fs);
    break;
  }
  }
  Types[t] = r;
  return r;
}

bool ModuleLowering::pointerFree(const Type *t) const {
  const Type *u = t->underlying();
  switch (u->kind()) {
  case TypeKind::Basic: return !u->isString();
  case TypeKind::Array: return pointerFree(cast<ArrayType>(u)->elem());
  case TypeKind::Struct:
    for (auto &f : cast<StructType>(u)->fields())
      if (!pointerFree(f.type))
        return false;
    return !(isa<NamedType>(t) && cast<NamedType>(t)->pkg() != "main");
  default: return false;
  }
}

llvm::Type *ModuleLowering::resultType(const FuncType *sig) {
  auto &rs = sig->results()->elems();
  if (rs.empty())
    return voidTy;
  if (rs.size() == 1)
    return type(rs[0]);
  return type(sig->results());
}

llvm::FunctionType *ModuleLowering::funcType(const FuncType *sig, const Type *recv) {
  std::vector<llvm::Type *> ps{ptr};
  if (recv)
    ps.push_back(type(recv));
  for (const Type *p : sig->params())
    ps.push_back(type(p));
  return llvm::FunctionType::get(resultType(sig), ps, false);
}

// ---- descriptors ----

llvm::Constant *ModuleLowering::typeDesc(const Type *t) {
  t = t->canonical();
  if (auto *n = dyn_cast<NamedType>(t)) {
    if (n->pkg() == "time" && n->name() == "Duration") {
      if (!mod.getNamedGlobal("mp_time_Duration_type"))
        new llvm::GlobalVariable(mod, i8, true, llvm::GlobalValue::ExternalLinkage, nullptr,
                                 "mp_time_Duration_type");
      return mod.getNamedGlobal("mp_time_Duration_type");
    }
  }
  auto it = Descs.find(t);
  if (it != Descs.end())
    return it->second;
  std::string name;
  descName(t, name);
  // Interface values compare dynamic types by descriptor address, so a type
  // needs one descriptor even when several modules (REPL inputs, each its
  // own module) describe it: linkonce_odr under its unique name, and the
  // JIT (or linker) keeps the first definition.
  auto linkage = nameIsUnique(t) ? llvm::GlobalValue::LinkOnceODRLinkage
                                 : llvm::GlobalValue::InternalLinkage;
  auto *gv = new llvm::GlobalVariable(mod, descTy(), true, linkage, nullptr, "type:" + name);
  Descs[t] = gv;
  gv->setInitializer(buildTypeDesc(t, gv));
  return gv;
}

llvm::StructType *ModuleLowering::descTy() {
  // struct mp_type (value.h)
  if (!DescTy)
    DescTy = llvm::StructType::create(ctx,
                                      {i8, i8, i16, i32, i64, stringTy, ptr, ptr, i64, ptr, ptr, ptr},
                                      "mp_type");
  return DescTy;
}

llvm::Constant *ModuleLowering::buildTypeDesc(const Type *t, llvm::GlobalVariable *gv) {
  const Type *u = t->underlying();
  std::string name;
  descName(t, name);
  uint16_t flags = 0;
  if (isa<NamedType>(t))
    flags |= 1;
  if (pointerFree(t))
    flags |= 2;
  if (comparable(t))
    flags |= 4;
  llvm::Type *lt = type(t);
  llvm::Constant *nullp = llvm::ConstantPointerNull::get(ptr);
  llvm::Constant *elem = nullp, *key = nullp, *fields = nullp;
  int64_t len = 0;
  if (auto *p = dyn_cast<PointerType>(u)) {
    elem = typeDesc(p->elem());
  } else if (auto *s = dyn_cast<SliceType>(u)) {
    elem = typeDesc(s->elem());
  } else if (auto *a = dyn_cast<ArrayType>(u)) {
    elem = typeDesc(a->elem());
    len = a->length();
  } else if (auto *c = dyn_cast<ChanType>(u)) {
    elem = typeDesc(c->elem());
    len = c->dir() == sema::ChanDir::Both ? 0 : c->dir() == sema::ChanDir::Send ? 1 : 2;
  } else if (auto *m = dyn_cast<MapType>(u)) {
    elem = typeDesc(m->elem());
    key = typeDesc(m->key());
  } else if (auto *st = dyn_cast<StructType>(u)) {
    auto *sl = dl.getStructLayout(cast<llvm::StructType>(lt));
    auto *fieldTy = llvm::StructType::get(ctx, {stringTy, ptr, i64});
    std::vector<llvm::Constant *> fs;
    for (size_t i = 0; i < st->fields().size(); ++i) {
      auto &f = st->fields()[i];
      fs.push_back(llvm::ConstantStruct::get(
          fieldTy, {stringConst(f.name), typeDesc(f.type),
                    llvm::ConstantInt::get(i64, sl->getElementOffset(i))}));
    }
    len = fs.size();
    if (!fs.empty()) {
      auto *arrTy = llvm::ArrayType::get(fieldTy, fs.size());
      fields = new llvm::GlobalVariable(mod, arrTy, true, llvm::GlobalValue::PrivateLinkage,
                                        llvm::ConstantArray::get(arrTy, fs), "fields:" + name);
    }
  }
  llvm::Constant *strM = nullp, *errM = nullp;
  if (llvm::Function *f = stringMethodThunk(t, "String"))
    strM = f;
  if (llvm::Function *f = stringMethodThunk(t, "Error"))
    errM = f;
  return llvm::ConstantStruct::get(
      descTy(), {llvm::ConstantInt::get(i8, kindCode(t)),
                 llvm::ConstantInt::get(i8, dl.getABITypeAlign(lt).value()),
                 llvm::ConstantInt::get(i16, flags), llvm::ConstantInt::get(i32, 0),
                 llvm::ConstantInt::get(i64, dl.getTypeAllocSize(lt)), stringConst(name), elem,
                 key, llvm::ConstantInt::get(i64, len), fields, strM, errM});
}

// `mp_string thunk(const void *self)` calling t's String()/Error() method
// (value.h's mp_string_method), or null when t's method set lacks it.
llvm::Function *ModuleLowering::stringMethodThunk(const Type *t, llvm::StringRef method) {
  const NamedType *named = dyn_cast<NamedType>(t);
  bool viaPointer = false;
  if (!named) {
    if (auto *p = dyn_cast<PointerType>(t)) {
      named = dyn_cast<NamedType>(p->elem());
      viaPointer = true;
    }
  }
  if (!named || named->pkg() != "main")
    return nullptr;
  const Method *m = named->findMethod(method);
  if (!m || !m->sig->params().empty() || m->sig->results()->size() != 1 ||
      !m->sig->results()->elems()[0]->isString())
    return nullptr;
  if (m->pointerRecv && !viaPointer)
    return nullptr;
  llvm::Function *target = function(m->func);
  auto *fty = llvm::FunctionType::get(stringTy, {ptr}, false);
  std::string tname;
  descName(t, tname);
  auto *thunk = llvm::Function::Create(fty, llvm::Function::InternalLinkage,
                                       "method:" + tname + "." + method.str(), mod);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx, "entry", thunk));
  llvm::Value *self = thunk->getArg(0);
  llvm::Value *recv;
  if (viaPointer) {
    llvm::Value *p = b.CreateLoad(ptr, self);
    recv = m->pointerRecv ? p : b.CreateLoad(type(named), p);
  } else {
    recv = b.CreateLoad(type(named), self);
  }
  llvm::Value *r = b.CreateCall(target, {llvm::ConstantPointerNull::get(ptr), recv});
  b.CreateRet(r);
  return thunk;
}

} // namespace mp::codegen
