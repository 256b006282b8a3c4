#include "svcorg/cmd/init.hpp"

#include <ostream>

#include "svcorg/util/file.hpp"

namespace svcorg::cmd {

int run_init(const InitOptions& o, const Io& io) {
  return run_init(o, io, util::write_file);
}

int run_init(const InitOptions& o, const Io& io, const init::Writer& write) {
  const std::filesystem::path root(o.dir.empty() ? "." : o.dir);
  const std::vector<init::File> files = init::repository_files();

  const i18n::Lang lang = o.lang.value_or(i18n::Lang::En);
  const std::vector<std::string> existing = init::conflicts(root, files);
  if (!existing.empty()) {
    error(io, lang,
          i18n::Message(existing.size() == 1 ? "cmd.init.exists.one" : "cmd.init.exists.other",
                        {{"n", existing.size()}}));
    for (const auto& p : existing) io.err << "  " << p << "\n";
    say(io.err, lang, i18n::Message("cmd.init.exists.next"));
    return kUsage;
  }

  if (util::Result<void> written = init::write_all(root, files, write); !written) {
    error(io, lang, i18n::Message("cmd.init.failed", {{"why", written.error()}}));
    return kUsage;
  }
  if (o.quiet) return kOk;
  say(io.out, lang, i18n::Message("cmd.init.created", {{"dir", o.dir}, {"n", files.size()}}));
  for (const auto& f : files) io.out << "  " << f.path << "\n";
  say(io.out, lang, i18n::Message("cmd.init.next"));
  return kOk;
}

}  // namespace svcorg::cmd
