// driver/jit.cpp: the ORC LLJIT engine shared by `mpc run` and `mpc repl`.
// Symbols: JIT'd code resolves mp_* (runtime, stdlib) and libc from the mpc
// process itself (LLJIT's default process-symbols dylib; driver/CMakeLists
// links libmprt/libmpstd whole and exports their symbols).
// GC: Boehm scans the data and bss of the executable, not memory that JITLink
// maps for a module, so every writable section of a JIT'd module (package
// variables hold pointers to the heap) is added as a root once it is fixed up.
// Traces: each module's functions are registered with the runtime by name.
#include "jit.h"

#include <dlfcn.h>
#include <gc.h>

#include <cstring>
#include <vector>

#include "mp/runtime.h"

#include "llvm/ExecutionEngine/JITLink/JITLink.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/ObjectLinkingLayer.h"
#include "llvm/Support/TargetSelect.h"

namespace mp::driver {
namespace {

using namespace llvm;
using namespace llvm::orc;

// A JITLink plugin that runs one pass on each linked graph after fixups,
// before any of its code runs; it keeps no per-module state, so the other
// notifications have nothing to do.
class PostFixupPlugin : public ObjectLinkingLayer::Plugin {
public:
  using Pass = Error (*)(jitlink::LinkGraph &);
  explicit PostFixupPlugin(Pass pass) : P(pass) {}
  void modifyPassConfig(MaterializationResponsibility &, jitlink::LinkGraph &,
                        jitlink::PassConfiguration &config) override {
    config.PostFixupPasses.push_back(P);
  }
  Error notifyFailed(MaterializationResponsibility &) override { return Error::success(); }
  Error notifyRemovingResources(JITDylib &, ResourceKey) override { return Error::success(); }
  void notifyTransferringResources(JITDylib &, ResourceKey, ResourceKey) override {}

private:
  Pass P;
};

// Registers each writable section's blocks with the collector.  Roots are
// never removed: modules are never unloaded (the REPL keeps every input's
// module alive).
Error addGCRoots(jitlink::LinkGraph &g) {
  for (jitlink::Section &sec : g.sections()) {
    if ((sec.getMemProt() & MemProt::Write) == MemProt::None)
      continue;
    for (jitlink::Block *b : sec.blocks()) {
      if (b->getSize() == 0)
        continue;
      char *lo = b->getAddress().toPtr<char *>();
      GC_add_roots(lo, lo + b->getSize());
    }
  }
  return Error::success();
}

// Registers the code range of every function of a module with the runtime
// (mp_register_funcs), so that `fatal error: stack overflow` names the JIT'd
// function that overflowed (dladdr, which names a compiled binary's, knows
// nothing of JIT'd code).  Tables live as long as the process.
Error registerFuncs(jitlink::LinkGraph &g) {
  std::vector<mp_func_info> table;
  for (jitlink::Symbol *sym : g.defined_symbols()) {
    if (!sym->isCallable() || !sym->hasName() || sym->getSize() == 0)
      continue;
    auto *pos = new mp_srcpos{nullptr, 0, 0, strdup(sym->getName().str().c_str())};
    const char *lo = sym->getAddress().toPtr<const char *>();
    table.push_back({lo, lo + sym->getSize(), pos});
  }
  // Looked up, not linked: mpjit does not depend on the runtime library.
  using RegisterFn = void (*)(const mp_func_info *, size_t);
  static auto reg = reinterpret_cast<RegisterFn>(dlsym(RTLD_DEFAULT, "mp_register_funcs"));
  if (reg && !table.empty()) {
    auto *kept = new std::vector<mp_func_info>(std::move(table));
    reg(kept->data(), kept->size());
  }
  return Error::success();
}

} // namespace

void initNativeTarget() {
  static bool done = [] {
    InitializeNativeTarget();
    InitializeNativeTargetAsmPrinter();
    InitializeNativeTargetAsmParser();  // codegen's stack checks are inline asm
    return true;
  }();
  (void)done;
}

Expected<std::unique_ptr<JitEngine>> JitEngine::create(unsigned optLevel) {
  initNativeTarget();
  auto jtmb = JITTargetMachineBuilder::detectHost();
  if (!jtmb)
    return jtmb.takeError();
  static const CodeGenOptLevel levels[] = {CodeGenOptLevel::None, CodeGenOptLevel::Less,
                                           CodeGenOptLevel::Default,
                                           CodeGenOptLevel::Aggressive};
  jtmb->setCodeGenOptLevel(levels[optLevel > 3 ? 3 : optLevel]);
  auto jit = LLJITBuilder().setJITTargetMachineBuilder(std::move(*jtmb)).create();
  if (!jit)
    return jit.takeError();
  auto *linker = dyn_cast<ObjectLinkingLayer>(&(*jit)->getObjLinkingLayer());
  if (!linker)
    return createStringError(inconvertibleErrorCode(), "JIT object layer is not JITLink");
  linker->addPlugin(std::make_unique<PostFixupPlugin>(addGCRoots));
  linker->addPlugin(std::make_unique<PostFixupPlugin>(registerFuncs));
  return std::unique_ptr<JitEngine>(new JitEngine(std::move(*jit)));
}

void JitEngine::prepareModule(Module &m) const {
  m.setTargetTriple(Jit->getTargetTriple().str());
  m.setDataLayout(Jit->getDataLayout());
}

Error JitEngine::addModule(ThreadSafeModule m) {
  return Jit->addIRModule(std::move(m));
}

Expected<void *> JitEngine::lookup(StringRef name) {
  auto addr = Jit->lookup(name);
  if (!addr)
    return addr.takeError();
  return addr->toPtr<void *>();
}

} // namespace mp::driver
