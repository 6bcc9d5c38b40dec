// stdlib/bufio/scanner.cpp: bufio.Scanner over an *os.File, Go's Scan loop
// (buffer from 4 KiB doubling up to MaxScanTokenSize, then "token too
// long") with its ScanLines, ScanWords and ScanRunes split functions.
// Reads go through the runtime's mp_read, so a goroutine waiting for stdin
// parks alone and the others keep running.
#include "bufio_internal.hpp"
#include "mp/runtime.h"
#include "mp/utf8.hpp"

#include <cstring>

struct mp_bufio_Scanner {
  mp_os_File *src;
  mp_bufio_split_kind split;
  int64_t maxTokenSize;
  uint8_t *buf;
  int64_t cap, start, end;
  const uint8_t *token;  // into buf; nullptr when there is none
  int64_t tokenLen;
  mp_iface err;           // sticky; io.EOF at end of input
  bool scanCalled, done;
  int empties;
};

namespace {

using mp::std_::lit;
constexpr int64_t StartBufSize = 4096, MaxConsecutiveEmptyReads = 100;

struct Split {
  int64_t advance = 0;
  const uint8_t *token = nullptr;
  int64_t tokenLen = 0;
};

Split scanLines(const uint8_t *data, int64_t n, bool atEOF) {
  if (atEOF && n == 0)
    return {};
  const void *nl = std::memchr(data, '\n', static_cast<size_t>(n));
  if (!nl && !atEOF)
    return {};  // request more data
  int64_t i = nl ? static_cast<const uint8_t *>(nl) - data : n;
  int64_t len = i > 0 && data[i - 1] == '\r' ? i - 1 : i;  // dropCR
  return {nl ? i + 1 : n, data, len};
}

// bufio's isSpace: Unicode White_Space.
bool isSpace(int32_t r) {
  if (r <= 0xFF)
    return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
  if (r >= 0x2000 && r <= 0x200A)
    return true;
  return r == 0x1680 || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000;
}

Split scanWords(const uint8_t *data, int64_t n, bool atEOF) {
  int64_t start = 0;
  while (start < n) {
    auto [r, width] = mp::utf8::decode(data + start, n - start);
    if (!isSpace(r))
      break;
    start += width;
  }
  for (int64_t i = start; i < n;) {
    auto [r, width] = mp::utf8::decode(data + i, n - i);
    if (isSpace(r))
      return {i + width, data + start, i - start};
    i += width;
  }
  if (atEOF && n > start)
    return {n, data + start, n - start};
  return {start, nullptr, 0};
}

const uint8_t ErrorRune[] = {0xEF, 0xBF, 0xBD};

// utf8.FullRune: do the n bytes at p begin a complete (or hopelessly
// invalid) encoding, rather than a prefix that more bytes could complete?
bool fullRune(const uint8_t *p, int64_t n) {
  uint8_t b0 = p[0];
  int need = b0 < 0xC2 ? 1 : b0 <= 0xDF ? 2 : b0 <= 0xEF ? 3 : b0 <= 0xF4 ? 4 : 1;
  if (n >= need)
    return true;
  uint8_t lo = b0 == 0xE0 ? 0xA0 : b0 == 0xF0 ? 0x90 : 0x80;
  uint8_t hi = b0 == 0xED ? 0x9F : b0 == 0xF4 ? 0x8F : 0xBF;
  if (n > 1 && (p[1] < lo || p[1] > hi))
    return true;
  return n > 2 && (p[2] < 0x80 || p[2] > 0xBF);
}

Split scanRunes(const uint8_t *data, int64_t n, bool atEOF) {
  if (atEOF && n == 0)
    return {};
  if (data[0] < 0x80)
    return {1, data, 1};
  int width = mp::utf8::decode(data, n).width;
  if (width > 1)
    return {width, data, width};
  if (!atEOF && !fullRune(data, n))
    return {};
  return {1, ErrorRune, 3};
}

Split split(mp_bufio_split_kind kind, const uint8_t *data, int64_t n, bool atEOF) {
  switch (kind) {
  case MP_BUFIO_SCAN_LINES: return scanLines(data, n, atEOF);
  case MP_BUFIO_SCAN_WORDS: return scanWords(data, n, atEOF);
  case MP_BUFIO_SCAN_RUNES: return scanRunes(data, n, atEOF);
  }
  return {};
}

void setErr(mp_bufio_Scanner *s, mp_iface err) {
  if (!s->err.type || mp::bufio::isEOF(s->err))
    s->err = err;
}

// Grows or compacts the buffer so that there is room to read; false (with
// ErrTooLong set) when a token does not fit in maxTokenSize.
bool makeRoom(mp_bufio_Scanner *s) {
  if (s->start > 0 && (s->end == s->cap || s->start > s->cap / 2)) {
    std::memmove(s->buf, s->buf + s->start, static_cast<size_t>(s->end - s->start));
    s->end -= s->start;
    s->start = 0;
  }
  if (s->end < s->cap)
    return true;
  if (s->cap >= s->maxTokenSize) {
    setErr(s, mp::bufio::errorValue("bufio.Scanner: token too long"));
    return false;
  }
  int64_t size = s->cap == 0 ? StartBufSize : s->cap * 2;
  if (size > s->maxTokenSize)
    size = s->maxTokenSize;
  auto *nb = static_cast<uint8_t *>(mp_alloc_atomic(static_cast<size_t>(size)));
  std::memcpy(nb, s->buf + s->start, static_cast<size_t>(s->end - s->start));
  s->buf = nb;
  s->cap = size;
  s->end -= s->start;
  s->start = 0;
  return true;
}

// One read(2); its 0 means end of file (Go's io.EOF), so Go's loop over
// empty reads is not needed.
void readMore(mp_bufio_Scanner *s) {
  int64_t n = mp_os_File_Read(s->src, s->buf + s->end, s->cap - s->end);
  if (n < 0) {
    setErr(s, mp::bufio::readError(s->src, -n));
    return;
  }
  if (n == 0) {
    setErr(s, mp_io_EOF);
    return;
  }
  s->end += n;
  s->empties = 0;
}

} // namespace

