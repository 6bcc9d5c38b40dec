// codegen/fdiv_pairs.cpp: float64 divisions two at a time.
//
// Why: a loop that divides (spectralnorm's `1.0 / float64(...)`) is bound
// by the divider's throughput, one `divsd` per ~4.6 cycles on this
// machine, whatever else the loop does; Go's code is bound the same way.
// SSE2's `divpd` (baseline x86-64, as Go's amd64 v1) divides two lanes in
// the same time.  Each lane is an IEEE division, so the results are the
// scalar ones bit for bit; everything else (the sums, in their order)
// stays scalar.  LLVM's vectorizers do not get there: the loop vectorizer
// also widens the integer arithmetic feeding the division (64-bit multiply,
// emulated in SSE2) and needs reassociation for the sum; SLP does not pair
// two divisions whose users are a chain of scalar adds.
//
// How: FDivUnrollHintPass (vectorizer start) sets `llvm.loop.unroll.count
// 2` on small innermost loops with an fdiv whose operands the loop
// computes without reading memory or the fdiv's last value, so the unroller (runtime unrolling,
// with a remainder) makes two copies of the body; FDivPairPass (last)
// takes two fdivs of one block in a loop, d0 before d1, where d1 does not
// depend on d0, hoists the pure instructions computing d1's operands above
// d0, and replaces both by the lanes of one `fdiv <2 x double>`.  Only in
// loops, where the divider's throughput is what counts: the pair costs two
// shuffles (pack the divisors, take lane 1) of latency.
#include "codegen/fdiv_pairs.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Transforms/Utils/LoopUtils.h"

