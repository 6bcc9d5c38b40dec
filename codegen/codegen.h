// codegen/codegen.h: the code generator's public API (stage 3: typed AST ->
// llvm::Module -> object file).  lowerProgram() turns a CheckedProgram
// without errors into an LLVM module whose `main` starts the MP runtime;
// optimize() runs the new pass manager's default pipeline; emitObject()
// writes an object or assembly file for the host.
#ifndef MP_CODEGEN_CODEGEN_H
#define MP_CODEGEN_CODEGEN_H

#include <memory>
#include <string>

#include "frontend/diagnostics.h"
#include "sema/sema.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

namespace llvm {
class TargetMachine;
}

namespace mp::codegen {

struct Options {
  unsigned optLevel = 2; // 0..3
  bool debugInfo = false; // -g: DWARF line tables and subprograms
  std::string moduleName = "main";
  // REPL: describe every package-level named type and its pointer type
  // even when unused, so that the driver sees each one's current String
  // and Error methods (the kept descriptor of an earlier input may lack
  // methods declared since; driver/repl_session.cpp patches it).
  bool describeNamedTypes = false;
};

// Lowers a checked program (no errors) to a module for the host target.
// Constructs not lowered are reported to `diags`; the module is then
// unusable (check diags.hasErrors()).
std::unique_ptr<llvm::Module> lowerProgram(const sema::CheckedProgram &prog,
                                           const SourceManager &sm,
                                           DiagnosticEngine &diags,
                                           llvm::LLVMContext &ctx, const Options &opts);

// The host TargetMachine (nullptr and `error` set if the target is unknown).
std::unique_ptr<llvm::TargetMachine> hostTargetMachine(unsigned optLevel,
                                                       std::string &error);

// The default -O<n> pipeline of the new pass manager (O0: always-inline only).
void optimize(llvm::Module &m, llvm::TargetMachine &tm, unsigned optLevel);

enum class FileKind { Object, Assembly };
// Writes `m` as an object or assembly file to `os`; false and `error` set
// on failure.
bool emitFile(llvm::Module &m, llvm::TargetMachine &tm, FileKind kind,
              llvm::raw_pwrite_stream &os, std::string &error);

} // namespace mp::codegen

#endif
