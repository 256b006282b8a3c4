// `svcorg score --explain ID`: one branch's score as a tree, every part with its weight,
// the inputs behind it and its contribution to the total.
#include <fmt/format.h>

#include <cmath>

#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/render/labels.hpp"
#include "svcorg/render/score.hpp"
#include "svcorg/score/model.hpp"

namespace svcorg::render {

namespace {

using score::Part;

// Items joined in a list of the language (", " / "、"); "none" / "无" when empty.
std::string listed(const std::vector<std::string>& v, i18n::Lang lang) {
  if (v.empty()) return l10n::tr(lang, "render.undefined");
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? (lang == i18n::Lang::ZhCN ? "、" : ", ") : "") + v[i];
  return out;
}

// Categories as the language shows them.
std::vector<std::string> categories(const std::vector<std::string>& values, const Names& names, i18n::Lang lang) {
  std::vector<std::string> out;
  out.reserve(values.size());
  for (const auto& v : values) out.push_back(names.category(lang, v));
  return out;
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

// The weights of a group's counted parts sum to 1 (within rounding): each weight shown is
// the one applied.
bool sums_to_one(const std::vector<Part>& parts) {
  return std::abs(score::defined_weight(parts) - 1.0) < 1e-9;
}

// A sum of weights as written (0.9, not 0.8999999999999999).
std::string weight_text(double w) {
  return fmt::format("{}", score::round_to(w, 6));
}

// After a group's line, when its counted weights do not sum to 1: what each is divided by.
i18n::Arg normalized_note(const std::vector<Part>& parts) {
  const double sum = score::defined_weight(parts);
  if (sums_to_one(parts) || sum <= 0) return i18n::Arg();
  return i18n::Arg(i18n::Message("render.explain.weights-normalized", {{"sum", weight_text(sum)}}));
}

// One part: its name (a label in Chinese), value, the weight applied and its contribution,
// with the inputs. The weight applied is the part's share of its group (SPEC 6: an
// excluded part's weight is shared out); when that is not the weight written, the line
// shows both ("0.3333 (0.3 ÷ 0.9)").
std::string part_line(const Part& p, const char* group, const std::vector<Part>& group_parts, double scale,
                      int decimals, const std::string& inputs, i18n::Lang lang) {
  const std::string name = shown(lang, group, p.name);
  if (!p.value) return l10n::tr(lang, "render.explain.excluded", {{"name", name}, {"inputs", inputs}});
  const double applied = score::share(group_parts, p.name);
  const double contribution = scale * applied * *p.value;
  const bool as_written = sums_to_one(group_parts);
  return l10n::tr(lang, as_written ? "render.explain.part" : "render.explain.part.normalized",
                  {{"name", name},
                   {"value", fixed(*p.value, decimals)},
                   {"weight", as_written ? fmt::format("{}", p.weight) : fixed(applied, 4)},
                   {"written", weight_text(p.weight)},
                   {"sum", weight_text(score::defined_weight(group_parts))},
                   {"contribution", fixed(contribution, 2)},
                   {"inputs", inputs}});
}

std::string base_inputs(const score::BranchScore& s, const std::string& name, i18n::Lang lang) {
  const auto& b = *s.plan->base;
  if (name == "dues")
    return l10n::tr(lang, "render.explain.dues",
                    {{"rate", b.dues_paid_rate ? fmt::format("{}", *b.dues_paid_rate) : "-"}});
  if (name == "statistics")
    return l10n::tr(lang, "render.explain.statistics",
                    {{"on_time", fmt::format("{}", b.statistics_on_time && *b.statistics_on_time)}});
  if (name == "organizational_life")
    return l10n::tr(lang, "render.explain.organizational-life",
                    {{"n", b.organizational_life ? *b.organizational_life : 0}});
  if (!b.member_development) return l10n::tr(lang, "render.explain.member-development.absent");
  return l10n::tr(lang, "render.explain.member-development",
                  {{"developed", fmt::format("{}", b.member_development->developed.v)},
                   {"planned", fmt::format("{}", b.member_development->planned.v)}});
}

void explain_base(Tree& t, const score::BranchScore& s, i18n::Lang lang) {
  t.line(0, false,
         l10n::tr(lang, "render.explain.base",
                  {{"value", fixed(s.base, 2)},
                   {"beta", fmt::format("{}", s.beta)},
                   {"contribution", fixed(s.beta * s.base, 2)},
                   {"note", normalized_note(s.base_parts)}}));
  for (size_t i = 0; i < s.base_parts.size(); ++i)
    t.line(
        1, i + 1 == s.base_parts.size(),
        part_line(s.base_parts[i], "part", s.base_parts, s.beta, 2, base_inputs(s, s.base_parts[i].name, lang), lang));
}

std::string plan_level_inputs(const score::Result& r, const score::BranchScore& s, const Names& names,
                              i18n::Lang lang) {
  const auto& q = s.quality_inputs;
  const std::string quality = l10n::tr(lang, "render.explain.quality",
                                       {{"quality", fixed(s.quality, 4)},
                                        {"items", q.items},
                                        {"linked", q.linked},
                                        {"measurable", q.measurable},
                                        {"min", q.min_plan_items},
                                        {"categories", listed(categories(q.need_categories, names, lang), lang)},
                                        {"covered", listed(categories(q.covered_categories, names, lang), lang)}});
  if (!s.percentile) return l10n::tr(lang, "render.explain.no-peers", {{"quality", quality}});
  return l10n::tr(lang, "render.explain.peers",
                  {{"quality", quality},
                   {"percentile", fixed(*s.percentile, 4)},
                   {"n", s.peers},
                   {"peers", listed(score::peer_ids(r, s), lang)}});
}

std::string systems_inputs(const score::BranchScore& s, i18n::Lang lang) {
  if (s.systems_entries.empty()) return l10n::tr(lang, "render.explain.no-platform");
  std::string out;
  for (const auto& e : s.systems_entries) {
    if (!out.empty()) out += l10n::tr(lang, "render.explain.separator");
    const std::string category = shown(lang, "platform_category", e.category);
    if (!e.best) {
      out += l10n::tr(lang, "render.explain.platform.none", {{"category", category}});
      continue;
    }
    const auto& a = *e.best;
    out += l10n::tr(lang, "render.explain.platform",
                    {{"category", category},
                     {"platform", *a.platform->id},
                     {"held", a.held},
                     {"expected", fmt::format("{:.2f}", a.expected)},
                     {"from", i18n::date(a.from.str())},
                     {"to", i18n::date(a.to.str())},
                     {"value", fixed(*a.value, 4)}});
  }
  return out;
}

std::string effect_inputs(const score::BranchScore& s, i18n::Lang lang) {
  const auto& n = s.needs;
  if (n.size() == 0) return l10n::tr(lang, "render.explain.no-needs");
  std::string carried = l10n::tr(lang, "render.explain.carried-over", {{"n", n.carried_over}});
  if (n.carried_over > 0) {
    std::vector<std::string> from;
    for (const auto& [year, count] : n.carried_over_by_year)
      from.push_back(l10n::tr(lang, "render.explain.carried-over.year", {{"n", count}, {"year", year}}));
    carried = l10n::tr(lang, "render.explain.carried-over.from", {{"n", n.carried_over}, {"from", listed(from, lang)}});
  }
  return l10n::tr(lang, "render.explain.effect",
                  {{"received", n.received},
                   {"carried_over", carried},
                   {"declined", n.declined},
                   {"resolved", n.resolved},
                   {"open", n.open},
                   {"overdue", n.overdue},
                   {"resolution", fixed(n.resolution_rate, 4)},
                   {"on_time", fixed(n.on_time_resolution_rate, 4)},
                   {"response", fixed(n.response_on_time_rate, 4)},
                   {"feedback", fixed(n.feedback_satisfied_rate, 4)}});
}

std::string satisfaction_inputs(const score::BranchScore& s, i18n::Lang lang) {
  if (!s.plan->review) return l10n::tr(lang, "render.explain.no-review");
  auto survey = [&](const model::F<model::Survey>& v, const char* id, const char* none) {
    if (!v) return l10n::tr(lang, none);
    return l10n::render(
        i18n::Message(id, {{"mean", fmt::format("{}", v->mean.v)}, {"n", fmt::format("{}", v->respondents.v)}}), lang);
  };
  return survey(s.plan->review->member_survey, "render.explain.survey.members", "render.explain.survey.members.none") +
         l10n::tr(lang, "render.explain.separator") +
         survey(s.plan->review->public_survey, "render.explain.survey.public", "render.explain.survey.public.none");
}

void explain_autonomous(Tree& t, const score::Result& r, const score::BranchScore& s, const Names& names,
                        i18n::Lang lang) {
  const double scale = 1.0 - s.beta;
  t.line(0, false,
         l10n::tr(lang, "render.explain.autonomous",
                  {{"value", fixed(s.autonomous, 2)},
                   {"scale", fmt::format("{}", scale)},
                   {"contribution", fixed(scale * s.autonomous, 2)},
                   {"note", normalized_note(s.components)}}));
  for (size_t i = 0; i < s.components.size(); ++i) {
    const Part& p = s.components[i];
    std::string inputs;
    if (p.name == "plan_level")
      inputs = plan_level_inputs(r, s, names, lang);
    else if (p.name == "execution")
      inputs = l10n::tr(lang, "render.explain.execution",
                        {{"items", s.quality_inputs.items}, {"sum", fmt::format("{}", s.execution_weight_sum)}});
    else if (p.name == "effect")
      inputs = effect_inputs(s, lang);
    else if (p.name == "systems")
      inputs = systems_inputs(s, lang);
    else
      inputs = satisfaction_inputs(s, lang);
    t.line(1, i + 1 == s.components.size(), part_line(p, "component", s.components, scale, 2, inputs, lang));
  }
}

}  // namespace

std::string score_explain(const score::Result& r, const score::BranchScore& s, const score::Model& m,
                          const Names& names, i18n::Lang lang) {
  Tree t;
  const std::string type = shown(lang, "type", *s.branch->type);
  t.text(
      l10n::tr(lang, "render.explain.head",
               {{"id", *s.branch->id},
                {"name", *s.branch->name},
                {"type", type},
                {"street", area_shown(names, Area::Street, *s.branch->street, false, lang)},
                {"plan", *s.plan->id},
                {"year", r.year},
                {"provisional", s.provisional ? i18n::Arg(i18n::Message("render.explain.provisional")) : i18n::Arg()},
                {"as_of", i18n::date(r.as_of.str())}}));
  explain_base(t, s, lang);
  explain_autonomous(t, r, s, names, lang);
  t.line(0, true,
         l10n::tr(lang, "render.explain.bonus",
                  {{"value", fixed(s.bonus, 2)},
                   {"n", s.approved_awards},
                   {"points", fmt::format("{}", m.award_points)},
                   {"cap", fmt::format("{}", m.award_cap)}}));
  t.text(l10n::tr(lang, "render.explain.total",
                  {{"base", fixed(s.beta * s.base, 2)},
                   {"autonomous", fixed((1 - s.beta) * s.autonomous, 2)},
                   {"bonus", fixed(s.bonus, 2)},
                   {"total", fixed(s.total, 2)},
                   {"grade", shown(lang, "grade", s.grade)},
                   {"rank", s.rank_in_district},
                   {"rank_in_type", s.rank_in_type},
                   {"type", type}}));
  return t.str();
}

}  // namespace svcorg::render
