// codegen/tail_recursion.cpp: tail-recursion elimination with a virtual
// stack depth, so that the loop it makes still overflows where the
// recursion would have.
//
// Why: `fib(n-1) + fib(n-2)` is accumulator recursion; LLVM's
// TailCallElimPass turns the second call into a loop (`acc += fib(n-1);
// n -= 2`), which halves the calls (fib: 0.73x the time of the two-call
// code).  Lowering marks every call `notail`, because TRE alone would turn
// `return f(n+1) + 1` into an endless loop where Go reports `fatal error:
// stack overflow` (and the backend would turn a `tail` self call into a
// jump back past the entry check).
//
// How: this pass runs at the peephole extension point, just before the
// pipeline's own tailcallelim.  It clears `notail` on the function's
// direct self calls, runs TailCallElimPass, and puts `notail` back on the
// calls that survive (WeakVH: an eliminated call is erased).  If TRE made a
// loop (it gives the function a new entry block that branches to the old
// one, the loop header, whose other predecessors are exactly the blocks of
// the eliminated calls), the header gets `depth = phi [0, entry],
// [depth + frame, back edge]` and each back edge `mp.tailrec.check(depth
// + frame, pos)` (pos: f's mp_srcpos).  insertStackChecks turns the marker into
//     movq %rsp, %r11; subq depth, %r11; cmpq %fs:0x70, %r11; jbe cold
// whose cold path is the entry check's (mp_morestack with %r11 = the
// virtual stack pointer): the loop overflows after the iterations whose
// frames would have overflowed the stack, and yields when sysmon poisons
// the limit, as the eliminated calls' entry checks would have.
//
// Not done in functions that take their return or frame address (recover,
// defer frames): the eliminated frames would share the caller's.
#include "codegen/tail_recursion.h"

#include "codegen/stack_check.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/ValueHandle.h"
#include "llvm/Transforms/Scalar/TailRecursionElimination.h"

namespace mp::codegen {

namespace {

bool takesFrameAddress(llvm::Function &f) {
  for (llvm::BasicBlock &bb : f)
    for (llvm::Instruction &i : bb)
      if (auto *ii = llvm::dyn_cast<llvm::IntrinsicInst>(&i))
        switch (ii->getIntrinsicID()) {
        case llvm::Intrinsic::returnaddress:
        case llvm::Intrinsic::addressofreturnaddress:
        case llvm::Intrinsic::frameaddress:
        case llvm::Intrinsic::eh_sjlj_setjmp:
          return true;
        default:
          break;
        }
  return false;
}

// The stack one eliminated call would have used: its static allocas (TRE
// moved them to the new entry block) plus kTailFrameBytes.
uint64_t frameBytes(llvm::Function &f) {
  const llvm::DataLayout &dl = f.getParent()->getDataLayout();
  uint64_t bytes = kTailFrameBytes;
  for (llvm::Instruction &i : f.getEntryBlock())
    if (auto *a = llvm::dyn_cast<llvm::AllocaInst>(&i))
      if (std::optional<llvm::TypeSize> sz = a->getAllocationSize(dl); sz && !sz->isScalable())
        bytes += sz->getFixedValue();
  return (bytes + 15) & ~uint64_t(15);
}

llvm::FunctionCallee depthMarker(llvm::Module &m) {
  llvm::LLVMContext &ctx = m.getContext();
  llvm::FunctionCallee marker = m.getOrInsertFunction(
      kTailDepthMarker,
      llvm::FunctionType::get(llvm::Type::getVoidTy(ctx),
                              {llvm::Type::getInt64Ty(ctx), llvm::PointerType::get(ctx, 0)}, false));
  if (auto *mf = llvm::dyn_cast<llvm::Function>(marker.getCallee())) {
    // It touches no memory of the program (the check reads the thread's
    // stack limit), so it keeps values in registers across the loop.
    mf->addFnAttr(llvm::Attribute::NoUnwind);
    mf->setMemoryEffects(llvm::MemoryEffects::inaccessibleMemOnly());
  }
  return marker;
}

// header: the old entry block, now the loop TRE made.
void addVirtualDepth(llvm::Function &f, llvm::BasicBlock *header) {
  llvm::BasicBlock *entry = &f.getEntryBlock();
  llvm::Type *i64 = llvm::Type::getInt64Ty(f.getContext());
  llvm::FunctionCallee marker = depthMarker(*f.getParent());
  uint64_t frame = frameBytes(f);
  // The report names f even where f is inlined (in a goroutine's thunk).
  llvm::Value *pos = llvm::ConstantPointerNull::get(llvm::PointerType::get(f.getContext(), 0));
  llvm::StringRef posName = f.getFnAttribute(kStackCheckAttr).getValueAsString();
  if (llvm::GlobalVariable *gv = posName.empty() ? nullptr : f.getParent()->getNamedGlobal(posName))
    pos = gv;
  llvm::SmallVector<llvm::BasicBlock *, 4> preds(llvm::predecessors(header));
  auto *depth = llvm::PHINode::Create(i64, preds.size(), "tr.depth");
  depth->insertBefore(header->begin());
  llvm::DenseMap<llvm::BasicBlock *, llvm::Value *> next;
  for (llvm::BasicBlock *p : preds) {
    if (p == entry) {
      depth->addIncoming(llvm::ConstantInt::get(i64, 0), p);
      continue;
    }
    llvm::Value *&v = next[p];
    if (!v) {
      llvm::IRBuilder<> b(p->getTerminator());
      v = b.CreateAdd(depth, llvm::ConstantInt::get(i64, frame), "tr.depth.next");
      b.CreateCall(marker, {v, pos});
    }
    depth->addIncoming(v, p);
  }
}

} // namespace

llvm::PreservedAnalyses SelfTailRecursionPass::run(llvm::Function &f,
                                                   llvm::FunctionAnalysisManager &fam) {
  if (!f.hasFnAttribute(kStackCheckAttr) || takesFrameAddress(f))
    return llvm::PreservedAnalyses::all();
  llvm::SmallVector<llvm::WeakVH, 4> selfCalls;
  for (llvm::BasicBlock &bb : f)
    for (llvm::Instruction &i : bb)
      if (auto *call = llvm::dyn_cast<llvm::CallInst>(&i);
          call && call->getCalledFunction() == &f && call->getTailCallKind() == llvm::CallInst::TCK_NoTail)
        selfCalls.emplace_back(call);
  if (selfCalls.empty())
    return llvm::PreservedAnalyses::all();
  for (llvm::WeakVH &vh : selfCalls)
    llvm::cast<llvm::CallInst>(vh)->setTailCallKind(llvm::CallInst::TCK_None);
  llvm::BasicBlock *oldEntry = &f.getEntryBlock();
  llvm::PreservedAnalyses pa = llvm::TailCallElimPass().run(f, fam);
  for (llvm::WeakVH &vh : selfCalls)
    if (vh)
      llvm::cast<llvm::CallInst>(vh)->setTailCallKind(llvm::CallInst::TCK_NoTail);
  if (&f.getEntryBlock() == oldEntry)
    return pa;
  addVirtualDepth(f, oldEntry);
  return llvm::PreservedAnalyses::none();
}

} // namespace mp::codegen
