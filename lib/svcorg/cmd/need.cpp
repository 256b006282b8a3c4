#include "svcorg/cmd/need.hpp"

#include <filesystem>
#include <map>
#include <ostream>
#include <set>

#include "svcorg/diag/render.hpp"
#include "svcorg/edit/edit.hpp"
#include "svcorg/i18n/catalogue.hpp"
#include "svcorg/load/discover.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/util/file.hpp"

namespace svcorg::cmd {

namespace {

namespace fs = std::filesystem;

// The repository's files held in memory, by display path, with the paths to write.
struct Repository {
  std::string root;
  std::vector<load::Held> files;
  std::map<std::string, std::string> paths;  // display path -> path
  std::vector<i18n::Message> errors;
};

Repository read_repository(const Common& c) {
  Repository r;
  r.root = c.paths.empty() ? std::string(".") : c.paths.front();
  const load::DiscoverResult found = load::discover({r.root});
  r.errors = found.errors;
  for (const auto& s : found.sources) {
    // As validate reads it: --max-file-size holds, and a file that cannot be read is an
    // error, never an empty file an edit would then be checked against.
    std::string bytes;
    i18n::Message error;
    if (!load::read_file(s.path, c.limits.max_file_size, bytes, error)) {
      r.errors.push_back(std::move(error));
      continue;
    }
    r.files.push_back({s.display, std::move(bytes)});
    r.paths[s.display] = s.path;
  }
  return r;
}

bool date_ok(const char* option, const std::optional<std::string>& value, const Io& io, i18n::Lang lang) {
  if (!value || util::Date::parse(*value)) return true;
  error(io, lang, i18n::Message("cmd.need.not-a-date", {{"option", option}, {"value", *value}}));
  return false;
}

// The errors of `after` that `before` does not have (compared without their lines, which
// an edit moves).
std::vector<diag::Diagnostic> new_errors(const Checked& before, const Checked& after) {
  auto key = [](const diag::Diagnostic& d) {
    return d.file + '\0' + d.rule + '\0' + d.kind + '\0' + d.id + '\0' + i18n::render(d.message, i18n::Lang::En);
  };
  std::multiset<std::string> old;
  for (const auto& d : before.findings)
    if (d.severity == diag::Severity::Error) old.insert(key(d));
  std::vector<diag::Diagnostic> added;
  for (const auto& d : after.findings) {
    if (d.severity != diag::Severity::Error) continue;
    const auto it = old.find(key(d));
    if (it != old.end())
      old.erase(it);
    else
      added.push_back(d);
  }
  return added;
}

// Validates `repo` with `display` holding `text`, and writes it (atomically) only when
// that adds no error. Returns the exit code.
int write_checked(Repository& repo, const Checked& before, const std::string& display, const std::string& path,
                  const std::string& text, const Common& common, const validate::Options& dates, const Io& io) {
  std::vector<load::Held> edited = repo.files;
  bool replaced = false;
  for (auto& f : edited)
    if (f.name == display) {
      f.bytes = text;
      replaced = true;
    }
  if (!replaced) edited.push_back({display, text});
  const Checked after = check_held(edited, common, dates, io);
  const std::vector<diag::Diagnostic> added = new_errors(before, after);
  if (!added.empty()) {
    io.err << diag::render_text(added, false, before.lang);
    error(io, before.lang, i18n::Message("cmd.need.refused", {{"file", display}}));
    return kFindings;
  }
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (const i18n::Message err = util::write_file(path, text); !err.empty()) {
    error(io, before.lang, err);
    return kUsage;
  }
  return kOk;
}

// The first line of a needs file of the same depth that names the need schema, for a new
// needs file.
std::string schema_line(const Repository& repo, const std::string& needs_folder) {
  for (const auto& f : repo.files) {
    const std::string& p = repo.paths.at(f.name);
    if (fs::path(p).parent_path().parent_path().lexically_normal() != fs::path(needs_folder)) continue;
    const std::string first = f.bytes.substr(0, f.bytes.find('\n'));
    if (first.rfind("# yaml-language-server: $schema=", 0) == 0 && first.find("need.schema.json") != std::string::npos)
      return first.back() == '\r' ? first.substr(0, first.size() - 1) : first;
  }
  return "";
}

}  // namespace

int run_need_add(const NeedAddOptions& given, const Io& io) {
  NeedAddOptions o = given;
  const i18n::Lang early = early_lang(o.common);
  std::optional<std::string> channel = o.channel, layer = o.layer, disposal = o.disposal;
  if (!enum_value("--channel", channel, model::vocab::kChannels, {"channel"}, io, early) ||
      !enum_value("--layer", layer, model::vocab::kLayers, {"layer"}, io, early) ||
      !enum_value("--disposal", disposal, model::vocab::kDisposals, {"disposal"}, io, early) ||
      !enum_value("--scope", o.scope, model::vocab::kScopes, {"scope"}, io, early) ||
      !date_ok("--received", o.received, io, early) || !date_ok("--due", o.due, io, early))
    return kUsage;
  o.channel = *channel;
  o.layer = *layer;
  o.disposal = *disposal;
  const auto dates = checked_dates(o.common, io);
  if (!dates) return kUsage;
  const std::string received = o.received ? util::Date::parse(*o.received)->str() : io.today.str();

  Repository repo = read_repository(o.common);
  for (const auto& e : repo.errors) error(io, early, e);
  if (!repo.errors.empty()) return kUsage;
  const Checked before = check_held(repo.files, o.common, *dates, io);
  for (const auto& f : before.fatal) error(io, before.lang, f);
  if (!before.fatal.empty()) return kUsage;

  std::set<std::string> branches, categories;
  for (const auto& b : before.records.branches)
    if (b.id) branches.insert(*b.id);
  for (const auto& [type, rules] : before.rules.types)
    categories.insert(rules.need_categories.begin(), rules.need_categories.end());
  std::optional<std::string> branch = o.branch, category = o.category;
  if (category && !categories.count(*category))
    for (const auto& [name, label] : before.rules.category_labels)
      if (label == *category && categories.count(name)) category = name;
  if (!names_known("--branch", "cmd.no-such.branch", branch, branches, io, before.lang) ||
      !enum_value("--category", category, std::vector<std::string>(categories.begin(), categories.end()),
                  {"category"}, io, before.lang))
    return kUsage;

  const int year = util::Date::parse(received)->year();
  std::vector<std::string> mine, taken;
  std::string display;  // the file of the branch's last need of the year
  for (const auto& n : before.records.need_cores) {
    if (!n.id) continue;
    taken.emplace_back(*n.id);
    if (!n.branch || *n.branch != o.branch) continue;
    mine.emplace_back(*n.id);
    if (n.received && (*n.received).year() == year) display = before.records.files[n.file];
  }
  std::string path;
  if (!display.empty()) {
    path = repo.paths.at(display);
  } else {
    const std::string folder = (fs::path(repo.root) / "needs").lexically_normal().string();
    path = (fs::path(folder) / std::to_string(year) / (o.branch + ".yaml")).string();
    display = load::display_path(path);
    if (!repo.paths.count(display)) repo.paths[display] = path;
  }
  std::string old;
  for (const auto& f : repo.files)
    if (f.name == display) old = f.bytes;
  if (old.empty()) {
    const std::string header = schema_line(repo, (fs::path(repo.root) / "needs").lexically_normal().string());
    if (!header.empty()) old = header + "\n";
  }

  edit::NewNeed need;
  need.id = edit::next_need_id(mine, o.branch, year, taken);
  need.branch = o.branch;
  need.received = received;
  need.channel = o.channel;
  need.category = *category;
  need.summary = o.summary;
  need.scope = o.scope;
  need.layer = o.layer;
  need.disposal = o.disposal;
  need.relayed_to = o.relayed_to;
  if (o.due) need.due = util::Date::parse(*o.due)->str();
  const std::string text = edit::append_document(old, edit::need_document(need));
  if (int code = write_checked(repo, before, display, path, text, o.common, *dates, io)) return code;
  io.out << need.id << "\n";
  return kOk;
}

namespace {

// The repository read and checked as it is, with the file that holds need `id`.
struct Loaded {
  Repository repo;
  std::optional<Checked> before;
  std::string display, text;
};

// Reads and checks the repository and finds need `id` (else exit 2, with the closest id).
int load_need(const Common& common, const std::string& id, const validate::Options& dates, const Io& io,
              Loaded& l) {
  l.repo = read_repository(common);
  for (const auto& e : l.repo.errors) error(io, early_lang(common), e);
  if (!l.repo.errors.empty()) return kUsage;
  l.before = check_held(l.repo.files, common, dates, io);
  for (const auto& f : l.before->fatal) error(io, l.before->lang, f);
  if (!l.before->fatal.empty()) return kUsage;
  std::set<std::string> ids;
  for (const auto& n : l.before->records.need_cores)
    if (n.id) {
      ids.emplace(*n.id);
      if (*n.id == id) l.display = l.before->records.files[n.file];
    }
  if (!names_known("ID", "cmd.no-such.need", id, ids, io, l.before->lang)) return kUsage;
  for (const auto& f : l.repo.files)
    if (f.name == l.display) l.text = f.bytes;
  return kOk;
}

// Writes an edit of need `id`'s file, or says why it cannot be made as text.
int finish(Loaded& l, const std::string& id, const edit::Edited& e, const Common& common,
           const validate::Options& dates, const Io& io) {
  if (e.refusal != edit::Refusal::None) {
    const char* why = e.refusal == edit::Refusal::FlowEvents ? "cmd.need.flow-events" : "cmd.need.no-status";
    error(io, l.before->lang, i18n::Message(why, {{"id", id}, {"file", l.display}}));
    return kFindings;
  }
  return write_checked(l.repo, *l.before, l.display, l.repo.paths.at(l.display), e.text, common, dates, io);
}

}  // namespace

int run_need_move(const NeedMoveOptions& given, const Io& io) {
  NeedMoveOptions o = given;
  const i18n::Lang early = early_lang(o.common);
  std::optional<std::string> to = o.to;
  if (!enum_value("--to", to, model::vocab::kNeedStatuses, {"status"}, io, early) || !date_ok("--date", o.date, io, early))
    return kUsage;
  const auto dates = checked_dates(o.common, io);
  if (!dates) return kUsage;
  Loaded l;
  if (int code = load_need(o.common, o.id, *dates, io, l)) return code;
  const edit::Event event{o.date ? util::Date::parse(*o.date)->str() : io.today.str(), *to, o.note};
  return finish(l, o.id, edit::move_need(l.text, o.id, event, o.reason), o.common, *dates, io);
}

int run_need_feedback(const NeedFeedbackOptions& o, const Io& io) {
  const i18n::Lang early = early_lang(o.common);
  if (!date_ok("--date", o.date, io, early)) return kUsage;
  const auto dates = checked_dates(o.common, io);
  if (!dates) return kUsage;
  Loaded l;
  if (int code = load_need(o.common, o.id, *dates, io, l)) return code;
  const std::string date = o.date ? util::Date::parse(*o.date)->str() : io.today.str();
  return finish(l, o.id, edit::set_feedback(l.text, o.id, o.satisfaction, date), o.common, *dates, io);
}

}  // namespace svcorg::cmd
