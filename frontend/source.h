// frontend/source.h: source buffers and positions, shared by every stage.
// A SourceLoc is a byte offset into one global space (as in clang): each
// loaded file gets a disjoint [base, base+size] slice, so a 32-bit value names
// file, line and column.  Offset 0 is the invalid location.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"

namespace mp {

/// A position: a byte offset in the SourceManager's global space.
struct SourceLoc {
  uint32_t offset = 0;
  bool isValid() const { return offset != 0; }
  friend bool operator==(SourceLoc a, SourceLoc b) { return a.offset == b.offset; }
  friend bool operator<(SourceLoc a, SourceLoc b) { return a.offset < b.offset; }
};

/// A half-open byte range [begin, end) of source text.
struct SourceRange {
  SourceLoc begin, end;
  SourceRange() = default;
  SourceRange(SourceLoc b, SourceLoc e) : begin(b), end(e) {}
  explicit SourceRange(SourceLoc l) : begin(l), end(l) {}
  bool isValid() const { return begin.isValid(); }
};

/// A resolved position, for printing: 1-based line and column (columns count
/// bytes, as Go's do).
struct PresumedLoc {
  llvm::StringRef file;
  unsigned line = 0, column = 0;
  bool isValid() const { return line != 0; }
};

/// Owns every source buffer and maps offsets back to file/line/column.
class SourceManager {
public:
  /// Reads `path`; on failure returns -1 and sets `error` to the OS message
  /// (e.g. "No such file or directory").
  int loadFile(llvm::StringRef path, std::string &error);
  /// Adds an in-memory buffer (tests, fuzzer, REPL); returns its file id.
  /// Its first line is numbered `firstLine`: the REPL numbers the wrapper
  /// line it puts before an input 0, so positions count within the input.
  int addBuffer(llvm::StringRef name, llvm::StringRef text, int firstLine = 1);

  unsigned numFiles() const { return files_.size(); }
  llvm::StringRef fileName(int id) const { return files_[id].name; }
  /// The bytes of file `id` (not NUL-terminated in general).
  llvm::StringRef text(int id) const { return files_[id].text(); }
  /// The location of byte `offset` of file `id`.
  SourceLoc locFor(int id, uint32_t offset) const {
    return SourceLoc{files_[id].base + offset};
  }
  /// The file containing `loc`, or -1.
  int fileOf(SourceLoc loc) const;
  PresumedLoc presumed(SourceLoc loc) const;
  /// The text of the line containing `loc`, without its newline.
  llvm::StringRef lineText(SourceLoc loc) const;

private:
  struct File {
    std::string name;
    std::unique_ptr<llvm::MemoryBuffer> buffer;
    uint32_t base = 0;
    int firstLine = 1;
    mutable std::vector<uint32_t> lineStarts; // computed on first use
    llvm::StringRef text() const { return buffer->getBuffer(); }
  };
  const std::vector<uint32_t> &lineStarts(const File &f) const;
  int addFile(std::string name, std::unique_ptr<llvm::MemoryBuffer> buf);

  std::vector<File> files_;
  uint32_t nextBase_ = 1;
};

} // namespace mp
