// driver/pipeline.h: the stages `mpc FILE.mp` and `mpc run` share: read and
// parse the files, type-check them, lower the program to an LLVM module
// optimized for the host.  Each step prints its own diagnostics.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "codegen/codegen.h"
#include "frontend/ast.h"
#include "frontend/diagnostics.h"
#include "sema/sema.h"
#include "llvm/Target/TargetMachine.h"

namespace mp::driver {

/// Prints `mpc: error: MSG` and returns exit status 1.
int fail(const std::string &msg);

/// One compilation: its sources, diagnostics and checked program.
struct Compilation {
  SourceManager sm;
  DiagnosticEngine diags{sm};
  ASTContext ast;
  std::vector<SourceFile *> files;
  std::unique_ptr<sema::CheckedProgram> prog;
};

/// Loads, parses and type-checks `paths` into `c` (with Go's limit of 10
/// errors).  False when anything was reported as an error.
bool checkFiles(Compilation &c, const std::vector<std::string> &paths, bool requireMain);

/// Lowers c.prog into `ctx` and optimizes it at cg.optLevel for the host
/// machine, returned in `tm`.  Null when something was reported.
std::unique_ptr<llvm::Module> lowerOptimized(Compilation &c, llvm::LLVMContext &ctx,
                                             const codegen::Options &cg,
                                             std::unique_ptr<llvm::TargetMachine> &tm);

} // namespace mp::driver
