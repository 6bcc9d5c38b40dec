// driver/repl_session.h: the state of one `mpc repl` session and how an
// input is compiled against it.  The session is kept as MP source: imports,
// declaration inputs (func, type, const) and one `var x T` per variable
// defined at top level.  Each statement input becomes `func __repl_N()` in
// a new module, checked together with the session's source; functions and
// variables defined by earlier modules become external declarations, so
// every input links against the JIT'd code of the ones before it.  Inputs
// run as root goroutines in runtime session mode (runtime.h).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "driver/jit.h"
#include "frontend/ast.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Target/TargetMachine.h"

namespace mp::driver {

struct ReplBuild;
struct Edit {
  size_t offset, length;  // bytes of the input text
  std::string text;
};

class ReplSession {
public:
  ReplSession();
  ~ReplSession();

  /// Starts the JIT; false (and a message on stderr) if it cannot.
  bool start();
  /// Compiles and runs one complete input.  Problems are reported on stderr
  /// and leave the session as it was.
  void eval(llvm::StringRef input);
  /// `:type EXPR`: prints the expression's type without running it.
  void printType(llvm::StringRef expr);
  /// `:load FILE`: the file's imports, declarations and package variables
  /// join the session (its `func main` is not run; call `main()`).
  void loadFile(const std::string &path);
  /// `:reset`: forgets every declaration and variable (goroutines started
  /// earlier keep running on their own code and data).
  void reset();
  /// Set from the SIGINT handler; the REPL clears it before reading an
  /// input, so a Ctrl-C while that input compiles or runs interrupts it.
  volatile int *interruptFlag() { return &Interrupt; }

private:
  struct NewVar {
    std::string name, type;
    SourceLoc loc;  // its identifier in the input
  };
  struct Rewrite {
    std::vector<Edit> edits;     // on the input
    std::vector<NewVar> newVars;  // session variables it defines
    std::string prefixTail;  // appended to the wrapper line
  };
  void evalImport(llvm::StringRef input);
  void evalDecl(llvm::StringRef input);
  void evalStmt(llvm::StringRef input);
  // Checks the session's files plus `prefix + input` (closed by `}` when
  // inFunc: the prefix opened a function) with `globals` as the variables.
  std::unique_ptr<ReplBuild> check(const std::string &prefix, llvm::StringRef input,
                                   const std::vector<std::string> &globals, bool inFunc);
  // check(), and when the input fails for want of standard packages'
  // imports (repl_autoimport.h), again with them added to Imports; they
  // stay only if that makes the input check (and !keepImports drops them).
  std::unique_ptr<ReplBuild> checkAutoImport(const std::function<std::string()> &prefix,
                                             llvm::StringRef input, bool inFunc,
                                             bool keepImports = true);
  Rewrite rewriteInput(ReplBuild &b, const std::vector<Stmt *> &stmts);
  Rewrite printRewrite(ReplBuild &b, ExprStmt *es);
  // Lowers b's program, links it against earlier inputs and adds it to the
  // JIT; false after reporting a problem.
  bool compileAndLink(ReplBuild &b, const std::string &entry,
                      const std::set<std::string> &globalNames);
  // A String or Error method slot of a kept type descriptor that a new
  // module's copy of the descriptor fills: the method was declared after
  // an earlier input made the descriptor (a boxed value of the type).
  struct DescPatch {
    std::string desc, thunk;  // JIT symbols
    size_t offset;            // of the slot in mp_type
    unsigned bit;             // in Descs
  };
  std::vector<DescPatch> descPatches(llvm::Module &m);
  void applyDescPatches(const std::vector<DescPatch> &patches);
  void runEntry(const std::string &entry);
  // The type of session variable `name` ("" if there is none).
  std::string globalType(const std::string &name) const;
  // False, after an error, if rw would give a session variable a new type.
  bool checkRedefinitions(ReplBuild &b, const Rewrite &rw) const;
  std::string importsLine(bool withPrinter) const;

  std::unique_ptr<JitEngine> Jit;
  std::vector<std::unique_ptr<JitEngine>> Retired;  // before :reset
  std::unique_ptr<llvm::TargetMachine> TM;
  std::vector<std::string> Imports;   // import specs: `"fmt"`, `s "strings"`
  std::vector<std::string> Decls;     // declaration inputs, as typed
  std::vector<std::string> Globals;   // `var x T`, one per variable
  std::set<std::string> GlobalNames;  // their names
  std::set<std::string> Defined;      // symbols the current JIT defines
  // Type descriptors (`type:main.T`) the current JIT keeps: the first
  // input's wins (linkonce_odr).  Value: its filled method slots (1 String,
  // 2 Error), which later inputs' patches add to.
  std::map<std::string, unsigned> Descs;
  unsigned PatchCounter = 0;  // names the thunks of patches
  unsigned Counter = 0;               // N of the next __repl_N
  std::string InputName = "repl";     // file name in diagnostics
  volatile int Interrupt = 0;
};

} // namespace mp::driver
