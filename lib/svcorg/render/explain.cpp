// `svcorg score --explain ID`: one branch's score as a tree, every part with its weight,
// the inputs behind it and its contribution to the total.
#include <fmt/format.h>

#include "svcorg/render/score.hpp"
#include "svcorg/score/model.hpp"

namespace svcorg::render {

namespace {

using score::Part;

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out.empty() ? "none" : out;
}

// A tree printer: lines with box-drawing prefixes.
class Tree {
 public:
  void line(int depth, bool last, const std::string& text) {
    std::string prefix;
    for (int d = 0; d < depth; ++d) prefix += open_[static_cast<size_t>(d)] ? "│  " : "   ";
    out_ += prefix + (last ? "└─ " : "├─ ") + text + "\n";
    open_.resize(static_cast<size_t>(depth) + 1);
    open_[static_cast<size_t>(depth)] = !last;
  }
  void text(const std::string& t) { out_ += t + "\n"; }
  const std::string& str() const { return out_; }

 private:
  std::string out_;
  std::vector<bool> open_;
};

std::string part_line(const Part& p, const std::vector<Part>& group, double scale, int decimals, const std::string& inputs) {
  if (!p.value) return fmt::format("{}: excluded ({})", p.name, inputs);
  const double contribution = scale * score::share(group, p.name) * *p.value;
  return fmt::format("{} {} × weight {} → {}   ({})", p.name, fixed(*p.value, decimals), fmt::format("{}", p.weight),
                     fixed(contribution, 2), inputs);
}

std::string base_inputs(const score::BranchScore& s, const std::string& name) {
  const auto& b = *s.plan->base;
  if (name == "dues") return fmt::format("dues_paid_rate {}", b.dues_paid_rate ? fmt::format("{}", *b.dues_paid_rate) : "-");
  if (name == "statistics") return fmt::format("statistics_on_time {}", b.statistics_on_time && *b.statistics_on_time);
  if (name == "organizational_life")
    return fmt::format("{} meetings held", b.organizational_life ? *b.organizational_life : 0);
  if (!b.member_development) return "member_development absent";
  return fmt::format("developed {} of {} planned", b.member_development->developed.v, b.member_development->planned.v);
}

void explain_base(Tree& t, const score::BranchScore& s) {
  t.line(0, false, fmt::format("base {} × β {} → {}", fixed(s.base, 2), fmt::format("{}", s.beta),
                               fixed(s.beta * s.base, 2)));
  for (size_t i = 0; i < s.base_parts.size(); ++i)
    t.line(1, i + 1 == s.base_parts.size(),
           part_line(s.base_parts[i], s.base_parts, s.beta, 2, base_inputs(s, s.base_parts[i].name)));
}

std::string plan_level_inputs(const score::Result& r, const score::BranchScore& s) {
  const auto& q = s.quality_inputs;
  std::string quality = fmt::format(
      "quality {}: {} items, {} linked to needs, {} with a numeric target, minimum {} items; need categories {} "
      "covered {}",
      fixed(s.quality, 4), q.items, q.linked, q.measurable, q.min_plan_items, join(q.need_categories),
      join(q.covered_categories));
  if (!s.percentile) return quality + "; the only plan of its type: no peer comparison";
  return quality + fmt::format("; percentile {} among {} peers ({})", fixed(*s.percentile, 4), s.peers,
                               join(score::peer_ids(r, s)));
}

std::string systems_inputs(const score::BranchScore& s) {
  if (s.systems_entries.empty()) return "its type requires no platform";
  std::vector<std::string> v;
  for (const auto& e : s.systems_entries) {
    if (!e.best) {
      v.push_back(fmt::format("{}: none", e.category));
      continue;
    }
    const auto& a = *e.best;
    v.push_back(fmt::format("{}: {} held {} of {:.2f} expected {}..{} → {}", e.category, *a.platform->id, a.held,
                            a.expected, a.from.str(), a.to.str(), fixed(*a.value, 4)));
  }
  return join(v, "; ");
}

std::string effect_inputs(const score::BranchScore& s) {
  const auto& n = s.needs;
  if (n.size() == 0) return "no needs received in the year and none carried over";
  std::string carried = fmt::format("{} carried over", n.carried_over);
  if (n.carried_over > 0) {
    std::vector<std::string> from;
    for (const auto& [year, count] : n.carried_over_by_year) from.push_back(fmt::format("{} from {}", count, year));
    carried += " (" + join(from) + ")";
  }
  return fmt::format(
      "{} received, {}, {} declined, {} resolved, {} open, {} overdue; resolution {}, on time {}, "
      "response on time {} (of the needs received in the year), feedback satisfied {}",
      n.received, carried, n.declined, n.resolved, n.open, n.overdue, fixed(n.resolution_rate, 4),
      fixed(n.on_time_resolution_rate, 4), fixed(n.response_on_time_rate, 4), fixed(n.feedback_satisfied_rate, 4));
}

std::string satisfaction_inputs(const score::BranchScore& s) {
  auto survey = [](const model::F<model::Survey>& v, const char* name) {
    if (!v) return fmt::format("no {} survey", name);
    return fmt::format("{} survey mean {} of {} respondents", name, v->mean.v, v->respondents.v);
  };
  if (!s.plan->review) return "no review";
  return survey(s.plan->review->member_survey, "member") + "; " + survey(s.plan->review->public_survey, "public");
}

void explain_autonomous(Tree& t, const score::Result& r, const score::BranchScore& s) {
  const double scale = 1.0 - s.beta;
  t.line(0, false, fmt::format("autonomous {} × (1 − β) {} → {}", fixed(s.autonomous, 2), fmt::format("{}", scale),
                               fixed(scale * s.autonomous, 2)));
  for (size_t i = 0; i < s.components.size(); ++i) {
    const Part& p = s.components[i];
    std::string inputs;
    if (p.name == "plan_level") inputs = plan_level_inputs(r, s);
    else if (p.name == "execution") inputs = fmt::format("Σ weight × progress / Σ weight over {} items (Σ weight {})",
                                                         s.quality_inputs.items, s.execution_weight_sum);
    else if (p.name == "effect") inputs = effect_inputs(s);
    else if (p.name == "systems") inputs = systems_inputs(s);
    else inputs = satisfaction_inputs(s);
    t.line(1, i + 1 == s.components.size(), part_line(p, s.components, scale, 2, inputs));
  }
}

}  // namespace

std::string score_explain(const score::Result& r, const score::BranchScore& s, const score::Model& m) {
  Tree t;
  t.text(fmt::format("{} {} ({}, street {}): plan {} for {}{}, as of {}", *s.branch->id, *s.branch->name,
                     *s.branch->type, *s.branch->street, *s.plan->id, r.year,
                     s.provisional ? " (provisional: not reviewed)" : "", r.as_of.str()));
  explain_base(t, s);
  explain_autonomous(t, r, s);
  t.line(0, true, fmt::format("bonus {}: {} approved award(s) × {} points, cap {}", fixed(s.bonus, 2),
                              s.approved_awards, m.award_points, m.award_cap));
  t.text(fmt::format("total = min(100, {} + {} + {}) = {} → {}, rank {} in the district, {} among {} branches",
                     fixed(s.beta * s.base, 2), fixed((1 - s.beta) * s.autonomous, 2), fixed(s.bonus, 2),
                     fixed(s.total, 2), s.grade, s.rank_in_district, s.rank_in_type, *s.branch->type));
  return t.str();
}

}  // namespace svcorg::render
