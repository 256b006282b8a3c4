#include "svcorg/cmd/compare.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "svcorg/cmd/since.hpp"
#include "svcorg/diag/render.hpp"
#include "svcorg/scope/inputs.hpp"
#include "svcorg/score/score.hpp"

namespace svcorg::cmd {

namespace fs = std::filesystem;

namespace {

// A fresh directory under the system's temporary directory, removed with everything in
// it when this goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "svcorg-compare-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw vcs::Error("cannot create a temporary directory");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

std::optional<score::Baseline> baseline_from_file(const std::string& path, const Io& io) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    io.err << fmt::format("svcorg: error: --baseline {}: cannot read the file\n", path);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::string why;
  auto b = score::parse_baseline(text.str(), path, why);
  if (!b)
    io.err << fmt::format("svcorg: error: --baseline {} is not the output of svcorg score --format json: {}\n", path,
                          why);
  return b;
}

std::vector<std::string> export_inputs(const vcs::Repository& repo, const std::string& commit, const Common& c,
                                       const std::string& dir) {
  const scope::InputMap inputs = scope::InputMap::from_paths(c.paths, repo.root());
  if (!inputs.outside().empty())
    throw vcs::Error(fmt::format("{} is not in the git repository {}", inputs.outside().front(), repo.root()));
  std::vector<vcs::TreeFile> files;
  std::vector<std::string> objects;
  for (auto& f : repo.files_at(commit)) {
    if (f.symlink || inputs.display_paths(f.path).empty()) continue;  // links are not followed at REV
    objects.push_back(f.object);
    files.push_back(std::move(f));
  }
  const auto contents = repo.read(objects);
  for (size_t i = 0; i < files.size(); ++i) {
    if (!contents[i]) throw vcs::Error(fmt::format("cannot read {} at the revision", files[i].path));
    const fs::path to = fs::path(dir) / files[i].path;
    fs::create_directories(to.parent_path());
    std::ofstream out(to, std::ios::binary);
    out << *contents[i];
    if (!out) throw vcs::Error(fmt::format("cannot write {}", to.string()));
  }
  std::vector<std::string> paths;
  for (const auto& in : inputs.inputs()) {
    const fs::path at = in.rel == "." ? fs::path(dir) : fs::path(dir) / in.rel;
    std::error_code ec;
    if (in.directory) fs::create_directories(at, ec);  // it may hold nothing at the revision
    if (fs::exists(at, ec)) paths.push_back(at.string());
  }
  if (paths.empty()) paths.push_back(dir);  // nothing at the revision: an empty tree
  return paths;
}

std::optional<score::Baseline> baseline_at(const std::string& rev, const Common& c, const validate::Options& dates,
                                           const Io& io) {
  try {
    if (const std::string bad = vcs::check_revision(rev); !bad.empty()) throw vcs::Error(bad);
    for (const auto& p : c.paths)
      if (p == "-") throw vcs::Error("standard input has no history; give paths in a git repository");
    const auto repo = vcs::open_git(inputs_dir(c.paths));
    const std::string commit = repo->resolve(rev);
    TempDir tmp;
    Common then = c;
    then.no_cache = true;  // the temporary paths would only fill the parse cache
    then.paths = export_inputs(*repo, commit, c, tmp.path());
    const Checked checked = load_and_check(then, dates, io, Needs::Cores);
    const auto summary =
        diag::summarize(checked.findings, checked.records.files.size(), checked.records.record_count());
    if (!checked.fatal.empty() || summary.errors > 0)
      throw vcs::Error(fmt::format("the inputs at {} have {} errors; they cannot be scored", rev, summary.errors));
    const auto& districts = checked.records.districts;
    const score::Model model = score::effective_model(districts.empty() ? nullptr : districts.front().scoring.get());
    const score::Result result =
        score::compute(checked.records, checked.rules, model, ledger::Window{dates.year, dates.as_of}, threads(then));
    return score::baseline_of(result, rev);
  } catch (const vcs::Error& e) {
    io.err << fmt::format("svcorg: error: --compare {}: {}\n", rev, e.what());
  } catch (const fs::filesystem_error& e) {
    io.err << fmt::format("svcorg: error: --compare {}: {}\n", rev, e.what());
  }
  return std::nullopt;
}

}  // namespace svcorg::cmd
