#include "svcorg/cmd/common.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <ostream>
#include <utility>

#include "svcorg/cache/cache.hpp"
#include "svcorg/diag/render.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/l10n/labels.hpp"
#include "svcorg/load/discover.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/model/labels.hpp"
#include "svcorg/render/xlsx.hpp"
#include "svcorg/util/file.hpp"
#include "svcorg/util/parallel.hpp"
#include "svcorg/util/text.hpp"
#include "svcorg/waive/waive.hpp"

namespace svcorg::cmd {

namespace fs = std::filesystem;

bool use_color(Color c, const Io& io) {
  if (c == Color::Always) return true;
  if (c == Color::Never) return false;
  return io.out_is_tty && !io.no_color_env;
}

void say(std::ostream& to, i18n::Lang lang, const i18n::Message& message) {
  to << l10n::render(message, lang) << "\n";
}

void error(const Io& io, i18n::Lang lang, const i18n::Message& message) {
  say(io.err, lang, i18n::Message("cmd.error", {{"message", message}}));
  if (io.errors) io.errors->push_back(message);
}

void note(const Io& io, i18n::Lang lang, const i18n::Message& message) {
  say(io.err, lang, i18n::Message("cmd.note", {{"message", message}}));
}

i18n::Arg did_you_mean(const std::string& value, const std::vector<std::string>& allowed) {
  const auto near = util::closest(value, allowed);
  if (!near) return i18n::Arg();
  return i18n::Message("cmd.did-you-mean", {{"value", *near}});
}

i18n::Arg joined(const std::vector<std::string>& items) {
  if (items.empty()) return i18n::Arg();
  i18n::Arg out(items.back());
  for (size_t i = items.size() - 1; i-- > 0;)
    out = i18n::Message("cmd.list.pair", {{"first", items[i]}, {"rest", out}});
  return out;
}

bool enum_value(const char* option, std::optional<std::string>& value, const std::vector<std::string>& allowed,
                std::initializer_list<std::string_view> groups, const Io& io, i18n::Lang lang) {
  if (!value) return true;
  const auto is_allowed = [&allowed](const std::string& v) {
    return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
  };
  if (is_allowed(*value)) return true;
  for (const std::string_view group : groups)
    if (const std::string* v = l10n::labels::value_of(group, *value); v && is_allowed(*v)) {
      value = *v;
      return true;
    }
  // The nearest value, else the value of the nearest label (a typo in Chinese).
  std::optional<std::string> near = util::closest(*value, allowed);
  if (!near) {
    std::vector<std::string> texts;
    std::map<std::string, std::string> value_of_text;
    for (const std::string_view group : groups)
      for (const auto& w : l10n::labels::written_forms(group))
        if (is_allowed(w.value) && value_of_text.emplace(w.text, w.value).second) texts.push_back(w.text);
    if (const auto text = util::closest(*value, texts)) near = value_of_text.at(*text);
  }
  const auto label_of = [&groups](const std::string& v) -> const std::string* {
    for (const std::string_view group : groups)
      if (const std::string* l = l10n::labels::label("zh-CN", group, v)) return l;
    return nullptr;
  };
  error(io, lang,
        i18n::Message("cmd.not-allowed",
                      {{"option", option},
                       {"value", *value},
                       {"hint", near ? i18n::Arg(i18n::Message("cmd.did-you-mean", {{"value", *near}})) : i18n::Arg()},
                       {"allowed", l10n::labels::labelled(allowed, label_of)}}));
  return false;
}

namespace {

// `message` (cmd.no-such.*) about `value`, with the closest of `candidates`; false.
bool no_such(const char* option, const char* message, const std::string& value,
             const std::vector<std::string>& candidates, const Io& io, i18n::Lang lang) {
  error(io, lang,
        i18n::Message(message, {{"option", option}, {"value", value}, {"hint", did_you_mean(value, candidates)}}));
  return false;
}

}  // namespace

void Known::add(const std::string& id, const std::string& name) {
  if (id.empty()) return;
  ids.insert(id);
  if (!name.empty() && name != id) named[name].insert(id);
}
void Known::add(const model::Text& id, const model::Text& name) {
  if (id) add(*id, name ? *name : std::string());
}

KnownIds known_ids(const model::RecordSet& records) {
  KnownIds k;
  for (const auto& b : records.branches) {
    k.branches.add(b.id, b.name);
    k.streets.add(b.street);
  }
  for (const auto& d : records.districts)
    for (const auto& s : d.streets) k.streets.add(s.id, s.name);
  return k;
}

std::optional<std::string> Known::id_of(const std::string& value) const {
  if (ids.count(value)) return value;
  const auto found = named.find(value);
  if (found != named.end() && found->second.size() == 1) return *found->second.begin();
  return std::nullopt;
}

bool known_id(const char* option, const char* message, std::optional<std::string>& value, const Known& known,
              const Io& io, i18n::Lang lang) {
  if (!value) return true;
  if (const auto id = known.id_of(*value)) {
    value = id;
    return true;
  }
  const auto named = known.named.find(*value);
  if (named != known.named.end()) {
    std::vector<std::string> ids;
    for (const auto& id : named->second) ids.push_back("`" + id + "`");
    error(io, lang,
          i18n::Message("cmd.named-several", {{"option", option}, {"value", *value}, {"ids", l10n::join(ids, lang)}}));
    return false;
  }
  std::vector<std::string> candidates(known.ids.begin(), known.ids.end());
  for (const auto& [name, ids] : known.named) candidates.push_back(name);
  return no_such(option, message, *value, candidates, io, lang);
}

bool names_known(const char* option, const char* message, const std::optional<std::string>& value,
                 const std::set<std::string>& known, const Io& io, i18n::Lang lang) {
  if (!value || known.count(*value)) return true;
  return no_such(option, message, *value, std::vector<std::string>(known.begin(), known.end()), io, lang);
}

std::optional<ledger::Window> checked_dates(const Common& c, const Io& io) {
  std::optional<util::Date> as_of;
  if (c.as_of) {
    as_of = util::Date::parse(*c.as_of);
    if (!as_of) {
      error(io, early_lang(c), i18n::Message("cmd.as-of.not-a-date", {{"value", *c.as_of}}));
      return std::nullopt;
    }
  }
  if (c.year && (*c.year < 1 || *c.year > 9999)) {
    error(io, early_lang(c), i18n::Message("cmd.year.out-of-range", {{"value", *c.year}}));
    return std::nullopt;
  }
  return validate::resolve_dates(c.year, as_of, io.today);
}

unsigned threads(const Common& c) {
  return util::jobs_or_cores(c.jobs);
}

i18n::Lang language(const Common& c, const model::RecordSet& records) {
  if (c.lang) return *c.lang;
  if (records.districts.size() == 1)
    if (const auto& lang = records.districts.front().lang; lang)
      if (const auto parsed = i18n::parse_lang(*lang)) return *parsed;
  return i18n::Lang::En;
}

namespace {

using Loader = std::function<load::LoadResult(diag::Sink&, cache::Store*, const load::Needs&)>;

// Loads what `load` reads (through the parse cache unless --no-cache), merges the rules,
// runs every validation rule and applies the waivers.
Checked check_loaded(const Common& c, const ledger::Window& dates, const Io& io, Needs needs, const Loader& load) {
  Checked out;
  diag::Sink sink;
  std::optional<cache::Store> store;
  if (const std::string dir = c.cache_dir.empty() ? cache::default_dir() : c.cache_dir; !c.no_cache && !dir.empty())
    store.emplace(dir, c.cache_size_mib << 20,
                  fmt::format("max-depth={} max-records={}", c.limits.max_depth, c.limits.max_records));
  const load::Needs kept{needs == Needs::Whole, dates};
  load::LoadResult loaded = load(sink, store ? &*store : nullptr, kept);
  out.records = std::move(loaded.records);
  out.fatal = std::move(loaded.fatal);
  out.lang = language(c, out.records);
  if (store && store->written_bytes() > store->max_bytes() && !c.quiet)
    note(io, out.lang,
         i18n::Message("cmd.cache.too-small",
                       {{"written", fmt::format("{:.1f}", static_cast<double>(store->written_bytes()) / (1 << 20))},
                        {"size", c.cache_size_mib},
                        {"suggested", ((store->written_bytes() >> 20) * 3 / 2 + 1023) / 1024 * 1024}}));
  const yaml::Node* overrides = nullptr;
  if (out.records.districts.size() == 1 && out.records.districts.front().rules)
    overrides = out.records.districts.front().rules.get();
  out.rules = rules::effective_rules(overrides);
  model::labels::use_district_labels(out.records, out.rules);
  out.dates = dates;
  validate::run(out.records, out.rules, out.dates, sink, threads(c));
  out.findings = std::move(sink.items());
  std::vector<waive::Waiver> waivers = std::move(loaded.waivers);
  for (auto& w : waive::from_district(out.records, out.findings)) waivers.push_back(std::move(w));
  waive::apply(out.findings, waivers, dates.as_of);
  return out;
}

// A records repository and the files given in it.
struct Repository {
  std::string root;                // absolute (load::records_roots)
  std::string path;                // the path it is read by: relative when the files were given relative
  std::vector<std::string> given;  // the files, as given
};

// Sorts the files given into their repositories (and `alone`, those in none). False when
// the paths are not all files: a directory or `-` is among them, or none is given.
bool sort_into_repositories(const std::vector<std::string>& paths, std::vector<Repository>& repos,
                            std::vector<std::string>& alone) {
  if (paths.empty()) return false;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-" || fs::is_directory(p, ec)) return false;
  }
  std::error_code cwd_error;
  const fs::path cwd = fs::current_path(cwd_error);
  std::vector<std::string> files;  // those that exist; the others are read alone (and fail)
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) files.push_back(p);
  }
  const std::vector<std::string> roots = load::records_roots(files);
  for (const auto& p : paths) {
    const auto at = std::find(files.begin(), files.end(), p);
    const std::string root = at == files.end() ? "" : roots[static_cast<size_t>(at - files.begin())];
    if (root.empty()) {
      alone.push_back(p);
      continue;
    }
    const auto same = std::find_if(repos.begin(), repos.end(), [&](const Repository& r) { return r.root == root; });
    if (same != repos.end()) {
      same->given.push_back(p);
      continue;
    }
    std::string path = root;
    if (fs::path(p).is_relative() && !cwd_error)
      if (const fs::path rel = fs::path(root).lexically_relative(cwd); !rel.empty()) path = rel.string();
    repos.push_back({root, path, {p}});
  }
  return !repos.empty();
}

