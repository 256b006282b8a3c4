// Helpers of the scoring tests (test_score_*.cpp, SPEC 6): small districts written as
// YAML text (with tree_builder.hpp's records where they are the common ones), loaded,
// validated clean first and scored. Every expected value in the tests is computed by hand,
// the arithmetic in the comment next to it; unrounded values are compared with Approx,
// rounded totals exactly.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"
#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/render/score.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/score/components.hpp"
#include "svcorg/score/model.hpp"
#include "svcorg/score/score.hpp"
#include "svcorg/validate/validate.hpp"
#include "test_validate_support.hpp"
#include "tree_builder.hpp"

namespace score_test {

namespace sc = svcorg::score;
using doctest::Approx;
using svcorg::util::Date;
using vtest::Files;

// ---------------------------------------------------------------------------------
// Records as YAML text.

inline const std::string kHead = "apiVersion: svcorg/v1\n";

// The District jingan with two streets, nanjingxi and caojiadu; `extra` is YAML after them.
inline std::string district(const std::string& extra = "") {
  return tree::district("", {tree::kNanjingxi, tree::kCaojiadu}).text() + extra;
}

// Branch `id` (支部<id>) of `type` on `street`, with the fields its type requires.
inline std::string branch(const std::string& id, const std::string& type = "residential",
                          const std::string& street = "nanjingxi") {
  auto b = tree::scored_branch(id).set("type", type).set("street", street);
  if (type == "social-service") b.set("functions", "[medical]");
  if (type == "building") b.set("units", "5");
  return b.text();
}

inline std::string platform(const std::string& id, const std::string& owner, const std::string& level,
                            const std::string& category, const std::string& cadence, const std::string& rest = "") {
  return kHead + "kind: Platform\nid: " + id + "\nname: 平台" + id + "\nowner: " + owner + "\nlevel: " + level +
         "\ncategory: " + category + "\ncadence: " + cadence + "\n" + rest;
}

struct Ev {
  const char* date;
  const char* status;
};

// A need received on its first event's date, with `status` the last event's.
inline std::string need(const std::string& id, const std::string& branch_id, const std::string& category,
                        const std::vector<Ev>& events, const std::string& rest = "",
                        const std::string& layer = "street") {
  std::string s = kHead + "kind: Need\nid: " + id + "\nbranch: " + branch_id + "\nreceived: " + events.front().date +
                  "\nchannel: visit\ncategory: " + category + "\nsummary: 诉求" + id + "\nlayer: " + layer +
                  "\ndisposal: solve\nstatus: " + events.back().status + "\n";
  if (std::string(events.back().status) == "declined") s += "reason: 不属于职责范围\n";
  s += "events:\n";
  for (const auto& e : events) s += std::string("  - {date: ") + e.date + ", status: " + e.status + "}\n";
  return s + rest;
}

inline std::string plan(const std::string& branch_id, int year, const std::string& body,
                        const std::string& status = "reviewed") {
  return kHead + "kind: Plan\nid: " + branch_id + "-" + std::to_string(year) + "\nbranch: " + branch_id +
         "\nyear: " + std::to_string(year) + "\nstatus: " + status + "\n" + body;
}

// One line of a plan's `items:` list.
inline std::string item(const std::string& id, const std::string& category, const std::string& extra = "") {
  return "  - {id: " + id + ", title: 项目" + id + ", category: " + category + ", approval: self" +
         (extra.empty() ? "" : ", " + extra) + "}\n";
}

// base = 100: dues 100, statistics 100, organizational life 12/12 → 100, development 2/2 → 100.
inline const std::string kFullBase =
    "base: {dues_paid_rate: 1, statistics_on_time: true, organizational_life: 12, "
    "member_development: {planned: 2, developed: 2}}\n";
// satisfaction = 100: both surveys mean 5 → 100 × (5 − 1) / 4 = 100.
inline const std::string kFullReview =
    "review:\n  member_survey: {respondents: 30, mean: 5}\n  public_survey: {respondents: 30, mean: 5}\n";

// Three items (elderly-care, organization-building, culture), each linked to `need_id`,
// with a numeric target and done (progress 1): quality 1 when `need_id` is elderly-care.
inline std::string full_items(const std::string& need_id = "mly-001", const std::string& more = "progress: 1") {
  const std::string x = "needs: [" + need_id + "], target: {metric: 户数, value: 10}, " + more;
  return "items:\n" + item("i1", "elderly-care", x) + item("i2", "organization-building", x) + item("i3", "culture", x);
}

// Every platform category residential requires (information, participation,
// coordination): two owned, one joined (street-owned, the branch a participant), each
// yearly with one meeting in the first half of 2026 → adherence 1 as of any date after
// June 1.
inline std::string full_platforms(const std::string& b = "mly") {
  return platform(b + "-info", b, "grassroots", "information", "yearly", "meetings: [{date: 2026-03-01}]\n") + "---\n" +
         platform(b + "-part", b, "grassroots", "participation", "yearly", "meetings: [{date: 2026-05-01}]\n") +
         "---\n" +
         platform("njx-coord", "nanjingxi", "superior", "coordination", "yearly",
                  "participants: [" + b + ", 街道房管办]\nmeetings: [{date: 2026-06-01}]\n");
}

// Received 03-02, assessed 03-03 (response 1 day ≤ 3), resolved 03-20 ≤ due 04-01
// (received + 30, layer street), satisfaction 5: every ledger rate is 1.
inline std::string good_need(const std::string& id = "mly-001", const std::string& b = "mly",
                             const std::string& category = "elderly-care") {
  return need(id, b, category, {{"2026-03-02", "received"}, {"2026-03-03", "assessed"}, {"2026-03-20", "resolved"}},
              "feedback: {satisfaction: 5}\n");
}

// One residential branch where everything is 100 as of 2026-12-31: base 100, plan_level
// 100 (q = 1, the only plan of its type), execution 100, effect 100, systems 100,
// satisfaction 100 → total = 0.4 × 100 + 0.6 × 100 + 0 = 100.
inline Files perfect() {
  return {
      {"district.yaml", district()},
      {"branches/mly.yaml", branch("mly")},
      {"platforms/mly.yaml", full_platforms()},
      {"needs/mly-001.yaml", good_need()},
      {"plans/mly-2026.yaml", plan("mly", 2026, kFullBase + full_items() + kFullReview)},
  };
}

// ---------------------------------------------------------------------------------
// Loading, validating and scoring.

inline svcorg::model::RecordSet load(const Files& files) {
  svcorg::model::RecordSet set;
  svcorg::diag::Sink sink;
  for (const auto& [name, text] : files) svcorg::load::load_bytes(name, text, set, sink);
  for (const auto& d : sink.items()) FAIL_CHECK(d.file << ":" << d.pos.line << ": " << svcorg::l10n::render(d.message));
  REQUIRE(sink.items().empty());
  return set;
}

struct Scored {
  svcorg::model::RecordSet set;
  svcorg::rules::Rules rules;
  sc::Model model;
  sc::Result result;

