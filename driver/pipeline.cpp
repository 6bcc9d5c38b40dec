// driver/pipeline.cpp: see pipeline.h.
#include "pipeline.h"

#include <cstdio>

#include "frontend/parser.h"

namespace mp::driver {

int fail(const std::string &msg) {
  std::fprintf(stderr, "mpc: error: %s\n", msg.c_str());
  return 1;
}

bool checkFiles(Compilation &c, const std::vector<std::string> &paths, bool requireMain) {
  c.diags.setErrorLimit(10);
  for (const std::string &path : paths) {
    std::string why;
    int id = c.sm.loadFile(path, why);
    if (id < 0) {
      fail("cannot read '" + path + "': " + why);
      return false;
    }
    c.files.push_back(parseFile(c.ast, c.sm, id, c.diags));
  }
  if (c.diags.hasErrors())
    return false;
  sema::CheckOptions co;
  co.requireMain = requireMain;
  c.prog = sema::check(c.ast, c.files, c.sm, c.diags, co);
  return !c.diags.hasErrors();
}

std::unique_ptr<llvm::Module> lowerOptimized(Compilation &c, llvm::LLVMContext &ctx,
                                             const codegen::Options &cg,
                                             std::unique_ptr<llvm::TargetMachine> &tm) {
  auto mod = codegen::lowerProgram(*c.prog, c.sm, c.diags, ctx, cg);
  if (c.diags.hasErrors() || !mod)
    return nullptr;
  std::string err;
  tm = codegen::hostTargetMachine(cg.optLevel, err);
  if (!tm) {
    fail(err);
    return nullptr;
  }
  codegen::optimize(*mod, *tm, cg.optLevel);
  return mod;
}

} // namespace mp::driver
