// codegen/fdiv_pairs.h: two scalar float64 divisions as one packed SSE2
// `divpd` (fdiv_pairs.cpp; registered by optimize(), emit.cpp).
#ifndef MP_CODEGEN_FDIV_PAIRS_H
#define MP_CODEGEN_FDIV_PAIRS_H

#include "llvm/IR/PassManager.h"

namespace mp::codegen {

// Before the vectorizer: asks the unroller for two copies of each small
// innermost loop that divides float64s.
struct FDivUnrollHintPass : llvm::PassInfoMixin<FDivUnrollHintPass> {
  llvm::PreservedAnalyses run(llvm::Function &f, llvm::FunctionAnalysisManager &fam);
};

// Last: pairs independent float64 divisions of one block into one
// `fdiv <2 x double>`.
struct FDivPairPass : llvm::PassInfoMixin<FDivPairPass> {
  llvm::PreservedAnalyses run(llvm::Function &f, llvm::FunctionAnalysisManager &fam);
};

} // namespace mp::codegen

#endif
