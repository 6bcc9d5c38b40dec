// codegen/stack_check.cpp: the entry stack check and the loop preemption
// polls of MP functions, added after optimization.
//
// Why not LLVM's "split-stack" prologue: X86 turns shrink-wrapping off for
// split-stack functions, so every call of a function with an early exit
// (fib's `n < 2`) ran the whole prologue (push %rbp, callee-saved pushes,
// pops): fib was 1.15x Go.  The check is instead
//     entry: cmpq   %fs:0x70, %rsp       inline asm with a flag output,
//            jbe    morestack            fused with the IR branch
//     morestack (cold):
//            leaq   pos(%rip), %r10 (the function's mp_srcpos, for the report)
//            leaq   -K(%rsp), %r11; leaq -128(%rsp), %rsp
//            callq  mp_morestack; leaq 128(%rsp), %rsp;  then the body
// Both are inline asm, not LLVM calls: the asm reads %rsp without LLVM
// seeing a use of it, and the cold call needs no frame (the trampoline saves
// every register, context_x86_64.S), so ShrinkWrap can sink the prologue
// below the check into the paths that need it.  (llvm.read_register(rsp)
// or llvm.stacksave count as stack pointer uses, and a real call in the
// cold block needs the frame there: both pin the prologue at the entry.
// callbr asm goto disables shrink-wrapping too.)
//
// Invariant (with runtime/sched.h kRedZone = 32 KiB below the limit):
//  - a checked function compares %rsp, or %rsp minus its allocas when they
//    exceed kSmallFrame, with the limit before its body runs; its frame
//    below the compared value is at most kSmallFrame of allocas plus spill
//    slots, saved registers and outgoing arguments;
//  - a leaf (no call but to intrinsics or noreturn runtime calls, allocas
//    <= kSmallFrame) is not checked: it adds one small frame on top of a
//    checked caller and cannot recurse;
//  - so runtime C code called from MP code, and the overflow report itself,
//    run with most of the 32 KiB red zone below them.
// The limit word is MP_PREEMPT_POISON (all ones) when sysmon asks the
// goroutine to yield: every entry check fails and mp_morestack yields.
// Loops poll the same word on their back-edge (`cmpq $-1, %fs:0x70; je`,
// two instructions) and call mp_preempt_asm, which preserves all registers
// so the poll costs the loop no register pressure (the `mp_preempt` call
// it replaces clobbered the caller-saved registers: spills and reloads
// around it).  Lowering emits the poll as an opaque call of kPollMarker, so
// that the optimizer keeps memory up to date at each poll (a REPL input
// interrupted in `for { n++ }` has stored n) and never deletes the loop;
// this pass turns each marker call into the poll.
// Loops made by tail-recursion elimination (tail_recursion.cpp) carry a
// kTailDepthMarker call on each back edge: it becomes `movq %rsp, %r11;
// subq depth, %r11; cmpq %fs:0x70, %r11; jbe`, the entry check of the
// virtual frame the eliminated call would have pushed, with its cold path.
#include "codegen/stack_check.h"

#include "codegen/tail_recursion.h"

#include <string>
#include <vector>

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/MDBuilder.h"

