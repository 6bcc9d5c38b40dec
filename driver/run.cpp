// driver/run.cpp: `mpc run FILE.mp... [-O0|-O1|-O2|-O3] [-- ARGS]` — checks
// and lowers the program as `mpc FILE.mp` would, then runs its C `main` on
// the JIT inside this process instead of writing a binary.  Output, exit
// status, panics and deadlock reports are the compiled binary's because the
// same runtime runs it (mp_main ends the process).  os.Args is
// [first file without .mp, ARGS...], the name the compiled binary would have.
#include "run.h"
#include "pipeline.h"

#include <cstdio>
#include <string>
#include <vector>

#include "codegen/codegen.h"
#include "driver/jit.h"
#include "frontend/parser.h"
#include "mp/stdlib.h"
#include "sema/sema.h"
#include "llvm/Target/TargetMachine.h"

namespace mp::driver {
namespace {

struct RunOptions {
  unsigned optLevel = 2;  // as `mpc FILE.mp`: the steady state matches
  std::vector<std::string> files;
  std::vector<std::string> args;  // after `--`
};

bool parseRunArgs(int argc, char **argv, RunOptions &o, std::string &err) {
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") {
      o.args.assign(argv + i + 1, argv + argc);
      break;
    }
    if (a.size() == 3 && a[0] == '-' && a[1] == 'O' && a[2] >= '0' && a[2] <= '3')
      o.optLevel = unsigned(a[2] - '0');
    else if (a.size() > 1 && a[0] == '-') {
      err = "unknown option for run: " + a;
      return false;
    } else
      o.files.push_back(a);
  }
  if (o.files.empty())
    err = "no input files";
  return err.empty();
}

std::string programName(const std::string &file) {
  llvm::StringRef f(file);
  f.consume_back(".mp");
  return f.str();
}

} // namespace

int runRun(int argc, char **argv) {
  RunOptions opts;
  std::string err;
  if (!parseRunArgs(argc, argv, opts, err))
    return fail(err);
  Compilation c;
  if (!checkFiles(c, opts.files, /*requireMain=*/true))
    return 1;
  auto ctx = std::make_unique<llvm::LLVMContext>();
  codegen::Options cg;
  cg.optLevel = opts.optLevel;
  cg.moduleName = opts.files[0];
  std::unique_ptr<llvm::TargetMachine> tm;
  auto mod = lowerOptimized(c, *ctx, cg, tm);
  if (!mod)
    return 1;

  auto jit = JitEngine::create(opts.optLevel);
  if (!jit)
    return fail(llvm::toString(jit.takeError()));
  (*jit)->prepareModule(*mod);
  if (auto e = (*jit)->addModule(llvm::orc::ThreadSafeModule(std::move(mod), std::move(ctx))))
    return fail(llvm::toString(std::move(e)));
  auto entry = (*jit)->lookup("main");
  if (!entry)
    return fail(llvm::toString(entry.takeError()));

  std::vector<std::string> storage{programName(opts.files[0])};
  storage.insert(storage.end(), opts.args.begin(), opts.args.end());
  std::vector<char *> pargv;
  for (std::string &s : storage)
    pargv.push_back(s.data());
  pargv.push_back(nullptr);
  int pargc = int(storage.size());
  mp_os_SetArgs(pargc, pargv.data());
  auto cmain = reinterpret_cast<int (*)(int, char **)>(*entry);
  return cmain(pargc, pargv.data());  // mp_main exits the process
}

} // namespace mp::driver
