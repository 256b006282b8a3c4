// Shared helpers for the tests: reading files, running the real binary, golden files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace testing {

inline const std::filesystem::path kSource = SVCORG_SOURCE_DIR;

std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, const std::string& text);

// True when SVCORG_UPDATE_GOLDEN=1: golden files are rewritten instead of compared.
bool update_golden();

// The lines of `text`, without their line ends (a last line without one counts).
std::vector<std::string> lines_of(const std::string& text);

struct Run {
  int exit_code = -1;
  std::string out, err;
};
// Runs the svcorg binary with `args` (a shell-quoted string) in `cwd`, feeding `input`
// on stdin when given.
// Every run is on the day kToday (SVCORG_TODAY), unless `env` (shell assignments such as
// "SVCORG_TODAY=2026-01-05", set after the defaults) says otherwise.
inline constexpr const char* kToday = "2026-12-31";
Run run_svcorg(const std::string& args, const std::filesystem::path& cwd = kSource, const std::string* input = nullptr,
               const std::string& env = "");

// Changes the working directory for the lifetime of the object.
class Chdir {
 public:
  explicit Chdir(const std::filesystem::path& to) : from_(std::filesystem::current_path()) {
    std::filesystem::current_path(to);
  }
  ~Chdir() { std::filesystem::current_path(from_); }
  Chdir(const Chdir&) = delete;
  Chdir& operator=(const Chdir&) = delete;

 private:
  std::filesystem::path from_;
};

// A fresh temporary directory, removed at the end.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace testing

#include <doctest/doctest.h>

#include "svcorg/util/pos.hpp"

namespace doctest {
template <>
struct StringMaker<svcorg::Pos> {
  static String convert(const svcorg::Pos& p) { return (std::to_string(p.line) + ":" + std::to_string(p.col)).c_str(); }
};
}  // namespace doctest
