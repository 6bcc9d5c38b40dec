// driver/jit.cpp: the ORC LLJIT engine shared by `mpc run` and `mpc repl`.
// Symbols: JIT'd code resolves mp_* (runtime, stdlib) and libc from the mpc
// process itself (LLJIT's default process-symbols dylib; driver/CMakeLists
// links libmprt/libmpstd whole and exports their symbols).
// GC: Boehm scans the data and bss of the executable, not memory that JITLink
// maps for a module, so every writable section of a JIT'd module (package
// variables hold pointers to the heap) is added as a root once it is fixed up.
#include "jit.h"

#include <gc.h>

#include "llvm/ExecutionEngine/JITLink/JITLink.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/ObjectLinkingLayer.h"
#include "llvm/Support/TargetSelect.h"

namespace mp::driver {
namespace {

using namespace llvm;
using namespace llvm::orc;

// Registers each writable section's blocks with the collector after fixups,
// before any JIT'd code runs.  Roots are never removed: modules are never
// unloaded (the REPL keeps every input's module alive).
class GCRootsPlugin : public ObjectLinkingLayer::Plugin {
public:
  void modifyPassConfig(MaterializationResponsibility &, jitlink::LinkGraph &,
                        jitlink::PassConfiguration &config) override {
    config.PostFixupPasses.push_back(addRoots);
  }
  Error notifyFailed(MaterializationResponsibility &) override { return Error::success(); }
  Error notifyRemovingResources(JITDylib &, ResourceKey) override { return Error::success(); }
  void notifyTransferringResources(JITDylib &, ResourceKey, ResourceKey) override {}

private:
  static Error addRoots(jitlink::LinkGraph &g) {
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
};

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
  linker->addPlugin(std::make_unique<GCRootsPlugin>());
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
