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
#include "codegen/stack_check.h"

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

// True when every call is to an intrinsic, a poll marker, or never returns
// (a panic).
bool isLeaf(llvm::Function &f, llvm::Function *marker) {
  for (llvm::BasicBlock &bb : f)
    for (llvm::Instruction &i : bb) {
      auto *call = llvm::dyn_cast<llvm::CallBase>(&i);
      if (!call || llvm::isa<llvm::IntrinsicInst>(call) ||
          (marker && call->getCalledFunction() == marker))
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

// `br (asm cmp), cold, cont`; cold runs the inline asm trampolineCall (with
// %r10 = pos, for mp_morestack) and goes on to cont.
void emitCheck(llvm::Instruction *before, const std::string &cmp, const std::string &cmpCons,
               const std::string &trampolineCall, llvm::Constant *pos, llvm::DebugLoc loc) {
  llvm::BasicBlock *bb = before->getParent();
  llvm::Function *f = bb->getParent();
  llvm::LLVMContext &ctx = f->getContext();
  llvm::BasicBlock *cont = bb->splitBasicBlock(before, bb->getName() + ".checked");
  llvm::BasicBlock *cold = llvm::BasicBlock::Create(ctx, "morestack", f, cont);
  bb->getTerminator()->eraseFromParent();
  llvm::IRBuilder<> b(bb);
  b.SetCurrentDebugLocation(loc);
  auto *i8 = b.getInt8Ty();
  auto *test = llvm::InlineAsm::get(llvm::FunctionType::get(i8, false), cmp,
                                    cmpCons + "," + kAsmClobbers, /*hasSideEffects=*/true);
  llvm::Value *fail = b.CreateICmpNE(b.CreateCall(test), b.getInt8(0));
  b.CreateCondBr(fail, cold, cont, llvm::MDBuilder(ctx).createBranchWeights(1, 1 << 20));
  b.SetInsertPoint(cold);
  std::string cons = std::string(pos ? "{r10}," : "") + "~{r11},~{memory}," + kAsmClobbers;
  llvm::SmallVector<llvm::Type *, 1> params;
  llvm::SmallVector<llvm::Value *, 1> args;
  if (pos) {
    params.push_back(pos->getType());
    args.push_back(pos);
  }
  auto *call = llvm::InlineAsm::get(llvm::FunctionType::get(b.getVoidTy(), params, false),
                                    trampolineCall, cons, true);
  b.CreateCall(call, args);
  b.CreateBr(cont);
}

// %rsp - k as the asm operand text, and the instructions computing it.
std::string trampolineCall(const char *trampoline, uint64_t k) {
  std::string s = k ? "leaq -" + std::to_string(k) + "(%rsp), %r11\n\t" : "movq %rsp, %r11\n\t";
  return s + "leaq -128(%rsp), %rsp\n\tcallq " + trampoline + "\n\tleaq 128(%rsp), %rsp";
}

void insertEntryCheck(llvm::Function &f, uint64_t frame) {
  llvm::BasicBlock &entry = f.getEntryBlock();
  llvm::Instruction *at = &*entry.getFirstInsertionPt();
  while (llvm::isa<llvm::AllocaInst>(at))  // allocas stay static, in the entry block
    at = at->getNextNode();
  uint64_t k = frame > kSmallFrame ? frame : 0;
  std::string cmp = k ? "leaq -" + std::to_string(k) + "(%rsp), %r11\n\tcmpq %fs:0x70, %r11"
                      : "cmpq %fs:0x70, %rsp";
  std::string cons = k ? "={@ccbe},~{r11}" : "={@ccbe}";
  llvm::Constant *pos = llvm::ConstantPointerNull::get(llvm::PointerType::get(f.getContext(), 0));
  llvm::StringRef name = f.getFnAttribute(kStackCheckAttr).getValueAsString();
  if (llvm::GlobalVariable *gv = name.empty() ? nullptr : f.getParent()->getNamedGlobal(name))
    pos = gv;
  emitCheck(at, cmp, cons, trampolineCall("mp_morestack", k), pos, entryLoc(f));
}

// Replaces each kPollMarker call in f by the poll.
void insertLoopPolls(llvm::Function &f, llvm::Function *marker) {
  llvm::SmallVector<llvm::CallBase *, 8> polls;
  for (llvm::BasicBlock &bb : f)
    for (llvm::Instruction &i : bb)
      if (auto *call = llvm::dyn_cast<llvm::CallBase>(&i); call && call->getCalledFunction() == marker)
        polls.push_back(call);
  for (llvm::CallBase *call : polls) {
    emitCheck(call, "cmpq $$-1, %fs:0x70", "={@cce}",
              "leaq -128(%rsp), %rsp\n\tcallq mp_preempt_asm\n\tleaq 128(%rsp), %rsp",
              nullptr, call->getDebugLoc());
    call->eraseFromParent();
  }
}

} // namespace

void insertStackChecks(llvm::Module &m) {
  // Every function: thunks (goroutine wrappers, deferred calls) carry the
  // MP code inlined into them.  (In C `main`, off the MP stacks, the limit
  // word is 0 and checks pass.)
  llvm::Function *marker = m.getFunction(kPollMarker);
  for (llvm::Function &f : m) {
    if (f.isDeclaration())
      continue;
    uint64_t frame = allocaBytes(f);
    bool leaf = frame <= kSmallFrame && isLeaf(f, marker);
    if (marker)
      insertLoopPolls(f, marker);
    if (!leaf)
      insertEntryCheck(f, frame);
    f.removeFnAttr(kStackCheckAttr);
  }
  if (marker && marker->use_empty())
    marker->eraseFromParent();
}

} // namespace mp::codegen
