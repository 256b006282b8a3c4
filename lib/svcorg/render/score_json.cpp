#include "svcorg/render/json_writer.hpp"
#include "svcorg/render/score.hpp"
#include "svcorg/score/model.hpp"

namespace svcorg::render {

namespace {

using score::round_to;

std::optional<double> num(const std::optional<double>& v, int decimals) {
  if (!v) return std::nullopt;
  return round_to(*v, decimals);
}

void needs_json(JsonWriter& w, const ledger::Metrics& n) {
  w.begin_object()
      .member("received", n.received)
      .member("carried_over", n.carried_over)
      .member("declined", n.declined)
      .member("resolved", n.resolved)
      .member("open", n.open)
      .member("overdue", n.overdue)
      .member("resolution_rate", num(n.resolution_rate, 4))
      .member("on_time_resolution_rate", num(n.on_time_resolution_rate, 4))
      .member("response_on_time_rate", num(n.response_on_time_rate, 4))
      .member("feedback_satisfied_rate", num(n.feedback_satisfied_rate, 4))
      .end_object();
}

void branch_json(JsonWriter& w, const score::BranchScore& s) {
  w.begin_object()
      .member("id", *s.branch->id)
      .member("name", *s.branch->name)
      .member("type", *s.branch->type)
      .member("street", *s.branch->street)
      .member("plan", *s.plan->id)
      .member("provisional", s.provisional)
      .member("total", round_to(s.total, 2))
      .member("grade", s.grade)
      .member("rank_in_district", s.rank_in_district)
      .member("rank_in_type", s.rank_in_type)
      .member("base", round_to(s.base, 2))
      .member("autonomous", round_to(s.autonomous, 2))
      .member("bonus", round_to(s.bonus, 2));
  w.key("components").begin_object();
  for (const char* name : {"plan_level", "execution", "effect", "systems", "satisfaction"})
    w.member(name, num(s.component(name), 2));
  w.end_object();
  w.key("detail")
      .begin_object()
      .member("quality", round_to(s.quality, 4))
      .member("percentile", num(s.percentile, 4))
      .member("peers", s.peers)
      .end_object();
  needs_json(w.key("needs"), s.needs);
  w.end_object();
}

void rollup_json(JsonWriter& w, const score::Rollup& r) {
  w.begin_object();
  if (r.id.empty())
    w.member("id", nullptr);
  else
    w.member("id", r.id);
  w.member("branches", r.branches);
  w.key("by_type").begin_object();
  for (const auto& [type, n] : r.by_type) w.member(type, n);  // distinct types (score::rollup)
  w.end_object();
  w.member("scored", r.scored).member("mean_total", num(r.mean_total, 2));
  w.key("needs")
      .begin_object()
      .member("received", r.needs.received)
      .member("carried_over", r.needs.carried_over)
      .member("resolution_rate", num(r.needs.resolution_rate, 4))
      .member("on_time_resolution_rate", num(r.needs.on_time_resolution_rate, 4))
      .end_object();
  w.member("platform_adherence", num(r.platform_adherence, 4));
  w.end_object();
}

}  // namespace

// SPEC 8's document, written as it is read: keys in this order.
std::string score_json(const score::Result& r, const ScoreSelection& sel) {
  JsonWriter w;
  w.begin_object()
      .member("format", 1)
      .member("year", r.year)
      .member("as_of", r.as_of.str())
      .member("base_weight", r.base_weight);
  w.key("branches").begin_array();
  for (const auto* s : sel.branches) branch_json(w, *s);
  w.end_array();
  w.key("unscored").begin_array();
  for (const auto* u : sel.unscored) w.begin_object().member("id", u->id).member("reason", u->reason).end_object();
  w.end_array();
  w.key("streets").begin_array();
  for (const auto* st : sel.streets) rollup_json(w, *st);
  w.end_array();
  rollup_json(w.key("district"), r.district);
  w.end_object();
  std::string out = w.take();
  out += '\n';
  return out;
}

}  // namespace svcorg::render
