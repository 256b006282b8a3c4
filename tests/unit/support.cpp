#include "support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace testing {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

bool update_golden() {
  const char* v = std::getenv("SVCORG_UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

Run run_svcorg(const std::string& args, const std::filesystem::path& cwd, const std::string* input,
               const std::string& env) {
  TempDir tmp;
  const auto out = tmp.path() / "out", err = tmp.path() / "err", in = tmp.path() / "in";
  write_file(in, input ? *input : std::string());
  // The parse cache goes to this run's temporary folder, never to the user's ~/.cache.
  const std::string cmd = "cd '" + cwd.string() + "' && NO_COLOR= XDG_CACHE_HOME='" + (tmp.path() / "cache").string() +
                          "' SVCORG_TODAY=" + kToday + " " + env + " '" + std::string(SVCORG_BINARY) + "' " + args +
                          " <'" + in.string() + "' >'" + out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(cmd.c_str());
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "svcorg-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace testing
