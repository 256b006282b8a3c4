#include "svcorg/cmd/init.hpp"

#include <ostream>

#include <fmt/format.h>

#include "svcorg/util/file.hpp"

namespace svcorg::cmd {

int run_init(const InitOptions& o, const Io& io) { return run_init(o, io, util::write_atomically); }

int run_init(const InitOptions& o, const Io& io, const init::Writer& write) {
  const std::filesystem::path root(o.dir.empty() ? "." : o.dir);
  const std::vector<init::File> files = init::repository_files();

  const std::vector<std::string> existing = init::conflicts(root, files);
  if (!existing.empty()) {
    io.err << fmt::format("svcorg: error: svcorg init overwrites nothing, and {} of its files exist{}; "
                          "nothing was written:\n",
                          existing.size() == 1 ? "one" : std::to_string(existing.size()),
                          existing.size() == 1 ? "s" : "");
    for (const auto& p : existing) io.err << "  " << p << "\n";
    io.err << "svcorg: run it in a new or empty folder (svcorg init DIR), or move these away first\n";
    return kUsage;
  }

  if (const std::string err = init::write_all(root, files, write); !err.empty()) {
    io.err << fmt::format("svcorg: error: {}; nothing was left behind\n", err);
    return kUsage;
  }
  if (o.quiet) return kOk;
  io.out << fmt::format("svcorg: created a records repository in {} ({} files):\n", o.dir, files.size());
  for (const auto& f : files) io.out << "  " << f.path << "\n";
  io.out << "next: replace the example records with your own (README.md says what goes where), run "
            "`svcorg validate` there, and set the placeholders in the CI files (SVCORG_GIT_URL, "
            "SVCORG_REF, the --fail-under threshold)\n";
  return kOk;
}

}  // namespace svcorg::cmd