// The records of the files `keep` names (display path → the name they get), in their order.
model::RecordSet only_files(model::RecordSet&& all, const std::map<std::string, std::string>& keep) {
  model::RecordSet out;
  out.pools = all.pools;
  std::vector<uint32_t> index(all.files.size(), UINT32_MAX);
  for (size_t i = 0; i < all.files.size(); ++i)
    if (const auto it = keep.find(all.files[i]); it != keep.end()) {
      index[i] = static_cast<uint32_t>(out.files.size());
      out.files.push_back(it->second);
    }
  auto move_kept = [&](auto& to, auto& from) {
    for (auto& r : from)
      if (index[r.file] != UINT32_MAX) {
        r.file = index[r.file];
        to.push_back(std::move(r));
      }
  };
  model::for_each_list(out, all, move_kept);
  return out;
}

// Loads and checks a repository whole; keeps the files given in it.
Checked check_in_repository(const Repository& repo, const Common& c, const ledger::Window& dates, const Io& io,
                            Needs needs) {
  // Each file given, by the display path it has when the repository is read; a file that
  // reading the repository does not find (hidden, not *.yaml, reached through a link) is
  // read besides, by its own path.
  Common whole = c;
  whole.paths = {repo.path};
  std::map<std::string, std::string> keep;
  const load::DiscoverResult found = load::discover(whole.paths);
  for (const auto& given : repo.given) {
    const fs::path rel = fs::absolute(given).lexically_normal().lexically_relative(repo.root);
    const std::string shown = load::display_path((fs::path(repo.path) / rel).string());
    const auto at = std::lower_bound(found.sources.begin(), found.sources.end(), shown,
                                     [](const load::Source& s, const std::string& v) { return s.display < v; });
    const bool read = at != found.sources.end() && at->display == shown;
    if (read) {
      keep[shown] = load::display_path(given);
    } else {
      whole.paths.push_back(given);
      keep[load::display_path(given)] = load::display_path(given);
    }
  }
  Checked all = load_and_check(whole, dates, io, needs);
  if (!c.quiet) {
    const size_t n = repo.given.size();
    const std::vector<std::pair<std::string, i18n::Arg>> args = {{"file", load::display_path(repo.given.front())},
                                                                 {"n", n},
                                                                 {"repository", load::display_path(repo.path)},
                                                                 {"files", all.records.files.size()}};
    say(io.err, all.lang, i18n::Message(n == 1 ? "cmd.in-repository.one" : "cmd.in-repository.other", args));
  }
  Checked out;
  out.lang = all.lang;
  out.records = only_files(std::move(all.records), keep);
  out.rules = std::move(all.rules);
  out.dates = all.dates;
  out.fatal = std::move(all.fatal);
  for (auto& d : all.findings) {
    const auto it = keep.find(d.file);
    if (it == keep.end()) continue;
    d.file = it->second;
    if (d.has_related)
      if (const auto rel = keep.find(d.related.file); rel != keep.end()) d.related.file = rel->second;
    out.findings.push_back(std::move(d));
  }
  return out;
}

}  // namespace

