#include "svcorg/export/rows.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/l10n/labels.hpp"
#include "svcorg/model/vocab.hpp"

namespace svcorg::dbexport {

namespace {

using score::round_to;

const Cell kNull{};

Cell text(const model::Text& t) {
  return t ? Cell(*t) : kNull;
}
Cell date(const model::F<util::Date>& d) {
  return d ? Cell(d->str()) : kNull;
}
Cell date(const std::optional<util::Date>& d) {
  return d ? Cell(d->str()) : kNull;
}
Cell integer(const model::F<int64_t>& v) {
  return v ? Cell(*v) : kNull;
}
Cell integer(size_t v) {
  return Cell(static_cast<int64_t>(v));
}
Cell integer(int v) {
  return Cell(static_cast<int64_t>(v));
}
template <class T>
Cell integer(const std::optional<T>& v) {
  return v ? Cell(static_cast<int64_t>(*v)) : kNull;
}
Cell number(const model::F<double>& v) {
  return v ? Cell(*v) : kNull;
}
Cell flag(bool b) {
  return Cell(int64_t{b ? 1 : 0});
}
Cell flag(const model::F<bool>& b) {
  return b ? flag(*b) : kNull;
}
// A figure as score JSON prints it: rounded to `decimals`, null when undefined.
Cell rounded(double v, int decimals) {
  return Cell(round_to(v, decimals));
}
Cell rounded(const std::optional<double>& v, int decimals) {
  return v ? rounded(*v, decimals) : kNull;
}
// A list of texts as a JSON array (UTF-8 as it is); null when absent.
Cell list(const model::F<model::TextList>& l) {
  if (!l) return kNull;
  nlohmann::json a = nlohmann::json::array();
  for (const auto& t : *l)
    if (t) a.push_back(*t);
  return Cell(a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

using Emit = std::function<void(const Row&)>;

// Emits the row of record `r` with its place in the inputs, the last two columns of every
// table of records: its file (display path) and line.
void emit_record(const Emit& emit, const Source& s, const model::RecordBase& r, Row row) {
  row.push_back(r.file < s.records.files.size() ? Cell(s.records.files[r.file]) : kNull);
  row.push_back(r.pos.known() ? integer(static_cast<size_t>(r.pos.line)) : kNull);
  emit(row);
}

// A table of records: one row for each of `records`, its columns `row_of(record)` and then
// its place (emit_record).
template <class Records, class RowOf>
void each_record(const Source& s, const Emit& emit, const Records& records, RowOf&& row_of) {
  for (const auto& r : records) emit_record(emit, s, r, row_of(r));
}

// A table of the entries of a list inside a record (events, meetings, items, awards):
// `f(entry, ordinal)` for each entry of the optional list, the ordinal counted from 1.
template <class List, class F>
void each_numbered(const List& list, F&& f) {
  if (!list) return;
  for (size_t k = 0; k < list->size(); ++k) f((*list)[k], integer(k + 1));
}

void snapshots(const Source& s, const Emit& emit) {
  const model::District* d = s.records.districts.empty() ? nullptr : &s.records.districts.front();
  emit({d ? text(d->name) : kNull, Cell(s.scores.base_weight), integer(s.records.branches.size()),
        integer(s.scores.branches.size()), integer(s.ledger.rows.size()), integer(s.findings.size())});
}

void districts(const Source& s, const Emit& emit) {
  for (const auto& d : s.records.districts) emit({text(d.id), text(d.name), text(d.lang)});
}

void streets(const Source& s, const Emit& emit) {
  for (const auto& d : s.records.districts)
    for (size_t k = 0; k < d.streets.size(); ++k)
      emit({text(d.streets[k].id), text(d.streets[k].name), integer(k + 1)});
}

void branches(const Source& s, const Emit& emit) {
  each_record(s, emit, s.records.branches, [](const model::Branch& b) -> Row {
    return {text(b.id),
            text(b.name),
            text(b.type),
            text(b.street),
            date(b.established),
            integer(b.members),
            integer(b.reserve_cadres),
            integer(b.units),
            list(b.functions)};
  });
}

void secretaries(const Source& s, const Emit& emit) {
  for (const auto& b : s.records.branches) {
    if (!b.secretary) continue;
    const model::Secretary& sec = *b.secretary;
    Row row = {text(b.id), text(sec.name), flag(sec.certified)};
    for (const auto& c : sec.competencies) row.push_back(integer(c));
    emit(row);
  }
}

void needs(const Source& s, const Emit& emit) {
  each_record(s, emit, s.records.needs, [](const model::Need& n) -> Row {
    const auto& f = n.feedback;
    return {text(n.id),
            text(n.branch),
            date(n.received),
            text(n.channel),
            text(n.category),
            text(n.summary),
            text(n.scope),
            list(n.impact),
            text(n.layer),
            text(n.disposal),
            text(n.relayed_to),
            text(n.platform),
            date(n.due),
            text(n.status),
            text(n.reason),
            f ? integer(f->satisfaction) : kNull,
            f ? date(f->date) : kNull};
  });
}

void need_events(const Source& s, const Emit& emit) {
  for (const auto& n : s.records.needs)
    each_numbered(n.events, [&](const model::Event& e, Cell k) {
      emit({text(n.id), k, date(e.date),
            e.status ? Cell(std::string(model::vocab::need_status_name(*e.status))) : kNull});
    });
}

void need_facts(const Source& s, const Emit& emit) {
  const util::Date as_of = s.ledger.window.as_of;
  for (const auto& r : s.ledger.rows) {
    const ledger::NeedFacts& f = r.facts;
    const model::Need& n = *f.need;
    auto days = [&](const std::optional<util::Date>& d) { return d ? integer(*d - f.received) : kNull; };
    emit({text(n.id), text(n.branch), r.street.empty() ? kNull : Cell(r.street), flag(f.carried_over),
          Cell(std::string(ledger::status_name(f.status))), flag(f.resolved), flag(f.declined), flag(f.open),
          flag(f.overdue), f.has_due ? Cell(f.due.str()) : kNull, date(f.response), date(f.resolution),
          days(f.response), days(f.resolution), f.open ? integer(as_of - f.received) : kNull, flag(f.reopened),
          integer(f.satisfaction)});
  }
}

void platforms(const Source& s, const Emit& emit) {
  each_record(s, emit, s.records.platforms, [](const model::Platform& p) -> Row {
    return {text(p.id),      text(p.name),        text(p.owner),    text(p.level),       text(p.category),
            text(p.cadence), date(p.established), number(p.budget), list(p.participants)};
  });
}

void meetings(const Source& s, const Emit& emit) {
  for (const auto& p : s.records.platforms)
    each_numbered(p.meetings, [&](const model::Meeting& m, Cell k) {
      emit({text(p.id), k, date(m.date), integer(m.attendees), list(m.needs), text(m.note)});
    });
}

void plans(const Source& s, const Emit& emit) {
  each_record(s, emit, s.records.plans, [](const model::Plan& p) -> Row {
    const auto& b = p.base;
    const auto* dev = b && b->member_development ? &*b->member_development : nullptr;
    return {text(p.id),
            text(p.branch),
            integer(p.year),
            text(p.status),
            b ? number(b->dues_paid_rate) : kNull,
            b ? flag(b->statistics_on_time) : kNull,
            b ? integer(b->organizational_life) : kNull,
            dev ? integer(dev->planned) : kNull,
            dev ? integer(dev->developed) : kNull};
  });
}

void plan_items(const Source& s, const Emit& emit) {
  for (const auto& p : s.records.plans)
    each_numbered(p.items, [&](const model::Item& i, Cell k) {
      emit({text(p.id), k, text(i.id), text(i.title), text(i.category), text(i.platform), text(i.approval),
            i.target ? text(i.target->metric) : kNull, i.target ? number(i.target->value) : kNull, number(i.weight),
            number(i.budget), number(i.progress), date(i.due), i.outcome ? number(i.outcome->value) : kNull,
            i.outcome ? text(i.outcome->note) : kNull, list(i.needs)});
    });
}

void reviews(const Source& s, const Emit& emit) {
  for (const auto& p : s.records.plans) {
    if (!p.review) continue;
    const model::Review& r = *p.review;
    const auto respondents = [](const model::F<model::Survey>& v) { return v ? integer(v->respondents) : kNull; };
    const auto mean = [](const model::F<model::Survey>& v) { return v ? number(v->mean) : kNull; };
    emit({text(p.id), respondents(r.member_survey), mean(r.member_survey), respondents(r.public_survey),
          mean(r.public_survey)});
  }
}

void awards(const Source& s, const Emit& emit) {
  for (const auto& p : s.records.plans)
    if (p.review)
      each_numbered(p.review->awards, [&](const model::Award& a, Cell k) {
        emit({text(p.id), k, text(a.kind), text(a.title), flag(a.approved)});
      });
}

void findings(const Source& s, const Emit& emit) {
  for (size_t k = 0; k < s.findings.size(); ++k) {
    const diag::Diagnostic& d = s.findings[k];
    auto known = [](uint32_t v) { return v ? integer(static_cast<size_t>(v)) : kNull; };
    emit({integer(k + 1), d.file.empty() ? kNull : Cell(d.file), known(d.pos.line), known(d.pos.col),
          Cell(std::string(diag::severity_name(d.severity))), Cell(d.rule), d.kind.empty() ? kNull : Cell(d.kind),
          d.id.empty() ? kNull : Cell(d.id), flag(d.waived), Cell(l10n::render(d.message, i18n::Lang::En)),
          Cell(l10n::render(d.message, i18n::Lang::ZhCN))});
  }
}

void scores(const Source& s, const Emit& emit) {
  for (const auto& b : s.scores.branches) {
    const ledger::Metrics& n = b.needs;
    Row row = {text(b.branch->id),          text(b.plan->id),        rounded(b.total, 2), Cell(b.grade),
               integer(b.rank_in_district), integer(b.rank_in_type), rounded(b.base, 2),  rounded(b.autonomous, 2),
               rounded(b.bonus, 2)};
    for (const char* name : {"plan_level", "execution", "effect", "systems", "satisfaction"})
      row.push_back(rounded(b.component(name), 2));
    row.insert(row.end(),
               {flag(b.provisional), rounded(b.quality, 4), rounded(b.percentile, 4), integer(b.peers),
                integer(n.received), integer(n.carried_over), integer(n.declined), integer(n.resolved), integer(n.open),
                integer(n.overdue), rounded(n.resolution_rate, 4), rounded(n.on_time_resolution_rate, 4),
                rounded(n.response_on_time_rate, 4), rounded(n.feedback_satisfied_rate, 4)});
    emit(row);
  }
}

// The inputs behind every component (SPEC 6), unrounded as score::compute keeps them:
// the parts of each weighted mean with their weights, and the systems score's best
// adherence per required platform category (no weight).
void score_parts(const Source& s, const Emit& emit) {
  for (const auto& b : s.scores.branches) {
    const auto group = [&](const char* component, const std::vector<score::Part>& parts) {
      for (size_t k = 0; k < parts.size(); ++k)
        emit({text(b.branch->id), Cell(std::string(component)), integer(k + 1), Cell(parts[k].name),
              Cell(parts[k].weight), parts[k].value ? Cell(*parts[k].value) : kNull});
    };
    const std::pair<const char*, const std::vector<score::Part>*> groups[] = {
        {"base", &b.base_parts},     {"quality", &b.quality_parts},           {"plan_level", &b.plan_level_parts},
        {"effect", &b.effect_parts}, {"satisfaction", &b.satisfaction_parts}, {"components", &b.components}};
    for (const auto& [component, parts] : groups) group(component, *parts);
    for (size_t k = 0; k < b.systems_entries.size(); ++k) {
      const score::SystemsEntry& e = b.systems_entries[k];
      emit({text(b.branch->id), Cell(std::string("systems")), integer(k + 1), Cell(e.category), kNull, Cell(e.value)});
    }
  }
}

void unscored(const Source& s, const Emit& emit) {
  for (const auto& u : s.scores.unscored) emit({Cell(u.id), Cell(u.reason)});
}

template <class F>
void each_rollup(const Source& s, F&& f) {
  for (const auto& st : s.scores.streets) f("street", st);
  f("district", s.scores.district);
}

void rollups(const Source& s, const Emit& emit) {
  each_rollup(s, [&](const char* level, const score::Rollup& r) {
    const ledger::Metrics& n = r.needs;
    emit({Cell(std::string(level)), Cell(r.id), integer(r.branches), integer(r.scored), rounded(r.mean_total, 2),
          integer(n.received), integer(n.carried_over), integer(n.declined), integer(n.resolved), integer(n.open),
          integer(n.overdue), rounded(n.resolution_rate, 4), rounded(n.on_time_resolution_rate, 4),
          rounded(n.response_on_time_rate, 4), rounded(n.feedback_satisfied_rate, 4),
          rounded(r.platform_adherence, 4)});
  });
}

void rollup_types(const Source& s, const Emit& emit) {
  each_rollup(s, [&](const char* level, const score::Rollup& r) {
    for (const auto& [type, n] : r.by_type) emit({Cell(std::string(level)), Cell(r.id), Cell(type), integer(n)});
  });
}

// Every value of the label table with its labels, and the District's own categories.
void labels(const Source& s, const Emit& emit) {
  const auto label = [](const char* lang, const std::string& group, const std::string& value) {
    const std::string* l = l10n::labels::label(lang, group, value);
    return l ? Cell(*l) : Cell(value);
  };
  std::map<std::string, std::map<std::string, bool>> values;  // sorted: group, value
  if (const yaml::Node* en = l10n::labels::table().find("en"))
    for (const auto& [group, entries] : en->entries)
      for (const auto& [value, text] : entries.entries) values[group.value][value.value] = true;
  for (const auto& [name, zh] : s.rules.category_labels) values["category"][name] = true;
  for (const auto& [group, vs] : values)
    for (const auto& [value, unused] : vs)
      emit({Cell(group), Cell(value), label("en", group, value), label("zh-CN", group, value)});
}

}  // namespace

SnapshotKey snapshot_key(const Source& s) {
  SnapshotKey k;
  if (!s.records.districts.empty() && s.records.districts.front().id) k.district = *s.records.districts.front().id;
  k.year = s.ledger.window.year;
  k.as_of = s.ledger.window.as_of.str();
  return k;
}

void rows(const Source& s, const Table& table, const std::function<void(const Row&)>& emit) {
  using Builder = void (*)(const Source&, const Emit&);
  static const std::map<std::string, Builder> builders = {{"snapshots", snapshots},
                                                          {"districts", districts},
                                                          {"streets", streets},
                                                          {"branches", branches},
                                                          {"secretaries", secretaries},
                                                          {"needs", needs},
                                                          {"need_events", need_events},
                                                          {"need_facts", need_facts},
                                                          {"platforms", platforms},
                                                          {"meetings", meetings},
                                                          {"plans", plans},
                                                          {"plan_items", plan_items},
                                                          {"reviews", reviews},
                                                          {"awards", awards},
                                                          {"findings", findings},
                                                          {"scores", scores},
                                                          {"score_parts", score_parts},
                                                          {"unscored", unscored},
                                                          {"rollups", rollups},
                                                          {"rollup_types", rollup_types},
                                                          {"labels", labels}};
  const auto found = builders.find(table.name);
  if (found == builders.end()) throw std::logic_error(std::string("export: no rows for table ") + table.name);
  const size_t width = table.columns.size();
  found->second(s, [&](const Row& row) {
    if (row.size() != width) throw std::logic_error(std::string("export: a row of the wrong width for ") + table.name);
    emit(row);
  });
}

}  // namespace svcorg::dbexport