namespace mp::codegen {

namespace {

constexpr unsigned kMaxUnrolledBody = 48;  // instructions in the loop before unrolling

bool isF64Div(const llvm::Instruction &i) {
  return i.getOpcode() == llvm::Instruction::FDiv && i.getType()->isDoubleTy();
}

// Whether v, computed in loop l, uses `d` (through instructions of l
// other than phis).
bool usesInLoop(llvm::Value *v, llvm::Instruction *d, llvm::Loop *l) {
  llvm::SmallPtrSet<llvm::Value *, 16> seen;
  llvm::SmallVector<llvm::Value *, 16> work{v};
  while (!work.empty()) {
    auto *i = llvm::dyn_cast<llvm::Instruction>(work.pop_back_val());
    if (i == d)
      return true;
    if (!i || !l->contains(i) || llvm::isa<llvm::PHINode>(i) || !seen.insert(i).second)
      continue;
    work.append(i->op_begin(), i->op_end());
  }
  return false;
}

// True when the loop computes d's operands without reading memory (from
// values entering the loop, phis and arithmetic), and not from d's value
// in the iteration before (`x = x / 3`), so that once the loop is unrolled
// the next iteration's copy of d can be hoisted beside it.
bool nextCopyPairable(llvm::Instruction *d, llvm::Loop *l) {
  llvm::SmallPtrSet<llvm::Instruction *, 16> seen;
  llvm::SmallVector<llvm::Instruction *, 16> work{d};
  while (!work.empty()) {
    llvm::Instruction *i = work.pop_back_val();
    for (llvm::Value *op : i->operands()) {
      auto *oi = llvm::dyn_cast<llvm::Instruction>(op);
      if (!oi || !l->contains(oi) || !seen.insert(oi).second)
        continue;
      if (auto *phi = llvm::dyn_cast<llvm::PHINode>(oi)) {
        for (llvm::Value *in : phi->incoming_values())
          if (usesInLoop(in, d, l))
            return false;
        continue;
      }
      if (oi->mayReadOrWriteMemory() || !llvm::isSafeToSpeculativelyExecute(oi))
        return false;
      work.push_back(oi);
    }
  }
  return true;
}

// The instructions of d1's block, between d0 and d1, that d1's operands
// depend on, in block order; false if one of them cannot move above d0
// (memory, side effects, phis) or d1 depends on d0.
bool hoistableOperands(llvm::Instruction *d0, llvm::Instruction *d1,
                       llvm::SmallVectorImpl<llvm::Instruction *> &chain) {
  llvm::SmallSetVector<llvm::Instruction *, 16> need;
  llvm::SmallVector<llvm::Instruction *, 16> work{d1};
  while (!work.empty()) {
    llvm::Instruction *i = work.pop_back_val();
    for (llvm::Value *op : i->operands()) {
      auto *oi = llvm::dyn_cast<llvm::Instruction>(op);
      if (!oi || oi->getParent() != d1->getParent() || oi->comesBefore(d0))
        continue;
      if (oi == d0 || llvm::isa<llvm::PHINode>(oi) || oi->mayReadOrWriteMemory() ||
          oi->mayHaveSideEffects() || !llvm::isSafeToSpeculativelyExecute(oi))
        return false;
      if (need.insert(oi))
        work.push_back(oi);
    }
  }
  chain.assign(need.begin(), need.end());
  llvm::sort(chain, [](llvm::Instruction *a, llvm::Instruction *b) { return a->comesBefore(b); });
  return true;
}

void pack(llvm::Instruction *d0, llvm::Instruction *d1) {
  llvm::IRBuilder<> b(d0);
  auto *v2 = llvm::FixedVectorType::get(b.getDoubleTy(), 2);
  auto lanes = [&](unsigned op) {
    llvm::Value *v = llvm::PoisonValue::get(v2);
    v = b.CreateInsertElement(v, d0->getOperand(op), uint64_t(0));
    return b.CreateInsertElement(v, d1->getOperand(op), uint64_t(1));
  };
  llvm::Value *num = lanes(0), *den = lanes(1);
  llvm::Value *q = b.CreateFDiv(num, den, d0->getName() + ".pair");
  if (auto *qi = llvm::dyn_cast<llvm::Instruction>(q))
    qi->copyIRFlags(d0), qi->andIRFlags(d1);
  d0->replaceAllUsesWith(b.CreateExtractElement(q, uint64_t(0)));
  llvm::Value *q1 = b.CreateExtractElement(q, uint64_t(1));
  d1->replaceAllUsesWith(q1);
  d0->eraseFromParent();
  d1->eraseFromParent();
}

bool pairBlock(llvm::BasicBlock &bb) {
  llvm::SmallVector<llvm::Instruction *, 4> divs;
  for (llvm::Instruction &i : bb)
    if (isF64Div(i))
      divs.push_back(&i);
  bool changed = false;
  for (size_t k = 0; k + 1 < divs.size(); ++k) {
    llvm::Instruction *d0 = divs[k], *d1 = divs[k + 1];
    llvm::SmallVector<llvm::Instruction *, 16> chain;
    if (!hoistableOperands(d0, d1, chain))
      continue;
    for (llvm::Instruction *i : chain)
      i->moveBefore(d0);
    pack(d0, d1);
    ++k;
    changed = true;
  }
  return changed;
}

} // namespace

llvm::PreservedAnalyses FDivUnrollHintPass::run(llvm::Function &f,
                                                llvm::FunctionAnalysisManager &fam) {
  llvm::LoopInfo &li = fam.getResult<llvm::LoopAnalysis>(f);
  bool changed = false;
  for (llvm::Loop *l : li.getLoopsInPreorder()) {
    if (!l->isInnermost() || llvm::findStringMetadataForLoop(l, "llvm.loop.unroll.count"))
      continue;
    unsigned size = 0;
    bool pairable = false;
    for (llvm::BasicBlock *bb : l->blocks())
      for (llvm::Instruction &i : *bb) {
        size += !i.isDebugOrPseudoInst();
        pairable |= isF64Div(i) && nextCopyPairable(&i, l);
      }
    if (!pairable || size > kMaxUnrolledBody)
      continue;
    llvm::addStringMetadataToLoop(l, "llvm.loop.unroll.count", 2);
    changed = true;
  }
  llvm::PreservedAnalyses pa;
  if (changed)
    pa.preserveSet<llvm::CFGAnalyses>();  // metadata only
  return changed ? pa : llvm::PreservedAnalyses::all();
}

llvm::PreservedAnalyses FDivPairPass::run(llvm::Function &f, llvm::FunctionAnalysisManager &fam) {
  llvm::LoopInfo &li = fam.getResult<llvm::LoopAnalysis>(f);
  bool changed = false;
  for (llvm::BasicBlock &bb : f)
    if (li.getLoopFor(&bb))
      changed |= pairBlock(bb);
  if (!changed)
    return llvm::PreservedAnalyses::all();
  llvm::PreservedAnalyses pa;
  pa.preserveSet<llvm::CFGAnalyses>();
  return pa;
}

} // namespace mp::codegen
