// driver/compile.cpp: the compile path of `mpc` — parse, check, lower to
// LLVM IR, optimize, emit, and link with the runtime (libmprt.a), the
// stdlib (libmpstd.a), Boehm GC and pthreads by invoking the system C
// compiler driver (clang-19, else cc).  The libraries are found relative to
// the mpc binary (<prefix>/bin/mpc -> <prefix>/lib), so an installed mpc
// works from any directory.  Every output is written to a temporary file
// in the output's directory and renamed into place only on success, so a
// failure never leaves a half-written output.  An output that exists and is
// not a regular file (`-o /dev/null`, a FIFO) is never renamed over: the
// temporary file is then made in the system's temp directory and copied
// into the output.
#include "compile.h"
#include "pipeline.h"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <string>
#include <vector>

#include "codegen/codegen.h"
#include "frontend/parser.h"
#include "sema/sema.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

namespace mp::driver {
namespace {

enum class OutputKind { Executable, Object, Assembly, LLVMIR };

struct CompileOptions {
  std::vector<std::string> files;
  std::string output;
  unsigned optLevel = 2;
  bool debugInfo = false;
  OutputKind kind = OutputKind::Executable;
};

bool parseArgs(int argc, char **argv, CompileOptions &o, std::string &err) {
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-o") {
      if (i + 1 >= argc) {
        err = "-o needs a file name";
        return false;
      }
      o.output = argv[++i];
    } else if (a.size() == 3 && a.compare(0, 2, "-O") == 0 && a[2] >= '0' && a[2] <= '3') {
      o.optLevel = a[2] - '0';
    } else if (a == "-g") {
      o.debugInfo = true;
    } else if (a == "-S") {
      o.kind = OutputKind::Assembly;
    } else if (a == "-c") {
      o.kind = OutputKind::Object;
    } else if (a == "--emit-llvm") {
      o.kind = OutputKind::LLVMIR;
    } else if (a.size() > 1 && a[0] == '-') {
      err = "unknown command or option: " + a;
      return false;
    } else {
      o.files.push_back(a);
    }
  }
  if (o.files.empty()) {
    err = "no input files";
    return false;
  }
  if (o.output.empty()) {
    std::string stem = llvm::sys::path::stem(o.files[0]).str();
    switch (o.kind) {
    case OutputKind::Executable: o.output = stem; break;
    case OutputKind::Object: o.output = stem + ".o"; break;
    case OutputKind::Assembly: o.output = stem + ".s"; break;
    case OutputKind::LLVMIR: o.output = stem + ".ll"; break;
    }
  }
  return true;
}

// An existing output that is neither a regular file nor a directory.
bool isSpecialFile(const std::string &path) {
  namespace fs = llvm::sys::fs;
  fs::file_status st;
  if (fs::status(path, st) || !fs::exists(st))
    return false;
  return st.type() != fs::file_type::regular_file && st.type() != fs::file_type::directory_file;
}

// A temporary file beside `path` (same file system, so rename is atomic),
// or in the temp directory for a special file.
bool tempBeside(const std::string &path, const char *suffix, std::string &tmp) {
  llvm::SmallString<256> model;
  if (isSpecialFile(path)) {
    llvm::sys::path::system_temp_directory(true, model);
    llvm::sys::path::append(model, "mpc-output");
  } else {
    model = path;
  }
  model += ".tmp-%%%%%%";
  model += suffix;
  int fd;
  llvm::SmallString<256> out;
  if (llvm::sys::fs::createUniqueFile(model, fd, out))
    return false;
  ::close(fd);
  tmp = std::string(out);
  return true;
}

std::string getenvOr(const char *name) {
  const char *v = std::getenv(name);
  return v ? v : "";
}

std::string findProgram(const char *name) {
  auto p = llvm::sys::findProgramByName(name);
  return p ? *p : "";
}

std::string findLinker() {
  for (const char *name : {"clang-19", "clang", "cc"})
    if (auto p = llvm::sys::findProgramByName(name))
      return *p;
  return "";
}

// <dir of mpc>/../lib: libmprt.a and libmpstd.a.
std::string libDir(const char *argv0) {
  std::string exe = llvm::sys::fs::getMainExecutable(argv0, (void *)&libDir);
  llvm::SmallString<256> dir(llvm::sys::path::parent_path(llvm::sys::path::parent_path(exe)));
  llvm::sys::path::append(dir, "lib");
  return std::string(dir);
}

