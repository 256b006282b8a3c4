#include "svcorg/score/delta.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "svcorg/util/date.hpp"

namespace svcorg::score {

const char* status_name(DeltaStatus s) {
  switch (s) {
    case DeltaStatus::Changed:
      return "changed";
    case DeltaStatus::Unchanged:
      return "unchanged";
    case DeltaStatus::New:
      return "new";
    case DeltaStatus::Removed:
      return "removed";
  }
  return "";
}

Baseline baseline_of(const Result& r, const std::string& source) {
  Baseline b{source, r.year, r.as_of.str(), {}};
  for (const auto& s : r.branches)
    b.branches.push_back({*s.branch->id, *s.branch->name, *s.branch->type, *s.branch->street, round_to(s.total, 2),
                          s.grade, s.rank_in_district});
  return b;
}

namespace {

using json = nlohmann::json;

// What is wrong with the document, thrown out of the parse (and caught in parse_baseline:
// the field helpers stop the parse at the first bad field without a test at every call).
struct Bad {
  i18n::Message why;
};

// The value of `key` in `obj` with the type `ok` accepts, else an error naming the key and
// what it should be (`what`: score.baseline.expect.*).
const json& field(const json& obj, const char* key, bool (json::*ok)() const, const char* what, const std::string& at) {
  const auto it = obj.find(key);
  if (it == obj.end() || !((*it).*ok)())
    throw Bad{i18n::Message("score.baseline.field", {{"at", at}, {"key", key}, {"what", i18n::Message(what)}})};
  return *it;
}

}  // namespace

util::Result<Baseline> parse_baseline(const std::string& text, const std::string& source) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return util::fail(i18n::Message("score.baseline.not-json"));
  try {
    if (!j.is_object()) throw Bad{i18n::Message("score.baseline.not-object")};
    const json& format = field(j, "format", &json::is_number_integer, "score.baseline.expect.one", "");
    if (format.get<int64_t>() != 1) throw Bad{i18n::Message("score.baseline.format")};
    Baseline b;
    b.source = source;
    const int64_t year = field(j, "year", &json::is_number_integer, "score.baseline.expect.year", "").get<int64_t>();
    if (year < 1 || year > 9999) throw Bad{i18n::Message("score.baseline.year")};
    b.year = static_cast<int>(year);
    b.as_of = field(j, "as_of", &json::is_string, "score.baseline.expect.date", "").get<std::string>();
    if (!util::Date::parse(b.as_of)) throw Bad{i18n::Message("score.baseline.as-of")};
    size_t i = 0;
    for (const auto& e : field(j, "branches", &json::is_array, "score.baseline.expect.list", "")) {
      const std::string entry = fmt::format("branches[{}]", i++), at = entry + ".";
      if (!e.is_object()) throw Bad{i18n::Message("score.baseline.entry", {{"entry", entry}})};
      BaselineBranch bb;
      bb.id = field(e, "id", &json::is_string, "score.baseline.expect.text", at).get<std::string>();
      bb.name = field(e, "name", &json::is_string, "score.baseline.expect.text", at).get<std::string>();
      bb.type = field(e, "type", &json::is_string, "score.baseline.expect.text", at).get<std::string>();
      bb.street = field(e, "street", &json::is_string, "score.baseline.expect.text", at).get<std::string>();
      bb.total = field(e, "total", &json::is_number, "score.baseline.expect.number", at).get<double>();
      bb.grade = field(e, "grade", &json::is_string, "score.baseline.expect.text", at).get<std::string>();
      bb.rank = field(e, "rank_in_district", &json::is_number_integer, "score.baseline.expect.integer", at).get<int>();
      b.branches.push_back(std::move(bb));
    }
    return b;
  } catch (const Bad& bad) {
    return util::fail(bad.why);
  }
}

Deltas compare(const Result& now, const std::vector<const BranchScore*>& shown, const Baseline& base,
               const std::function<bool(const BaselineBranch&)>& show_removed) {
  Deltas d{now.year, now.as_of.str(), base.source, base.year, base.as_of, {}};
  std::map<std::string, const BaselineBranch*> before;
  for (const auto& b : base.branches) before.emplace(b.id, &b);
  for (const auto* s : shown) {
    DeltaRow row;
    row.id = *s->branch->id;
    row.name = *s->branch->name;
    row.total = round_to(s->total, 2);
    row.grade = s->grade;
    row.rank = s->rank_in_district;
    const auto it = before.find(row.id);
    if (it == before.end()) {
      row.status = DeltaStatus::New;
    } else {
      const BaselineBranch& b = *it->second;
      row.baseline_total = b.total;
      row.delta = round_to(*row.total - b.total, 2);
      row.baseline_grade = b.grade;
      row.baseline_rank = b.rank;
      row.rank_delta = b.rank - *row.rank;
      const bool same = *row.delta == 0 && b.grade == *row.grade && b.rank == *row.rank;
      row.status = same ? DeltaStatus::Unchanged : DeltaStatus::Changed;
    }
    d.rows.push_back(std::move(row));
  }
  std::set<std::string> scored;
  for (const auto& s : now.branches) scored.insert(*s.branch->id);
  for (const auto& [id, b] : before) {  // by id
    if (scored.count(id) || !show_removed(*b)) continue;
    DeltaRow row;
    row.id = id;
    row.name = b->name;
    row.baseline_total = b->total;
    row.baseline_grade = b->grade;
    row.baseline_rank = b->rank;
    row.status = DeltaStatus::Removed;
    d.rows.push_back(std::move(row));
  }
  return d;
}

}  // namespace svcorg::score
