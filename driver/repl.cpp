// driver/repl.cpp: `mpc repl` — the read-eval-print loop around
// ReplSession.  On a terminal it reads with libedit (emacs keys, history in
// ~/.mp_history) and prompts `mp> ` / `... `; otherwise it reads stdin
// plainly without prompts, so the REPL can be scripted.  An input goes on
// over several lines while brackets are open.  SIGINT (Ctrl-C) interrupts
// the running input, or discards the line being typed; Ctrl-D or :quit
// ends the session.  Output of goroutines that run between inputs is
// flushed by a helper thread every 50 ms.
#include "run.h"

#include <histedit.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "driver/repl_input.h"
#include "driver/repl_session.h"
#include "mp/runtime.h"
// Last: termios.h defines macros (B0, ...) that clash with LLVM's headers.
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>

namespace mp::driver {
namespace {

constexpr const char *kHelp =
    "Enter MP declarations, statements or expressions.\n"
    "  func/type/const/import   declarations persist for the session\n"
    "  x := e, var x = e        define session variables\n"
    "  e                        prints `value : type`\n"
    "  go f()                   goroutines keep running between inputs\n"
    "Commands:\n"
    "  :help          this text\n"
    "  :type EXPR     the type of EXPR, without running it\n"
    "  :load FILE     declarations and variables of an MP file\n"
    "  :reset         forget every declaration and variable\n"
    "  :quit          leave (also Ctrl-D)\n"
    "Ctrl-C interrupts a running input.  A panic, stack overflow or deadlock\n"
    "ends only the input (or goroutine); os.Exit(n) ends the REPL with\n"
    "status n, as it ends a Go program.\n";

volatile sig_atomic_t gSigint = 0;
volatile int *gInterrupt = nullptr;

void onSigint(int) {
  gSigint = 1;
  if (gInterrupt)
    *gInterrupt = 1;
}

void installSigint() {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = onSigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a read at the prompt returns EINTR
  sigaction(SIGINT, &sa, nullptr);
}

// Reads physical lines: libedit on a terminal, stdio otherwise.
class LineReader {
public:
  explicit LineReader(bool interactive) : Interactive(interactive) {
    if (!interactive)
      return;
    Hist = history_init();
    HistEvent ev;
    history(Hist, &ev, H_SETSIZE, 1000);
    if (const char *home = std::getenv("HOME"))
      HistPath = std::string(home) + "/.mp_history";
    if (!HistPath.empty())
      history(Hist, &ev, H_LOAD, HistPath.c_str());
    HaveTerm = tcgetattr(0, &Orig) == 0;
    El = el_init("mpc", stdin, stdout, stderr);
    el_set(El, EL_EDITOR, "emacs");
    el_set(El, EL_HIST, history, Hist);
    el_set(El, EL_PROMPT, promptFn);
    el_set(El, EL_CLIENTDATA, this);
  }
  ~LineReader() {
    if (!Interactive)
      return;
    shutdown();
    el_end(El);
    history_end(Hist);
  }
  // Saves the history and gives the terminal back as it was (once): at the
  // end, or from os.Exit's hook on another thread while el_gets may wait.
  void shutdown() {
    if (!Interactive || ShutDown.exchange(true))
      return;
    HistEvent ev;
    if (!HistPath.empty())
      history(Hist, &ev, H_SAVE, HistPath.c_str());
    if (HaveTerm)
      tcsetattr(0, TCSADRAIN, &Orig);
  }

