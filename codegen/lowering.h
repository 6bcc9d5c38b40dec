// codegen/lowering.h: the state shared by the lowering files (stage 3).
// ModuleLowering owns module-wide tables (LLVM types of MP types, mp_type
// descriptors, runtime declarations, functions, globals, string constants);
// FuncLowering is the state of one function body being lowered: the
// builder, variable slots, loop targets, result slots and defer state.
// Value representation follows runtime/include/mp/value.h: bool is i1 (one
// byte in memory), string {ptr,i64}, slice {ptr,i64,i64}, error/any
// {ptr type, ptr data}, pointers/chans/maps/funcs one ptr.  Every MP
// function takes the closure environment first: `R f(ptr env, [recv], params)`
// with R void, the single result, or a literal struct of the results.
#ifndef MP_CODEGEN_LOWERING_H
#define MP_CODEGEN_LOWERING_H

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "codegen/codegen.h"
#include "codegen/runtime_abi.h"
#include "llvm/IR/DIBuilder.h"
#include "llvm/IR/IRBuilder.h"

namespace mp::codegen {

using sema::Type;

class FuncLowering;

class ModuleLowering {
public:
  ModuleLowering(const sema::CheckedProgram &prog, const SourceManager &sm,
                 DiagnosticEngine &diags, llvm::Module &mod, const Options &opts);
  ~ModuleLowering();

  const sema::CheckedProgram &prog;
  const SourceManager &sm;
  DiagnosticEngine &diags;
  llvm::Module &mod;
  llvm::LLVMContext &ctx;
  const Options &opts;
  const llvm::DataLayout &dl;

  // Common LLVM types.
  llvm::IntegerType *i1, *i8, *i16, *i32, *i64;
  llvm::Type *f64, *voidTy;
  llvm::PointerType *ptr;
  llvm::StructType *stringTy, *sliceTy, *ifaceTy;

  // ---- types (types.cpp) ----
  llvm::Type *type(const Type *t);
  uint64_t sizeOf(const Type *t) { return dl.getTypeAllocSize(type(t)); }
  bool pointerFree(const Type *t) const;
  // `R (ptr env, [recv], params...)`.
  llvm::FunctionType *funcType(const sema::FuncType *sig, const Type *recv = nullptr);
  llvm::Type *resultType(const sema::FuncType *sig);
  // The mp_type descriptor of t (deduplicated by canonical type).
  llvm::Constant *typeDesc(const Type *t);

  // ---- constants ----
  llvm::Constant *stringConst(llvm::StringRef s); // an mp_string value
  llvm::Constant *cstr(llvm::StringRef s);        // NUL-terminated, for C
  // A `mp_srcpos` constant for loc inside function `func` ("main.f").
  llvm::Constant *srcpos(SourceLoc loc, llvm::StringRef func);
  llvm::Constant *zero(const Type *t) { return llvm::Constant::getNullValue(type(t)); }

  // ---- runtime and stdlib C functions (runtime_abi.cpp) ----
  llvm::Function *cfunc(CFn id);
  const CFnInfo &cinfo(CFn id) const;

  // ---- program entities (lower_module.cpp) ----
  llvm::Function *function(const sema::Object *fn); // FuncDecl function or method
  llvm::Function *funcLit(const FuncLitExpr *lit, const std::string &name);
  // The static closure {fn} of a top-level function (its func value).
  llvm::Constant *staticClosure(const sema::Object *fn);
  llvm::GlobalVariable *global(const sema::Object *var);
  std::string goName(const sema::Object *fn) const; // "main.f", "main.(*T).m"
  // The attributes every generated function has (prologue, frame pointer).
  void applyFuncAttrs(llvm::Function *f);

  // Reports a construct codegen cannot lower (a bug or a gap, never the
  // user's fault) at `at`.
  void notLowered(const Node *at, llvm::StringRef what);

  // ---- debug info (-g) ----
  std::unique_ptr<llvm::DIBuilder> di;
  llvm::DICompileUnit *diCU = nullptr;
  llvm::DIFile *diFile(SourceLoc loc);

