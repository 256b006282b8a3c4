#include "svcorg/render/needs.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "svcorg/render/table.hpp"
#include "svcorg/score/model.hpp"

namespace svcorg::render {

namespace {

using json = nlohmann::ordered_json;
using ledger::NeedFacts;

constexpr size_t kSummaryWidth = 30;  // display columns of the summary in the table

json text(const model::Text& t) { return t ? json(*t) : json(nullptr); }
json date(const std::optional<util::Date>& d) { return d ? json(d->str()) : json(nullptr); }
json rate(const std::optional<double>& r) { return r ? json(score::round_to(*r, 4)) : json(nullptr); }
template <class T>
json number(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

std::optional<util::Date> due(const NeedFacts& f) { return f.has_due ? std::optional(f.due) : std::nullopt; }
std::optional<int32_t> days_between(const std::optional<util::Date>& d, util::Date from) {
  return d ? std::optional(*d - from) : std::nullopt;
}
std::optional<int32_t> age(const NeedFacts& f, util::Date as_of) {
  return f.open ? std::optional(as_of - f.received) : std::nullopt;
}

json row_json(const ledger::Row& r, util::Date as_of) {
  const NeedFacts& f = r.facts;
  const model::Need& n = *f.need;
  json j;
  j["id"] = text(n.id);
  j["branch"] = text(n.branch);
  j["street"] = r.street.empty() ? json(nullptr) : json(r.street);
  j["received"] = f.received.str();
  j["carried_over"] = f.carried_over;
  j["channel"] = text(n.channel);
  j["category"] = text(n.category);
  j["layer"] = text(n.layer);
  j["disposal"] = text(n.disposal);
  j["status"] = ledger::status_name(f.status);
  j["due"] = date(due(f));
  j["response"] = date(f.response);
  j["resolution"] = date(f.resolution);
  j["overdue"] = f.overdue;
  j["response_days"] = number(days_between(f.response, f.received));
  j["resolution_days"] = number(days_between(f.resolution, f.received));
  j["age_days"] = number(age(f, as_of));
  j["reopened"] = f.reopened;
  j["satisfaction"] = number(f.satisfaction);
  j["summary"] = text(n.summary);
  return j;
}

json filters_json(const ledger::Filters& f) {
  json j = json::object();
  auto put = [&](const char* key, const std::optional<std::string>& v) {
    if (v) j[key] = *v;
  };
  put("status", f.status);
  put("branch", f.branch);
  put("street", f.street);
  put("channel", f.channel);
  put("category", f.category);
  put("layer", f.layer);
  if (f.received_in_year) j["received_in_year"] = true;
  return j;
}

json summary_json(const ledger::Metrics& m) {
  json j;
  j["received"] = m.received;
  j["carried_over"] = m.carried_over;
  j["declined"] = m.declined;
  j["resolved"] = m.resolved;
  j["open"] = m.open;
  j["overdue"] = m.overdue;
  j["resolution_rate"] = rate(m.resolution_rate);
  j["on_time_resolution_rate"] = rate(m.on_time_resolution_rate);
  j["response_on_time_rate"] = rate(m.response_on_time_rate);
  j["feedback_satisfied_rate"] = rate(m.feedback_satisfied_rate);
  j["response_days"] = {{"median", number(m.response_days_median)}, {"p90", number(m.response_days_p90)}};
  j["resolution_days"] = {{"median", number(m.resolution_days_median)}, {"p90", number(m.resolution_days_p90)}};
  j["reopen_rate"] = rate(m.reopen_rate);
  j["backlog"] = {{"0-7", m.backlog[0]}, {"8-30", m.backlog[1]}, {"31-90", m.backlog[2]}, {"over-90", m.backlog[3]}};
  return j;
}

// A JSON value as a CSV cell: null empty, text as is, numbers and booleans as in JSON.
std::string cell(const json& v) {
  if (v.is_null()) return {};
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

// Table cells: no line breaks or tabs inside a cell.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

std::string value(const model::Text& t) { return t ? *t : std::string(); }
std::string value(const std::optional<util::Date>& d) { return d ? d->str() : std::string(); }

std::vector<std::string> table_row(const ledger::Row& r, util::Date as_of) {
  const NeedFacts& f = r.facts;
  const model::Need& n = *f.need;
  std::optional<int32_t> days = f.open ? age(f, as_of) : days_between(f.resolution, f.received);
  return {value(n.id),
          value(n.branch),
          f.received.str(),
          f.carried_over ? "yes" : "",
          value(n.channel),
          value(n.category),
          value(n.layer),
          value(n.disposal),
          ledger::status_name(f.status),
          value(due(f)),
          value(f.response),
          value(f.resolution),
          days ? std::to_string(*days) : std::string(),
          f.overdue ? "yes" : "",
          truncate(one_line(value(n.summary)), kSummaryWidth)};
}

std::string days_line(const std::optional<int32_t>& median, const std::optional<int32_t>& p90) {
  auto show = [](const std::optional<int32_t>& v) { return v ? std::to_string(*v) : std::string("—"); };
  return fmt::format("median {}, P90 {}", show(median), show(p90));
}

std::string summary_text(const ledger::Listing& l) {
  const ledger::Metrics& m = l.summary;
  std::string out = fmt::format(
      "needs of {} as of {}: {} received, {} carried over, {} declined, {} resolved, {} open, {} overdue\n",
      l.window.year, l.window.as_of.str(), m.received, m.carried_over, m.declined, m.resolved, m.open, m.overdue);
  auto add = [&](const char* label, const std::string& v) { out += fmt::format("  {:<26}{}\n", label, v); };
  add("resolution rate", percent(m.resolution_rate));
  add("on-time resolution rate", percent(m.on_time_resolution_rate));
  add("on-time response rate", percent(m.response_on_time_rate));
  add("feedback satisfied rate", percent(m.feedback_satisfied_rate));
  add("response days", days_line(m.response_days_median, m.response_days_p90));
  add("resolution days", days_line(m.resolution_days_median, m.resolution_days_p90));
  add("reopen rate", percent(m.reopen_rate));
  add("open needs by age (days)", fmt::format("0-7: {}, 8-30: {}, 31-90: {}, over 90: {}", m.backlog[0],
                                              m.backlog[1], m.backlog[2], m.backlog[3]));
  return out;
}

json needs_array(const ledger::Listing& l) {
  json needs = json::array();
  for (const auto& r : l.rows) needs.push_back(row_json(r, l.window.as_of));
  return needs;
}

}  // namespace

std::string percent(const std::optional<double>& rate) {
  return rate ? fmt::format("{:.1f}%", *rate * 100.0) : std::string("—");
}

std::string needs_table(const ledger::Listing& l) {
  Table t;
  t.header = {"id",     "branch", "received", "carried over", "channel", "category", "layer",  "disposal",
              "status", "due",    "response", "resolved",     "days",    "overdue",  "summary"};
  t.right = {12};
  for (const auto& r : l.rows) t.rows.push_back(table_row(r, l.window.as_of));
  return render_text(t) + "\n" + summary_text(l);
}

std::string needs_json(const ledger::Listing& l) {
  json root;
  root["format"] = 1;
  root["year"] = l.window.year;
  root["as_of"] = l.window.as_of.str();
  root["filters"] = filters_json(l.filters);
  root["needs"] = needs_array(l);
  root["summary"] = summary_json(l.summary);
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string needs_csv(const ledger::Listing& l) {
  static const model::Need kBlank;
  // Every row has the keys of a JSON need, in order; a blank need names them even
  // when nothing is listed.
  ledger::Row blank;
  blank.facts.need = &kBlank;
  const json columns = row_json(blank, l.window.as_of);
  Table t;
  for (auto it = columns.begin(); it != columns.end(); ++it) t.header.push_back(it.key());
  for (const auto& n : needs_array(l)) {
    std::vector<std::string> row;
    for (auto it = n.begin(); it != n.end(); ++it) row.push_back(cell(it.value()));
    t.rows.push_back(std::move(row));
  }
  return render_csv(t);
}

}  // namespace svcorg::render