namespace mp::codegen {

namespace {

const char *const kAsmClobbers = "~{dirflag},~{fpsr},~{flags}";

// Bytes of the entry block's static allocas; dynamic ones count as large.
uint64_t allocaBytes(llvm::Function &f) {
  const llvm::DataLayout &dl = f.getParent()->getDataLayout();
  uint64_t bytes = 0;
  for (llvm::BasicBlock &bb : f)
    for (llvm::Instruction &i : bb)
      if (auto *a = llvm::dyn_cast<llvm::AllocaInst>(&i)) {
        std::optional<llvm::TypeSize> sz = a->getAllocationSize(dl);
        if (!a->isStaticAlloca() || !sz || sz->isScalable())
          return UINT64_MAX / 2;
        bytes += sz->getFixedValue() + a->getAlign().value();
      }
  return bytes;
}

// True when every call is to an intrinsic, a poll or tail-depth marker, or
// never returns (a panic).
bool isLeaf(llvm::Function &f, llvm::Function *marker, llvm::Function *tailMarker) {
  for (llvm::BasicBlock &bb : f)
    for (llvm::Instruction &i : bb) {
      auto *call = llvm::dyn_cast<llvm::CallBase>(&i);
      if (!call || llvm::isa<llvm::IntrinsicInst>(call) ||
          (marker && call->getCalledFunction() == marker) ||
          (tailMarker && call->getCalledFunction() == tailMarker))
        continue;
      if (call->doesNotReturn() || llvm::isa_and_nonnull<llvm::UnreachableInst>(call->getNextNode()))
        continue;
      return false;
    }
  return true;
}

llvm::DebugLoc entryLoc(llvm::Function &f) {
  if (llvm::DISubprogram *sp = f.getSubprogram())
    return llvm::DILocation::get(f.getContext(), sp->getLine(), 0, sp);
  return {};
}

// One inline asm statement: its text, constraints (before the clobbers
// every statement has) and operands.
struct AsmStmt {
  std::string text, constraints;
  llvm::SmallVector<llvm::Value *, 2> args;
};

llvm::CallInst *emitAsm(llvm::IRBuilder<> &b, llvm::Type *result, const AsmStmt &s) {
  llvm::SmallVector<llvm::Type *, 2> params;
  for (llvm::Value *v : s.args)
    params.push_back(v->getType());
  auto *asmFn = llvm::InlineAsm::get(llvm::FunctionType::get(result, params, false), s.text,
                                     s.constraints + "," + kAsmClobbers, /*hasSideEffects=*/true);
  return b.CreateCall(asmFn, s.args);
}

// `br (asm cmp), cold, cont`: cmp yields the flag (1: take the cold path);
// cold runs the trampoline call and goes on to cont.
void emitCheck(llvm::Instruction *before, const AsmStmt &cmp, const AsmStmt &cold,
               llvm::DebugLoc loc) {
  llvm::BasicBlock *bb = before->getParent();
  llvm::Function *f = bb->getParent();
  llvm::LLVMContext &ctx = f->getContext();
  llvm::BasicBlock *cont = bb->splitBasicBlock(before, bb->getName() + ".checked");
  llvm::BasicBlock *coldBB = llvm::BasicBlock::Create(ctx, "morestack", f, cont);
  bb->getTerminator()->eraseFromParent();
  llvm::IRBuilder<> b(bb);
  b.SetCurrentDebugLocation(loc);
  llvm::Value *fail = b.CreateICmpNE(emitAsm(b, b.getInt8Ty(), cmp), b.getInt8(0));
  b.CreateCondBr(fail, coldBB, cont, llvm::MDBuilder(ctx).createBranchWeights(1, 1 << 20));
  b.SetInsertPoint(coldBB);
  emitAsm(b, b.getVoidTy(), cold);
  b.CreateBr(cont);
}

// The cold path of an entry check: mp_morestack with %r10 = pos and %r11
// = the compared stack pointer, which `setR11` computes.
AsmStmt morestackCall(const std::string &setR11, llvm::Constant *pos) {
  return {setR11 + "leaq -128(%rsp), %rsp\n\tcallq mp_morestack\n\tleaq 128(%rsp), %rsp",
          "{r10},~{r11},~{memory}", {pos}};
}

// The function's mp_srcpos global (named by kStackCheckAttr), or null.
llvm::Constant *srcPos(llvm::Function &f) {
  llvm::StringRef name = f.getFnAttribute(kStackCheckAttr).getValueAsString();
  if (llvm::GlobalVariable *gv = name.empty() ? nullptr : f.getParent()->getNamedGlobal(name))
    return gv;
  return llvm::ConstantPointerNull::get(llvm::PointerType::get(f.getContext(), 0));
}

void insertEntryCheck(llvm::Function &f, uint64_t frame) {
  llvm::BasicBlock &entry = f.getEntryBlock();
  llvm::Instruction *at = &*entry.getFirstInsertionPt();
  while (llvm::isa<llvm::AllocaInst>(at))  // allocas stay static, in the entry block
    at = at->getNextNode();
  uint64_t k = frame > kSmallFrame ? frame : 0;
  std::string setR11 = k ? "leaq -" + std::to_string(k) + "(%rsp), %r11\n\t" : "movq %rsp, %r11\n\t";
  AsmStmt cmp = k ? AsmStmt{setR11 + "cmpq %fs:0x70, %r11", "={@ccbe},~{r11}", {}}
                  : AsmStmt{"cmpq %fs:0x70, %rsp", "={@ccbe}", {}};
  emitCheck(at, cmp, morestackCall(setR11, srcPos(f)), entryLoc(f));
}

// Calls of `callee` in f.
llvm::SmallVector<llvm::CallBase *, 8> callsOf(llvm::Function &f, llvm::Function *callee) {
  llvm::SmallVector<llvm::CallBase *, 8> calls;
  for (llvm::BasicBlock &bb : f)
    for (llvm::Instruction &i : bb)
      if (auto *call = llvm::dyn_cast<llvm::CallBase>(&i); call && call->getCalledFunction() == callee)
        calls.push_back(call);
  return calls;
}

// Replaces each kPollMarker call in f by the poll.
void insertLoopPolls(llvm::Function &f, llvm::Function *marker) {
  for (llvm::CallBase *call : callsOf(f, marker)) {
    emitCheck(call, {"cmpq $$-1, %fs:0x70", "={@cce}", {}},
              {"leaq -128(%rsp), %rsp\n\tcallq mp_preempt_asm\n\tleaq 128(%rsp), %rsp",
               "~{r11},~{memory}", {}},
              call->getDebugLoc());
    call->eraseFromParent();
  }
}

// Replaces each kTailDepthMarker call (tail_recursion.cpp) by the check of
// %rsp minus its virtual depth, with the entry check's cold path.
void insertTailDepthChecks(llvm::Function &f, llvm::Function *marker) {
  const std::string setR11 = "movq %rsp, %r11\n\tsubq $1, %r11\n\t";
  for (llvm::CallBase *call : callsOf(f, marker)) {
    llvm::Value *depth = call->getArgOperand(0);
    auto *pos = llvm::cast<llvm::Constant>(call->getArgOperand(1));
    AsmStmt cold = morestackCall(setR11, pos->isNullValue() ? srcPos(f) : pos);
    cold.constraints = "{r10},r,~{r11},~{memory}";
    cold.args.push_back(depth);
    emitCheck(call, {setR11 + "cmpq %fs:0x70, %r11", "={@ccbe},r,~{r11}", {depth}}, cold,
              entryLoc(f));
    call->eraseFromParent();
  }
}

} // namespace

void insertStackChecks(llvm::Module &m) {
  // Every function: thunks (goroutine wrappers, deferred calls) carry the
  // MP code inlined into them.  (In C `main`, off the MP stacks, the limit
  // word is 0 and checks pass.)
  llvm::Function *marker = m.getFunction(kPollMarker);
  llvm::Function *tailMarker = m.getFunction(kTailDepthMarker);
  for (llvm::Function &f : m) {
    if (f.isDeclaration())
      continue;
    uint64_t frame = allocaBytes(f);
    bool leaf = frame <= kSmallFrame && isLeaf(f, marker, tailMarker);
    if (marker)
      insertLoopPolls(f, marker);
    if (tailMarker)
      insertTailDepthChecks(f, tailMarker);
    if (!leaf)
      insertEntryCheck(f, frame);
    f.removeFnAttr(kStackCheckAttr);
  }
  for (llvm::Function *mf : {marker, tailMarker})
    if (mf && mf->use_empty())
      mf->eraseFromParent();
}

} // namespace mp::codegen