  enum class Status { Line, Eof, Interrupted };
  Status read(bool continuation, std::string &line) {
    Prompt = continuation ? "... " : "mp> ";
    gSigint = 0;
    return Interactive ? readEdit(line) : readPlain(line);
  }
  void remember(const std::string &line) {
    if (!Interactive || line.find_first_not_of(" \t\n") == std::string::npos)
      return;
    HistEvent ev;
    std::string entry = line.substr(0, line.find_last_not_of("\n") + 1);
    history(Hist, &ev, H_ENTER, entry.c_str());
  }

private:
  static char *promptFn(EditLine *el) {
    void *self = nullptr;
    el_get(el, EL_CLIENTDATA, &self);
    return const_cast<char *>(static_cast<LineReader *>(self)->Prompt);
  }
  // Ctrl-D typed while an input ran reached a terminal in cooked mode,
  // which keeps it as an end-of-file mark; once libedit switches to raw
  // mode it would read a NUL byte instead and the Ctrl-D would be lost.
  // So before el_gets: a pending mark (stdin readable in canonical mode
  // with no bytes to read) is consumed and taken as Ctrl-D.
  static bool eofPending() {
    struct termios tio;
    if (tcgetattr(0, &tio) != 0 || !(tio.c_lflag & ICANON))
      return false;
    struct pollfd p = {0, POLLIN, 0};
    int avail = -1;
    if (poll(&p, 1, 0) != 1 || !(p.revents & POLLIN) || ioctl(0, FIONREAD, &avail) != 0 ||
        avail != 0)
      return false;
    char c;
    return ::read(0, &c, 1) == 0;
  }
  Status readEdit(std::string &line) {
    if (eofPending())
      return Status::Eof;
    int count = 0;
    const char *s = el_gets(El, &count);
    if (!s)
      return count < 0 && (errno == EINTR || gSigint) ? Status::Interrupted : Status::Eof;
    line.assign(s, size_t(count));
    return Status::Line;
  }
  Status readPlain(std::string &line) {
    line.clear();
    for (;;) {
      int c = std::fgetc(stdin);
      if (c == EOF) {
        if (std::ferror(stdin) && errno == EINTR) {
          std::clearerr(stdin);
          return Status::Interrupted;
        }
        return line.empty() ? Status::Eof : Status::Line;
      }
      line += char(c);
      if (c == '\n')
        return Status::Line;
    }
  }

  bool Interactive;
  std::atomic<bool> ShutDown{false};
  bool HaveTerm = false;
  struct termios Orig;  // the terminal before libedit
  EditLine *El = nullptr;
  History *Hist = nullptr;
  std::string HistPath;
  const char *Prompt = "mp> ";
};

std::atomic<LineReader *> gReader{nullptr};

// os.Exit in an input or a goroutine ends the REPL with its status (as it
// ends a Go program); the runtime calls this first, on a thread of its own.
void onOsExit(int) {
  if (LineReader *r = gReader.load())
    r->shutdown();
}

void startFlusher() {
  std::thread([] {
    for (;;) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      mp_stdout_flush();
    }
  }).detach();
}

// Runs a `:command`; false for :quit.
bool runCommand(ReplSession &session, const std::string &input) {
  std::string name, arg;
  splitCommand(input, name, arg);
  if (name == "help" || name == "h" || name == "?") {
    std::fputs(kHelp, stdout);
  } else if (name == "type" || name == "t") {
    if (arg.empty())
      std::fprintf(stderr, "usage: :type EXPR\n");
    else
      session.printType(arg);
  } else if (name == "load" || name == "l") {
    if (arg.empty())
      std::fprintf(stderr, "usage: :load FILE\n");
    else
      session.loadFile(arg);
  } else if (name == "reset") {
    session.reset();
  } else if (name == "quit" || name == "q" || name == "exit") {
    return false;
  } else {
    std::fprintf(stderr, "unknown command :%s (try :help)\n", name.c_str());
  }
  std::fflush(stdout);
  return true;
}

void readEvalPrint(ReplSession &session, LineReader &reader, bool interactive) {
  std::string input, line;
  for (;;) {
    std::fflush(stdout);
    // A Ctrl-C from here on interrupts this input, even one pressed while
    // it is still being compiled.
    *session.interruptFlag() = 0;
    auto status = reader.read(!input.empty(), line);
    if (status == LineReader::Status::Interrupted) {  // Ctrl-C at the prompt
      if (interactive)
        std::fputs("\n", stdout);
      input.clear();
      continue;
    }
    if (status == LineReader::Status::Eof)
      break;
    reader.remember(line);
    input += line;
    if (!isCompleteInput(input))
      continue;
    std::string text = std::move(input);
    input.clear();
    if (classifyInput(text) == InputKind::Command) {
      if (!runCommand(session, text))
        break;
      continue;
    }
    session.eval(text);
  }
}

} // namespace

int runRepl(int argc, char **argv) {
  if (argc > 0) {
    std::fprintf(stderr, "mpc: error: repl takes no arguments: %s\n", argv[0]);
    return 1;
  }
  bool interactive = isatty(0);
  ReplSession session;
  if (!session.start())
    return 1;
  gInterrupt = session.interruptFlag();
  installSigint();
  startFlusher();
  if (interactive)
    std::printf("MP %s REPL; :help for help, Ctrl-D to quit.\n", MPC_VERSION);
  {
    LineReader reader(interactive);  // saves the history when it goes
    gReader.store(&reader);
    mp_session_on_exit(onOsExit);
    readEvalPrint(session, reader, interactive);
    gReader.store(nullptr);
  }
  if (interactive)
    std::fputs("\n", stdout);
  std::fflush(stdout);
  mp_exit(0);  // goroutines may still run: end without static destructors
}

} // namespace mp::driver
