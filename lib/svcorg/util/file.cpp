#include "svcorg/util/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <utility>

namespace svcorg::util {

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

ReadResult read_regular(int fd, uint64_t max, std::string& out, struct ::stat* seen) {
  out.clear();
  struct stat st {};
  if (::fstat(fd, &st) != 0) return ReadResult::Error;
  if (seen) *seen = st;
  if (!S_ISREG(st.st_mode)) return ReadResult::NotRegular;
  const auto size = static_cast<uint64_t>(st.st_size);
  if (size > max) return ReadResult::TooBig;
  // Never more than max + 1 bytes in memory, however much a file grows while read: one
  // byte past the limit is enough to know it is too big.
  const uint64_t cap = max < SIZE_MAX ? max + 1 : SIZE_MAX;
  // Room for the size seen plus one byte, so that reaching the end takes no regrowth.
  out.resize(static_cast<size_t>(std::min<uint64_t>(size + 1, cap)));
  size_t done = 0;
  for (;;) {
    if (done == out.size()) {
      if (done > max) break;
      out.resize(static_cast<size_t>(std::min<uint64_t>(std::max<uint64_t>(done * uint64_t{2}, 65536), cap)));
    }
    const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int saved = errno;
      out.clear();
      errno = saved;
      return ReadResult::Error;
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  if (done > max) {
    out.clear();
    return ReadResult::TooBig;
  }
  out.resize(done);
  return ReadResult::Ok;
}

namespace {

// The first half of an atomic write: `path`'s content filled, synced and closed in a
// temporary file of its folder, whose name it returns (no temporary file is left on a
// failure).
Result<std::string> prepare(const std::string& path,
                            const std::function<Result<void>(int fd, const std::string& temporary)>& fill) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // Only a regular file (or a new name) is replaced: renaming over a device, a FIFO or a
  // directory would swap it for a file, or fail after the work.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
    return fail(i18n::Message("util.file.not-regular", {{"path", path}}));
  std::string tmpl = (dir / ("." + target.filename().string() + ".svcorg-XXXXXX")).string();
  const int fd = mkstemp(tmpl.data());
  if (fd < 0)
    return fail(i18n::Message("util.file.temporary", {{"folder", dir.string()}, {"error", std::strerror(errno)}}));
  auto give_up = [&](Failure failure) {
    ::close(fd);
    ::unlink(tmpl.c_str());
    return failure;
  };
  if (Result<void> filled = fill(fd, tmpl); !filled) return give_up(std::move(filled).failure());
  // New files get the usual permissions (mkstemp creates them 0600).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0)
    return give_up(fail(i18n::Message("util.file.write", {{"path", path}, {"error", std::strerror(errno)}})));
  if (::close(fd) != 0) {
    Failure failure = fail(i18n::Message("util.file.write", {{"path", path}, {"error", std::strerror(errno)}}));
    ::unlink(tmpl.c_str());
    return failure;
  }
  return tmpl;
}

// The second half: the temporary file renamed over `path` (removed if that fails).
Result<void> commit(const std::string& temporary, const std::string& path) {
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    Failure failure = fail(i18n::Message("util.file.write", {{"path", path}, {"error", std::strerror(errno)}}));
    ::unlink(temporary.c_str());
    return failure;
  }
  return ok();
}

Result<void> fill_with(int fd, const std::string& path, std::string_view content) {
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(i18n::Message("util.file.write", {{"path", path}, {"error", std::strerror(errno)}}));
    }
    done += static_cast<size_t>(n);
  }
  return ok();
}

}  // namespace

Result<void> write_file_with(const std::string& path,
                             const std::function<Result<void>(int fd, const std::string& temporary)>& fill) {
  Result<std::string> temporary = prepare(path, fill);
  if (!temporary) return std::move(temporary).failure();
  return commit(*temporary, path);
}

Result<void> write_file(const std::string& path, std::string_view content) {
  return write_file_with(path, [&](int fd, const std::string&) { return fill_with(fd, path, content); });
}

WriteAll write_files(const std::vector<std::pair<std::string, std::string>>& files) {
  WriteAll out;
  std::vector<std::string> temporaries;
  for (const auto& [path, content] : files) {
    const std::string& text = content;
    Result<std::string> temporary =
        prepare(path, [&, p = path](int fd, const std::string&) { return fill_with(fd, p, text); });
    if (!temporary) {
      for (const auto& t : temporaries) ::unlink(t.c_str());
      out.result = std::move(temporary).failure();
      return out;
    }
    temporaries.push_back(std::move(*temporary));
  }
  for (size_t i = 0; i < files.size(); ++i) {
    out.result = commit(temporaries[i], files[i].first);
    if (!out.result) {
      for (size_t k = i + 1; k < files.size(); ++k) ::unlink(temporaries[k].c_str());
      return out;
    }
    ++out.written;
  }
  return out;
}

}  // namespace svcorg::util
