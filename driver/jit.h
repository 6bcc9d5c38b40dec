// driver/jit.h: the in-process JIT behind `mpc run` and `mpc repl` (LLVM 19
// ORC LLJIT for the host).  The runtime (libmprt) and stdlib (libmpstd) are
// linked whole into the mpc binary and their mp_* symbols exported, so JIT'd
// code resolves them from the process.  A JIT'd module's writable sections
// (package-level variables) are registered as Boehm GC roots.
#pragma once

#include <memory>
#include <string>

#include "llvm/ADT/StringRef.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/ThreadSafeModule.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

namespace mp::driver {

class JitEngine {
public:
  /// A JIT for the host at LLVM code-generation level `optLevel` (0..3).
  static llvm::Expected<std::unique_ptr<JitEngine>> create(unsigned optLevel);

  /// Sets `m`'s target triple and data layout to the JIT's.
  void prepareModule(llvm::Module &m) const;
  /// Compiles `m` lazily on first lookup of one of its symbols.
  llvm::Error addModule(llvm::orc::ThreadSafeModule m);
  /// The address of a JIT'd (or runtime) symbol, compiling as needed.
  llvm::Expected<void *> lookup(llvm::StringRef name);

  const llvm::DataLayout &dataLayout() const { return Jit->getDataLayout(); }

private:
  explicit JitEngine(std::unique_ptr<llvm::orc::LLJIT> jit) : Jit(std::move(jit)) {}
  std::unique_ptr<llvm::orc::LLJIT> Jit;
};

/// Brings up the native target once (idempotent).
void initNativeTarget();

} // namespace mp::driver
