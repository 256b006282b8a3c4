#include "svcorg/export/schema.hpp"

#include <fmt/format.h>

namespace svcorg::dbexport {

namespace {

constexpr Type T = Type::Text, I = Type::Int, R = Type::Real, B = Type::Bool, D = Type::Date;

const char* type_name(Type t, Dialect d) {
  const bool pg = d == Dialect::Postgres;
  switch (t) {
    case Type::Text:
      return "text";
    case Type::Int:
      return pg ? "bigint" : "integer";
    case Type::Real:
      return pg ? "double precision" : "real";
    case Type::Bool:
      return pg ? "boolean" : "integer";
    case Type::Date:
      return pg ? "date" : "text";
  }
  return "text";
}

std::string quoted(const char* name) {
  return fmt::format("\"{}\"", name);
}

std::string quoted_list(const std::vector<const char*>& names) {
  std::string out;
  for (const char* n : names) out += (out.empty() ? "" : ", ") + quoted(n);
  return out;
}

std::vector<const char*> with_snapshot(const std::vector<const char*>& names) {
  std::vector<const char*> out;
  for (const auto& c : kSnapshotColumns) out.push_back(c.name);
  out.insert(out.end(), names.begin(), names.end());
  return out;
}

// The columns of `first`, `second` and `third`, in order.
std::vector<Column> joined(std::vector<Column> first, const std::vector<Column>& second,
                           const std::vector<Column>& third = {}) {
  first.insert(first.end(), second.begin(), second.end());
  first.insert(first.end(), third.begin(), third.end());
  return first;
}

}  // namespace

const std::vector<Column> kSnapshotColumns = {{"district", T}, {"year", I}, {"as_of", D}};

const std::vector<Table>& tables() {
  // A set of needs' ledger metrics (SPEC 5), in a branch's scores and in a roll-up alike.
  static const std::vector<Column> metrics = {{"received", I},
                                              {"carried_over", I},
                                              {"declined", I},
                                              {"resolved", I},
                                              {"open", I},
                                              {"overdue", I},
                                              {"resolution_rate", R},
                                              {"on_time_resolution_rate", R},
                                              {"response_on_time_rate", R},
                                              {"feedback_satisfied_rate", R}};
  static const std::vector<Table> all = {
      {"snapshots",
       {{"district_name", T}, {"base_weight", R}, {"branches", I}, {"scored", I}, {"needs", I}, {"findings", I}},
       {},
       {}},
      {"districts", {{"id", T}, {"name", T}, {"lang", T}}, {"id"}, {}},
      {"streets", {{"id", T}, {"name", T}, {"seq", I}}, {"id"}, {}},
      {"branches",
       {{"id", T},
        {"name", T},
        {"type", T},
        {"street", T},
        {"established", D},
        {"members", I},
        {"reserve_cadres", I},
        {"units", I},
        {"functions", T},
        {"file", T},
        {"line", I}},
       {"id"},
       {{"branches_street", {"street"}}, {"branches_type", {"type"}}}},
      {"secretaries",
       {{"branch", T},
        {"name", T},
        {"certified", B},
        {"orientation", I},
        {"planning", I},
        {"organizing", I},
        {"coordination", I},
        {"adaptability", I},
        {"communication", I}},
       {"branch"},
       {}},
      {"needs",
       {{"id", T},
        {"branch", T},
        {"received", D},
        {"channel", T},
        {"category", T},
        {"summary", T},
        {"scope", T},
        {"impact", T},
        {"layer", T},
        {"disposal", T},
        {"relayed_to", T},
        {"platform", T},
        {"due", D},
        {"status", T},
        {"reason", T},
        {"satisfaction", I},
        {"feedback_date", D},
        {"file", T},
        {"line", I}},
       {"id"},
       {{"needs_branch", {"branch"}}}},
      {"need_events", {{"need", T}, {"seq", I}, {"date", D}, {"status", T}}, {"need", "seq"}, {}},
      {"need_facts",
       {{"need", T},
        {"branch", T},
        {"street", T},
        {"carried_over", B},
        {"status", T},
        {"resolved", B},
        {"declined", B},
        {"open", B},
        {"overdue", B},
        {"due", D},
        {"response", D},
        {"resolution", D},
        {"response_days", I},
        {"resolution_days", I},
        {"age_days", I},
        {"reopened", B},
        {"satisfaction", I}},
       {"need"},
       {{"need_facts_branch", {"branch"}}, {"need_facts_status", {"status"}}}},
      {"platforms",
       {{"id", T},
        {"name", T},
        {"owner", T},
        {"level", T},
        {"category", T},
        {"cadence", T},
        {"established", D},
        {"budget", R},
        {"participants", T},
        {"file", T},
        {"line", I}},
       {"id"},
       {{"platforms_owner", {"owner"}}}},
      {"meetings",
       {{"platform", T}, {"seq", I}, {"date", D}, {"attendees", I}, {"needs", T}, {"note", T}},
       {"platform", "seq"},
       {}},
      {"plans",
       {{"id", T},
        {"branch", T},
        {"plan_year", I},
        {"status", T},
        {"dues_paid_rate", R},
        {"statistics_on_time", B},
        {"organizational_life", I},
        {"members_planned", I},
        {"members_developed", I},
        {"file", T},
        {"line", I}},
       {"id"},
       {{"plans_branch", {"branch"}}}},
      {"plan_items",
       {{"plan", T},
        {"seq", I},
        {"id", T},
        {"title", T},
        {"category", T},
        {"platform", T},
        {"approval", T},
        {"target_metric", T},
        {"target_value", R},
        {"weight", R},
        {"budget", R},
        {"progress", R},
        {"due", D},
        {"outcome_value", R},
        {"outcome_note", T},
        {"needs", T}},
       {"plan", "seq"},
       {}},
      {"reviews",
       {{"plan", T}, {"member_respondents", I}, {"member_mean", R}, {"public_respondents", I}, {"public_mean", R}},
       {"plan"},
       {}},
      {"awards", {{"plan", T}, {"seq", I}, {"kind", T}, {"title", T}, {"approved", B}}, {"plan", "seq"}, {}},
      {"findings",
       {{"seq", I},
        {"file", T},
        {"line", I},
        {"col", I},
        {"severity", T},
        {"rule", T},
        {"kind", T},
        {"record", T},
        {"waived", B},
        {"message_en", T},
        {"message_zh_cn", T}},
       {"seq"},
       {{"findings_rule", {"rule"}}}},
      {"scores",
       joined({{"branch", T},
               {"plan", T},
               {"total", R},
               {"grade", T},
               {"rank_in_district", I},
               {"rank_in_type", I},
               {"base", R},
               {"autonomous", R},
               {"bonus", R},
               {"plan_level", R},
               {"execution", R},
               {"effect", R},
               {"systems", R},
               {"satisfaction", R},
               {"provisional", B},
               {"quality", R},
               {"percentile", R},
               {"peers", I}},
              metrics),
       {"branch"},
       {{"scores_rank", {"rank_in_district"}}}},
      {"score_parts",
       {{"branch", T}, {"component", T}, {"seq", I}, {"part", T}, {"weight", R}, {"value", R}},
       {"branch", "component", "seq"},
       {}},
      {"unscored", {{"branch", T}, {"reason", T}}, {"branch"}, {}},
      {"rollups",
       joined({{"level", T}, {"id", T}, {"branches", I}, {"scored", I}, {"mean_total", R}}, metrics,
              {{"platform_adherence", R}}),
       {"level", "id"},
       {}},
      {"rollup_types", {{"level", T}, {"id", T}, {"type", T}, {"branches", I}}, {"level", "id", "type"}, {}},
      {"labels", {{"label_group", T}, {"value", T}, {"en", T}, {"zh_cn", T}}, {"label_group", "value"}, {}},
  };
  return all;
}

std::vector<Column> all_columns(const Table& t) {
  std::vector<Column> out = kSnapshotColumns;
  out.insert(out.end(), t.columns.begin(), t.columns.end());
  return out;
}

std::vector<std::string> ddl(const Table& t, Dialect d) {
  std::string cols;
  for (const auto& c : all_columns(t)) cols += fmt::format("  {} {},\n", quoted(c.name), type_name(c.type, d));
  std::vector<std::string> out;
  out.push_back(fmt::format("create table if not exists {} (\n{}  primary key ({})\n)", quoted(t.name), cols,
                            quoted_list(with_snapshot(t.key))));
  for (const auto& ix : t.indexes)
    out.push_back(fmt::format("create index if not exists {} on {} ({})", quoted(ix.name), quoted(t.name),
                              quoted_list(with_snapshot(ix.columns))));
  return out;
}

}  // namespace svcorg::dbexport
