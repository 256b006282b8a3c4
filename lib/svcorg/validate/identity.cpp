// Rules about who is who: duplicate-id, duplicate-plan, district, no-district.
#include <algorithm>
#include <fmt/format.h>

#include "svcorg/validate/checks.hpp"

namespace svcorg::validate::detail {

namespace {

std::string where(const Context& c, const model::Place& r, Pos at) {
  return fmt::format("{}:{}:{}", c.file(r), at.line, at.col);
}

// A later record of a kind with an id already taken: not the first of its id, which
// `first` (the context's lookup, built in record order) holds.
template <class R>
void duplicate_ids(Context& c, const std::vector<const R*>& ordered, const Context::ById<R>& first) {
  for (const R* r : ordered) {
    if (!r->id) continue;
    const R* earlier = first.find(*r->id);
    if (earlier == r) continue;
    const char* kind = model::kind_name(kind_of(*r));
    c.conflict(*r, r->pos, *earlier, earlier->pos, "duplicate-id",
               fmt::format("another {} already has the id `{}` (at {}); ids are unique within a kind across all "
                           "inputs: rename one of them",
                           kind, *r->id, where(c, *earlier, earlier->pos)));
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
    c.conflict(d, street.pos, d, it->second, "duplicate-id",
               fmt::format("the street id `{}` is already {} (at {}); the District and its streets share one "
                           "namespace: give the street its own id",
                           *street.id, is_district ? "the District's id" : "taken by another street",
                           where(c, d, it->second)));
  }
}

void districts(Context& c) {
  if (c.districts.empty()) return;
  const model::District& first = *c.districts.front();
  for (size_t i = 1; i < c.districts.size(); ++i)
    c.conflict(*c.districts[i], c.districts[i]->pos, first, first.pos, "district",
               fmt::format("a second District (the first is at {}); the inputs hold at most one District: "
                           "merge them or validate one district at a time",
                           where(c, first, first.pos)));
  street_ids(c, first);
}

void no_district(Context& c) {
  if (!c.districts.empty() || c.rs.files.empty()) return;
  diag::Diagnostic d;
  d.file = *std::min_element(c.rs.files.begin(), c.rs.files.end());
  d.pos = Pos{1, 1};
  d.severity = diag::Severity::Warning;
  d.rule = "no-district";
  d.message =
      "no District among the inputs: streets and platform owners that are not branches are not checked, and the "
      "default rules apply; add the District's file to the paths";
  c.sink.add(std::move(d));
}

void duplicate_plans(Context& c) {
  std::map<std::pair<std::string, int64_t>, const model::Plan*> seen;
  for (const model::Plan* p : c.plans) {
    if (!p->branch || !p->year) continue;
    auto [it, fresh] = seen.emplace(std::make_pair(*p->branch, *p->year), p);
    if (fresh) continue;
    c.conflict(*p, p->pos, *it->second, it->second->pos, "duplicate-plan",
               fmt::format("a second plan of branch `{}` for {} (the first is `{}` at {}); a branch has one plan a "
                           "year: merge them",
                           *p->branch, *p->year, it->second->id ? *it->second->id : "?",
                           where(c, *it->second, it->second->pos)));
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
