// stdlib/bufio/rw.cpp: bufio.Reader (ReadString) and bufio.Writer
// (WriteString, WriteByte, WriteRune, Flush) over an *os.File, with Go's
// default 4 KiB buffers and Go's flush points, so output mixed with direct
// writes to os.Stdout interleaves exactly as under Go.  As in Go, what a
// Writer still buffers at exit is lost unless Flush is called.
#include "bufio_internal.hpp"
#include "mp/runtime.h"
#include "mp/utf8.hpp"

#include <cstring>
#include <string>

struct mp_bufio_Reader {
  mp_os_File *src;
  uint8_t *buf;
  int64_t r, w;   // buf[r:w] is unread
  mp_iface err;   // sticky read error or io.EOF, reported once drained
};

struct mp_bufio_Writer {
  mp_os_File *dst;
  uint8_t *buf;
  int64_t n;
  mp_iface err;
};

namespace {

constexpr int64_t DefaultBufSize = 4096;

void fill(mp_bufio_Reader *b) {
  if (b->r > 0) {
    std::memmove(b->buf, b->buf + b->r, static_cast<size_t>(b->w - b->r));
    b->w -= b->r;
    b->r = 0;
  }
  int64_t n = mp_os_File_Read(b->src, b->buf + b->w, DefaultBufSize - b->w);
  if (n < 0)
    b->err = mp::bufio::readError(b->src, -n);
  else if (n == 0)
    b->err = mp_io_EOF;
  else
    b->w += n;
}

// Writes p directly to the file, bypassing the buffer (Go does this when
// the buffer is empty and the string is larger than it).
int64_t writeThrough(mp_bufio_Writer *b, const uint8_t *p, int64_t n) {
  return mp_os_File_WriteString(b->dst, mp_string{p, n});
}

} // namespace

extern "C" {

mp_bufio_Reader *mp_bufio_NewReader(mp_os_File *r) {
  auto *b = static_cast<mp_bufio_Reader *>(mp_alloc(sizeof(mp_bufio_Reader)));
  b->src = r;
  b->buf = static_cast<uint8_t *>(mp_alloc_atomic(DefaultBufSize));
  return b;
}

mp_string mp_bufio_Reader_ReadString(mp_bufio_Reader *b, uint8_t delim, mp_iface *err) {
  std::string out;
  *err = mp_iface{nullptr, nullptr};
  for (;;) {
    const uint8_t *start = b->buf + b->r;
    if (auto *hit = static_cast<const uint8_t *>(std::memchr(start, delim, static_cast<size_t>(b->w - b->r)))) {
      out.append(reinterpret_cast<const char *>(start), static_cast<size_t>(hit - start + 1));
      b->r += hit - start + 1;
      return mp::std_::newString(out);
    }
    out.append(reinterpret_cast<const char *>(start), static_cast<size_t>(b->w - b->r));
    b->r = b->w;
    if (b->err.type) {
      *err = b->err;
      b->err = mp_iface{nullptr, nullptr};
      return mp::std_::newString(out);
    }
    fill(b);
  }
}

mp_bufio_Writer *mp_bufio_NewWriter(mp_os_File *w) {
  auto *b = static_cast<mp_bufio_Writer *>(mp_alloc(sizeof(mp_bufio_Writer)));
  b->dst = w;
  b->buf = static_cast<uint8_t *>(mp_alloc_atomic(DefaultBufSize));
  return b;
}

mp_iface mp_bufio_Writer_Flush(mp_bufio_Writer *b) {
  if (b->err.type || b->n == 0)
    return b->err;
  writeThrough(b, b->buf, b->n);
  b->n = 0;
  return b->err;
}

int64_t mp_bufio_Writer_WriteString(mp_bufio_Writer *b, mp_string s, mp_iface *err) {
  const uint8_t *p = s.ptr;
  int64_t left = s.len, nn = 0;
  while (left > DefaultBufSize - b->n && !b->err.type) {
    int64_t n;
    if (b->n == 0) {
      n = writeThrough(b, p, left);  // *os.File is an io.StringWriter
    } else {
      n = DefaultBufSize - b->n;
      std::memcpy(b->buf + b->n, p, static_cast<size_t>(n));
      b->n += n;
      mp_bufio_Writer_Flush(b);
    }
    nn += n;
    p += n;
    left -= n;
  }
  if (!b->err.type) {
    std::memcpy(b->buf + b->n, p, static_cast<size_t>(left));
    b->n += left;
    nn += left;
  }
  if (err)
    *err = b->err;
  return nn;
}

mp_iface mp_bufio_Writer_WriteByte(mp_bufio_Writer *b, uint8_t c) {
  if (b->err.type)
    return b->err;
  if (b->n == DefaultBufSize && mp_bufio_Writer_Flush(b).type)
    return b->err;
  b->buf[b->n++] = c;
  return mp_iface{nullptr, nullptr};
}

int64_t mp_bufio_Writer_WriteRune(mp_bufio_Writer *b, int32_t r, mp_iface *err) {
  if (static_cast<uint32_t>(r) < 0x80) {
    mp_iface e = mp_bufio_Writer_WriteByte(b, static_cast<uint8_t>(r));
    if (err)
      *err = e;
    return e.type ? 0 : 1;
  }
  uint8_t enc[4];
  int size = mp::utf8::encode(r, enc);
  if (DefaultBufSize - b->n < 4)
    mp_bufio_Writer_Flush(b);
  return mp_bufio_Writer_WriteString(b, mp_string{enc, size}, err);
}

int64_t mp_bufio_Writer_Buffered(const mp_bufio_Writer *b) { return b->n; }

} // extern "C"

namespace {
const mp_type writerType = {MP_KIND_STRUCT, 8, MP_TYPE_NAMED, 0, sizeof(mp_bufio_Writer),
                            mp::std_::lit("bufio.Writer"), nullptr, nullptr, 0, nullptr, nullptr, nullptr};
} // namespace

extern "C" const mp_type mp_bufio_Writer_ptr_type = {
    MP_KIND_POINTER, 8, MP_TYPE_COMPARABLE, 0, 8, mp::std_::lit("*bufio.Writer"), &writerType,
    nullptr, 0, nullptr, nullptr, nullptr};
