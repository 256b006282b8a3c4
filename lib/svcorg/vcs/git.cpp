#include "svcorg/vcs/git.hpp"

#include <filesystem>
#include <string_view>

#include "svcorg/vcs/process.hpp"

namespace svcorg::vcs {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> split_nul(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    const size_t end = s.find('\0', start);
    const size_t stop = end == std::string::npos ? s.size() : end;
    if (stop > start) out.push_back(s.substr(start, stop - start));
    start = stop + 1;
  }
  return out;
}

std::string first_line(const std::string& s) {
  std::string line = s.substr(0, s.find('\n'));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// A process result, or a failure when the program could not be run.
util::Result<ProcessResult> started(ProcessResult r) {
  if (!r.started) return util::fail(i18n::Message("vcs.cannot-run", {{"why", r.error}}));
  return r;
}

class Git final : public Repository {
 public:
  explicit Git(std::string root) : root_(std::move(root)) {}

  const std::string& root() const override { return root_; }

  util::Result<std::string> resolve(const std::string& rev) const override {
    if (util::Result<void> good = check_revision(rev); !good) return std::move(good).failure();
    const util::Result<ProcessResult> r = git({"rev-parse", "--verify", "--quiet", rev + "^{commit}"});
    if (!r) return r.failure();
    if (r->exit_code != 0 || r->out.empty())
      return util::fail(i18n::Message("vcs.unknown-revision", {{"rev", rev}, {"root", root_}}));
    return first_line(r->out);
  }

  util::Result<std::vector<std::string>> changed_since(const std::string& commit) const override {
    const util::Result<std::string> diff = output({"diff", "--name-only", "--no-renames", "-z", commit, "--"});
    if (!diff) return diff.failure();
    const util::Result<std::string> untracked =
        output({"ls-files", "--others", "--exclude-standard", "-z", "--full-name"});
    if (!untracked) return untracked.failure();
    std::vector<std::string> out = split_nul(*diff);
    for (auto& p : split_nul(*untracked)) out.push_back(std::move(p));
    return out;
  }

  util::Result<std::vector<TreeFile>> files_at(const std::string& commit) const override {
    const util::Result<std::string> tree = output({"ls-tree", "-r", "-z", "--full-tree", commit});
    if (!tree) return tree.failure();
    std::vector<TreeFile> out;
    // "<mode> SP <type> SP <object> TAB <path>"
    for (const auto& entry : split_nul(*tree)) {
      const size_t tab = entry.find('\t');
      if (tab == std::string::npos) continue;
      const std::string_view meta(entry.data(), tab);
      const size_t sp1 = meta.find(' '), sp2 = meta.rfind(' ');
      if (sp1 == std::string_view::npos || sp1 == sp2) continue;
      if (meta.substr(sp1 + 1, sp2 - sp1 - 1) != "blob") continue;
      out.push_back({entry.substr(tab + 1), std::string(meta.substr(sp2 + 1)), meta.substr(0, sp1) == "120000"});
    }
    return out;
  }

  util::Result<std::vector<std::optional<std::string>>> read(const std::vector<std::string>& objects) const override {
    std::vector<std::optional<std::string>> out(objects.size());
    std::string input;
    std::vector<size_t> asked;
    for (size_t i = 0; i < objects.size(); ++i) {
      if (objects[i].find_first_of("\r\n") != std::string::npos) continue;  // cannot be asked for
      input += objects[i] + "\n";
      asked.push_back(i);
    }
    if (asked.empty()) return out;
    const util::Result<std::string> batch = output({"cat-file", "--batch"}, input);
    if (!batch) return batch.failure();
    const std::string& data = *batch;
    // Per object: "<id> <type> <size>\n<bytes>\n", or "<name> missing\n" (or ambiguous).
    size_t at = 0;
    for (size_t i : asked) {
      const size_t eol = data.find('\n', at);
      if (eol == std::string::npos) return util::fail(i18n::Message("vcs.cut-short"));
      const std::string header = data.substr(at, eol - at);
      at = eol + 1;
      const size_t sp2 = header.rfind(' '), sp1 = header.rfind(' ', sp2 == 0 ? 0 : sp2 - 1);
      const std::string last = sp2 == std::string::npos ? header : header.substr(sp2 + 1);
      if (sp2 == std::string::npos || sp1 == std::string::npos || last == "missing" || last == "ambiguous") continue;
      const size_t size = std::stoul(last);
      if (at + size > data.size()) return util::fail(i18n::Message("vcs.cut-short"));
      if (header.substr(sp1 + 1, sp2 - sp1 - 1) == "blob") out[i] = data.substr(at, size);
      at += size + 1;
    }
    return out;
  }

 private:
  // git run in the repository; fails when it cannot be run.
  util::Result<ProcessResult> git(std::vector<std::string> args, const std::string& input = {}) const {
    args.insert(args.begin(), {"git", "-C", root_, "-c", "core.quotePath=false"});
    return started(run_process(args, input));
  }

  // What git writes; fails when it cannot be run or fails.
  util::Result<std::string> output(std::vector<std::string> args, const std::string& input = {}) const {
    util::Result<ProcessResult> r = git(std::move(args), input);
    if (!r) return std::move(r).failure();
    if (r->exit_code != 0) return util::fail(i18n::Message("vcs.failed", {{"why", first_line(r->err)}}));
    return std::move(r->out);
  }

  std::string root_;
};

}  // namespace

util::Result<void> check_revision(const std::string& rev) {
  if (rev.empty()) return util::fail(i18n::Message("vcs.revision.empty"));
  if (rev[0] == '-') return util::fail(i18n::Message("vcs.revision.dash", {{"rev", rev}}));
  for (char c : rev)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return util::fail(i18n::Message("vcs.revision.control"));
  return util::ok();
}

util::Result<std::unique_ptr<Repository>> open_git(const std::string& dir) {
  util::Result<ProcessResult> r = started(run_process({"git", "-C", dir, "rev-parse", "--show-toplevel"}));
  if (!r) return std::move(r).failure();
  const std::string top = first_line(r->out);
  if (r->exit_code != 0 || top.empty()) {
    std::error_code ec;
    const std::string shown = fs::absolute(dir, ec).lexically_normal().string();
    return util::fail(i18n::Message("vcs.not-a-repository", {{"dir", ec ? dir : shown}}));
  }
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(top, ec);
  return std::unique_ptr<Repository>(std::make_unique<Git>(ec ? top : canonical.string()));
}

}  // namespace svcorg::vcs
