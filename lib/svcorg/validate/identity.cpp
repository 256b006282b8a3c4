// Rules about who is who: duplicate-id, duplicate-plan, district, no-district.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "svcorg/validate/checks.hpp"

namespace svcorg::validate::detail {

namespace {

std::string where(const Context& c, const model::Place& r, Pos at) {
  return fmt::format("{}:{}:{}", c.file(r), at.line, at.col);
}

// A kind of record in a message.
i18n::Message kind_message(model::Kind kind) {
  static const char* const kIds[] = {"validate.kind.district", "validate.kind.branch", "validate.kind.need",
                                     "validate.kind.platform", "validate.kind.plan"};  // in model::Kind's order
  static_assert(std::size(kIds) == static_cast<size_t>(model::Kind::Plan) + 1);
  return i18n::Message(kIds[static_cast<size_t>(kind)]);
}

// A later record of a kind with an id already taken: not the first of its id, which
// `first` (the context's lookup, built in record order) holds.
template <class R>
void duplicate_ids(Context& c, const std::vector<const R*>& ordered, const Context::ById<R>& first) {
  for (const R* r : ordered) {
    if (!r->id) continue;
    const R* earlier = first.find(*r->id);
    if (earlier == r) continue;
    c.conflict(
        *r, r->pos, *earlier, earlier->pos, "duplicate-id",
        i18n::Message("validate.duplicate-id.record",
                      {{"kind", kind_message(kind_of(*r))}, {"id", *r->id}, {"at", where(c, *earlier, earlier->pos)}}));
  }
}

// The District's id and its streets' ids share one namespace.
void street_ids(Context& c, const model::District& d) {
  std::map<std::string, Pos> seen;
  if (d.id) seen.emplace(*d.id, d.pos);
  for (const auto& street : d.streets) {
    if (!street.id) continue;
    auto [it, fresh] = seen.emplace(*street.id, street.pos);
    if (fresh) continue;
    const bool is_district = d.id && *d.id == *street.id;
    c.conflict(
        d, street.pos, d, it->second, "duplicate-id",
        i18n::Message(is_district ? "validate.duplicate-id.street-is-district" : "validate.duplicate-id.street-taken",
                      {{"id", *street.id}, {"at", where(c, d, it->second)}}));
  }
}

void districts(Context& c) {
  if (c.districts.empty()) return;
  const model::District& first = *c.districts.front();
  for (size_t i = 1; i < c.districts.size(); ++i)
    c.conflict(*c.districts[i], c.districts[i]->pos, first, first.pos, "district",
               i18n::Message("validate.district.second", {{"at", where(c, first, first.pos)}}));
  street_ids(c, first);
}

void no_district(Context& c) {
  if (!c.districts.empty() || c.rs.files.empty()) return;
  diag::Diagnostic d;
  d.file = *std::min_element(c.rs.files.begin(), c.rs.files.end());
  d.pos = Pos{1, 1};
  d.severity = diag::Severity::Warning;
  d.rule = "no-district";
  d.message = i18n::Message("validate.no-district.none");
  c.sink.add(std::move(d));
  if (const auto unit = c.would_define(model::Kind::District, ""))
    c.hold_last(*unit, Depends::NoDistrict, model::Kind::District, model::Kind::District, "", model::Place{});
}

void duplicate_plans(Context& c) {
  std::map<std::pair<std::string, int64_t>, const model::Plan*> seen;
  for (const model::Plan* p : c.plans) {
    if (!p->branch || !p->year) continue;
    auto [it, fresh] = seen.emplace(std::make_pair(*p->branch, *p->year), p);
    if (fresh) continue;
    c.conflict(*p, p->pos, *it->second, it->second->pos, "duplicate-plan",
               i18n::Message("validate.duplicate-plan.second", {{"branch", *p->branch},
                                                                {"year", *p->year},
                                                                {"first", it->second->id ? *it->second->id : "?"},
                                                                {"at", where(c, *it->second, it->second->pos)}}));
  }
}

}  // namespace

void check_identity(Context& c) {
  duplicate_ids(c, c.branches, c.branch_by_id);
  duplicate_ids(c, c.needs, c.need_by_id);
  duplicate_ids(c, c.platforms, c.platform_by_id);
  duplicate_ids(c, c.plans, c.plan_by_id);
  districts(c);
  no_district(c);
  duplicate_plans(c);
}

}  // namespace svcorg::validate::detail
