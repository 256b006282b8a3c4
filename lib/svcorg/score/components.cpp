#include "svcorg/score/components.hpp"

#include <algorithm>
#include <cmath>

#include "svcorg/model/vocab.hpp"

namespace svcorg::score {

using plan::kTie;

std::vector<Part> base_parts(const model::BasePart& b, const rules::TypeRules& rules, const Model& m) {
  std::optional<double> dues, statistics, life, development;
  if (b.dues_paid_rate) dues = 100.0 * *b.dues_paid_rate;
  if (b.statistics_on_time) statistics = *b.statistics_on_time ? 100.0 : 0.0;
  if (b.organizational_life) {
    const double per_year = static_cast<double>(std::max<int64_t>(1, rules.organizational_life_per_year));
    life = 100.0 * std::min(static_cast<double>(*b.organizational_life) / per_year, 1.0);
  }
  if (b.member_development && b.member_development->planned && *b.member_development->planned > 0 &&
      b.member_development->developed) {
    const auto& md = *b.member_development;
    development = 100.0 * std::min(static_cast<double>(*md.developed) / static_cast<double>(*md.planned), 1.0);
  }
  return util::parts_in_order(
      m.base,
      {{"dues", dues}, {"statistics", statistics}, {"organizational_life", life}, {"member_development", development}});
}

std::optional<double> percentile(double q, const std::vector<double>& others) {
  if (others.empty()) return std::nullopt;
  double less = 0, equal = 0;
  for (double other : others) {
    if (other < q - kTie)
      less += 1;
    else if (std::abs(other - q) <= kTie)
      equal += 1;
  }
  return (less + 0.5 * equal) / static_cast<double>(others.size());
}

std::vector<std::optional<double>> percentiles(const std::vector<double>& qualities) {
  std::vector<std::optional<double>> out(qualities.size());
  if (qualities.size() < 2) return out;
  std::vector<double> sorted = qualities;
  std::sort(sorted.begin(), sorted.end());
  const auto others = static_cast<double>(qualities.size() - 1);
  for (size_t i = 0; i < qualities.size(); ++i) {
    const double q = qualities[i];
    // Below q − 2·tie an element is surely `less`, above q + 2·tie surely neither;
    // between them, percentile()'s own tests decide, so ties are judged exactly alike.
    const auto lo = std::lower_bound(sorted.begin(), sorted.end(), q - 2 * kTie);
    const auto hi = std::upper_bound(lo, sorted.end(), q + 2 * kTie);
    double less = static_cast<double>(lo - sorted.begin()), equal = -1;  // -1: q itself is in the window
    for (auto it = lo; it != hi; ++it) {
      if (*it < q - kTie)
        less += 1;
      else if (std::abs(*it - q) <= kTie)
        equal += 1;
    }
    out[i] = (less + 0.5 * equal) / others;
  }
  return out;
}

double execution(const model::Plan& plan, double& weight_sum) {
  weight_sum = 0;
  if (!plan.items || plan.items->empty()) return 0;
  double done = 0;
  for (const auto& it : *plan.items) {
    const double w = it.weight ? *it.weight : 1.0;
    weight_sum += w;
    done += w * (it.progress ? *it.progress : 0.0);
  }
  return weight_sum > 0 ? 100.0 * done / weight_sum : 0.0;
}

std::vector<SystemsEntry> systems_entries(const std::vector<const model::Platform*>& platforms,
                                          const rules::TypeRules& rules, const ledger::Window& w) {
  std::vector<SystemsEntry> out;
  for (const auto& category : rules.required_platforms) {
    SystemsEntry e;
    e.category = category;
    for (const auto* p : platforms) {
      if (!p->category || *p->category != category) continue;
      e.candidates.push_back(p->id ? *p->id : "");
      Adherence a = adherence(*p, w);
      if (!a.value) continue;
      const bool better = !e.best || *a.value > *e.best->value ||
                          (*a.value == *e.best->value && a.platform->id.v < e.best->platform->id.v);
      if (better) e.best = a;
    }
    std::sort(e.candidates.begin(), e.candidates.end());
    e.value = e.best ? *e.best->value : 0.0;
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<Part> effect_parts(const ledger::Metrics& n, const Model& m) {
  return util::parts_in_order(m.effect, {{"resolution", n.resolution_rate},
                                         {"on_time_resolution", n.on_time_resolution_rate},
                                         {"response_on_time", n.response_on_time_rate},
                                         {"feedback_satisfied", n.feedback_satisfied_rate}});
}

std::vector<Part> satisfaction_parts(const model::Plan& plan, const Model& m) {
  auto survey = [](const model::F<model::Survey>& s) -> std::optional<double> {
    if (!s || !s->mean) return std::nullopt;
    return 100.0 * (*s->mean - 1.0) / 4.0;
  };
  std::optional<double> members, pub;
  if (plan.review) {
    members = survey(plan.review->member_survey);
    pub = survey(plan.review->public_survey);
  }
  return util::parts_in_order(m.satisfaction, {{"members", members}, {"public", pub}});
}

}  // namespace svcorg::score
