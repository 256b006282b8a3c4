#include "svcorg/cmd/score.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <set>
#include <string_view>
#include <unordered_map>

#include "svcorg/cmd/compare.hpp"
#include "svcorg/cmd/since.hpp"
#include "svcorg/diag/render.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/render/delta.hpp"
#include "svcorg/render/score.hpp"
#include "svcorg/score/score.hpp"

namespace svcorg::cmd {

namespace {

// The branches shown: those the filters (and --since's scope) keep; streets: the one of
// --street, or with --since those of the branches shown.
render::ScoreSelection select(const score::Result& r, const ScoreOptions& o, const model::RecordSet& rs,
                              const std::optional<scope::Scope>& since) {
  std::set<std::string> since_streets;
  // The branches by id, for the filters that read a branch (the first of an id: scoring
  // refuses duplicates). Looking each one up in the list was quadratic in branches.
  std::unordered_map<std::string_view, const model::Branch*> by_id;
  if (o.type || o.street || since) {
    by_id.reserve(rs.branches.size());
    for (const auto& b : rs.branches) by_id.emplace(b.id.v, &b);
  }
  auto keep_branch = [&](const std::string& id) {
    if (o.branch && id != *o.branch) return false;
    if (!o.type && !o.street && !since) return true;
    const auto found = by_id.find(id);
    if (found == by_id.end()) return false;
    const model::Branch* b = found->second;
    if (o.type && b->type.v != *o.type) return false;
    if (o.street && b->street.v != *o.street) return false;
    if (since && !since->selects_branch(id)) return false;
    if (since) since_streets.insert(b->street.v);
    return true;
  };
  render::ScoreSelection sel;
  for (const auto& s : r.branches)
    if (keep_branch(*s.branch->id)) sel.branches.push_back(&s);
  for (const auto& u : r.unscored)
    if (keep_branch(u.id)) sel.unscored.push_back(&u);
  for (const auto& st : r.streets)
    if ((!o.street || st.id == *o.street) && (!since || since_streets.count(st.id))) sel.streets.push_back(&st);
  return sel;
}

// The deltas against the baseline, for the branches shown (and the removed ones the
// filters would show).
std::string render_deltas(const score::Result& r, const render::ScoreSelection& sel, const score::Baseline& base,
                          const ScoreOptions& o, const std::optional<scope::Scope>& since, i18n::Lang lang) {
  const score::Deltas d = score::compare(r, sel.branches, base, [&](const score::BaselineBranch& b) {
    return (!o.branch || b.id == *o.branch) && (!o.type || b.type == *o.type) && (!o.street || b.street == *o.street) &&
           (!since || since->selects_branch(b.id));
  });
  if (o.format == "json") return render::delta_json(d);
  if (o.format == "markdown") return render::delta_markdown(d, lang);
  return render::delta_table(d, lang);
}

// The score's own warnings (missing-plan, no-needs, no-survey) about the branches shown.
std::vector<diag::Diagnostic> warnings_of(const score::Result& r, const render::ScoreSelection& sel) {
  std::set<std::string> branches, plans;
  for (const auto* s : sel.branches) {
    branches.insert(*s->branch->id);
    plans.insert(*s->plan->id);
  }
  for (const auto* u : sel.unscored) branches.insert(u->id);
  std::vector<diag::Diagnostic> out;
  for (const auto& d : r.warnings)
    if ((d.kind == "Plan" ? plans : branches).count(d.id)) out.push_back(d);
  return out;
}

int explain(const score::Result& r, const score::Model& m, const render::Names& names, const ScoreOptions& o,
            const Io& io, i18n::Lang lang) {
  for (const auto& s : r.branches)
    if (*s.branch->id == *o.explain) return emit(o.output, render::score_explain(r, s, m, names, lang), io, lang);
  for (const auto& u : r.unscored)
    if (u.id == *o.explain) {
      error(io, lang,
            i18n::Message("cmd.explain.unscored", {{"branch", u.id}, {"year", r.year}, {"reason", u.reason}}));
      return kUsage;
    }
  std::vector<std::string> ids;
  for (const auto& s : r.branches) ids.push_back(*s.branch->id);
  for (const auto& u : r.unscored) ids.push_back(u.id);
  error(io, lang,
        i18n::Message("cmd.no-such.branch",
                      {{"option", "--explain"}, {"value", *o.explain}, {"hint", did_you_mean(*o.explain, ids)}}));
  return kUsage;
}

// --branch and --street name a branch and a street the records (or the baseline, which
// may hold branches removed since) have, and --explain a branch of the records; each by
// its id or its name, which becomes the id.
bool filters_known(ScoreOptions& o, const Checked& checked, const std::optional<score::Baseline>& baseline,
                   const Io& io) {
  KnownIds known = known_ids(checked.records);
  if (!known_id("--explain", "cmd.no-such.branch", o.explain, known.branches, io, checked.lang)) return false;
  if (baseline)
    for (const auto& b : baseline->branches) {
      if (!known.branches.ids.count(b.id)) known.branches.add(b.id, b.name);  // removed since
      known.streets.add(b.street);
    }
  return known_id("--branch", "cmd.no-such.branch", o.branch, known.branches, io, checked.lang) &&
         known_id("--street", "cmd.no-such.street", o.street, known.streets, io, checked.lang);
}

// The scoring model: the defaults with the District's `scoring:` overrides.
score::Model model_of(const model::RecordSet& records) {
  const yaml::Node* overrides = records.districts.empty() ? nullptr : records.districts.front().scoring.get();
  return score::effective_model(overrides);
}

// The options that need no records to check; a --type given as its zh-CN label becomes
// the type.
int check_usage(ScoreOptions& o, const Io& io) {
  const i18n::Lang lang = early_lang(o.common);
  if (!enum_value("--type", o.type, model::vocab::kBranchTypes, {"type"}, io, lang)) return kUsage;
  const bool deltas = o.baseline || o.compare;
  const char* wrong = nullptr;
  if (o.baseline && o.compare)
    wrong = "cmd.deltas.both";
  else if (deltas && o.explain)
    wrong = "cmd.deltas.explain";
  else if (deltas && (o.format == "csv" || o.format == "xlsx"))
    wrong = "cmd.deltas.format";
  else if (!deltas && o.format == "markdown")
    wrong = "cmd.deltas.markdown";
  else if (o.explain && o.format == "xlsx")
    wrong = "cmd.xlsx.explain";
  if (wrong) {
    error(io, lang, i18n::Message(wrong));
    return kUsage;
  }
  return refuse_xlsx_without_output(o.format, o.output, o.common, io);
}

}  // namespace

int run_score(const ScoreOptions& given, const Io& io) {
  ScoreOptions o = given;  // labels given for values become the values
  if (int code = check_usage(o, io)) return code;
  const auto dates = checked_dates(o.common, io);
  if (!dates) return kUsage;
  if (o.output && refuse_outputs_over_inputs({*o.output}, o.common, io)) return kUsage;
  const Checked checked = load_and_check(o.common, *dates, io, Needs::Cores);
  std::optional<scope::Scope> since;  // usage errors first, then the inputs' errors
  std::string since_commit;
  if (o.since && !(since = since_scope(*o.since, o.common, checked.records, io, &since_commit))) return kUsage;
  std::optional<score::Baseline> baseline;
  if (o.baseline && !(baseline = baseline_from_file(*o.baseline, io, checked.lang))) return kUsage;
  if (int code = refuse_bad_inputs(checked, o.common, io)) return code;
  if (o.compare && !(baseline = baseline_at(*o.compare, o.common, *dates, io, checked.lang))) return kUsage;
  if (!filters_known(o, checked, baseline, io)) return kUsage;

  const score::Model scoring = model_of(checked.records);
  const score::Result result = score::compute(checked.records, checked.rules, scoring, *dates, threads(o.common));
  // Peers move each other (SPEC 6.2): also the branches whose standing moved since REV.
  if (since && !o.explain && select_moved(*o.since, since_commit, o.common, *dates, result, *since, io, checked.lang))
    return kUsage;
  const render::ScoreSelection sel = select(result, o, checked.records, since);
  const std::vector<diag::Diagnostic> warnings = since ? warnings_of(result, sel) : result.warnings;
  if (!o.common.quiet) io.err << diag::render_text(warnings, false, checked.lang);

  const render::Names names = render::names_of(checked.records, checked.rules);
  if (o.explain) return explain(result, scoring, names, o, io, checked.lang);
  std::string content;
  if (baseline)
    content = render_deltas(result, sel, *baseline, o, since, checked.lang);
  else if (o.format == "json")
    content = render::score_json(result, sel);
  else if (o.format == "xlsx") {
    if (int code = emit_xlsx(
            *o.output,
            {render::score_sheet(sel, names, checked.lang), render::streets_sheet(result, sel, names, checked.lang)},
            dates->as_of, io, checked.lang))
      return code;
  } else if (o.format == "csv")
    content = render::score_csv(result, sel, names, checked.lang, {o.excel});
  else
    content = render::score_table(result, sel, names, checked.lang);
  if (o.format != "xlsx")
    if (int code = emit(o.output, content, io, checked.lang)) return code;
  if (o.common.strict && !warnings.empty()) return kFindings;  // no-needs, no-survey, missing-plan

  if (o.fail_under) {
    std::vector<i18n::Message> below;
    for (const auto* s : sel.branches)
      if (s->total < *o.fail_under)
        below.emplace_back("cmd.fail-under.branch",
                           std::vector<std::pair<std::string, i18n::Arg>>{{"branch", *s->branch->id},
                                                                          {"total", render::fixed(s->total, 2)}});
    if (!below.empty()) {
      std::vector<std::string> shown;
      for (const auto& b : below) shown.push_back(l10n::render(b, checked.lang));
      say(io.err, checked.lang,
          i18n::Message(
              below.size() == 1 ? "cmd.fail-under.one" : "cmd.fail-under.other",
              {{"count", below.size()}, {"n", fmt::format("{}", *o.fail_under)}, {"branches", joined(shown)}}));
      return kFindings;
    }
  }
  return kOk;
}

}  // namespace svcorg::cmd