Checked load_and_check(const Common& c, const ledger::Window& dates, const Io& io, Needs needs, Inputs inputs) {
  std::vector<Repository> repos;
  std::vector<std::string> alone;
  if (inputs == Inputs::AsGiven || !sort_into_repositories(c.paths, repos, alone))
    return check_loaded(c, dates, io, needs, [&](diag::Sink& sink, cache::Store* store, const load::Needs& kept) {
      return load::load_paths(c.paths, sink, io.in, c.jobs, store, c.limits, kept);
    });
  Checked out = check_in_repository(repos.front(), c, dates, io, needs);
  auto add = [&](Checked&& part) {
    load::append(out.records, std::move(part.records));
    for (auto& d : part.findings) out.findings.push_back(std::move(d));
    for (auto& f : part.fatal) out.fatal.push_back(std::move(f));
  };
  for (size_t i = 1; i < repos.size(); ++i) add(check_in_repository(repos[i], c, dates, io, needs));
  if (!alone.empty()) {
    Common rest = c;
    rest.paths = alone;
    add(load_and_check(rest, dates, io, needs));
  }
  diag::sort_unique(out.findings);
  return out;
}

Checked check_held(const std::vector<load::Held>& files, const Common& c, const ledger::Window& dates, const Io& io,
                   Needs needs) {
  return check_loaded(c, dates, io, needs, [&](diag::Sink& sink, cache::Store* store, const load::Needs& kept) {
    return load::load_held(files, sink, c.jobs, store, c.limits, kept);
  });
}