extern "C" {

mp_bufio_Scanner *mp_bufio_NewScanner(mp_os_File *r) {
  auto *s = static_cast<mp_bufio_Scanner *>(mp_alloc(sizeof(mp_bufio_Scanner)));
  s->src = r;
  s->split = MP_BUFIO_SCAN_LINES;
  s->maxTokenSize = MP_BUFIO_MAX_SCAN_TOKEN_SIZE;
  return s;
}

bool mp_bufio_Scanner_Scan(mp_bufio_Scanner *s) {
  if (s->done)
    return false;
  s->scanCalled = true;
  for (;;) {
    bool atEOF = s->err.type != nullptr;
    if (s->end > s->start || atEOF) {
      Split t = split(s->split, s->buf + s->start, s->end - s->start, atEOF);
      if (t.advance > s->end - s->start) {
        setErr(s, mp::bufio::errorValue("bufio.Scanner: SplitFunc returns advance count beyond input"));
        return false;
      }
      s->start += t.advance;
      s->token = t.token;
      s->tokenLen = t.tokenLen;
      if (t.token) {
        if (!atEOF || t.advance > 0)
          s->empties = 0;
        else if (++s->empties > MaxConsecutiveEmptyReads)
          mp::std_::panicPlain("bufio.Scan: too many empty tokens without progressing");
        return true;
      }
    }
    if (s->err.type) {
      s->start = s->end = 0;
      return false;
    }
    if (!makeRoom(s))
      return false;
    readMore(s);
  }
}

mp_string mp_bufio_Scanner_Text(const mp_bufio_Scanner *s) {
  return mp::std_::newString({reinterpret_cast<const char *>(s->token), static_cast<size_t>(s->tokenLen)});
}

mp_iface mp_bufio_Scanner_Err(const mp_bufio_Scanner *s) {
  if (mp::bufio::isEOF(s->err))
    return mp_iface{nullptr, nullptr};
  return s->err;
}

void mp_bufio_Scanner_Split(mp_bufio_Scanner *s, mp_bufio_split_kind kind) {
  if (s->scanCalled)
    mp::std_::panicPlain("Split called after Scan");
  s->split = kind;
}

void mp_bufio_Scanner_Buffer(mp_bufio_Scanner *s, mp_slice buf, int64_t max) {
  if (s->scanCalled)
    mp::std_::panicPlain("Buffer called after Scan");
  s->buf = static_cast<uint8_t *>(buf.ptr);
  s->cap = buf.cap;
  s->maxTokenSize = max;
}

} // extern "C"
