// test/unit/stdlib/os_test.cpp: package os (Args, Exit, Stdout/Stderr)
// and fmt's Fprint family on each writer MP has.  What a user relies on:
// output buffered for speed is never lost (Exit flushes it) and never
// reordered (a write to Stderr flushes Stdout first).
#include "capture.hpp"
#include "go_cases.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <unistd.h>

using namespace fmtcase;
using gocase::sprint;

namespace {

mp_iface stdoutW() { return box(&mp_os_File_ptr_type, mp_os_Stdout); }
mp_iface stderrW() { return box(&mp_os_File_ptr_type, mp_os_Stderr); }

// Runs fn with fds 1 and 2 both going to one file, like `2>&1`.
template <typename F> std::string captureBoth(F fn) {
  int saved2 = dup(2);
  std::string out = captureStdout([&] {
    dup2(1, 2);
    fn();
  });
  dup2(saved2, 2);
  close(saved2);
  return out;
}

} // namespace

TEST(Os, ArgsHoldTheProcessArguments) {
  ASSERT_GE(mp_os_Args.len, 1);
  auto *args = static_cast<mp_string *>(mp_os_Args.ptr);
  EXPECT_NE(std_str(args[0]).find("StdlibTests"), std::string::npos);
  char *argv[] = {const_cast<char *>("prog"), const_cast<char *>("x y")};
  mp_slice saved = mp_os_Args;
  mp_os_SetArgs(2, argv);
  EXPECT_EQ(sprint({box(T_sliceString, mp_os_Args)}), "[prog x y]");
  mp_os_Args = saved;
}

TEST(Os, StderrWritesKeepProgramOrderWithBufferedStdout) {
  std::string out = captureBoth([] {
    mp_fmt_Println(args({S("to stdout")}));
    mp_fmt_Fprintln(stderrW(), args({S("to stderr"), I(1)}), nullptr);
    mp_fmt_Fprint(stdoutW(), args({S("again"), I(2), I(3)}), nullptr);
    mp_os_File_WriteString(mp_os_Stderr, str("!\n"));
  });
  EXPECT_EQ(out, "to stdout\nto stderr 1\nagain2 3!\n");
}

TEST(OsDeathTest, ExitFlushesBufferedOutputAndUsesTheCode) {
  EXPECT_EXIT(
      {
        dup2(2, 1);  // so that the death test sees stdout
        mp_fmt_Print(args({S("buffered, not yet written")}));
        mp_os_Exit(3);
      },
      testing::ExitedWithCode(3), "^buffered, not yet written$");
}

TEST(Fmt, FprintfWritesToEachWriterKind) {
  mp_strings_Builder b{};
  mp_iface err{};
  int64_t n = mp_fmt_Fprintf(box(&mp_strings_Builder_ptr_type, &b), str("%d-%s|"), args({I(42), S("x")}), &err);
  mp_fmt_Fprintln(box(&mp_strings_Builder_ptr_type, &b), args({F(1.5), B(true)}), &err);
  EXPECT_EQ(n, 5);
  EXPECT_EQ(err.type, nullptr);
  EXPECT_EQ(std_str(mp_strings_Builder_String(&b)), "42-x|1.5 true\n");

  std::string out = captureStdout([] {
    mp_bufio_Writer *w = mp_bufio_NewWriter(mp_os_Stdout);
    mp_fmt_Fprintf(box(&mp_bufio_Writer_ptr_type, w), str("%5.2f|%q\n"), args({F(3.14159), S("q")}), nullptr);
    mp_fmt_Println(args({S("direct")}));  // overtakes the unflushed writer, as in Go
    mp_bufio_Writer_Flush(w);
  });
  EXPECT_EQ(out, "direct\n 3.14|\"q\"\n");
}

TEST(FmtDeathTest, FprintToNilWriterPanicsAsGo) {
  EXPECT_EXIT(mp_fmt_Fprintln(box(&mp_os_File_ptr_type, static_cast<mp_os_File *>(nullptr)), args({I(1)}), nullptr),
              testing::ExitedWithCode(2), "^panic: runtime error: invalid memory address or nil pointer dereference\n");
}
