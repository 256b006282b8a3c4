#include "svcorg/report/report.hpp"

#include <algorithm>
#include <map>

#include "svcorg/report/figures.hpp"
#include "svcorg/report/improve.hpp"
#include "svcorg/util/text.hpp"

namespace svcorg::report {

namespace {

// "; did you mean `x`?" for an id close to one of `ids`, else nothing.
i18n::Arg hint_for(const std::string& id, const std::vector<std::string>& ids) {
  const auto near = util::closest(id, ids);
  if (!near) return i18n::Arg();
  return i18n::Message("cmd.did-you-mean", {{"value", *near}});
}

using model::Branch;

std::vector<Group> group_by(const ledger::Listing& l, std::string (*key)(const ledger::Row&)) {
  std::map<std::string, std::vector<ledger::NeedFacts>> groups;
  for (const auto& r : l.rows) groups[key(r)].push_back(r.facts);
  std::vector<Group> out;
  for (const auto& [k, facts] : groups) out.push_back({k, ledger::metrics(facts, l.window.as_of)});
  std::stable_sort(out.begin(), out.end(),
                   [](const Group& a, const Group& b) { return a.metrics.size() > b.metrics.size(); });
  return out;
}

LedgerView ledger_view(const Inputs& in, const Scope& scope, const std::string& street) {
  ledger::Filters f;
  if (scope.kind == ScopeKind::Street) f.street = street;
  if (scope.kind == ScopeKind::Branch) f.branch = scope.id;
  LedgerView v;
  v.listing = ledger::list_needs(in.records, in.rules, ledger::Window{in.result.year, in.result.as_of}, f);
  v.by_channel = group_by(v.listing, [](const ledger::Row& r) { return r.facts.need->channel.v; });
  v.by_category = group_by(v.listing, [](const ledger::Row& r) { return r.facts.need->category.v; });
  v.by_disposal = group_by(v.listing, [](const ledger::Row& r) { return r.facts.need->disposal.v; });
  v.by_layer = group_by(v.listing, [](const ledger::Row& r) { return r.facts.need->layer.v; });
  const char* own = scope.kind == ScopeKind::District ? "district"
                    : scope.kind == ScopeKind::Street ? "street"
                                                      : "branch";
  for (const auto& r : v.listing.rows) {
    if (r.facts.overdue) v.oldest_overdue.push_back(&r);
    if (r.facts.need->layer.v == own) v.own_layer.push_back(&r);
  }
  // Open needs of the own layer first: they are what the level still has to act on.
  std::stable_sort(v.own_layer.begin(), v.own_layer.end(),
                   [](const ledger::Row* a, const ledger::Row* b) { return a->facts.open && !b->facts.open; });
  std::stable_sort(v.oldest_overdue.begin(), v.oldest_overdue.end(),
                   [](const ledger::Row* a, const ledger::Row* b) { return a->facts.due < b->facts.due; });
  if (v.oldest_overdue.size() > 10) v.oldest_overdue.resize(10);
  return v;
}

bool in_scope(const Branch& b, const Scope& scope, const std::string& street) {
  switch (scope.kind) {
    case ScopeKind::District:
      return true;
    case ScopeKind::Street:
      return b.street.v == street;
    case ScopeKind::Branch:
      return b.id.v == scope.id;
  }
  return false;
}

// Platforms the scope owns, or that a branch in scope owns or joins.
std::vector<score::Adherence> platforms(const Inputs& in, const Data& d, const std::string& owner_id) {
  std::vector<const model::Platform*> list;
  for (const auto& p : in.records.platforms) {
    bool keep = d.scope.kind == ScopeKind::District || (!owner_id.empty() && p.owner.v == owner_id);
    for (const auto* b : d.branches) {
      if (p.owner.v == b->id.v) keep = true;
      if (p.participants)
        for (const auto& t : *p.participants) keep = keep || t.v == b->id.v;
    }
    if (keep) list.push_back(&p);
  }
  std::sort(list.begin(), list.end(), [](const auto* a, const auto* b) { return a->id.v < b->id.v; });
  std::vector<score::Adherence> out;
  for (const auto* p : list) out.push_back(score::adherence(*p, ledger::Window{in.result.year, in.result.as_of}));
  return out;
}

void people(const Inputs& in, Data& d) {
  for (const auto* b : d.branches) {
    SecretaryRow row{b,
                     {},
                     false,
                     b->secretary && b->secretary->certified && *b->secretary->certified,
                     b->reserve_cadres ? *b->reserve_cadres : 0};
    if (b->secretary && b->secretary->has_competencies) {
      row.rated = true;
      for (size_t i = 0; i < model::Secretary::kAbilities.size(); ++i) {
        const auto& c = b->secretary->competencies[i];
        if (c && *c <= 2) row.gaps.emplace_back(model::Secretary::kAbilities[i], *c);
      }
    }
    d.secretaries.push_back(std::move(row));
    for (const auto& plan : in.records.plans) {
      if (plan.branch.v != b->id.v || !plan.year || *plan.year != in.result.year) continue;
      if (plan.review && plan.review->awards)
        for (const auto& a : *plan.review->awards) d.awards.push_back({b, &a});
    }
  }
}

util::Result<void> resolve_name(const Inputs& in, Data& d, std::string& street) {
  const model::District* district = in.records.districts.empty() ? nullptr : &in.records.districts.front();
  switch (d.scope.kind) {
    case ScopeKind::District:
      d.name = district && district->name ? *district->name : "";
      d.own = &in.result.district;
      return util::ok();
    case ScopeKind::Street:
      street = d.scope.id;
      for (const auto& st : in.result.streets)
        if (st.id == street) d.own = &st;
      if (!d.own) {
        std::vector<std::string> ids;
        for (const auto& st : in.result.streets) ids.push_back(st.id);
        return util::fail(i18n::Message("cmd.scope.no-street", {{"id", street}, {"hint", hint_for(street, ids)}}));
      }
      if (district)
        for (const auto& s : district->streets)
          if (s.id.v == street) d.name = s.name.v;
      if (d.name.empty()) d.name = street;
      return util::ok();
    case ScopeKind::Branch:
      for (const auto& b : in.records.branches)
        if (b.id.v == d.scope.id) d.branch = &b;
      if (!d.branch) {
        std::vector<std::string> ids;
        for (const auto& b : in.records.branches)
          if (b.id) ids.push_back(*b.id);
        return util::fail(
            i18n::Message("cmd.scope.no-branch", {{"id", d.scope.id}, {"hint", hint_for(d.scope.id, ids)}}));
      }
      d.name = d.branch->name.v;
      return util::ok();
  }
  return util::ok();  // every kind is a case above
}

}  // namespace

std::optional<Scope> parse_scope(const std::string& text) {
  if (text == "district") return Scope{ScopeKind::District, ""};
  auto after = [&](const char* prefix) -> std::optional<std::string> {
    const std::string p(prefix);
    if (text.rfind(p, 0) == 0 && text.size() > p.size()) return text.substr(p.size());
    return std::nullopt;
  };
  if (auto id = after("street:")) return Scope{ScopeKind::Street, *id};
  if (auto id = after("branch:")) return Scope{ScopeKind::Branch, *id};
  return std::nullopt;
}

util::Result<Data> build(const Inputs& in, const Scope& scope) {
  Data d;
  d.scope = scope;
  d.result = &in.result;
  d.model = &in.model;
  d.rules = &in.rules;
  std::string street;
  if (util::Result<void> named = resolve_name(in, d, street); !named) return std::move(named).failure();
  if (!in.records.districts.empty())
    for (const auto& st : in.records.districts.front().streets) d.street_names[st.id.v] = st.name.v;
  for (const auto& b : in.records.branches)
    if (in_scope(b, scope, street)) d.branches.push_back(&b);
  std::sort(d.branches.begin(), d.branches.end(), [](const Branch* a, const Branch* b) { return a->id.v < b->id.v; });
  for (const auto& s : in.result.branches)
    if (in_scope(*s.branch, scope, street)) d.scores.push_back(&s);
  for (const auto& u : in.result.unscored)
    for (const auto* b : d.branches)
      if (b->id.v == u.id) d.unscored.push_back(&u);
  for (const auto& st : in.result.streets)
    if (scope.kind == ScopeKind::District || st.id == street) d.streets.push_back(&st);
  d.ledger = ledger_view(in, scope, street);
  const std::string owner = scope.kind == ScopeKind::District ? d.own->id : street;
  d.platforms = platforms(in, d, owner);
  people(in, d);
  if (scope.kind == ScopeKind::Branch) {
    if (!d.scores.empty()) d.card = d.scores.front();
    for (const auto& p : in.records.plans)
      if (p.branch.v == scope.id && p.year && *p.year == in.result.year) d.plan = &p;
  }
  figures(in, d);
  if (d.card) d.improve = improvements(*d.card, d.ledger, d.quality_rank);
  d.previous = previous(in, d);
  return d;
}

const std::string& Data::name_of(const std::string& id) const {
  auto it = names.find(id);
  return it == names.end() ? id : it->second;
}

const TypeMeans* Data::type_mean(const std::string& type) const {
  for (const auto& t : type_means)
    if (t.type == type) return &t;
  return nullptr;
}

}  // namespace svcorg::report