int refuse_bad_inputs(const Checked& checked, const Common& c, const Io& io) {
  for (const auto& f : checked.fatal) error(io, checked.lang, f);
  if (!checked.fatal.empty()) return kUsage;
  const auto summary = diag::summarize(checked.findings, checked.records.files.size(), checked.records.record_count());
  const bool refuse = summary.errors > 0 || (c.strict && summary.warnings > 0);
  if (!refuse) return kOk;
  std::vector<diag::Diagnostic> shown;
  for (const auto& d : checked.findings)
    if (d.severity == diag::Severity::Error || c.strict) shown.push_back(d);
  io.err << diag::render_text(shown, false, checked.lang);
  if (!c.quiet) io.err << diag::render_summary(summary, false, checked.lang);
  error(io, checked.lang, i18n::Message(summary.errors > 0 ? "cmd.inputs.errors" : "cmd.inputs.warnings"));
  return kFindings;
}

int refuse_outputs_over_inputs(const std::vector<std::string>& outputs, const Common& c, const Io& io) {
  std::vector<std::pair<std::string, std::pair<dev_t, ino_t>>> existing;
  for (const auto& o : outputs) {
    struct stat st {};
    if (o != "-" && ::stat(o.c_str(), &st) == 0) existing.push_back({o, {st.st_dev, st.st_ino}});
  }
  if (existing.empty()) return kOk;  // new files cannot be inputs
  for (const auto& source : load::discover(c.paths).sources) {
    struct stat st {};
    if (source.is_stdin || ::stat(source.path.c_str(), &st) != 0) continue;
    for (const auto& [name, id] : existing)
      if (id == std::make_pair(st.st_dev, st.st_ino)) {
        error(io, early_lang(c), i18n::Message("cmd.output.is-input", {{"output", name}, {"input", source.display}}));
        return kUsage;
      }
  }
  return kOk;
}

int emit(const std::optional<std::string>& output, const std::string& content, const Io& io, i18n::Lang lang) {
  if (!output || *output == "-") {
    io.out << content;
    return kOk;
  }
  if (const util::Result<void> written = util::write_file(*output, content); !written) {
    error(io, lang, written.error());
    return kUsage;
  }
  return kOk;
}

int refuse_xlsx_without_output(const std::string& format, const std::optional<std::string>& output, const Common& c,
                               const Io& io) {
  if (format != "xlsx" || (output && *output != "-")) return kOk;
  error(io, early_lang(c), i18n::Message("cmd.xlsx.no-output"));
  return kUsage;
}

int emit_xlsx(const std::string& output, const std::vector<render::Sheet>& sheets, util::Date as_of, const Io& io,
              i18n::Lang lang) {
  const util::Result<void> written = util::write_file_with(
      output, [&](int, const std::string& temporary) { return render::write_xlsx(temporary, sheets, as_of, output); });
  if (written) return kOk;
  error(io, lang, written.error());
  return kUsage;
}

}  // namespace svcorg::cmd