// For testing the runtime under a sanitizer (make check-asan/check-tsan):
// MPC_RUNTIME_DIR=DIR links DIR's libmprt.a and libmpstd.a instead of the
// ones beside mpc, and MPC_SANITIZE=address|thread links with g++ and
// -fsanitize=<it> (the sanitized trees are built by the default compiler,
// GCC, whose sanitizer runtimes they need).
int link(const std::string &obj, const std::string &out, const char *argv0, bool debugInfo) {
  std::string sanitize = getenvOr("MPC_SANITIZE");
  if (!sanitize.empty() && sanitize != "address" && sanitize != "thread")
    return fail("MPC_SANITIZE must be address or thread, not '" + sanitize + "'");
  std::string cc = sanitize.empty() ? findLinker() : findProgram("g++");
  if (cc.empty())
    return fail("no C compiler driver (clang-19, cc or, with MPC_SANITIZE, g++) found to link with");
  std::string lib = getenvOr("MPC_RUNTIME_DIR");
  if (lib.empty())
    lib = libDir(argv0);
  std::string mpstd = lib + "/libmpstd.a", mprt = lib + "/libmprt.a";
  for (const std::string &l : {mpstd, mprt})
    if (!llvm::sys::fs::exists(l))
      return fail("runtime library not found: " + l);
  std::vector<std::string> args{cc, obj, "-o", out, mpstd, mprt, "-lgc", "-lpthread",
                                "-lstdc++", "-lm"};
  if (!sanitize.empty())
    args.push_back("-fsanitize=" + sanitize);
  // Without -g the program carries no DWARF (traces use srcpos constants),
  // and dropping the runtime's makes linking faster.
  if (!debugInfo)
    args.push_back("-Wl,--strip-debug");
  std::vector<llvm::StringRef> refs(args.begin(), args.end());
  std::string errMsg;
  int rc = llvm::sys::ExecuteAndWait(cc, refs, std::nullopt, {}, 0, 0, &errMsg);
  if (rc != 0)
    return fail("linking failed" + (errMsg.empty() ? std::string() : ": " + errMsg));
  return 0;
}

} // namespace

int runCompile(int argc, char **argv) {
  const char *argv0 = argv[-1];
  CompileOptions opts;
  std::string err;
  if (!parseArgs(argc, argv, opts, err))
    return fail(err);
  Compilation c;
  if (!checkFiles(c, opts.files, opts.kind == OutputKind::Executable))
    return 1;
  llvm::LLVMContext ctx;
  codegen::Options cg;
  cg.optLevel = opts.optLevel;
  cg.debugInfo = opts.debugInfo;
  cg.moduleName = opts.files[0];
  std::unique_ptr<llvm::TargetMachine> tm;
  auto mod = lowerOptimized(c, ctx, cg, tm);
  if (!mod)
    return 1;

  const char *suffix = opts.kind == OutputKind::LLVMIR ? ".ll" : opts.kind == OutputKind::Assembly ? ".s" : ".o";
  bool toStdout = opts.output == "-" && opts.kind != OutputKind::Executable;
  std::string tmp;
  if (!toStdout && !tempBeside(opts.output, suffix, tmp))
    return fail("cannot create '" + opts.output + "'");
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(toStdout ? "-" : tmp, ec);
    if (ec)
      return fail("cannot write '" + opts.output + "': " + ec.message());
    if (opts.kind == OutputKind::LLVMIR) {
      mod->print(os, nullptr);
    } else if (!codegen::emitFile(*mod, *tm,
                                  opts.kind == OutputKind::Assembly ? codegen::FileKind::Assembly
                                                                    : codegen::FileKind::Object,
                                  os, err)) {
      llvm::sys::fs::remove(tmp);
      return fail(err);
    }
  }
  if (toStdout)
    return 0;
  if (opts.kind == OutputKind::Executable) {
    std::string exeTmp;
    if (!tempBeside(opts.output, "", exeTmp)) {
      llvm::sys::fs::remove(tmp);
      return fail("cannot create '" + opts.output + "'");
    }
    int rc = link(tmp, exeTmp, argv0, opts.debugInfo);
    llvm::sys::fs::remove(tmp);
    if (rc != 0) {
      llvm::sys::fs::remove(exeTmp);
      return rc;
    }
    tmp = exeTmp;
  }
  std::error_code ec = isSpecialFile(opts.output) ? llvm::sys::fs::copy_file(tmp, opts.output)
                                                  : llvm::sys::fs::rename(tmp, opts.output);
  if (ec) {
    llvm::sys::fs::remove(tmp);
    return fail("cannot write '" + opts.output + "': " + ec.message());
  }
  llvm::sys::fs::remove(tmp);  // after a copy; gone after a rename
  return 0;
}

} // namespace mp::driver
