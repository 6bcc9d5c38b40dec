// frontend/source.cpp: SourceManager — loading files and offset -> line/col.
// Line tables are built lazily: most files never produce a diagnostic.
#include "source.h"

#include <algorithm>

namespace mp {

int SourceManager::addFile(std::string name,
                           std::unique_ptr<llvm::MemoryBuffer> buf) {
  File f;
  f.name = std::move(name);
  f.base = nextBase_;
  // +1 so that the EOF position of one file never aliases the next file.
  nextBase_ += static_cast<uint32_t>(buf->getBufferSize()) + 1;
  f.buffer = std::move(buf);
  files_.push_back(std::move(f));
  return static_cast<int>(files_.size()) - 1;
}

// A few NUL bytes are a source file's mistake, reported by the lexer one by
// one; many in the first block are a binary file given by mistake (an
// executable, an image), which gets one line instead of a screen of errors.
static bool looksBinary(llvm::StringRef text) {
  return text.take_front(8192).count('\0') >= 8;
}

int SourceManager::loadFile(llvm::StringRef path, std::string &error) {
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/true);
  if (!buf) {
    error = buf.getError().message();
    if (!error.empty())
      error[0] = static_cast<char>(std::toupper(error[0]));
    return -1;
  }
  if ((*buf)->getBufferSize() >= (1u << 30)) {
    error = "File too large";
    return -1;
  }
  if (looksBinary((*buf)->getBuffer())) {
    error = "Not a text file (it holds binary data)";
    return -1;
  }
  return addFile(path.str(), std::move(*buf));
}

int SourceManager::addBuffer(llvm::StringRef name, llvm::StringRef text, int firstLine) {
  int id = addFile(name.str(), llvm::MemoryBuffer::getMemBufferCopy(text, name));
  files_[id].firstLine = firstLine;
  return id;
}

int SourceManager::fileOf(SourceLoc loc) const {
  if (!loc.isValid())
    return -1;
  auto it = std::upper_bound(files_.begin(), files_.end(), loc.offset,
                             [](uint32_t off, const File &f) { return off < f.base; });
  if (it == files_.begin())
    return -1;
  --it;
  if (loc.offset > it->base + it->text().size())
    return -1;
  return static_cast<int>(it - files_.begin());
}

const std::vector<uint32_t> &SourceManager::lineStarts(const File &f) const {
  if (f.lineStarts.empty()) {
    llvm::StringRef t = f.text();
    f.lineStarts.push_back(0);
    for (size_t i = 0; i < t.size(); ++i)
      if (t[i] == '\n')
        f.lineStarts.push_back(static_cast<uint32_t>(i + 1));
  }
  return f.lineStarts;
}

PresumedLoc SourceManager::presumed(SourceLoc loc) const {
  int id = fileOf(loc);
  if (id < 0)
    return {};
  const File &f = files_[id];
  uint32_t off = loc.offset - f.base;
  const auto &starts = lineStarts(f);
  auto it = std::upper_bound(starts.begin(), starts.end(), off) - 1;
  PresumedLoc p;
  p.file = f.name;
  p.line = static_cast<unsigned>(int(it - starts.begin()) + f.firstLine);
  p.column = off - *it + 1;
  return p;
}

llvm::StringRef SourceManager::lineText(SourceLoc loc) const {
  int id = fileOf(loc);
  if (id < 0)
    return {};
  const File &f = files_[id];
  uint32_t off = loc.offset - f.base;
  const auto &starts = lineStarts(f);
  auto it = std::upper_bound(starts.begin(), starts.end(), off) - 1;
  llvm::StringRef rest = f.text().substr(*it);
  return rest.substr(0, rest.find('\n')).rtrim('\r');
}

} // namespace mp
