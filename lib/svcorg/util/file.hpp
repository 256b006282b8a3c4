// Writing output files atomically: a temporary file in the same directory, then rename;
// a failure leaves no partial file and the previous file intact.
#pragma once

#include <string>
#include <string_view>

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

// Returns an empty string on success, else what went wrong (for a message).
std::string write_atomically(const std::string& path, std::string_view content);

}  // namespace svcorg::util