  const sc::BranchScore& get(const std::string& id) const {
    const auto it = std::find_if(result.branches.begin(), result.branches.end(),
                                 [&](const sc::BranchScore& s) { return *s.branch->id == id; });
    REQUIRE_MESSAGE(it != result.branches.end(), "no score for " << id);
    return *it;
  }

  // "file:line:col kind id" of the score warnings of `rule`, in order.
  std::vector<std::string> warnings(const std::string& rule) const {
    std::vector<std::string> out;
    for (const auto& d : result.warnings)
      if (d.rule == rule)
        out.push_back(d.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.kind + " " +
                      d.id);
    return out;
  }
};

// Loads `files`, requires them free of errors (scoring runs on valid inputs only), and
// scores year `year` (default: the as-of date's year) as of `as_of`.
inline std::unique_ptr<Scored> score_files(const Files& files, const char* as_of = "2026-12-31",
                                           std::optional<int> year = std::nullopt) {
  auto s = std::make_unique<Scored>();
  svcorg::diag::Sink sink;
  for (const auto& [name, text] : files) svcorg::load::load_bytes(name, text, s->set, sink);
  const svcorg::model::District* d = s->set.districts.empty() ? nullptr : &s->set.districts.front();
  s->rules = svcorg::rules::effective_rules(d ? d->rules.get() : nullptr);
  const Date a = *Date::parse(as_of);
  const svcorg::ledger::Window options{year.value_or(a.year()), a, a};
  svcorg::validate::run(s->set, s->rules, options, sink);
  for (const auto& f : sink.items())
    if (f.severity == svcorg::diag::Severity::Error)
      FAIL_CHECK(f.file << ":" << f.pos.line << ":" << f.pos.col << " [" << f.rule << "] "
                        << svcorg::l10n::render(f.message));
  REQUIRE(sink.errors() == 0);
  s->model = sc::effective_model(d ? d->scoring.get() : nullptr);
  s->result = sc::compute(s->set, s->rules, s->model, options);
  return s;
}

inline double component(const sc::BranchScore& s, const char* name) {
  const auto v = s.component(name);
  REQUIRE_MESSAGE(v.has_value(), name << " is excluded");
  return *v;
}

inline std::optional<double> value(const std::vector<sc::Part>& parts, const std::string& name) {
  for (const auto& p : parts)
    if (p.name == name) return p.value;
  FAIL("no part " << name);
  return std::nullopt;
}

inline std::vector<std::string> branch_ids(const sc::Result& r) {
  std::vector<std::string> out;
  for (const auto& s : r.branches) out.push_back(*s.branch->id);
  return out;
}

// The base parts of `base_line` (a plan's `base:` line), with the given organizational
// life per year.
inline std::vector<sc::Part> base_of(const std::string& base_line, int64_t per_year = 12) {
  const auto set = load({{"p.yaml", plan("mly", 2026, base_line + "items: []\n")}});
  svcorg::rules::TypeRules tr;
  tr.organizational_life_per_year = per_year;
  return sc::base_parts(*set.plans.front().base, tr, sc::effective_model(nullptr));
}

inline Date day(const char* text) {
  return *Date::parse(text);
}

}  // namespace score_test
