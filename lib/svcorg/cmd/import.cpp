#include "svcorg/cmd/import.hpp"

#include <filesystem>
#include <map>
#include <ostream>
#include <set>
#include <utility>

#include "svcorg/cmd/records_edit.hpp"
#include "svcorg/edit/edit.hpp"
#include "svcorg/importer/import.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/load/loader.hpp"

namespace svcorg::cmd {

namespace {

namespace fs = std::filesystem;

i18n::Message count(const char* one, const char* other, size_t n) {
  return i18n::Message(n == 1 ? one : other, {{"n", n}});
}

void at_place(const Io& io, i18n::Lang lang, const std::string& file, const importer::MapError& e) {
  say(io.err, lang,
      i18n::Message("import.at-place",
                    {{"file", file}, {"line", e.pos.line}, {"col", e.pos.col}, {"message", e.message}}));
}

// The map file's errors at their places, then what to do; exit 1.
int bad_map(const Io& io, i18n::Lang lang, const std::string& file, const std::vector<importer::MapError>& errors) {
  for (const auto& e : errors) at_place(io, lang, file, e);
  error(io, lang, i18n::Message("import.bad-map"));
  return kFindings;
}

// True when `path` is one of the repository's files.
bool in_repository(const Repository& repo, const std::string& path) {
  std::error_code ec;
  for (const auto& [display, p] : repo.paths)
    if (fs::equivalent(p, path, ec)) return true;
  return false;
}

importer::Known known_of(const Checked& before, const std::string& system) {
  importer::Known k;
  std::set<std::string> categories;
  for (const auto& [type, rules] : before.rules.types)
    categories.insert(rules.need_categories.begin(), rules.need_categories.end());
  k.categories.assign(categories.begin(), categories.end());
  for (const auto& b : before.records.branches) {
    if (!b.id) continue;
    std::vector<std::string>& allowed = k.branches[*b.id];
    if (b.type)
      if (const auto it = before.rules.types.find(*b.type); it != before.rules.types.end())
        allowed = it->second.need_categories;
  }
  k.category_labels = before.rules.category_labels;
  for (const auto& n : before.records.needs)
    if (n.source && n.source->system && *n.source->system == system && n.source->number)
      k.cases.insert(*n.source->number);
  return k;
}

}  // namespace

int run_import_needs(const ImportOptions& o, const Io& io) {
  const i18n::Lang early = early_lang(o.common);
  const auto dates = checked_dates(o.common, io);
  if (!dates) return kUsage;
  util::Result<std::string> map_text = load::read_file(o.map, o.common.limits.max_file_size);
  if (!map_text) {
    error(io, early, map_text.error());
    return kUsage;
  }
  util::Result<std::string> csv_bytes = load::read_file(o.file, o.common.limits.max_file_size);
  if (!csv_bytes) {
    error(io, early, csv_bytes.error());
    return kUsage;
  }
  Repository repo = read_repository(o.common);
  for (const auto& e : repo.errors) error(io, early, e);
  if (!repo.errors.empty()) return kUsage;
  if (in_repository(repo, o.map)) {
    error(io, early, i18n::Message("import.map-in-repository", {{"map", o.map}}));
    return kUsage;
  }
  const Checked before = check_held(repo.files, o.common, *dates, io, Needs::Whole);
  const i18n::Lang lang = before.lang;
  for (const auto& f : before.fatal) error(io, lang, f);
  if (!before.fatal.empty()) return kUsage;

  importer::Map map;
  std::vector<importer::MapError> map_errors;
  if (!importer::read_map(*map_text, map, map_errors)) return bad_map(io, lang, o.map, map_errors);
  const importer::Known known = known_of(before, map.system.text);
  if (map_errors = importer::check_map(map, known); !map_errors.empty()) return bad_map(io, lang, o.map, map_errors);

  importer::Encoding used = importer::Encoding::Auto;
  const importer::Encoding asked = o.encoding == "utf-8"     ? importer::Encoding::Utf8
                                   : o.encoding == "gb18030" ? importer::Encoding::Gb18030
                                                             : importer::Encoding::Auto;
  const util::Result<std::string> text = importer::decode(std::move(*csv_bytes), asked, used, o.file);
  if (!text) {
    say(io.err, lang, text.error());
    error(io, lang, i18n::Message("import.bad-file"));
    return kFindings;
  }
  importer::Imported rows = importer::map_rows(*text, map, known, importer::CsvLimits{});
  if (!rows.map_errors.empty()) return bad_map(io, lang, o.map, rows.map_errors);
  if (!rows.errors.empty()) {
    std::set<size_t> bad;
    for (const auto& e : rows.errors) {
      bad.insert(e.row);
      if (!e.column.empty())
        say(io.err, lang,
            i18n::Message(
                "import.at-cell",
                {{"file", o.file}, {"line", e.line}, {"row", e.row}, {"column", e.column}, {"message", e.message}}));
      else
        say(io.err, lang,
            i18n::Message("import.at-row",
                          {{"file", o.file}, {"line", e.line}, {"row", e.row}, {"message", e.message}}));
    }
    if (rows.structure)
      error(io, lang, i18n::Message("import.bad-file"));
    else
      error(io, lang,
            i18n::Message("import.bad-rows",
                          {{"rows", count("import.count.rows.one", "import.count.rows.other", bad.size())}}));
    return kFindings;
  }

  // Ids: per branch and year, in row order, after the repository's.
  std::vector<std::string> taken;
  std::map<std::string, std::vector<std::string>> by_branch;
  for (const auto& n : before.records.need_cores)
    if (n.id) {
      taken.emplace_back(*n.id);
      if (n.branch) by_branch[*n.branch].emplace_back(*n.id);
    }
  std::map<std::pair<std::string, int>, std::vector<edit::NewNeed*>> groups;
  for (auto& m : rows.needs) groups[{m.need.branch, util::Date::parse(m.need.received)->year()}].push_back(&m.need);
  for (auto& [key, needs] : groups) {
    const auto ids = edit::next_need_ids(by_branch[key.first], key.first, key.second, taken, needs.size());
    for (size_t i = 0; i < ids.size(); ++i) {
      needs[i]->id = ids[i];
      taken.push_back(ids[i]);
      by_branch[key.first].push_back(ids[i]);
    }
  }
  // Files, in the order of their first row; the documents appended in row order.
  std::vector<Change> changes;
  std::vector<std::string> added;  // per change: the documents
  std::vector<size_t> counts;
  std::map<std::pair<std::string, int>, size_t> change_of;
  for (const auto& m : rows.needs) {
    const std::pair<std::string, int> key{m.need.branch, util::Date::parse(m.need.received)->year()};
    auto it = change_of.find(key);
    if (it == change_of.end()) {
      Change c = needs_file(repo, before, key.first, key.second);
      size_t at = changes.size();
      for (size_t i = 0; i < changes.size(); ++i)
        if (changes[i].display == c.display) at = i;
      if (at == changes.size()) {
        changes.push_back(std::move(c));
        added.emplace_back();
        counts.push_back(0);
      }
      it = change_of.emplace(key, at).first;
    }
    if (!added[it->second].empty()) added[it->second] += "---\n";
    added[it->second] += edit::need_document(m.need);
    ++counts[it->second];
  }
  std::vector<size_t> old_sizes;
  for (size_t i = 0; i < changes.size(); ++i) {
    old_sizes.push_back(changes[i].text.size());
    changes[i].text = edit::append_document(changes[i].text, added[i]);
  }
  const i18n::Message summary(
      o.dry_run ? "import.dry-run" : "import.done",
      {{"needs", count("import.count.needs.one", "import.count.needs.other", rows.needs.size())},
       {"files", count("diag.count.files.one", "diag.count.files.other", changes.size())},
       {"rows", count("import.count.rows.one", "import.count.rows.other", rows.already)}});
  if (o.dry_run) {
    for (size_t i = 0; i < changes.size(); ++i) {
      say(io.out, lang,
          i18n::Message("import.dry-run.file",
                        {{"file", changes[i].display},
                         {"needs", count("import.count.needs.one", "import.count.needs.other", counts[i])}}));
      io.out << changes[i].text.substr(old_sizes[i]);
    }
  }
  if (!changes.empty())
    if (int code =
            write_checked(repo, before, changes, i18n::Message("import.refused"), o.common, *dates, io, !o.dry_run))
      return code;
  if (!o.common.quiet) say(io.out, lang, summary);
  return kOk;
}

}  // namespace svcorg::cmd
