// codegen/lower_stdlib.cpp: calls of standard-package functions and
// methods, mapped to their C entry points in stdlib.h / runtime.h.  Go's
// signatures differ from the C ones in regular ways, named by StdShape:
// an `error` result the C function never produces (always nil), or one
// it returns through an `mp_iface *err` out-parameter.
#include "codegen/lower_conc.h"

#include <map>

namespace mp::codegen {

using namespace sema;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

llvm::Value *receiverValue(FuncLowering &F, const SelectorExpr *e, const Selection *sel);

namespace {

enum class StdShape {
  Direct, // MP results == C result
  NilErr, // MP (C result..., error): the error is always nil
  ErrOut, // MP (C result, error): C takes a trailing mp_iface *err
  Writer, // fmt.Fprint*: w boxed as *os.File, error through err
};

struct StdEntry {
  CFn fn;
  StdShape shape;
  // The C function may panic without a position (an argument Go rejects,
  // a nil or misused receiver): the call sets it (mp_set_call_pos).
  bool mayPanic = false;
  // The C function can park the goroutine: it takes the call's position
  // last, for the deadlock report (sync's Lock and Wait).
  bool blocks = false;
};
constexpr bool kMayPanic = true;
constexpr bool kBlocks = true;

const std::map<std::string, StdEntry> &stdTable() {
  static const std::map<std::string, StdEntry> table = {
      {"fmt.Print", {CFn::FmtPrint, StdShape::NilErr}},
      {"fmt.Println", {CFn::FmtPrintln, StdShape::NilErr}},
      {"fmt.Printf", {CFn::FmtPrintf, StdShape::NilErr}},
      {"fmt.Sprint", {CFn::FmtSprint, StdShape::Direct}},
      {"fmt.Sprintln", {CFn::FmtSprintln, StdShape::Direct}},
      {"fmt.Sprintf", {CFn::FmtSprintf, StdShape::Direct}},
      {"fmt.Errorf", {CFn::FmtErrorf, StdShape::Direct}},
      {"fmt.Fprint", {CFn::FmtFprint, StdShape::Writer, kMayPanic}},
      {"fmt.Fprintln", {CFn::FmtFprintln, StdShape::Writer, kMayPanic}},
      {"fmt.Fprintf", {CFn::FmtFprintf, StdShape::Writer, kMayPanic}},
      {"errors.New", {CFn::ErrorsNew, StdShape::Direct}},
      {"strconv.Itoa", {CFn::StrconvItoa, StdShape::Direct}},
      {"strconv.FormatInt", {CFn::StrconvFormatInt, StdShape::Direct, kMayPanic}},
      {"strconv.Atoi", {CFn::StrconvAtoi, StdShape::ErrOut}},
      {"strconv.ParseInt", {CFn::StrconvParseInt, StdShape::ErrOut}},
      {"strconv.Quote", {CFn::StrconvQuote, StdShape::Direct}},
      {"strings.Contains", {CFn::StringsContains, StdShape::Direct}},
      {"strings.HasPrefix", {CFn::StringsHasPrefix, StdShape::Direct}},
      {"strings.HasSuffix", {CFn::StringsHasSuffix, StdShape::Direct}},
      {"strings.Index", {CFn::StringsIndex, StdShape::Direct}},
      {"strings.Fields", {CFn::StringsFields, StdShape::Direct}},
      {"strings.Split", {CFn::StringsSplit, StdShape::Direct}},
      {"strings.Join", {CFn::StringsJoin, StdShape::Direct}},
      {"strings.Repeat", {CFn::StringsRepeat, StdShape::Direct, kMayPanic}},
      {"strings.Replace", {CFn::StringsReplace, StdShape::Direct}},
      {"strings.ReplaceAll", {CFn::StringsReplaceAll, StdShape::Direct}},
      {"strings.ToLower", {CFn::StringsToLower, StdShape::Direct}},
      {"strings.ToUpper", {CFn::StringsToUpper, StdShape::Direct}},
      {"strings.TrimSpace", {CFn::StringsTrimSpace, StdShape::Direct}},
      {"strings.Builder.WriteString", {CFn::BuilderWriteString, StdShape::NilErr}},
      {"strings.Builder.WriteByte", {CFn::BuilderWriteByte, StdShape::NilErr}},
      {"strings.Builder.WriteRune", {CFn::BuilderWriteRune, StdShape::NilErr}},
      {"strings.Builder.String", {CFn::BuilderString, StdShape::Direct}},
      {"strings.Builder.Len", {CFn::BuilderLen, StdShape::Direct}},
      {"strings.Builder.Reset", {CFn::BuilderReset, StdShape::Direct}},
      {"math.Sqrt", {CFn::MathSqrt, StdShape::Direct}},
      {"math.Abs", {CFn::MathAbs, StdShape::Direct}},
      {"math.Floor", {CFn::MathFloor, StdShape::Direct}},
      {"math.Ceil", {CFn::MathCeil, StdShape::Direct}},
      {"math.Pow", {CFn::MathPow, StdShape::Direct}},
      {"math.Inf", {CFn::MathInf, StdShape::Direct}},
      {"os.Exit", {CFn::OsExit, StdShape::Direct}},
      {"bufio.NewScanner", {CFn::BufioNewScanner, StdShape::Direct}},
      {"bufio.Scanner.Scan", {CFn::ScannerScan, StdShape::Direct, kMayPanic}},
      {"bufio.Scanner.Text", {CFn::ScannerText, StdShape::Direct}},
      {"bufio.Scanner.Err", {CFn::ScannerErr, StdShape::Direct}},
      {"bufio.NewReader", {CFn::BufioNewReader, StdShape::Direct}},
      {"bufio.Reader.ReadString", {CFn::ReaderReadString, StdShape::ErrOut}},
      {"bufio.NewWriter", {CFn::BufioNewWriter, StdShape::Direct}},
      {"bufio.Writer.WriteString", {CFn::WriterWriteString, StdShape::ErrOut}},
      {"bufio.Writer.Flush", {CFn::WriterFlush, StdShape::Direct}},
      {"sync.Mutex.Lock", {CFn::MutexLock, StdShape::Direct, false, kBlocks}},
      {"sync.Mutex.Unlock", {CFn::MutexUnlock, StdShape::Direct}},
      {"sync.WaitGroup.Add", {CFn::WaitGroupAdd, StdShape::Direct, kMayPanic}},
      {"sync.WaitGroup.Done", {CFn::WaitGroupDone, StdShape::Direct, kMayPanic}},
      {"sync.WaitGroup.Wait", {CFn::WaitGroupWait, StdShape::Direct, false, kBlocks}},
      {"time.Now", {CFn::TimeNow, StdShape::Direct}},
      {"time.Since", {CFn::TimeSince, StdShape::Direct}},
      {"time.Time.Sub", {CFn::TimeSub, StdShape::Direct}},
      {"time.After", {CFn::TimeAfter, StdShape::Direct}},
      {"time.Tick", {CFn::TimeTick, StdShape::Direct}},
      {"time.Duration.String", {CFn::DurationString, StdShape::Direct}},
      {"time.Duration.Seconds", {CFn::DurationSeconds, StdShape::Direct}},
      {"time.Duration.Minutes", {CFn::DurationMinutes, StdShape::Direct}},
      {"time.Duration.Hours", {CFn::DurationHours, StdShape::Direct}},
      {"time.Duration.Milliseconds", {CFn::DurationMilliseconds, StdShape::Direct}},
      {"time.Duration.Microseconds", {CFn::DurationMicroseconds, StdShape::Direct}},
      {"math/rand.Seed", {CFn::RandSeed, StdShape::Direct}},
      {"math/rand.Int", {CFn::RandInt, StdShape::Direct}},
      {"math/rand.Intn", {CFn::RandIntn, StdShape::Direct, kMayPanic}},
      {"math/rand.Float64", {CFn::RandFloat64, StdShape::Direct}},
      {"math/rand.Perm", {CFn::RandPerm, StdShape::Direct, kMayPanic}},
      {"sort.Ints", {CFn::SortInts, StdShape::Direct}},
      {"sort.Strings", {CFn::SortStrings, StdShape::Direct}},
  };
  return table;
}

// "strings.Builder.WriteString", "fmt.Println", "error.Error".
std::string stdKey(const Object *fn, const Selection *sel) {
  std::string pkg = fn && fn->stdPkg ? fn->stdPkg->path : "";
  if (sel && sel->kind == SelectionKind::Method && sel->recvNamed)
    return std::string(sel->recvNamed->pkg()) + "." + std::string(sel->recvNamed->name()) + "." +
           (fn ? fn->name : "");
  return pkg + "." + (fn ? fn->name : "");
}

llvm::Value *nilError(ModuleLowering &M) { return llvm::Constant::getNullValue(M.ifaceTy); }

// Packs MP results into one value of type t (single, struct, or nothing).
llvm::Value *results(FuncLowering &F, llvm::Type *t, std::vector<llvm::Value *> rs) {
  if (rs.empty())
    return nullptr;
  if (rs.size() == 1)
    return rs[0];
  llvm::Value *agg = llvm::UndefValue::get(t);
  for (size_t i = 0; i < rs.size(); ++i)
    agg = F.B.CreateInsertValue(agg, rs[i], i);
  return agg;
}

// sort.Slice(x any, less): the slice before its conversion to `any`.
llvm::Value *sortSlice(FuncLowering &F, const CallExpr *c) {
  const Expr *x = c->args[0];
  const Type *st = F.M.prog.typeOf(x);
  llvm::Value *s = F.rawValue(x);
  const auto *slice = dyn_cast<SliceType>(st->underlying());
  if (!slice) {
    F.M.notLowered(x, "sort.Slice of a non-slice");
    return nullptr;
  }
  llvm::Value *less = F.value(c->args[1]);
  F.callC(CFn::SortSlice, {s, F.B.getInt64(F.M.sizeOf(slice->elem())), less});
  return nullptr;
}

// The call of the entry `key` with MP-representation args (the receiver
// first, then the parameters converted, variadic ones packed), whose
// results are sig's; `at` is the position blocking calls report.  Null
// when codegen has no lowering for key (after a diagnostic at `at`).
llvm::Value *emitStdEntry(FuncLowering &F, const std::string &key, std::vector<llvm::Value *> args,
                          const FuncType *sig, const Node *at) {
  ModuleLowering &M = F.M;
  auto &B = F.B;
  llvm::Type *rt = M.resultType(sig);
  if (key == "time.Sleep") {
    F.callC(CFn::Sleep, {args[0], F.srcpos(at)});
    return nullptr;
  }
  if (key == "time.Duration.Nanoseconds")
    return args[0];
  if (key == "time.Time.Unix" || key == "time.Time.UnixNano") {
    // mp_time_Time.wall: nanoseconds since the Unix epoch.
    llvm::Value *wall = B.CreateExtractValue(args[0], 0);
    return key == "time.Time.Unix" ? B.CreateSDiv(wall, B.getInt64(1000000000)) : wall;
  }
  auto it = stdTable().find(key);
  if (it == stdTable().end()) {
    M.notLowered(at, key);
    return rt->isVoidTy() ? nullptr : llvm::UndefValue::get(rt);
  }
  const StdEntry &ent = it->second;
  const CFnInfo &ci = M.cinfo(ent.fn);
  if (ent.shape == StdShape::Writer) {
    // io.Writer w: the *os.File, *bufio.Writer or *strings.Builder (its
    // static type at a direct call) boxed with stdlib's descriptor.
    std::string descName = "mp_os_File_ptr_type";
    if (auto *call = dyn_cast<CallExpr>(at); call && !call->args.empty())
      if (const NamedType *n = stdWriterPointee(M.prog.typeOf(call->args[0])))
        descName = "mp_" + std::string(n->pkg()) + "_" + std::string(n->name()) + "_ptr_type";
    auto *desc = M.mod.getNamedGlobal(descName);
    if (!desc)
      desc = new llvm::GlobalVariable(M.mod, M.i8, true, llvm::GlobalValue::ExternalLinkage,
                                      nullptr, descName);
    llvm::Value *box = F.heapAllocBytes(B.getInt64(8), false);
    B.CreateStore(args[0], box);
    llvm::Value *w = B.CreateInsertValue(llvm::UndefValue::get(M.ifaceTy), desc, 0);
    args[0] = B.CreateInsertValue(w, box, 1);
  }
  llvm::Value *errSlot = nullptr;
  if (ent.shape == StdShape::ErrOut || ent.shape == StdShape::Writer) {
    errSlot = F.entryAlloca(M.ifaceTy, "err");
    args.push_back(errSlot);
  }
  if (ent.blocks)
    args.push_back(F.srcpos(at));
  // Narrow/convert integer arguments to the C parameter widths.
  for (size_t i = 0; i < args.size() && i < ci.params.size(); ++i) {
    char code = ci.params[i];
    llvm::Type *want = code == 'i' ? M.i32 : code == 'c' ? M.i8 : code == 'l' ? M.i64 : nullptr;
    if (want && args[i]->getType()->isIntegerTy() && args[i]->getType() != want)
      args[i] = B.CreateSExtOrTrunc(args[i], want);
  }
  if (ent.mayPanic)
    F.callC(CFn::SetCallPos, {F.srcpos(at)});
  llvm::Value *r = F.callC(ent.fn, args);
  if (ent.mayPanic)
    F.callC(CFn::SetCallPos, {llvm::ConstantPointerNull::get(M.ptr)});
  if (ci.ret == 'v')
    r = nullptr;
  // C results typed differently from MP's (time.After's channel is a ptr).
  if (r && !rt->isStructTy() && r->getType() != rt && r->getType()->isIntegerTy() &&
      rt->isIntegerTy())
    r = B.CreateSExtOrTrunc(r, rt);
  std::vector<llvm::Value *> rs;
  if (r)
    rs.push_back(r);
  switch (ent.shape) {
  case StdShape::Direct: break;
  case StdShape::NilErr: rs.push_back(nilError(M)); break;
  case StdShape::ErrOut:
  case StdShape::Writer: rs.push_back(B.CreateLoad(M.ifaceTy, errSlot)); break;
  }
  return results(F, rt, rs);
}

// The body of a wrapper W.fn(ptr env, params...) of the entry `key`: the
// call with `bound` (a method value's receiver, or nothing) then the
// wrapper's parameters after env, and its return.
void emitStdWrapperCall(FuncLowering &W, const std::string &key, std::vector<llvm::Value *> bound,
                        const FuncType *sig, const Node *at) {
  for (unsigned i = 1; i < W.fn->arg_size(); ++i)
    bound.push_back(W.fn->getArg(i));
  llvm::Value *r = emitStdEntry(W, key, std::move(bound), sig, at);
  if (W.fn->getReturnType()->isVoidTy())
    W.B.CreateRetVoid();
  else
    W.B.CreateRet(r);
}

// sort.Slice's wrapper: x arrives as `any`, so the element size comes from
// its type descriptor (value.h mp_type: kind at 0, elem at 32; size at 8);
// a non-slice panics as Go's reflect does.
void sortSliceWrapper(ModuleLowering &M, llvm::Function *w, const std::string &key) {
  FuncLowering W(M, w, nullptr, key);
  auto &B = W.B;
  llvm::Value *x = w->getArg(1), *less = w->getArg(2);
  llvm::Value *ty = B.CreateExtractValue(x, 0);
  llvm::BasicBlock *bad = W.newBlock("not.slice"), *isNil = W.newBlock("nil"),
                   *notNil = W.newBlock("typed"), *sort = W.newBlock("sort");
  B.CreateCondBr(B.CreateIsNull(ty), isNil, notNil);
  W.startBlock(notNil);
  llvm::Value *kind = B.CreateLoad(M.i8, ty);
  B.CreateCondBr(B.CreateICmpEQ(kind, B.getInt8(17 /* MP_KIND_SLICE */)), sort, bad);

  const Type *str = const_cast<CheckedProgram &>(M.prog).types().basic(BasicKind::String);
  const Type *any = const_cast<CheckedProgram &>(M.prog).types().anyType();
  auto panicWith = [&](llvm::Value *msg) {
    W.callC(CFn::Panic, {W.convert(msg, str, any), llvm::ConstantPointerNull::get(M.ptr)});
    B.CreateUnreachable();
  };
  W.startBlock(isNil);
  panicWith(M.stringConst("reflect: call of Swapper on zero Value"));
  W.startBlock(bad); // "... on int Value": Go's kind names, by mp_kind
  static const char *const kKinds[] = {"invalid", "bool", "int", "int8", "int16", "int32",
                                       "int64", "uint", "uint8", "uint16", "uint32", "uint64",
                                       "uintptr", "float32", "float64", "string", "ptr",
                                       "slice", "array", "map", "struct", "chan", "func",
                                       "interface"};
  std::vector<llvm::Constant *> names;
  for (const char *k : kKinds)
    names.push_back(M.stringConst(k));
  auto *arrTy = llvm::ArrayType::get(M.stringTy, names.size());
  auto *table = new llvm::GlobalVariable(M.mod, arrTy, true, llvm::GlobalValue::PrivateLinkage,
                                         llvm::ConstantArray::get(arrTy, names), "reflect.kinds");
  llvm::Value *idx = B.CreateZExt(kind, M.i64);
  idx = B.CreateSelect(B.CreateICmpULT(idx, B.getInt64(names.size())), idx, B.getInt64(0));
  llvm::Value *name = B.CreateLoad(M.stringTy, B.CreateGEP(arrTy, table, {B.getInt64(0), idx}));
  llvm::Value *msg = W.callC(CFn::StringConcat2, {M.stringConst("reflect: call of Swapper on "), name});
  panicWith(W.callC(CFn::StringConcat2, {msg, M.stringConst(" Value")}));

  W.startBlock(sort);
  llvm::Value *slice = B.CreateLoad(M.sliceTy, B.CreateExtractValue(x, 1));
  llvm::Value *elem = B.CreateLoad(M.ptr, B.CreateConstGEP1_64(M.i8, ty, 32));
  llvm::Value *size = B.CreateLoad(M.i64, B.CreateConstGEP1_64(M.i8, elem, 8));
  W.callC(CFn::SortSlice, {slice, size, less});
  B.CreateRetVoid();
}

} // namespace

llvm::Value *lowerStdCall(FuncLowering &F, const CallExpr *c, const Object *fn,
                          const Selection *sel) {
  ModuleLowering &M = F.M;
  auto &B = F.B;
  auto *se = dyn_cast<SelectorExpr>(c->fun);
  // err.Error() on the error interface.
  if (sel && sel->kind == SelectionKind::Method &&
      isa<InterfaceType>(M.prog.typeOf(se->x)->underlying())) {
    llvm::Value *err = F.value(se->x);
    F.nilCheck(B.CreateExtractValue(err, 0), c);
    return F.callC(CFn::ErrorError, {err});
  }
  std::string key = stdKey(fn, sel);
  if (key == "sort.Slice")
    return sortSlice(F, c);
  std::vector<llvm::Value *> args;
  if (sel && sel->kind == SelectionKind::Method) {
    llvm::Value *recv = receiverValue(F, se, sel);
    // A nil *T receiver panics as in Go: the C entry points do not check.
    if (fn && fn->pointerRecv && !sel->autoAddr)
      F.nilCheck(recv, c);
    args.push_back(recv);
  }
  for (llvm::Value *a : F.callArgs(c))
    args.push_back(a);
  return emitStdEntry(F, key, std::move(args), M.prog.call(c)->sig, c);
}

// A standard-library function used as a value (`f := strings.ToUpper`):
// the static closure of a wrapper `R fn·wrap(ptr env, params...)` that makes
// the call, one per function used this way.
llvm::Constant *stdFuncValue(FuncLowering &F, const Object *fn, const Node *at) {
  ModuleLowering &M = F.M;
  std::string key = stdKey(fn, nullptr);
  std::string name = key + "·wrap";
  auto *sig = cast<FuncType>(fn->type);
  llvm::Function *w = M.mod.getFunction(name);
  if (!w) {
    w = llvm::Function::Create(M.funcType(sig), llvm::Function::InternalLinkage, name, M.mod);
    M.applyFuncAttrs(w);
    if (key == "sort.Slice") {
      sortSliceWrapper(M, w, key);
    } else {
      FuncLowering W(M, w, nullptr, key);
      emitStdWrapperCall(W, key, {}, sig, at);
    }
  }
  auto *ty = llvm::StructType::get(M.ctx, llvm::ArrayRef<llvm::Type *>{M.ptr});
  std::string cname = name + "·f";
  if (auto *gv = M.mod.getNamedGlobal(cname))
    return gv;
  return new llvm::GlobalVariable(M.mod, ty, true, llvm::GlobalValue::PrivateLinkage,
                                  llvm::ConstantStruct::get(ty, {w}), cname);
}

// A standard-library method bound to its receiver (`f := sb.WriteString`,
// `p := w.WriteString`, `f := err.Error`): the code of lowerMethodValue's
// closure {thunk, recv}.  The thunk `R key·fm(ptr env, params...)` makes
// the call as lowerStdCall does, one thunk per method used so.
llvm::Function *stdMethodThunk(FuncLowering &F, const SelectorExpr *e, const Selection *sel,
                               llvm::Type *recvTy) {
  ModuleLowering &M = F.M;
  bool iface = isa<InterfaceType>(M.prog.typeOf(e->x)->underlying());
  const Object *fn = sel->method ? sel->method->func : sel->obj;
  std::string key = iface ? "error.Error" : stdKey(fn, sel);
  std::string name = key + "·fm";
  if (llvm::Function *t = M.mod.getFunction(name))
    return t;
  auto *sig = cast<FuncType>(M.prog.typeOf(e));
  auto *t = llvm::Function::Create(M.funcType(sig), llvm::Function::InternalLinkage, name, M.mod);
  M.applyFuncAttrs(t);
  // Named as Go's traces name the method: strings.(*Builder).Len.
  std::string goName = key;
  if (!iface && fn && fn->pointerRecv)
    goName = std::string(sel->recvNamed->pkg()) + ".(*" + std::string(sel->recvNamed->name()) +
             ")." + fn->name;
  FuncLowering W(M, t, nullptr, goName);
  auto *envTy = llvm::StructType::get(M.ctx, {M.ptr, recvTy});
  llvm::Value *recv = W.B.CreateLoad(recvTy, W.B.CreateStructGEP(envTy, t->getArg(0), 1));
  if (iface) {
    W.B.CreateRet(W.callC(CFn::ErrorError, {recv}));
    return t;
  }
  if (fn && fn->pointerRecv)  // a nil *T panics at the call, as in Go
    W.nilCheck(recv, e);
  emitStdWrapperCall(W, key, {recv}, sig, e);
  return t;
}

} // namespace mp::codegen