  // Functions whose bodies are still to be lowered (FuncLits met while
  // lowering, bound-method thunks, ...).
  std::vector<std::function<void()>> pending;
  // Each FuncDecl's and FuncLit's declaration mp_srcpos: the table main
  // registers (mp_register_funcs) for `fatal error: stack overflow`.
  std::unordered_map<llvm::Function *, llvm::Constant *> funcPos;

private:
  llvm::Constant *buildTypeDesc(const Type *t, llvm::GlobalVariable *gv);
  llvm::StructType *descTy();
  llvm::StructType *DescTy = nullptr;
  llvm::Function *stringMethodThunk(const Type *t, llvm::StringRef method);

  std::unordered_map<const Type *, llvm::Type *> Types;
  std::unordered_map<const Type *, llvm::GlobalVariable *> Descs;
  std::unordered_map<const sema::Object *, llvm::Function *> Funcs;
  std::unordered_map<const sema::Object *, llvm::GlobalVariable *> Globals;
  std::unordered_map<const sema::Object *, llvm::Constant *> Closures;
  std::unordered_map<std::string, llvm::Constant *> Strings;
  std::unordered_map<int, llvm::DIFile *> DIFiles;
  std::vector<llvm::Function *> CFuncs;
};

// The callee of a call: code pointer, environment and LLVM type.  Args of a
// call through a Callee are [env, recv?, params...].
struct Callee {
  llvm::FunctionType *fty = nullptr;
  llvm::Value *fn = nullptr;  // the code
  llvm::Value *env = nullptr; // closure pointer (null constant for direct calls)
  llvm::Value *recv = nullptr; // method receiver, already in its parameter form
  const sema::FuncType *sig = nullptr;
};

class FuncLowering {
public:
  FuncLowering(ModuleLowering &m, llvm::Function *fn, const sema::FuncInfo *info,
               std::string goName);
  ~FuncLowering();

  ModuleLowering &M;
  llvm::IRBuilder<> B;
  llvm::Function *fn;
  const sema::FuncInfo *info; // null for synthesized functions (init, thunks)
  std::string goName;         // "main.f": srcpos func names, traces

  // Lowers info's body: parameters, statements, returns.
  void lowerBody(const BlockStmt *body, const sema::Object *recvObj);

  // ---- expressions (lower_expr.cpp) ----
  // e's value as the type it is used as (ExprInfo::convertTo applied).
  llvm::Value *value(const Expr *e);
  // e's value as its own type.
  llvm::Value *rawValue(const Expr *e);
  // The address of an addressable expression (Variable mode), with the nil
  // and bounds checks Go performs.
  llvm::Value *address(const Expr *e);
  // The values of a multi-value expression (call, `v, ok` forms).
  std::vector<llvm::Value *> tupleValues(const Expr *e);
  // Converts v from `from` to `to` (identity, interface boxing, numeric).
  llvm::Value *convert(llvm::Value *v, const Type *from, const Type *to);
  // lhs = v (v already of lhs's type): variables, *p, fields, indexes, map
  // entries, `_`.
  void assign(const Expr *lhs, llvm::Value *v);

  // ---- variables ----
  // Allocates v (stack, or GC heap when it escapes) and stores init (or zero).
  llvm::Value *declareVar(const sema::Object *v, llvm::Value *init = nullptr);
  llvm::Value *varAddress(const sema::Object *v);
  void zeroFill(llvm::Value *addr, llvm::Type *t);
  // Variables larger than this live on the GC heap even if they do not escape.
  static constexpr uint64_t kMaxStackVar = 16 * 1024;

  // ---- calls (lower_call.cpp) ----
  // The callee of an ordinary call (CallKind::Func or Method on a program
  // function or a func value); nullopt for builtins, conversions, stdlib.
  std::optional<Callee> callee(const CallExpr *c);
  // The arguments of c after env and receiver, converted to the parameter
  // types, variadic ones packed into a slice.
  std::vector<llvm::Value *> callArgs(const CallExpr *c);
  llvm::Value *emitCall(const Callee &cal, llvm::ArrayRef<llvm::Value *> args);
  // A C runtime/stdlib function with MP-representation args (see runtime_abi.h).
  llvm::Value *callC(CFn id, llvm::ArrayRef<llvm::Value *> args);

