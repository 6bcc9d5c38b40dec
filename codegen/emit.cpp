// codegen/emit.cpp: the host TargetMachine, the new pass manager's default
// -O0..-O3 pipelines, and object/assembly emission (legacy codegen pass
// manager, which LLVM 19 still uses for the backend).
#include "codegen/codegen.h"
#include "codegen/fdiv_pairs.h"
#include "codegen/stack_check.h"
#include "codegen/tail_recursion.h"

#include "llvm/IR/LegacyPassManager.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"

namespace mp::codegen {

std::unique_ptr<llvm::TargetMachine> hostTargetMachine(unsigned optLevel, std::string &error) {
  static bool initialized = [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
    return true;
  }();
  (void)initialized;
  std::string triple = llvm::sys::getDefaultTargetTriple();
  const llvm::Target *target = llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return nullptr;
  if (llvm::StringRef(triple).find("x86_64") == llvm::StringRef::npos) {
    error = "unsupported target '" + triple + "' (the MP runtime is x86-64 only)";
    return nullptr;
  }
  llvm::TargetOptions to;
  auto level = optLevel == 0   ? llvm::CodeGenOptLevel::None
               : optLevel == 1 ? llvm::CodeGenOptLevel::Less
               : optLevel == 2 ? llvm::CodeGenOptLevel::Default
                               : llvm::CodeGenOptLevel::Aggressive;
  // Position-independent code: the system linker makes PIEs by default.
  return std::unique_ptr<llvm::TargetMachine>(target->createTargetMachine(
      triple, "x86-64", "", to, llvm::Reloc::PIC_, std::nullopt, level));
}

void optimize(llvm::Module &m, llvm::TargetMachine &tm, unsigned optLevel) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(&tm);
  // Self tail calls: eliminated with a virtual stack depth, just before
  // the pipeline's own tailcallelim (which leaves `notail` calls alone).
  pb.registerPeepholeEPCallback([](llvm::FunctionPassManager &fpm, llvm::OptimizationLevel) {
    fpm.addPass(SelfTailRecursionPass());
  });
  // float64 divisions two at a time (fdiv_pairs.cpp).
  pb.registerVectorizerStartEPCallback([](llvm::FunctionPassManager &fpm, llvm::OptimizationLevel) {
    fpm.addPass(FDivUnrollHintPass());
  });
  pb.registerOptimizerLastEPCallback([](llvm::ModulePassManager &mpm, llvm::OptimizationLevel) {
    mpm.addPass(llvm::createModuleToFunctionPassAdaptor(FDivPairPass()));
  });
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::OptimizationLevel level = optLevel == 0   ? llvm::OptimizationLevel::O0
                                  : optLevel == 1 ? llvm::OptimizationLevel::O1
                                  : optLevel == 2 ? llvm::OptimizationLevel::O2
                                                  : llvm::OptimizationLevel::O3;
  llvm::ModulePassManager mpm = optLevel == 0 ? pb.buildO0DefaultPipeline(level)
                                              : pb.buildPerModuleDefaultPipeline(level);
  mpm.run(m, mam);
  insertStackChecks(m);
  // Functions start on a 32-byte boundary, as Go's amd64 linker places
  // them.  With LLVM's 16, a hot function's speed depended on unrelated
  // code linked before it: bench/fib took 0.47 to 0.58 s by main.fib's
  // address mod 64 (one more PLT entry in the runtime made it 1.1x Go).
  if (optLevel > 0)
    for (llvm::Function &f : m)
      if (!f.isDeclaration())
        f.setAlignment(llvm::Align(32));
}

bool emitFile(llvm::Module &m, llvm::TargetMachine &tm, FileKind kind,
              llvm::raw_pwrite_stream &os, std::string &error) {
  llvm::legacy::PassManager pm;
  auto ft = kind == FileKind::Object ? llvm::CodeGenFileType::ObjectFile
                                     : llvm::CodeGenFileType::AssemblyFile;
  if (tm.addPassesToEmitFile(pm, os, nullptr, ft)) {
    error = "the target cannot emit this file type";
    return false;
  }
  pm.run(m);
  return true;
}

} // namespace mp::codegen
