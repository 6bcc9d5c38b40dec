// test/unit/stdlib/bufio_test.cpp: bufio's Scanner, Reader and Writer
// against Go (bufio_cases.def, expected strings from `go run`).  Go reads
// from a strings.Reader; here the same bytes come from a file, as a
// program's stdin would.  The helpers mirror go/bufio_helpers.go.
#include "go_cases.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <unistd.h>

using namespace fmtcase;
using gocase::sprint;
using gocase::sprintf;

namespace {

// An *os.File reading `content` from its start.
mp_os_File *fileWith(const std::string &content) {
  FILE *f = std::tmpfile();
  std::fwrite(content.data(), 1, content.size(), f);
  std::fflush(f);
  int fd = dup(fileno(f));
  std::fclose(f);
  lseek(fd, 0, SEEK_SET);
  auto *file = static_cast<mp_os_File *>(mp_alloc(sizeof(mp_os_File)));
  *file = mp_os_File{fd, str("/tmp/input")};
  return file;
}

std::string scanAll(const std::string &input, int split) {
  mp_bufio_Scanner *s = mp_bufio_NewScanner(fileWith(input));
  if (split)
    mp_bufio_Scanner_Split(s, split == 1 ? MP_BUFIO_SCAN_WORDS : MP_BUFIO_SCAN_RUNES);
  std::vector<std::string> toks;
  while (mp_bufio_Scanner_Scan(s))
    toks.push_back(std_str(mp_bufio_Scanner_Text(s)));
  mp_iface v = SS({});
  auto *arr = static_cast<mp_string *>(mp_alloc(sizeof(mp_string) * (toks.size() + 1)));
  for (size_t i = 0; i < toks.size(); ++i)
    arr[i] = str(toks[i]);
  *static_cast<mp_slice *>(v.data) = mp_slice{arr, int64_t(toks.size()), int64_t(toks.size())};
  if (toks.empty())
    *static_cast<mp_slice *>(v.data) = mp_slice{nullptr, 0, 0};
  return sprintf("%q %v %q", {v, box(T_error, mp_bufio_Scanner_Err(s)), S(std_str(mp_bufio_Scanner_Text(s)))});
}

std::string scanLong(std::initializer_list<int> lens) {
  std::string input;
  for (int n : lens)
    input += std::string(size_t(n), 'x') + "\n";
  mp_bufio_Scanner *s = mp_bufio_NewScanner(fileWith(input));
  std::string out;
  while (mp_bufio_Scanner_Scan(s))
    out += std::to_string(mp_bufio_Scanner_Text(s).len) + " ";
  return out + sprint({box(T_error, mp_bufio_Scanner_Err(s))});
}

std::string readAll(const std::string &input, char delim) {
  mp_bufio_Reader *r = mp_bufio_NewReader(fileWith(input));
  std::string out;
  for (;;) {
    mp_iface err;
    mp_string s = mp_bufio_Reader_ReadString(r, uint8_t(delim), &err);
    out += sprintf("%q,%v;", {box(T_string, s), box(T_error, err)});
    if (err.type)
      return out;
  }
}

std::string writerTrace(std::initializer_list<int> ops) {
  mp_os_File *f = fileWith("");
  mp_bufio_Writer *w = mp_bufio_NewWriter(f);
  auto written = [&] { return std::to_string(lseek(int(f->fd), 0, SEEK_CUR)); };
  std::string out;
  for (int op : ops) {
    if (op < 0)
      mp_bufio_Writer_WriteRune(w, -op, nullptr);
    else
      mp_bufio_Writer_WriteString(w, str(std::string(size_t(op), 'y')), nullptr);
    out += written() + "," + std::to_string(mp_bufio_Writer_Buffered(w)) + " ";
  }
  mp_bufio_Writer_Flush(w);
  return out + written();
}

const std::vector<gocase::StrCase> &bufioCases() {
  static const std::vector<gocase::StrCase> all = {
#include "bufio_cases.def"
  };
  return all;
}

GO_CASES_TEST(BufioGo, bufioCases);

} // namespace

TEST(Bufio, ReadStringAtEOFIsTheIoEOFValue) {
  mp_iface err;
  mp_bufio_Reader_ReadString(mp_bufio_NewReader(fileWith("x")), '\n', &err);
  EXPECT_EQ(err.type, mp_io_EOF.type);
  EXPECT_EQ(err.data, mp_io_EOF.data);
  EXPECT_EQ(std_str(mp_error_Error(err)), "EOF");
}

TEST(BufioDeathTest, SplitAfterScanPanicsAsGo) {
  mp_bufio_Scanner *s = mp_bufio_NewScanner(fileWith("a\n"));
  mp_bufio_Scanner_Scan(s);
  EXPECT_EXIT(mp_bufio_Scanner_Split(s, MP_BUFIO_SCAN_WORDS), testing::ExitedWithCode(2),
              "^panic: Split called after Scan\n");
}
