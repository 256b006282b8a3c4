// Writing output files atomically: a temporary file in the same directory, then rename;
// a failure leaves no partial file and the previous file intact.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "svcorg/i18n/message.hpp"
#include "svcorg/util/result.hpp"

namespace svcorg::util {

// An open file descriptor, closed when the holder goes out of scope (-1: none).
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd();
  int get() const { return fd_; }

 private:
  int fd_;
};

// Writes `path` atomically; a failure says what went wrong (util.file.*, with the OS's
// reason).
Result<void> write_file(const std::string& path, std::string_view content);

// Writes `path` atomically through `fill`, which writes the temporary file (in the same
// folder, open as `fd`; a library that writes by path may write `temporary` instead, on
// the same file), or fails: then the temporary file is removed and `path` is left as it
// was.
Result<void> write_file_with(const std::string& path,
                             const std::function<Result<void>(int fd, const std::string& temporary)>& fill);

// Writes several files, each atomically, all or (as far as the OS allows) nothing: every
// file's temporary file is written and synced first (a failure there removes them all and
// changes nothing), then each is renamed over its path in order. A rename that fails
// midway leaves the files before it written, that one and the rest as they were (their
// temporary files removed): `written` counts the files renamed, `result` says why.
struct WriteAll {
  size_t written = 0;
  Result<void> result;  // ok: all written
};
WriteAll write_files(const std::vector<std::pair<std::string, std::string>>& files);

enum class ReadResult { Ok, NotRegular, TooBig, Error /* errno says why */ };

// Reads an open file whole into `out`, if it is a regular file (never a FIFO, a device
// or a directory: they could block or never end) of at most `max` bytes. It reads to the
// end of the file rather than to the size first seen, so a file truncated or grown while
// read is read as it then is (and is TooBig if it grew past `max`). `seen`, when given,
// receives the file's status as it was before the first read (fstat).
ReadResult read_regular(int fd, uint64_t max, std::string& out, struct ::stat* seen = nullptr);

}  // namespace svcorg::util
