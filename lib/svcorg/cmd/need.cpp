#include "svcorg/cmd/need.hpp"

#include <filesystem>
#include <map>
#include <ostream>
#include <set>

#include "svcorg/cmd/records_edit.hpp"
#include "svcorg/edit/edit.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/load/discover.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/model/vocab.hpp"

namespace svcorg::cmd {

namespace {

namespace fs = std::filesystem;

bool date_ok(const char* option, const std::optional<std::string>& value, const Io& io, i18n::Lang lang) {
  if (!value || util::Date::parse(*value)) return true;
  error(io, lang, i18n::Message("cmd.need.not-a-date", {{"option", option}, {"value", *value}}));
  return false;
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

  std::set<std::string> categories;
  for (const auto& [type, rules] : before.rules.types)
    categories.insert(rules.need_categories.begin(), rules.need_categories.end());
  std::optional<std::string> branch = o.branch, category = o.category;
  if (category && !categories.count(*category))
    for (const auto& [name, label] : before.rules.category_labels)
      if (label == *category && categories.count(name)) category = name;
  if (!known_id("--branch", "cmd.no-such.branch", branch, known_ids(before.records).branches, io, before.lang) ||
      !enum_value("--category", category, std::vector<std::string>(categories.begin(), categories.end()), {"category"},
                  io, before.lang))
    return kUsage;
  o.branch = *branch;  // given by its name, now its id

  const int year = util::Date::parse(received)->year();
  std::vector<std::string> mine, taken;
  for (const auto& n : before.records.need_cores) {
    if (!n.id) continue;
    taken.emplace_back(*n.id);
    if (n.branch && *n.branch == o.branch) mine.emplace_back(*n.id);
  }
  Change file = needs_file(repo, before, o.branch, year);

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
  file.text = edit::append_document(file.text, edit::need_document(need));
  if (int code = write_checked(repo, before, {file}, i18n::Message("cmd.need.refused", {{"file", file.display}}),
                               o.common, *dates, io))
    return code;
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
int load_need(const Common& common, const std::string& id, const ledger::Window& dates, const Io& io, Loaded& l) {
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
int finish(Loaded& l, const std::string& id, const edit::Edited& e, const Common& common, const ledger::Window& dates,
           const Io& io) {
  if (e.refusal != edit::Refusal::None) {
    const char* why = e.refusal == edit::Refusal::FlowEvents ? "cmd.need.flow-events" : "cmd.need.no-status";
    error(io, l.before->lang, i18n::Message(why, {{"id", id}, {"file", l.display}}));
    return kFindings;
  }
  return write_checked(l.repo, *l.before, {{l.display, l.repo.paths.at(l.display), e.text}},
                       i18n::Message("cmd.need.refused", {{"file", l.display}}), common, dates, io);
}

}  // namespace

int run_need_move(const NeedMoveOptions& given, const Io& io) {
  NeedMoveOptions o = given;
  const i18n::Lang early = early_lang(o.common);
  std::optional<std::string> to = o.to;
  if (!enum_value("--to", to, model::vocab::kNeedStatuses, {"status"}, io, early) ||
      !date_ok("--date", o.date, io, early))
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
