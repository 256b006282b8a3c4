#include "svcorg/render/needs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/render/labels.hpp"
#include "svcorg/render/table.hpp"
#include "svcorg/score/model.hpp"

namespace svcorg::render {

namespace {

using json = nlohmann::ordered_json;
using ledger::NeedFacts;

constexpr size_t kSummaryWidth = 30;  // display columns of the summary in the table

json text(const model::Text& t) {
  return t ? json(*t) : json(nullptr);
}
json date(const std::optional<util::Date>& d) {
  return d ? json(d->str()) : json(nullptr);
}
json rate(const std::optional<double>& r) {
  return r ? json(score::round_to(*r, 4)) : json(nullptr);
}
template <class T>
json number(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

std::optional<util::Date> due(const NeedFacts& f) {
  return f.has_due ? std::optional(f.due) : std::nullopt;
}
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
  const std::pair<const char*, const std::optional<std::string>*> fields[] = {
      {"status", &f.status},   {"branch", &f.branch},     {"street", &f.street},
      {"channel", &f.channel}, {"category", &f.category}, {"layer", &f.layer}};
  for (const auto& [key, v] : fields)
    if (*v) j[key] = **v;
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

// A JSON value as a CSV cell: null empty, text as is, numbers as in JSON, booleans as
// words of the language.
std::string cell(const json& v, i18n::Lang lang) {
  if (v.is_null()) return {};
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return l10n::tr(lang, v.get<bool>() ? "render.csv.true" : "render.csv.false");
  return v.dump();
}

// Table cells: no line breaks or tabs inside a cell.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

std::string value(const model::Text& t) {
  return t ? *t : std::string();
}
std::string value(const std::optional<util::Date>& d) {
  return d ? d->str() : std::string();
}
std::string shown(i18n::Lang lang, const char* group, const model::Text& t) {
  return t ? render::shown(lang, group, *t) : std::string();
}

std::vector<std::string> table_row(const ledger::Row& r, util::Date as_of, const Names& names, i18n::Lang lang) {
  const NeedFacts& f = r.facts;
  const model::Need& n = *f.need;
  std::optional<int32_t> days = f.open ? age(f, as_of) : days_between(f.resolution, f.received);
  const std::string yes = l10n::tr(lang, "render.yes");
  return {value(n.id),
          value(n.branch),
          f.received.str(),
          f.carried_over ? yes : "",
          shown(lang, "channel", n.channel),
          n.category ? names.category(lang, *n.category) : std::string(),
          shown(lang, "layer", n.layer),
          shown(lang, "disposal", n.disposal),
          render::shown(lang, "status", ledger::status_name(f.status)),
          value(due(f)),
          value(f.response),
          value(f.resolution),
          days ? std::to_string(*days) : std::string(),
          f.overdue ? yes : "",
          truncate(one_line(value(n.summary)), kSummaryWidth)};
}

std::string days_line(const std::optional<int32_t>& median, const std::optional<int32_t>& p90, i18n::Lang lang) {
  auto show = [](const std::optional<int32_t>& v) { return v ? std::to_string(*v) : std::string("—"); };
  return l10n::tr(lang, "render.needs.days", {{"median", show(median)}, {"p90", show(p90)}});
}

std::string summary_text(const ledger::Listing& l, i18n::Lang lang) {
  const ledger::Metrics& m = l.summary;
  std::string out = l10n::tr(lang, "render.needs.counts",
                             {{"year", l.window.year},
                              {"as_of", i18n::date(l.window.as_of.str())},
                              {"received", m.received},
                              {"carried_over", m.carried_over},
                              {"declined", m.declined},
                              {"resolved", m.resolved},
                              {"open", m.open},
                              {"overdue", m.overdue}}) +
                    "\n";
  const std::vector<std::pair<std::string, std::string>> lines = {
      {l10n::tr(lang, "render.needs.metric.resolution-rate"), percent(m.resolution_rate)},
      {l10n::tr(lang, "render.needs.metric.on-time-resolution-rate"), percent(m.on_time_resolution_rate)},
      {l10n::tr(lang, "render.needs.metric.response-on-time-rate"), percent(m.response_on_time_rate)},
      {l10n::tr(lang, "render.needs.metric.feedback-satisfied-rate"), percent(m.feedback_satisfied_rate)},
      {l10n::tr(lang, "render.needs.metric.response-days"),
       days_line(m.response_days_median, m.response_days_p90, lang)},
      {l10n::tr(lang, "render.needs.metric.resolution-days"),
       days_line(m.resolution_days_median, m.resolution_days_p90, lang)},
      {l10n::tr(lang, "render.needs.metric.reopen-rate"), percent(m.reopen_rate)},
      {l10n::tr(lang, "render.needs.metric.backlog"),
       l10n::tr(lang, "render.needs.backlog",
                {{"a", m.backlog[0]}, {"b", m.backlog[1]}, {"c", m.backlog[2]}, {"d", m.backlog[3]}})}};
  // The labels padded to one column (display width: a CJK character takes two).
  size_t width = 0;
  for (const auto& [label, v] : lines) width = std::max(width, display_width(label));
  for (const auto& [label, v] : lines)
    out += "  " + label + std::string(width + 2 - display_width(label), ' ') + v + "\n";
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

std::string needs_table(const ledger::Listing& l, const Names& names, i18n::Lang lang) {
  Table t;
  t.header = headers(lang, {"render.needs.col.id", "render.needs.col.branch", "render.needs.col.received",
                            "render.needs.col.carried-over", "render.needs.col.channel", "render.needs.col.category",
                            "render.needs.col.layer", "render.needs.col.disposal", "render.needs.col.status",
                            "render.needs.col.due", "render.needs.col.response", "render.needs.col.resolved",
                            "render.needs.col.days", "render.needs.col.overdue", "render.needs.col.summary"});
  t.right = {12};
  for (const auto& r : l.rows) t.rows.push_back(table_row(r, l.window.as_of, names, lang));
  return render_text(t) + "\n" + summary_text(l, lang);
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

Sheet needs_sheet(const ledger::Listing& l, const Names& names, i18n::Lang lang) {
  // The keys of a JSON need, in order, each a column headed by the message
  // render.needs.csv.KEY (KEY with `-` for `_`); a name beside the branch and the street
  // ids; enumerated values (kEnumerated, whose label group is their key) as the language
  // shows them (render::shown).
  static const std::vector<std::string> kColumns = {
      "id",           "branch",   "branch_name",  "street",  "street_name",   "received",
      "carried_over", "channel",  "category",     "layer",   "disposal",      "status",
      "due",          "response", "resolution",   "overdue", "response_days", "resolution_days",
      "age_days",     "reopened", "satisfaction", "summary"};
  static const std::set<std::string> kEnumerated = {"channel", "category", "layer", "disposal", "status"};
  Sheet sheet;
  sheet.name = l10n::tr(lang, "render.xlsx.sheet.ledger");
  for (const std::string& key : kColumns) {
    std::string id = "render.needs.csv." + key;
    std::replace(id.begin(), id.end(), '_', '-');
    sheet.header.push_back(l10n::tr(lang, id.c_str()));
  }
  for (const auto& r : l.rows) {
    json n = row_json(r, l.window.as_of);
    n["branch_name"] = names.branch(n["branch"].is_string() ? n["branch"].get<std::string>() : std::string());
    n["street_name"] = names.street(r.street);
    std::vector<Cell> row;
    for (const std::string& key : kColumns) {
      const json& v = n[key];
      if (v.is_string() && (key == "received" || key == "due" || key == "response" || key == "resolution"))
        row.push_back(Cell::of_date(*util::Date::parse(v.get<std::string>())));
      else if (v.is_number_integer())
        row.push_back(Cell::of_int(v.get<long long>()));
      else if (!kEnumerated.count(key) || !v.is_string())
        row.push_back(Cell::of_text(cell(v, lang)));
      else if (key == "category")
        row.push_back(Cell::of_text(names.category(lang, v.get<std::string>())));
      else
        row.push_back(Cell::of_text(render::shown(lang, key, v.get<std::string>())));
    }
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

Sheet needs_metrics_sheet(const ledger::Listing& l, i18n::Lang lang) {
  const ledger::Metrics& m = l.summary;
  Sheet sheet;
  sheet.name = l10n::tr(lang, "render.xlsx.sheet.metrics");
  sheet.header = {l10n::tr(lang, "render.xlsx.metric"), l10n::tr(lang, "render.xlsx.value")};
  auto add = [&](const char* id, Cell value) {
    sheet.rows.push_back({Cell::of_text(l10n::tr(lang, id)), std::move(value)});
  };
  auto count = [](size_t v) { return Cell::of_int(static_cast<long long>(v)); };
  auto days = [](const std::optional<int32_t>& v) { return v ? Cell::of_int(*v) : Cell::empty(); };
  auto share = [](const std::optional<double>& v) {
    if (!v) return Cell::empty();
    const double r = score::round_to(*v, 4);
    return Cell::of_number(r, 4, fmt::format("{:.4f}", r));
  };
  add("render.xlsx.metric.year", Cell::of_int(l.window.year));
  add("render.xlsx.metric.as-of", Cell::of_date(l.window.as_of));
  add("render.xlsx.metric.received", count(m.received));
  add("render.xlsx.metric.carried-over", count(m.carried_over));
  add("render.xlsx.metric.declined", count(m.declined));
  add("render.xlsx.metric.resolved", count(m.resolved));
  add("render.xlsx.metric.open", count(m.open));
  add("render.xlsx.metric.overdue", count(m.overdue));
  add("render.xlsx.metric.resolution-rate", share(m.resolution_rate));
  add("render.xlsx.metric.on-time-resolution-rate", share(m.on_time_resolution_rate));
  add("render.xlsx.metric.response-on-time-rate", share(m.response_on_time_rate));
  add("render.xlsx.metric.feedback-satisfied-rate", share(m.feedback_satisfied_rate));
  add("render.xlsx.metric.response-days-median", days(m.response_days_median));
  add("render.xlsx.metric.response-days-p90", days(m.response_days_p90));
  add("render.xlsx.metric.resolution-days-median", days(m.resolution_days_median));
  add("render.xlsx.metric.resolution-days-p90", days(m.resolution_days_p90));
  add("render.xlsx.metric.reopen-rate", share(m.reopen_rate));
  add("render.xlsx.metric.backlog-0-7", count(m.backlog[0]));
  add("render.xlsx.metric.backlog-8-30", count(m.backlog[1]));
  add("render.xlsx.metric.backlog-31-90", count(m.backlog[2]));
  add("render.xlsx.metric.backlog-over-90", count(m.backlog[3]));
  return sheet;
}

std::string needs_csv(const ledger::Listing& l, const Names& names, i18n::Lang lang, const CsvOptions& options) {
  return render_csv(csv_table(needs_sheet(l, names, lang)), options);
}

}  // namespace svcorg::render