  // ---- helpers ----
  llvm::Constant *srcpos(const Node *n);
  llvm::Constant *srcpos(SourceLoc loc) { return M.srcpos(loc, goName); }
  llvm::Constant *typeDesc(const Type *t) { return M.typeDesc(t); }
  llvm::Type *llvmType(const Type *t) { return M.type(t); }
  llvm::BasicBlock *newBlock(const llvm::Twine &name);
  // Makes bb the insertion point (appending it to the function).
  void startBlock(llvm::BasicBlock *bb);
  // Branches to bb unless the current block already ended.
  void br(llvm::BasicBlock *bb);
  bool terminated() const;
  llvm::AllocaInst *entryAlloca(llvm::Type *t, const llvm::Twine &name = "");
  // Stores v in a fresh stack slot and returns its address.
  llvm::Value *spill(llvm::Value *v);
  // GC memory for a value of type t (mp_alloc / mp_alloc_atomic).
  llvm::Value *heapAlloc(const Type *t);
  llvm::Value *heapAllocBytes(llvm::Value *bytes, bool pointerFree);
  // Sets the debug location to n's position (no-op without -g).
  void setLoc(const Node *n);

  // ---- runtime checks (lower_check.cpp) ----
  void nilCheck(llvm::Value *p, const Node *at);
  void indexCheck(llvm::Value *i, llvm::Value *len, const Node *at);
  // Panics with Go's bounds message for `kind` (mp_bounds_kind) at `at`
  // when cond holds.
  void boundsPanic(int kind, llvm::Value *x, llvm::Value *y, llvm::Value *cond, const Node *at);
  void runtimePanic(const char *msg, const Node *at, llvm::Value *cond);
  // Loop back-edge preemption poll: a call of the kPollMarker declaration,
  // which insertStackChecks turns into the poll (stack_check.cpp).
  void preemptPoll();

  // x op y for a binary arithmetic/bitwise operator on values of type t
  // (wrapping integers, Go's shift and division rules, string +).
  llvm::Value *binaryOp(TokenKind op, llvm::Value *x, llvm::Value *y, const Type *t,
                        const Type *yType, const Node *at);
  // x == y for values of type t (any comparable type, nil comparisons);
  // `at` is the position an uncomparable interface operand panics at.
  llvm::Value *equal(llvm::Value *x, llvm::Value *y, const Type *t, const Node *at);

  // ---- statements (lower_stmt.cpp) ----
  void lowerStmts(llvm::ArrayRef<Stmt *> stmts);
  void lowerStmt(const Stmt *s);
  // Loops and switches: where break / continue go.
  struct BranchTarget {
    const Stmt *stmt;
    llvm::BasicBlock *breakBB, *continueBB; // continueBB null for switch/select
  };
  std::vector<BranchTarget> targets;
  // Jumps to the function's return block (results already stored).
  void branchToReturn();
  std::vector<llvm::Value *> resultSlots; // one address per result
  llvm::BasicBlock *returnBB = nullptr;

  // go/defer of builtin and stdlib calls (call_thunk.cpp): operands saved at
  // the statement, returned by rawValue()/address() inside the thunk.
  std::unordered_map<const Expr *, llvm::Value *> presetValues, presetAddrs;
  // Makes v's storage `addr` (value-guard predicates, lower_select.cpp).
  void bindVar(const sema::Object *v, llvm::Value *addr) {
    (v->isGlobal() ? BoundGlobals : Vars)[v] = addr;
  }

  // Opaque state of lower_defer.cpp (null until beginDefers sets it).
  struct DeferState;
  std::shared_ptr<DeferState> defers;

private:
  std::unordered_map<const sema::Object *, llvm::Value *> Vars;
  std::unordered_map<const sema::Object *, llvm::Value *> BoundGlobals; // bindVar
  llvm::Instruction *AllocaPoint = nullptr;
  int LitCount = 0;
  friend class ModuleLowering;

public:
  // Go's closure names: "main.f.func1", and "main.f.func1.1" inside it.
  std::string nextLitName();
};

} // namespace mp::codegen

#endif
