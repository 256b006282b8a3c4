// Scoring (SPEC 6): every branch of every formula, on small districts written as YAML
// text and validated clean first. Every expected value is computed by hand; the
// arithmetic is in the comment next to it. Unrounded values are compared with Approx,
// rounded totals exactly.
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
#include "test_validate_support.hpp"
#include "tree_builder.hpp"
#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/render/score.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/score/components.hpp"
#include "svcorg/score/model.hpp"
#include "svcorg/score/score.hpp"
#include "svcorg/validate/validate.hpp"

namespace sc = svcorg::score;
using doctest::Approx;
using svcorg::util::Date;
using vtest::Files;

namespace {

// ---------------------------------------------------------------------------------
// Records as YAML text.

const std::string kHead = "apiVersion: svcorg/v1\n";

std::string district(const std::string& extra = "") {
  return kHead +
         "kind: District\nid: jingan\nname: 静安区\nstreets:\n"
         "  - {id: nanjingxi, name: 南京西路街道}\n  - {id: caojiadu, name: 曹家渡街道}\n" +
         extra;
}

std::string branch(const std::string& id, const std::string& type = "residential",
                   const std::string& street = "nanjingxi") {
  std::string s = kHead + "kind: Branch\nid: " + id + "\nname: 支部" + id + "\ntype: " + type + "\nstreet: " + street +
                  "\nmembers: 50\nreserve_cadres: 1\nsecretary: {name: 王芳, certified: true}\n";
  if (type == "social-service") s += "functions: [medical]\n";
  if (type == "building") s += "units: 5\n";
  return s;
}

std::string platform(const std::string& id, const std::string& owner, const std::string& level,
                     const std::string& category, const std::string& cadence, const std::string& rest = "") {
  return kHead + "kind: Platform\nid: " + id + "\nname: 平台" + id + "\nowner: " + owner + "\nlevel: " + level +
         "\ncategory: " + category + "\ncadence: " + cadence + "\n" + rest;
}

struct Ev {
  const char* date;
  const char* status;
};

// A need received on its first event's date, with `status` the last event's.
std::string need(const std::string& id, const std::string& branch_id, const std::string& category,
                 const std::vector<Ev>& events, const std::string& rest = "", const std::string& layer = "street") {
  std::string s = kHead + "kind: Need\nid: " + id + "\nbranch: " + branch_id + "\nreceived: " + events.front().date +
                  "\nchannel: visit\ncategory: " + category + "\nsummary: 诉求" + id + "\nlayer: " + layer +
                  "\ndisposal: solve\nstatus: " + events.back().status + "\n";
  if (std::string(events.back().status) == "declined") s += "reason: 不属于职责范围\n";
  s += "events:\n";
  for (const auto& e : events) s += std::string("  - {date: ") + e.date + ", status: " + e.status + "}\n";
  return s + rest;
}

std::string plan(const std::string& branch_id, int year, const std::string& body,
                 const std::string& status = "reviewed") {
  return kHead + "kind: Plan\nid: " + branch_id + "-" + std::to_string(year) + "\nbranch: " + branch_id +
         "\nyear: " + std::to_string(year) + "\nstatus: " + status + "\n" + body;
}

// One line of a plan's `items:` list.
std::string item(const std::string& id, const std::string& category, const std::string& extra = "") {
  return "  - {id: " + id + ", title: 项目" + id + ", category: " + category + ", approval: self" +
         (extra.empty() ? "" : ", " + extra) + "}\n";
}

// base = 100: dues 100, statistics 100, organizational life 12/12 → 100, development 2/2 → 100.
const std::string kFullBase =
    "base: {dues_paid_rate: 1, statistics_on_time: true, organizational_life: 12, "
    "member_development: {planned: 2, developed: 2}}\n";
// satisfaction = 100: both surveys mean 5 → 100 × (5 − 1) / 4 = 100.
const std::string kFullReview =
    "review:\n  member_survey: {respondents: 30, mean: 5}\n  public_survey: {respondents: 30, mean: 5}\n";

// Three items (elderly-care, organization-building, culture), each linked to `need_id`,
// with a numeric target and done (progress 1): quality 1 when `need_id` is elderly-care.
std::string full_items(const std::string& need_id = "mly-001", const std::string& more = "progress: 1") {
  const std::string x = "needs: [" + need_id + "], target: {metric: 户数, value: 10}, " + more;
  return "items:\n" + item("i1", "elderly-care", x) + item("i2", "organization-building", x) +
         item("i3", "culture", x);
}

// Every platform category residential requires (information, participation,
// coordination): two owned, one joined (street-owned, the branch a participant), each
// yearly with one meeting in the first half of 2026 → adherence 1 as of any date after
// June 1.
std::string full_platforms(const std::string& b = "mly") {
  return platform(b + "-info", b, "grassroots", "information", "yearly", "meetings: [{date: 2026-03-01}]\n") +
         "---\n" +
         platform(b + "-part", b, "grassroots", "participation", "yearly", "meetings: [{date: 2026-05-01}]\n") +
         "---\n" +
         platform("njx-coord", "nanjingxi", "superior", "coordination", "yearly",
                  "participants: [" + b + ", 街道房管办]\nmeetings: [{date: 2026-06-01}]\n");
}

// Received 03-02, assessed 03-03 (response 1 day ≤ 3), resolved 03-20 ≤ due 04-01
// (received + 30, layer street), satisfaction 5: every ledger rate is 1.
std::string good_need(const std::string& id = "mly-001", const std::string& b = "mly",
                      const std::string& category = "elderly-care") {
  return need(id, b, category, {{"2026-03-02", "received"}, {"2026-03-03", "assessed"}, {"2026-03-20", "resolved"}},
              "feedback: {satisfaction: 5}\n");
}

// One residential branch where everything is 100 as of 2026-12-31: base 100, plan_level
// 100 (q = 1, the only plan of its type), execution 100, effect 100, systems 100,
// satisfaction 100 → total = 0.4 × 100 + 0.6 × 100 + 0 = 100.
Files perfect() {
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

svcorg::model::RecordSet load(const Files& files) {
  svcorg::model::RecordSet set;
  svcorg::diag::Sink sink;
  for (const auto& [name, text] : files) svcorg::load::load_bytes(name, text, set, sink);
  for (const auto& d : sink.items()) FAIL_CHECK(d.file << ":" << d.pos.line << ": " << d.message.text());
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
        out.push_back(d.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.kind +
                      " " + d.id);
    return out;
  }
};

// Loads `files`, requires them free of errors (scoring runs on valid inputs only), and
// scores year `year` (default: the as-of date's year) as of `as_of`.
std::unique_ptr<Scored> score_files(const Files& files, const char* as_of = "2026-12-31",
                                    std::optional<int> year = std::nullopt) {
  auto s = std::make_unique<Scored>();
  svcorg::diag::Sink sink;
  for (const auto& [name, text] : files) svcorg::load::load_bytes(name, text, s->set, sink);
  const svcorg::model::District* d = s->set.districts.empty() ? nullptr : &s->set.districts.front();
  s->rules = svcorg::rules::effective_rules(d ? d->rules.get() : nullptr);
  const Date a = *Date::parse(as_of);
  const svcorg::validate::Options options{year.value_or(a.year()), a, a};
  svcorg::validate::run(s->set, s->rules, options, sink);
  for (const auto& f : sink.items())
    if (f.severity == svcorg::diag::Severity::Error)
      FAIL_CHECK(f.file << ":" << f.pos.line << ":" << f.pos.col << " [" << f.rule << "] " << f.message.text());
  REQUIRE(sink.errors() == 0);
  s->model = sc::effective_model(d ? d->scoring.get() : nullptr);
  s->result = sc::compute(s->set, s->rules, s->model, svcorg::ledger::Window{options.year, options.as_of});
  return s;
}

double component(const sc::BranchScore& s, const char* name) {
  const auto v = s.component(name);
  REQUIRE_MESSAGE(v.has_value(), name << " is excluded");
  return *v;
}

std::optional<double> value(const std::vector<sc::Part>& parts, const std::string& name) {
  for (const auto& p : parts)
    if (p.name == name) return p.value;
  FAIL("no part " << name);
  return std::nullopt;
}

std::vector<std::string> branch_ids(const sc::Result& r) {
  std::vector<std::string> out;
  for (const auto& s : r.branches) out.push_back(*s.branch->id);
  return out;
}

// The base parts of `base_line` (a plan's `base:` line), with the given organizational
// life per year.
std::vector<sc::Part> base_of(const std::string& base_line, int64_t per_year = 12) {
  const auto set = load({{"p.yaml", plan("mly", 2026, base_line + "items: []\n")}});
  svcorg::rules::TypeRules tr;
  tr.organizational_life_per_year = per_year;
  return sc::base_parts(*set.plans.front().base, tr, sc::effective_model(nullptr));
}

Date day(const char* text) { return *Date::parse(text); }

}  // namespace

// =====================================================================================

TEST_SUITE("score::components") {
  TEST_CASE("6.1 base: each part") {
    const auto parts = base_of(
        "base: {dues_paid_rate: 0.9, statistics_on_time: false, organizational_life: 6, "
        "member_development: {planned: 4, developed: 3}}\n");
    std::vector<std::string> names;
    for (const auto& p : parts) names.push_back(p.name);
    CHECK(names == std::vector<std::string>{"dues", "statistics", "organizational_life", "member_development"});
    CHECK(*value(parts, "dues") == Approx(90.0));                 // 100 × 0.9
    CHECK(*value(parts, "statistics") == 0.0);                   // statistics_on_time false
    CHECK(*value(parts, "organizational_life") == Approx(50.0));  // 100 × min(6 / 12, 1)
    CHECK(*value(parts, "member_development") == Approx(75.0));   // 100 × min(3 / 4, 1)
    // 0.3×90 + 0.2×0 + 0.3×50 + 0.2×75 = 27 + 0 + 15 + 15 = 57
    CHECK(*sc::weighted_mean(parts) == Approx(57.0));
  }

  TEST_CASE("6.1 base: member_development excluded when absent or planned = 0") {
    SUBCASE("absent") {
      const auto parts = base_of("base: {dues_paid_rate: 0.9, statistics_on_time: false, organizational_life: 6}\n");
      CHECK_FALSE(value(parts, "member_development").has_value());
      // (27 + 0 + 15) / (0.3 + 0.2 + 0.3) = 42 / 0.8 = 52.5
      CHECK(*sc::weighted_mean(parts) == Approx(52.5));
    }
    SUBCASE("planned = 0") {
      const auto parts = base_of(
          "base: {dues_paid_rate: 0.9, statistics_on_time: false, organizational_life: 6, "
          "member_development: {planned: 0, developed: 1}}\n");
      CHECK_FALSE(value(parts, "member_development").has_value());
      CHECK(*sc::weighted_mean(parts) == Approx(52.5));  // as above
    }
  }

  TEST_CASE("6.1 base: organizational_life and member_development are capped at 100") {
    const auto parts = base_of(
        "base: {dues_paid_rate: 1, statistics_on_time: true, organizational_life: 30, "
        "member_development: {planned: 4, developed: 5}}\n");
    CHECK(*value(parts, "dues") == Approx(100.0));
    CHECK(*value(parts, "statistics") == 100.0);
    CHECK(*value(parts, "organizational_life") == Approx(100.0));  // 100 × min(30/12 = 2.5, 1)
    CHECK(*value(parts, "member_development") == Approx(100.0));   // 100 × min(5/4, 1)
    CHECK(*sc::weighted_mean(parts) == Approx(100.0));
    // Against the type's own organizational_life_per_year: 100 × min(6 / 8, 1) = 75.
    const auto eight = base_of("base: {dues_paid_rate: 1, statistics_on_time: true, organizational_life: 6}\n", 8);
    CHECK(*value(eight, "organizational_life") == Approx(75.0));
  }

  TEST_CASE("6.2 percentile: (L + 0.5 E) / (n − 1), ties within 1e-9") {
    CHECK_FALSE(sc::percentile(0.5, {}).has_value());          // n = 1: no relative half
    CHECK(*sc::percentile(0.5, {0.2, 0.5, 0.9}) == Approx(0.5));  // L = 1, E = 1: (1 + 0.5) / 3
    CHECK(*sc::percentile(0.9, {0.1, 0.2}) == Approx(1.0));       // L = 2: 2 / 2
    CHECK(*sc::percentile(0.1, {0.2, 0.9}) == 0.0);               // L = 0, E = 0
    CHECK(*sc::percentile(0.5, {0.5, 0.5}) == Approx(0.5));       // E = 2: (0 + 1) / 2
    // q − 0.5e-9 is a tie (|Δ| ≤ 1e-9); q − 2e-9 and q − 3e-9 are below q − 1e-9; q + 2e-9
    // is above: L = 2, E = 1 → (2 + 0.5) / 4 = 0.625.
    const double q = 0.6;
    CHECK(*sc::percentile(q, {q - 0.5e-9, q - 2e-9, q - 3e-9, q + 2e-9}) == Approx(0.625));
    // q + 0.5e-9 is a tie too, not a peer below: L = 0, E = 1 → 0.5 / 1.
    CHECK(*sc::percentile(q, {q + 0.5e-9}) == Approx(0.5));
    CHECK(*sc::percentile(q, {q - 0.5e-9}) == Approx(0.5));
  }

  TEST_CASE("6.2 percentiles of a peer group are percentile() of each against the others, exactly") {
    CHECK(sc::percentiles({}).empty());
    REQUIRE(sc::percentiles({0.5}).size() == 1);
    CHECK_FALSE(sc::percentiles({0.5})[0].has_value());
    // Clusters of values around the tie distance (1e-9), repeats, and spread values.
    std::vector<double> qualities;
    for (double base : {0.1, 0.6, 0.600000001, 0.95})
      for (double d : {0.0, 0.0, 0.5e-9, -0.5e-9, 1e-9, -1e-9, 1.5e-9, -1.5e-9, 2e-9, -2e-9, 3e-9, 1e-7})
        qualities.push_back(base + d);
    for (int i = 0; i < 40; ++i) qualities.push_back(std::fmod(i * 0.3819660112501051, 1.0));
    const auto all = sc::percentiles(qualities);
    REQUIRE(all.size() == qualities.size());
    for (size_t i = 0; i < qualities.size(); ++i) {
      std::vector<double> others = qualities;
      others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
      const auto one = sc::percentile(qualities[i], others);
      CAPTURE(i);
      REQUIRE(one.has_value());
      REQUIRE(all[i].has_value());
      CHECK(*all[i] == *one);  // bit for bit: the same counts, the same division
    }
  }

  TEST_CASE("6.3 execution: weights default 1, progress default 0") {
    const auto set = load({{"p.yaml", plan("mly", 2026,
                                           kFullBase + "items:\n" + item("i1", "culture", "weight: 2, progress: 0.5") +
                                               item("i2", "culture", "progress: 1") + item("i3", "culture", "weight: 0.5"))}});
    double weight_sum = -1;
    // 100 × (2×0.5 + 1×1 + 0.5×0) / (2 + 1 + 0.5) = 100 × 2 / 3.5 = 57.142857…
    CHECK(sc::execution(set.plans.front(), weight_sum) == Approx(400.0 / 7.0));
    CHECK(weight_sum == Approx(3.5));
  }

  TEST_CASE("6.3 execution: no items → 0") {
    const auto set = load({{"p.yaml", plan("mly", 2026, kFullBase + "items: []\n")}});
    double weight_sum = -1;
    CHECK(sc::execution(set.plans.front(), weight_sum) == 0.0);
    CHECK(weight_sum == 0.0);
  }

  TEST_CASE("6.4 adherence: window clipped by established and the as-of date") {
    const auto set = load({{"p.yaml", platform("c", "mly", "grassroots", "coordination", "weekly",
                                               "established: 2026-07-01\nmeetings:\n"
                                               "  - {date: 2026-07-01}\n  - {date: 2026-07-08}\n"
                                               "  - {date: 2026-07-15}\n  - {date: 2026-07-22}\n"
                                               "  - {date: 2026-07-29}\n  - {date: 2026-08-05}\n"
                                               "  - {date: 2026-08-12}\n  - {date: 2026-08-19}\n"
                                               "  - {date: 2026-08-26}\n  - {date: 2026-09-30}\n"
                                               "  - {date: 2026-10-15}\n")}});
    const auto a = sc::adherence(set.platforms.front(), {2026, day("2026-09-30")});
    CHECK_FALSE(a.window_empty);
    CHECK(a.from == day("2026-07-01"));  // max(Jan 1, established)
    CHECK(a.to == day("2026-09-30"));    // min(A, Dec 31)
    // Jul 1 … Sep 30 inclusive = 31 + 31 + 30 = 92 days; 2026 has 365.
    CHECK(a.fraction == Approx(92.0 / 365.0));
    CHECK(a.expected == Approx(52.0 * 92.0 / 365.0));  // weekly: 52 × 0.25205… = 13.1068…
    CHECK(a.held == 10);                               // 2026-10-15 is after A
    REQUIRE(a.value);
    CHECK(*a.value == Approx(10.0 / (52.0 * 92.0 / 365.0)));  // 10 / 13.1068… = 0.76296…
  }

  TEST_CASE("6.4 adherence: other windows") {
    const auto set = load({{"p.yaml",
                            platform("leap", "mly", "grassroots", "information", "weekly",
                                     "established: 2024-12-31\nmeetings: [{date: 2024-12-31}]\n") +
                                "---\n" +
                                platform("old", "mly", "grassroots", "information", "monthly",
                                         "established: 2020-05-01\nmeetings: [{date: 2024-12-31}, {date: 2025-02-01}, "
                                         "{date: 2025-06-01}, {date: 2026-01-15}]\n") +
                                "---\n" +
                                platform("many", "mly", "grassroots", "information", "yearly",
                                         "meetings: [{date: 2025-02-01}, {date: 2025-03-01}, {date: 2025-04-01}]\n")}});
    const auto& leap = set.platforms[0];
    const auto& old = set.platforms[1];
    const auto& many = set.platforms[2];
    SUBCASE("a one-day window in a leap year") {
      const auto a = sc::adherence(leap, {2024, day("2024-12-31")});
      CHECK(a.fraction == Approx(1.0 / 366.0));   // 2024 has 366 days
      CHECK(a.expected == Approx(52.0 / 366.0));  // 0.1420…
      CHECK(a.held == 1);
      CHECK(*a.value == 1.0);  // min(1 / 0.142, 1)
    }
    SUBCASE("established before Y, A after Y: the whole year") {
      const auto a = sc::adherence(old, {2025, day("2026-03-01")});
      CHECK(a.from == day("2025-01-01"));
      CHECK(a.to == day("2025-12-31"));
      CHECK(a.fraction == Approx(1.0));  // 365 / 365
      CHECK(a.expected == Approx(12.0));
      CHECK(a.held == 2);                        // 2024-12-31 and 2026-01-15 are outside
      CHECK(*a.value == Approx(2.0 / 12.0));     // 0.1667
    }
    SUBCASE("more meetings than expected: capped at 1") {
      const auto a = sc::adherence(many, {2025, day("2025-12-31")});
      CHECK(a.held == 3);
      CHECK(*a.value == 1.0);  // min(3 / 1, 1)
    }
    SUBCASE("an empty window: excluded") {
      const auto a = sc::adherence(leap, {2023, day("2023-12-31")});  // established after Y
      CHECK(a.window_empty);
      CHECK_FALSE(a.value.has_value());
      const auto b = sc::adherence(old, {2026, day("2025-12-31")});  // A before Jan 1 of Y
      CHECK(b.window_empty);
      CHECK_FALSE(b.value.has_value());
    }
  }

  TEST_CASE("6.5 effect: needs but no defined rate → excluded parts, 0") {
    // Unreachable through valid records (a non-declined need defines resolution_rate, a
    // declined one has a response), so the parts are checked directly.
    svcorg::ledger::Metrics m;
    m.received = 2;
    const auto parts = sc::effect_parts(m, sc::effective_model(nullptr));
    REQUIRE(parts.size() == 4);
    for (const auto& p : parts) CHECK_FALSE(p.value.has_value());
    CHECK_FALSE(sc::weighted_mean(parts).has_value());
  }
}

// =====================================================================================

TEST_SUITE("score::compute") {
  TEST_CASE("everything at 100: total 100, excellent, rank 1") {
    const auto s = score_files(perfect());
    REQUIRE(s->result.branches.size() == 1);
    const auto& b = s->get("mly");
    CHECK(b.base == Approx(100.0));
    CHECK(component(b, "plan_level") == Approx(100.0));
    CHECK(component(b, "execution") == Approx(100.0));
    CHECK(component(b, "effect") == Approx(100.0));
    CHECK(component(b, "systems") == Approx(100.0));
    CHECK(component(b, "satisfaction") == Approx(100.0));
    CHECK(b.autonomous == Approx(100.0));
    CHECK(b.bonus == 0.0);
    CHECK(b.total == 100.0);  // 0.4 × 100 + 0.6 × 100 + 0
    CHECK(b.grade == "excellent");
    CHECK(b.rank_in_district == 1);
    CHECK(b.rank_in_type == 1);
    CHECK_FALSE(b.provisional);
    CHECK(b.beta == 0.4);
    CHECK(s->result.base_weight == 0.4);
    CHECK(b.quality == Approx(1.0));
    CHECK_FALSE(b.percentile.has_value());
    CHECK(b.peers == 1);
    CHECK(s->result.warnings.empty());
    CHECK(s->result.unscored.empty());
  }

  TEST_CASE("6.1 base through compute") {
    auto files = perfect();
    SUBCASE("every part") {
      files = vtest::with(files, "plans/mly-2026.yaml",
                          plan("mly", 2026,
                               "base: {dues_paid_rate: 0.9, statistics_on_time: false, organizational_life: 6, "
                               "member_development: {planned: 4, developed: 3}}\n" +
                                   full_items() + kFullReview));
      const auto s = score_files(files);
      const auto& b = s->get("mly");
      CHECK(b.base == Approx(57.0));  // 0.3×90 + 0.2×0 + 0.3×50 + 0.2×75
      CHECK(b.total == 82.8);         // 0.4 × 57 + 0.6 × 100 = 22.8 + 60
      CHECK(b.grade == "good");
    }
    SUBCASE("the type's organizational_life_per_year from the District's rules") {
      files = vtest::with(files, "district.yaml",
                          district("rules:\n  types:\n    residential: {organizational_life_per_year: 6}\n"));
      files = vtest::with(files, "plans/mly-2026.yaml",
                          plan("mly", 2026,
                               "base: {dues_paid_rate: 0.9, statistics_on_time: false, organizational_life: 6, "
                               "member_development: {planned: 4, developed: 3}}\n" +
                                   full_items() + kFullReview));
      const auto s = score_files(files);
      const auto& b = s->get("mly");
      CHECK(*value(b.base_parts, "organizational_life") == Approx(100.0));  // 100 × min(6/6, 1)
      CHECK(b.base == Approx(72.0));  // 27 + 0 + 0.3×100 + 15
      CHECK(b.total == 88.8);         // 0.4 × 72 + 60 = 28.8 + 60
    }
  }

  TEST_CASE("6.2 quality: linked, measurable, breadth, coverage") {
    auto files = perfect();
    files = vtest::with(
        files, "needs/more.yaml",
        // dispute: open; health: declined (not in C); environment: open, listed by no item.
        need("mly-002", "mly", "dispute", {{"2026-04-01", "received"}, {"2026-04-02", "assessed"}}) + "---\n" +
            need("mly-003", "mly", "health",
                 {{"2026-04-05", "received"}, {"2026-04-06", "assessed"}, {"2026-04-07", "declined"}}) +
            "---\n" + need("mly-004", "mly", "environment", {{"2026-05-01", "received"}}));
    files = vtest::with(files, "plans/mly-2026.yaml",
                        plan("mly", 2026,
                             kFullBase + "items:\n" +
                                 item("i1", "elderly-care", "needs: [mly-001], target: {metric: 户数, value: 10}") +
                                 item("i2", "organization-building") + item("i3", "housing", "needs: [mly-002]") +
                                 item("i4", "culture") + kFullReview));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    const auto& in = b.quality_inputs;
    CHECK(in.items == 4);
    CHECK(in.linked == 2);      // i1, i3
    CHECK(in.measurable == 1);  // i1
    CHECK(in.min_plan_items == 3);
    // C = {elderly-care, dispute, environment} (health was declined);
    // A = {elderly-care, organization-building, housing, culture} ∪ {elderly-care, dispute}
    // (the categories of the listed needs count): C ∩ A = {dispute, elderly-care}.
    CHECK(in.need_categories == std::vector<std::string>{"dispute", "elderly-care", "environment"});
    CHECK(in.covered_categories == std::vector<std::string>{"dispute", "elderly-care"});
    CHECK(*value(b.quality_parts, "linked") == Approx(0.5));       // 2 / 4
    CHECK(*value(b.quality_parts, "measurable") == Approx(0.25));  // 1 / 4
    CHECK(*value(b.quality_parts, "breadth") == Approx(1.0));      // min(4 / 3, 1)
    CHECK(*value(b.quality_parts, "coverage") == Approx(2.0 / 3.0));
    // q = (0.5 + 0.25 + 1 + 2/3) / 4 = 2.41667 / 4 = 0.604167
    CHECK(b.quality == Approx(0.6041666666666666));
    // n = 1: plan_level = 100 × q
    CHECK(component(b, "plan_level") == Approx(60.41666666666666));
  }

  TEST_CASE("6.2 quality: breadth below 1, and min_plan_items from the District's rules") {
    auto files = vtest::with(perfect(), "plans/mly-2026.yaml",
                             plan("mly", 2026,
                                  kFullBase + "items:\n" +
                                      item("i1", "elderly-care",
                                           "needs: [mly-001], target: {metric: 户数, value: 10}, progress: 1") +
                                      item("i2", "organization-building", "progress: 1") + kFullReview));
    SUBCASE("default min_plan_items 3") {
      const auto s = score_files(files);
      const auto& b = s->get("mly");
      CHECK(*value(b.quality_parts, "breadth") == Approx(2.0 / 3.0));  // min(2 / 3, 1)
      // (1/2 + 1/2 + 2/3 + 1) / 4 = 2.6667 / 4 = 0.6667
      CHECK(b.quality == Approx(2.0 / 3.0));
    }
    SUBCASE("min_plan_items 4") {
      files = vtest::with(files, "district.yaml", district("rules:\n  defaults: {min_plan_items: 4}\n"));
      const auto s = score_files(files);
      const auto& b = s->get("mly");
      CHECK(*value(b.quality_parts, "breadth") == Approx(0.5));  // 2 / 4
      CHECK(b.quality == Approx(0.625));                         // (0.5 + 0.5 + 0.5 + 1) / 4
    }
  }

  TEST_CASE("6.2 quality: coverage excluded when C is empty, no needs → effect 0 and no-needs") {
    auto files = vtest::with(perfect(), "needs/mly-001.yaml",
                             // A need of 2025: listed by an item, but not in Y.
                             need("old-001", "mly", "elderly-care",
                                  {{"2025-11-01", "received"}, {"2025-11-02", "assessed"}, {"2025-11-10", "resolved"}}));
    files = vtest::with(files, "plans/mly-2026.yaml",
                        plan("mly", 2026,
                             kFullBase + "items:\n" +
                                 item("i1", "elderly-care",
                                      "needs: [old-001], target: {metric: 户数, value: 10}, progress: 1") +
                                 item("i2", "culture", "progress: 1") + item("i3", "housing", "progress: 1") +
                                 kFullReview));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    CHECK(b.quality_inputs.need_categories.empty());
    CHECK_FALSE(value(b.quality_parts, "coverage").has_value());
    // (1/3 + 1/3 + 1) / 3 = (5/3) / 3 = 5/9 = 0.5556
    CHECK(b.quality == Approx(5.0 / 9.0));
    CHECK(b.needs.received == 0);
    CHECK(component(b, "effect") == 0.0);
    CHECK(s->warnings("no-needs") == std::vector<std::string>{"branches/mly.yaml:1:1 Branch mly"});
    const auto no_needs = std::find_if(s->result.warnings.begin(), s->result.warnings.end(),
                                       [](const auto& d) { return d.rule == "no-needs"; });
    REQUIRE(no_needs != s->result.warnings.end());
    CHECK(no_needs->message.text() ==
          "no needs received in 2026 (as of 2026-12-31) and none carried over from earlier years; effect counts 0: "
          "record the needs the branch learned of in the ledger");
    CHECK(no_needs->message.text(svcorg::i18n::Lang::ZhCN) ==
          "2026年度（截至2026年12月31日）没有受理需求，也没有往年结转的需求；效果得分计为0：请把党组织了解到的需求记入需求台账");
    // autonomous = 0.2 × 55.556 + 0.2 × 100 + 0.25 × 0 + 0.15 × 100 + 0.2 × 100
    //            = 11.111 + 20 + 0 + 15 + 20 = 66.111
    CHECK(b.autonomous == Approx(66.11111111111111));
    CHECK(b.total == 79.67);  // 40 + 0.6 × 66.111 = 40 + 39.6667 = 79.6667
  }

  TEST_CASE("6.5 effect: a branch with no need received in Y but one carried over (rev 2)") {
    // mly-001 (layer street): received 2025-11-01, assessed the next day, in progress
    // 2025-11-10, resolved 2026-02-01, rated 5. Open on 2026-01-01: carried over into 2026.
    // due = 2025-11-01 + 30 = 2025-12-01 < 2026-02-01: resolved late.
    const auto files = vtest::with(perfect(), "needs/mly-001.yaml",
                                   need("mly-001", "mly", "elderly-care",
                                        {{"2025-11-01", "received"},
                                         {"2025-11-02", "assessed"},
                                         {"2025-11-10", "in-progress"},
                                         {"2026-02-01", "resolved"}},
                                        "feedback: {satisfaction: 5}\n"));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    CHECK(b.needs.received == 0);
    CHECK(b.needs.carried_over == 1);
    CHECK(b.needs.resolved == 1);
    CHECK(s->warnings("no-needs").empty());
    CHECK(*b.needs.resolution_rate == 1.0);          // 1 / 1
    CHECK(*b.needs.on_time_resolution_rate == 0.0);  // 0 / 1
    CHECK_FALSE(b.needs.response_on_time_rate);      // 2025's response, not 2026's
    CHECK(*b.needs.feedback_satisfied_rate == 1.0);  // 1 / 1
    // C = {elderly-care} from the carried-over need: coverage 1, q = 1.
    CHECK(b.quality_inputs.need_categories == std::vector<std::string>{"elderly-care"});
    CHECK(b.quality == 1.0);
    // effect = 100 × (0.4 × 1 + 0.3 × 0 + 0.1 × 1) / (0.4 + 0.3 + 0.1) = 100 × 0.5 / 0.8 = 62.5
    CHECK(component(b, "effect") == Approx(62.5));
    // autonomous = 0.2 × 100 + 0.2 × 100 + 0.25 × 62.5 + 0.15 × 100 + 0.2 × 100 = 90.625
    CHECK(b.autonomous == Approx(90.625));
    // total = 0.4 × 100 + 0.6 × 90.625 = 94.375, rounded half away from zero
    CHECK(b.total_unrounded == Approx(94.375));
    // The street roll-up counts it too (layer street, branch of nanjingxi).
    CHECK(s->result.streets.front().needs.carried_over == 1);
    CHECK(s->result.streets.front().needs.received == 0);
  }

  TEST_CASE("6.2 quality: no items → q = 0, execution 0") {
    const auto files = vtest::with(perfect(), "plans/mly-2026.yaml",
                                   plan("mly", 2026, kFullBase + "items: []\n" + kFullReview));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    CHECK(b.quality == 0.0);
    for (const auto& p : b.quality_parts) CHECK_FALSE(p.value.has_value());
    CHECK(component(b, "plan_level") == 0.0);  // n = 1: 100 × 0
    CHECK(component(b, "execution") == 0.0);
    // autonomous = 0 + 0 + 0.25 × 100 + 0.15 × 100 + 0.2 × 100 = 60; total = 40 + 36 = 76
    CHECK(b.total == 76.0);
  }

  TEST_CASE("6.2 plan_level: peers of one type, percentile, n = 1") {
    auto files = perfect();
    // r2: 3 items, none linked, all measurable, no needs → q = (0 + 1 + 1) / 3 = 2/3.
    // r3, r4: none linked, none measurable → q = (0 + 0 + 1) / 3 = 1/3.
    // og (organ, alone of its type): like r2 → q = 2/3.
    const std::string target = "target: {metric: 场次, value: 4}";
    const std::string measured = "items:\n" + item("i1", "culture", target) + item("i2", "housing", target) +
                                 item("i3", "organization-building", target);
    const std::string unmeasured =
        "items:\n" + item("i1", "culture") + item("i2", "housing") + item("i3", "organization-building");
    files.emplace_back("branches/others.yaml", branch("r2") + "---\n" + branch("r3", "residential", "caojiadu") +
                                                   "---\n" + branch("r4") + "---\n" +
                                                   branch("og", "organ", "caojiadu"));
    files.emplace_back("plans/others.yaml",
                       plan("r2", 2026, kFullBase + measured) + "---\n" + plan("r3", 2026, kFullBase + unmeasured) +
                           "---\n" + plan("r4", 2026, kFullBase + unmeasured) + "---\n" +
                           plan("og", 2026,
                                kFullBase + "items:\n" + item("i1", "duty-performance", target) +
                                    item("i2", "public-service", target) + item("i3", "cadre-development", target)));
    const auto s = score_files(files);
    const auto& mly = s->get("mly");
    const auto& r2 = s->get("r2");
    const auto& r3 = s->get("r3");
    const auto& r4 = s->get("r4");
    const auto& og = s->get("og");
    CHECK(mly.quality == Approx(1.0));
    CHECK(r2.quality == Approx(2.0 / 3.0));
    CHECK(r3.quality == Approx(1.0 / 3.0));
    CHECK(r4.quality == Approx(1.0 / 3.0));
    for (const auto* b : {&mly, &r2, &r3, &r4}) CHECK(b->peers == 4);
    // mly: others {2/3, 1/3, 1/3}: L = 3, E = 0 → pr = 3/3 = 1; plan_level = 100 × (0.5 + 0.5) = 100
    CHECK(*mly.percentile == Approx(1.0));
    CHECK(component(mly, "plan_level") == Approx(100.0));
    // r2: others {1, 1/3, 1/3}: L = 2 → pr = 2/3; plan_level = 100 × (0.5×2/3 + 0.5×2/3) = 66.667
    CHECK(*r2.percentile == Approx(2.0 / 3.0));
    CHECK(component(r2, "plan_level") == Approx(200.0 / 3.0));
    // r3: others {1, 2/3, 1/3}: L = 0, E = 1 → pr = 0.5/3 = 1/6;
    // plan_level = 100 × (0.5×1/3 + 0.5×1/6) = 100 × (1/6 + 1/12) = 25
    CHECK(*r3.percentile == Approx(1.0 / 6.0));
    CHECK(component(r3, "plan_level") == Approx(25.0));
    CHECK(*r4.percentile == Approx(1.0 / 6.0));
    CHECK(component(r4, "plan_level") == Approx(25.0));
    CHECK(sc::peer_ids(s->result, r3) == std::vector<std::string>{"mly", "r2", "r4"});  // sorted
    CHECK(sc::peer_ids(s->result, og).empty());
    // og: the only organ plan: n = 1, percentile null, plan_level = 100 × q = 66.667
    CHECK(og.peers == 1);
    CHECK_FALSE(og.percentile.has_value());
    CHECK(component(og, "plan_level") == Approx(200.0 / 3.0));
  }

  TEST_CASE("6.3 execution through compute") {
    const auto files = vtest::with(
        perfect(), "plans/mly-2026.yaml",
        plan("mly", 2026,
             kFullBase + "items:\n" +
                 item("i1", "elderly-care",
                      "needs: [mly-001], target: {metric: 户数, value: 10}, weight: 2, progress: 0.5") +
                 item("i2", "organization-building", "needs: [mly-001], target: {metric: 户数, value: 10}, progress: 1") +
                 item("i3", "culture", "needs: [mly-001], target: {metric: 户数, value: 10}, weight: 0.5") +
                 kFullReview));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    CHECK(component(b, "execution") == Approx(400.0 / 7.0));  // 100 × (1 + 1 + 0) / 3.5 = 57.142857
    CHECK(b.execution_weight_sum == Approx(3.5));
    // autonomous = 20 + 0.2 × 57.142857 + 25 + 15 + 20 = 91.428571
    CHECK(b.autonomous == Approx(91.42857142857143));
    CHECK(b.total == 94.86);  // 40 + 0.6 × 91.428571 = 40 + 54.857143 = 94.857143
  }

  TEST_CASE("6.4 systems: best of owned and joined platforms, none → 0, window clipped") {
    Files files = {
        {"district.yaml", district()},
        {"branches/mly.yaml", branch("mly")},
        {"platforms/p.yaml",
         // information, as of 09-30: window Jan 1 … Sep 30 = 273 days.
         // owned, monthly: expected 12 × 273/365 = 8.9753, held 5 → 0.5571
         platform("mly-info", "mly", "grassroots", "information", "monthly",
                  "meetings: [{date: 2026-01-15}, {date: 2026-02-15}, {date: 2026-03-15}, {date: 2026-04-15}, "
                  "{date: 2026-05-15}]\n") +
             "---\n" +
             // joined, quarterly: expected 4 × 273/365 = 2.9918, held 2 → 0.6685 (the best)
             platform("njx-info", "nanjingxi", "superior", "information", "quarterly",
                      "participants: [mly]\nmeetings: [{date: 2026-02-15}, {date: 2026-05-15}]\n") +
             "---\n" +
             // not joined: would be 1, but the branch is not a participant
             platform("njx-info-x", "nanjingxi", "superior", "information", "yearly",
                      "participants: [街道办]\nmeetings: [{date: 2026-03-01}]\n") +
             "---\n" +
             // participation: established after A → empty window → none → 0
             platform("mly-part", "mly", "grassroots", "participation", "weekly", "established: 2026-10-01\n") +
             "---\n" +
             // coordination: window Jul 1 … Sep 30 = 92 days, expected 52 × 92/365 = 13.1068,
             // held 10 (10-15 is after A) → 0.76296
             platform("mly-coord", "mly", "horizontal", "coordination", "weekly",
                      "established: 2026-07-01\nmeetings: [{date: 2026-07-01}, {date: 2026-07-08}, {date: 2026-07-15}, "
                      "{date: 2026-07-22}, {date: 2026-07-29}, {date: 2026-08-05}, {date: 2026-08-12}, "
                      "{date: 2026-08-19}, {date: 2026-08-26}, {date: 2026-09-30}, {date: 2026-10-15}]\n")},
        {"plans/mly-2026.yaml",
         plan("mly", 2026,
              kFullBase + "items:\n" + item("i1", "culture") + item("i2", "housing") + item("i3", "health") +
                  kFullReview)},
    };
    const auto s = score_files(files, "2026-09-30");
    const auto& b = s->get("mly");
    REQUIRE(b.systems_entries.size() == 3);
    const auto& info = b.systems_entries[0];
    const auto& part = b.systems_entries[1];
    const auto& coord = b.systems_entries[2];
    CHECK(info.category == "information");
    CHECK(info.candidates == std::vector<std::string>{"mly-info", "njx-info"});
    REQUIRE(info.best);
    CHECK(*info.best->platform->id == "njx-info");
    CHECK(info.value == Approx(2.0 / (4.0 * 273.0 / 365.0)));  // 730 / 1092 = 0.668498
    CHECK(part.category == "participation");
    CHECK(part.candidates == std::vector<std::string>{"mly-part"});
    CHECK_FALSE(part.best.has_value());
    CHECK(part.value == 0.0);
    CHECK(coord.category == "coordination");
    REQUIRE(coord.best);
    CHECK(coord.best->from == day("2026-07-01"));
    CHECK(coord.best->to == day("2026-09-30"));
    CHECK(coord.best->held == 10);
    CHECK(coord.best->expected == Approx(52.0 * 92.0 / 365.0));
    CHECK(coord.value == Approx(3650.0 / 4784.0));  // 10 × 365 / (52 × 92) = 0.762960
    // systems = 100 × (0.668498 + 0 + 0.762960) / 3 = 47.7153
    CHECK(component(b, "systems") == Approx(100.0 * (730.0 / 1092.0 + 0.0 + 3650.0 / 4784.0) / 3.0));
    CHECK(component(b, "systems") == Approx(47.71526782396347));
  }

  TEST_CASE("6.4 systems: excluded when the type requires none (District rules)") {
    // An organ branch: q = 1 (n = 1) → plan_level 100; execution 50 (every item half
    // done); effect 100; satisfaction 100.
    Files files = {
        {"district.yaml", district()},
        {"branches/og.yaml", branch("og", "organ")},
        {"needs/og-001.yaml", good_need("og-001", "og", "duty-performance")},
        {"plans/og-2026.yaml",
         plan("og", 2026,
              kFullBase + "items:\n" +
                  item("i1", "duty-performance", "needs: [og-001], target: {metric: 次, value: 3}, progress: 0.5") +
                  item("i2", "public-service", "needs: [og-001], target: {metric: 次, value: 3}, progress: 0.5") +
                  item("i3", "cadre-development", "needs: [og-001], target: {metric: 次, value: 3}, progress: 0.5") +
                  kFullReview)},
    };
    SUBCASE("required_platforms: [] → systems excluded, the rest renormalized") {
      files = vtest::with(files, "district.yaml",
                          district("rules:\n  types:\n    organ: {required_platforms: []}\n"));
      const auto s = score_files(files);
      const auto& b = s->get("og");
      CHECK(b.systems_entries.empty());
      CHECK_FALSE(b.component("systems").has_value());
      CHECK(component(b, "execution") == Approx(50.0));
      // (0.2×100 + 0.2×50 + 0.25×100 + 0.2×100) / (0.2 + 0.2 + 0.25 + 0.2) = 75 / 0.85 = 88.2353
      CHECK(b.autonomous == Approx(75.0 / 0.85));
      CHECK(sc::share(b.components, "effect") == Approx(0.25 / 0.85));
      CHECK(sc::share(b.components, "systems") == 0.0);
      CHECK(b.total == 92.94);  // 40 + 0.6 × 88.2353 = 92.9412
    }
    SUBCASE("the default organ rules require information and liaison: none → 0") {
      const auto s = score_files(files);
      const auto& b = s->get("og");
      REQUIRE(b.systems_entries.size() == 2);
      CHECK(component(b, "systems") == 0.0);
      // 20 + 10 + 25 + 0.15 × 0 + 20 = 75; total = 40 + 0.6 × 75 = 85
      CHECK(b.autonomous == Approx(75.0));
      CHECK(b.total == 85.0);
    }
  }

  TEST_CASE("6.5 effect: undefined rates are excluded and the rest renormalized") {
    auto files = vtest::with(
        perfect(), "needs/mly-001.yaml",
        // mly-001: resolved 03-20 ≤ due 04-01, response 1 day, no feedback.
        need("mly-001", "mly", "elderly-care",
             {{"2026-03-02", "received"}, {"2026-03-03", "assessed"}, {"2026-03-20", "resolved"}}) +
            "---\n" +
            // mly-002: response after 10 days (late), still in progress; due 03-10 + 30 = 04-09 < A.
            need("mly-002", "mly", "elderly-care",
                 {{"2026-03-10", "received"}, {"2026-03-20", "assessed"}, {"2026-03-25", "in-progress"}}) +
            "---\n" +
            // mly-003: declined, response 1 day.
            need("mly-003", "mly", "elderly-care",
                 {{"2026-04-01", "received"}, {"2026-04-02", "assessed"}, {"2026-04-03", "declined"}}));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    CHECK(b.needs.received == 3);
    CHECK(b.needs.declined == 1);
    CHECK(b.needs.resolved == 1);
    CHECK(b.needs.open == 1);
    CHECK(b.needs.overdue == 1);
    CHECK(*b.needs.resolution_rate == Approx(0.5));              // |R| / |S − D| = 1 / 2
    CHECK(*b.needs.on_time_resolution_rate == Approx(0.5));      // 1 / |R ∪ overdue| = 1 / 2
    CHECK(*b.needs.response_on_time_rate == Approx(2.0 / 3.0));  // 001, 003 of 3
    CHECK_FALSE(b.needs.feedback_satisfied_rate.has_value());   // no feedback
    CHECK_FALSE(value(b.effect_parts, "feedback_satisfied").has_value());
    CHECK(sc::share(b.effect_parts, "resolution") == Approx(0.4 / 0.9));
    // 100 × (0.4×0.5 + 0.3×0.5 + 0.2×2/3) / 0.9 = 100 × 0.48333 / 0.9 = 53.7037
    CHECK(component(b, "effect") == Approx(53.7037037037037));
  }

  TEST_CASE("6.5 effect: only a declined need → only response_on_time is defined") {
    const auto files = vtest::with(
        vtest::with(perfect(), "needs/mly-001.yaml",
                    need("mly-001", "mly", "elderly-care",
                         {{"2026-04-01", "received"}, {"2026-04-02", "assessed"}, {"2026-04-03", "declined"}})),
        "plans/mly-2026.yaml", plan("mly", 2026, kFullBase + full_items() + kFullReview));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    CHECK_FALSE(b.needs.resolution_rate.has_value());  // S − D is empty
    CHECK_FALSE(b.needs.on_time_resolution_rate.has_value());
    CHECK(*b.needs.response_on_time_rate == 1.0);
    CHECK(component(b, "effect") == Approx(100.0));  // 100 × 0.2×1 / 0.2
    CHECK(b.quality_inputs.need_categories.empty());  // a declined need is not in C
    CHECK(s->warnings("no-needs").empty());          // it was received in Y
  }

  TEST_CASE("6.5 effect: defined rates that all weigh 0 → 0 (District scoring)") {
    auto files = vtest::with(perfect(), "needs/mly-001.yaml",
                             need("mly-001", "mly", "elderly-care",
                                  {{"2026-03-02", "received"}, {"2026-03-03", "assessed"}, {"2026-03-20", "resolved"}}));
    files = vtest::with(files, "district.yaml",
                        district("scoring:\n  effect: {resolution: 0, on_time_resolution: 0, response_on_time: 0}\n"));
    SUBCASE("no feedback: the defined rates weigh 0") {
      const auto s = score_files(files);
      CHECK(component(s->get("mly"), "effect") == 0.0);
    }
    SUBCASE("feedback 5: feedback_satisfied alone (weight 0.1)") {
      files = vtest::with(files, "needs/mly-001.yaml", good_need());
      const auto s = score_files(files);
      CHECK(component(s->get("mly"), "effect") == Approx(100.0));  // 100 × 0.1×1 / 0.1
    }
  }

  TEST_CASE("6.5 satisfaction: one survey, both, none") {
    auto with_review = [](const std::string& review) {
      return vtest::with(perfect(), "plans/mly-2026.yaml", plan("mly", 2026, kFullBase + full_items() + review));
    };
    SUBCASE("the member survey alone") {
      const auto s = score_files(with_review("review:\n  member_survey: {respondents: 30, mean: 4.2}\n"));
      const auto& b = s->get("mly");
      CHECK(component(b, "satisfaction") == Approx(80.0));  // 100 × (4.2 − 1) / 4
      // autonomous = 20 + 20 + 25 + 15 + 0.2 × 80 = 96; total = 40 + 0.6 × 96 = 97.6
      CHECK(b.total == 97.6);
      CHECK(s->warnings("no-survey").empty());
    }
    SUBCASE("the public survey alone") {
      const auto s = score_files(with_review("review:\n  public_survey: {respondents: 30, mean: 3}\n"));
      CHECK(component(s->get("mly"), "satisfaction") == Approx(50.0));  // 100 × (3 − 1) / 4
    }
    SUBCASE("both: 0.4 members + 0.6 public") {
      const auto s = score_files(with_review(
          "review:\n  member_survey: {respondents: 30, mean: 4.2}\n  public_survey: {respondents: 30, mean: 3}\n"));
      const auto& b = s->get("mly");
      CHECK(component(b, "satisfaction") == Approx(62.0));  // 0.4 × 80 + 0.6 × 50 = 32 + 30
      // autonomous = 20 + 20 + 25 + 15 + 0.2 × 62 = 92.4; total = 40 + 0.6 × 92.4 = 95.44
      CHECK(b.total == 95.44);
    }
    SUBCASE("a review without surveys: 0 and no-survey") {
      const auto s = score_files(with_review(
          "review:\n  awards: [{kind: hard-problem, title: 加装电梯, approved: false}]\n"));
      const auto& b = s->get("mly");
      CHECK(component(b, "satisfaction") == 0.0);
      CHECK(s->warnings("no-survey") == std::vector<std::string>{"plans/mly-2026.yaml:1:1 Plan mly-2026"});
      // autonomous = 20 + 20 + 25 + 15 + 0 = 80; total = 40 + 48 = 88
      CHECK(b.total == 88.0);
    }
    SUBCASE("no review at all: 0 and no-survey") {
      const auto s = score_files(with_review(""));
      CHECK(component(s->get("mly"), "satisfaction") == 0.0);
      CHECK(s->warnings("no-survey") == std::vector<std::string>{"plans/mly-2026.yaml:1:1 Plan mly-2026"});
      const auto& w = s->result.warnings;
      const auto it = std::find_if(w.begin(), w.end(), [](const auto& d) { return d.rule == "no-survey"; });
      REQUIRE(it != w.end());
      CHECK(it->message.text() ==
            "the plan's review has no member or public survey; satisfaction counts 0: add `review.member_survey` and "
            "`review.public_survey`");
      CHECK(it->message.text(svcorg::i18n::Lang::ZhCN) ==
            "计划的考评没有党员测评，也没有群众测评；满意度计为0：请添加 `review.member_survey` 和 `review.public_survey`");
    }
  }

  TEST_CASE("6.6 bonus: 2 points per approved award, cap 5, total capped at 100") {
    SUBCASE("3 approved awards: min(5, 3 × 2) = 5; total min(100, 100 + 5) = 100") {
      const auto s = score_files(vtest::with(
          perfect(), "plans/mly-2026.yaml",
          plan("mly", 2026,
               kFullBase + full_items() + kFullReview +
                   "  awards:\n"
                   "    - {kind: stability-incident, title: 平安, approved: true}\n"
                   "    - {kind: complex-conflict, title: 调解, approved: true}\n"
                   "    - {kind: hard-problem, title: 电梯, approved: true}\n")));
      const auto& b = s->get("mly");
      CHECK(b.approved_awards == 3);
      CHECK(b.bonus == 5.0);
      CHECK(b.total_unrounded == 100.0);
      CHECK(b.total == 100.0);
    }
    SUBCASE("an unapproved award counts nothing: 2 × 2 = 4") {
      const auto s = score_files(vtest::with(
          perfect(), "plans/mly-2026.yaml",
          plan("mly", 2026,
               "base: {dues_paid_rate: 0.9, statistics_on_time: false, organizational_life: 6, "
               "member_development: {planned: 4, developed: 3}}\n" +
                   full_items() + kFullReview +
                   "  awards:\n"
                   "    - {kind: stability-incident, title: 平安, approved: true}\n"
                   "    - {kind: complex-conflict, title: 调解, approved: false}\n"
                   "    - {kind: hard-problem, title: 电梯, approved: true}\n")));
      const auto& b = s->get("mly");
      CHECK(b.approved_awards == 2);
      CHECK(b.bonus == 4.0);
      CHECK(b.total == 86.8);  // 0.4 × 57 + 0.6 × 100 + 4 = 22.8 + 60 + 4
    }
  }

  TEST_CASE("6.6 total: rounded half away from zero") {
    // β = 0.5, equal weights, awards worth 0.375: every step is exact in binary.
    const auto files = vtest::with(
        vtest::with(perfect(), "district.yaml",
                    district("scoring:\n  base_weight: {default: 0.5}\n"
                             "  base: {dues: 1, statistics: 1, organizational_life: 1, member_development: 1}\n"
                             "  autonomous: {plan_level: 1, execution: 1, effect: 1, systems: 1, satisfaction: 1}\n"
                             "  awards: {points: 0.375}\n")),
        "plans/mly-2026.yaml",
        plan("mly", 2026,
             "base: {dues_paid_rate: 0.5, statistics_on_time: true, organizational_life: 12, "
             "member_development: {planned: 2, developed: 2}}\n" +
                 full_items() + kFullReview + "  awards: [{kind: hard-problem, title: 电梯, approved: true}]\n"));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    CHECK(b.base == 87.5);         // (50 + 100 + 100 + 100) / 4
    CHECK(b.autonomous == 100.0);  // 500 / 5
    CHECK(b.bonus == 0.375);       // min(5, 0.375 × 1)
    // 0.5 × 87.5 + 0.5 × 100 + 0.375 = 43.75 + 50 + 0.375 = 94.125 → 9412.5 → 9413 (not 9412)
    CHECK(b.total_unrounded == 94.125);
    CHECK(b.total == 94.13);
  }

  TEST_CASE("6.6 grades at the boundaries, on the rounded total") {
    // β = 1 and base = dues alone: total = 100 × dues_paid_rate.
    Files files = {{"district.yaml",
                    district("scoring:\n  base_weight: {default: 1}\n"
                             "  base: {dues: 1, statistics: 0, organizational_life: 0, member_development: 0}\n")}};
    const std::vector<std::pair<std::string, std::string>> dues = {
        {"g90", "0.9"},   {"g8999", "0.8999"}, {"g89996", "0.89996"}, {"g75", "0.75"},
        {"g7499", "0.7499"}, {"g60", "0.6"},   {"g5999", "0.5999"}};
    for (const auto& [id, rate] : dues) {
      files.emplace_back("branches/" + id + ".yaml", branch(id));
      files.emplace_back("plans/" + id + ".yaml",
                         plan(id, 2026,
                              "base: {dues_paid_rate: " + rate +
                                  ", statistics_on_time: true, organizational_life: 12}\nitems: []\n"));
    }
    const auto s = score_files(files);
    CHECK(s->get("g90").total == 90.0);  // 100 × 0.9
    CHECK(s->get("g90").grade == "excellent");
    CHECK(s->get("g8999").total == 89.99);
    CHECK(s->get("g8999").grade == "good");
    CHECK(s->get("g89996").total_unrounded == Approx(89.996));
    CHECK(s->get("g89996").total == 90.0);  // 89.996 → 90.00: graded excellent
    CHECK(s->get("g89996").grade == "excellent");
    CHECK(s->get("g75").total == 75.0);
    CHECK(s->get("g75").grade == "good");
    CHECK(s->get("g7499").total == 74.99);
    CHECK(s->get("g7499").grade == "fair");
    CHECK(s->get("g60").total == 60.0);
    CHECK(s->get("g60").grade == "fair");
    CHECK(s->get("g5999").total == 59.99);
    CHECK(s->get("g5999").grade == "poor");
  }

  TEST_CASE("6.6 ranks: competition ranking on the rounded total, in the district and the type") {
    // β = 1 and base = dues alone: total = 100 × dues_paid_rate.
    const auto s = score_files(tree::ranked_district());
    // totals: top 95, org 92, alpha 90, zeta 90.004 → 90.00, low 85.
    CHECK(s->get("zeta").total_unrounded == Approx(90.004));
    CHECK(s->get("zeta").total == 90.0);
    // By total descending, then id: alpha before zeta although zeta's unrounded total is higher.
    CHECK(branch_ids(s->result) == std::vector<std::string>{"top", "org", "alpha", "zeta", "low"});
    // District: 95, 92, 90, 90, 85 → 1 2 3 3 5.
    CHECK(s->get("top").rank_in_district == 1);
    CHECK(s->get("org").rank_in_district == 2);
    CHECK(s->get("alpha").rank_in_district == 3);
    CHECK(s->get("zeta").rank_in_district == 3);
    CHECK(s->get("low").rank_in_district == 5);
    // Residential: 95, 90, 90, 85 → 1 2 2 4; organ: 92 → 1.
    CHECK(s->get("top").rank_in_type == 1);
    CHECK(s->get("alpha").rank_in_type == 2);
    CHECK(s->get("zeta").rank_in_type == 2);
    CHECK(s->get("low").rank_in_type == 4);
    CHECK(s->get("org").rank_in_type == 1);
    // Roll-ups (6.8) average the rounded totals.
    REQUIRE(s->result.streets.size() == 2);
    CHECK(s->result.streets[0].id == "nanjingxi");
    CHECK(*s->result.streets[0].mean_total == Approx(92.5));  // (95 + 90) / 2
    CHECK(s->result.streets[1].id == "caojiadu");
    CHECK(*s->result.streets[1].mean_total == Approx(89.0));  // (92 + 90 + 85) / 3
    CHECK(*s->result.district.mean_total == Approx(90.4));    // 452 / 5
  }

  TEST_CASE("6.6 base_weight: by_year for Y, else the default") {
    const std::string body = "base: {dues_paid_rate: 0.9, statistics_on_time: false, organizational_life: 6, "
                             "member_development: {planned: 4, developed: 3}}\n" +
                             full_items() + kFullReview;
    auto files = vtest::with(perfect(), "plans/mly-2026.yaml", plan("mly", 2026, body));
    SUBCASE("by_year names Y") {
      files = vtest::with(files, "district.yaml",
                          district("scoring:\n  base_weight: {default: 0.5, by_year: {2026: 0.25}}\n"));
      const auto s = score_files(files);
      CHECK(s->result.base_weight == 0.25);
      CHECK(s->get("mly").beta == 0.25);
      CHECK(s->get("mly").total == 89.25);  // 0.25 × 57 + 0.75 × 100 = 14.25 + 75
    }
    SUBCASE("by_year names another year") {
      files = vtest::with(files, "district.yaml",
                          district("scoring:\n  base_weight: {default: 0.5, by_year: {2025: 0.25}}\n"));
      const auto s = score_files(files);
      CHECK(s->result.base_weight == 0.5);
      CHECK(s->get("mly").total == 78.5);  // 0.5 × 57 + 0.5 × 100 = 28.5 + 50
    }
  }

  TEST_CASE("6.7 District scoring: partial groups merge over the defaults") {
    // No platforms (systems 0), every item half done (execution 50).
    auto files = vtest::without(perfect(), "platforms/mly.yaml");
    files = vtest::with(files, "plans/mly-2026.yaml",
                        plan("mly", 2026,
                             kFullBase + full_items("mly-001", "progress: 0.5") +
                                 "review:\n  member_survey: {respondents: 30, mean: 4.2}\n"
                                 "  public_survey: {respondents: 30, mean: 3}\n"));
    SUBCASE("defaults") {
      const auto s = score_files(files);
      const auto& b = s->get("mly");
      CHECK(component(b, "systems") == 0.0);
      CHECK(component(b, "satisfaction") == Approx(62.0));  // 0.4 × 80 + 0.6 × 50
      // 0.2×100 + 0.2×50 + 0.25×100 + 0.15×0 + 0.2×62 = 20 + 10 + 25 + 0 + 12.4 = 67.4
      CHECK(b.autonomous == Approx(67.4));
      CHECK(b.total == 80.44);  // 40 + 0.6 × 67.4 = 40 + 40.44
    }
    SUBCASE("autonomous: {systems: 0} and satisfaction: {public: 0}") {
      files = vtest::with(files, "district.yaml",
                          district("scoring:\n  autonomous: {systems: 0}\n  satisfaction: {public: 0}\n"));
      const auto s = score_files(files);
      const auto& b = s->get("mly");
      // satisfaction: (0.4 × 80 + 0 × 50) / 0.4 = 80
      CHECK(component(b, "satisfaction") == Approx(80.0));
      // (20 + 10 + 25 + 0 × 0 + 0.2 × 80) / (0.2 + 0.2 + 0.25 + 0 + 0.2) = 71 / 0.85 = 83.5294
      CHECK(b.autonomous == Approx(71.0 / 0.85));
      CHECK(b.total == 90.12);  // 40 + 0.6 × 83.5294 = 40 + 50.1176 = 90.1176
    }
  }

  TEST_CASE("provisional unless the plan is reviewed") {
    for (const char* status : {"draft", "submitted", "approved", "reviewed"}) {
      CAPTURE(status);
      const auto s = score_files(vtest::with(perfect(), "plans/mly-2026.yaml",
                                             plan("mly", 2026, kFullBase + full_items() + kFullReview, status)));
      CHECK(s->get("mly").provisional == (std::string(status) != "reviewed"));
      CHECK(s->get("mly").total == 100.0);  // scored all the same
    }
  }

  TEST_CASE("missing-plan: unscored, with a reason and a warning") {
    auto files = perfect();
    files.emplace_back("branches/nopl.yaml", branch("nopl"));
    files.emplace_back("branches/old.yaml", branch("old", "residential", "caojiadu"));
    files.emplace_back("plans/old-2025.yaml", plan("old", 2025, kFullBase + "items: []\n"));  // not Y
    const auto s = score_files(files);
    CHECK(branch_ids(s->result) == std::vector<std::string>{"mly"});
    REQUIRE(s->result.unscored.size() == 2);
    CHECK(s->result.unscored[0].id == "nopl");
    CHECK(s->result.unscored[0].reason == "missing-plan");
    CHECK(s->result.unscored[1].id == "old");
    CHECK(s->result.unscored[1].reason == "missing-plan");
    CHECK(s->warnings("missing-plan") ==
          std::vector<std::string>{"branches/nopl.yaml:1:1 Branch nopl", "branches/old.yaml:1:1 Branch old"});
    const auto& missing = s->result.warnings.front();
    REQUIRE(missing.id == "nopl");
    CHECK(missing.message.text() ==
          "the branch has no plan for 2026, so it is not scored; add a Plan with `branch: nopl` and `year: 2026`");
    CHECK(missing.message.text(svcorg::i18n::Lang::ZhCN) ==
          "党组织没有2026年度计划，因此不参与评分；请添加一份 `branch: nopl`、`year: 2026` 的计划（Plan）");
    for (const auto& w : s->result.warnings) CHECK(w.severity == svcorg::diag::Severity::Warning);
    REQUIRE(s->result.streets.size() == 2);
    CHECK(s->result.streets[0].branches == 2);  // nanjingxi: mly, nopl
    CHECK(s->result.streets[0].scored == 1);
    CHECK(s->result.streets[1].branches == 1);  // caojiadu: old
    CHECK(s->result.streets[1].scored == 0);
    CHECK_FALSE(s->result.streets[1].mean_total.has_value());
    CHECK(s->result.district.branches == 3);
    CHECK(s->result.district.scored == 1);
  }

  TEST_CASE("as-of: later events, later needs and later feedback are cut") {
    auto files = vtest::with(
        perfect(), "needs/mly-001.yaml",
        // n1: resolved 07-10, after due 04-01; feedback 5 dated 07-12.
        need("mly-n1", "mly", "elderly-care",
             {{"2026-03-02", "received"}, {"2026-03-03", "assessed"}, {"2026-07-10", "resolved"}},
             "feedback: {satisfaction: 5, date: 2026-07-12}\n") +
            "---\n" +
            // n2: received 07-05, resolved 07-20 ≤ due 08-04, no feedback.
            need("mly-n2", "mly", "elderly-care",
                 {{"2026-07-05", "received"}, {"2026-07-06", "assessed"}, {"2026-07-20", "resolved"}}) +
            "---\n" +
            // n3: resolved 02-20 ≤ due 03-03, undated feedback 4.
            need("mly-n3", "mly", "elderly-care",
                 {{"2026-02-01", "received"}, {"2026-02-02", "assessed"}, {"2026-02-20", "resolved"}},
                 "feedback: {satisfaction: 4}\n"));
    files = vtest::with(files, "plans/mly-2026.yaml", plan("mly", 2026, kFullBase + full_items("mly-n3") + kFullReview));
    SUBCASE("as of 2026-06-30") {
      const auto s = score_files(files, "2026-06-30");
      const auto& b = s->get("mly");
      // S = {n1, n3} (n2 received after A); n1 is `assessed` as of A, open and overdue.
      CHECK(b.needs.received == 2);
      CHECK(b.needs.resolved == 1);
      CHECK(b.needs.open == 1);
      CHECK(b.needs.overdue == 1);
      CHECK(*b.needs.resolution_rate == Approx(0.5));          // 1 / 2
      CHECK(*b.needs.on_time_resolution_rate == Approx(0.5));  // n3 of {n3} ∪ {n1}
      CHECK(*b.needs.response_on_time_rate == 1.0);            // 2 / 2
      CHECK(*b.needs.feedback_satisfied_rate == 1.0);          // n3 only: n1's is dated after A
      // 100 × (0.4×0.5 + 0.3×0.5 + 0.2×1 + 0.1×1) = 100 × 0.65
      CHECK(component(b, "effect") == Approx(65.0));
    }
    SUBCASE("as of 2026-12-31") {
      const auto s = score_files(files, "2026-12-31");
      const auto& b = s->get("mly");
      CHECK(b.needs.received == 3);
      CHECK(b.needs.resolved == 3);
      CHECK(b.needs.overdue == 0);
      CHECK(*b.needs.on_time_resolution_rate == Approx(2.0 / 3.0));  // n2, n3; n1 late
      CHECK(*b.needs.feedback_satisfied_rate == 1.0);                // 5 and 4 of 2
      // 100 × (0.4×1 + 0.3×2/3 + 0.2×1 + 0.1×1) = 100 × 0.9
      CHECK(component(b, "effect") == Approx(90.0));
    }
  }

  TEST_CASE("a reopened need: the final resolution counts") {
    auto files = vtest::with(perfect(), "needs/mly-001.yaml",
                             // due 03-02 + 30 = 04-01; resolved 03-10, reopened 03-15, resolved again 04-20.
                             need("mly-001", "mly", "elderly-care",
                                  {{"2026-03-02", "received"},
                                   {"2026-03-03", "assessed"},
                                   {"2026-03-10", "resolved"},
                                   {"2026-03-15", "in-progress"},
                                   {"2026-04-20", "resolved"}}));
    SUBCASE("as of 2026-12-31: s(n) = 04-20 > due: late") {
      const auto s = score_files(files, "2026-12-31");
      const auto& b = s->get("mly");
      CHECK(*b.needs.on_time_resolution_rate == 0.0);
      // 100 × (0.4×1 + 0.3×0 + 0.2×1) / 0.9 = 100 × 0.6 / 0.9 = 66.667
      CHECK(component(b, "effect") == Approx(200.0 / 3.0));
    }
    SUBCASE("as of 2026-03-12: resolved 03-10 ≤ due: on time") {
      const auto s = score_files(files, "2026-03-12");
      CHECK(component(s->get("mly"), "effect") == Approx(100.0));  // 100 × 0.9 / 0.9
    }
    SUBCASE("as of 2026-03-20: reopened, open, not yet due") {
      const auto s = score_files(files, "2026-03-20");
      const auto& b = s->get("mly");
      CHECK(b.needs.open == 1);
      CHECK(*b.needs.resolution_rate == 0.0);                    // 0 / 1
      CHECK_FALSE(b.needs.on_time_resolution_rate.has_value());  // R ∪ overdue is empty
      // 100 × (0.4×0 + 0.2×1) / (0.4 + 0.2) = 33.333
      CHECK(component(b, "effect") == Approx(100.0 / 3.0));
    }
  }

  TEST_CASE("invariants on the example district") {
    struct Case {
      int year;
      const char* as_of;
      double beta;
    };
    for (const Case& c : {Case{2025, "2025-12-31", 0.4}, Case{2026, "2026-11-26", 0.35}}) {
      CAPTURE(c.year);
      testing::Chdir here(testing::kSource);
      svcorg::diag::Sink sink;
      std::istringstream no_stdin;
      auto loaded = svcorg::load::load_paths({"examples"}, sink, no_stdin);
      REQUIRE(loaded.fatal.empty());
      const auto& set = loaded.records;
      REQUIRE(set.districts.size() == 1);
      const auto rules = svcorg::rules::effective_rules(set.districts.front().rules.get());
      const svcorg::validate::Options options{c.year, day(c.as_of), day(c.as_of)};
      svcorg::validate::run(set, rules, options, sink);
      REQUIRE(sink.errors() == 0);
      const auto model = sc::effective_model(set.districts.front().scoring.get());
      const auto r = sc::compute(set, rules, model, {c.year, day(c.as_of)});
      const std::string json = svcorg::render::score_json(r, svcorg::render::select_all(r));
      {
        // Two threads give the same result, also when a branch's needs are split
        // between the two halves of the ledger (cut in the middle of a run of needs).
        const auto two = sc::compute(set, rules, model, {c.year, day(c.as_of)}, 2);
        CHECK((svcorg::render::score_json(two, svcorg::render::select_all(two)) == json));
        svcorg::model::RecordSet cut;
        cut.files = set.files;
        cut.districts = set.districts;
        cut.branches = set.branches;
        cut.platforms = set.platforms;
        cut.plans = set.plans;
        std::vector<svcorg::model::NeedCore> all(set.need_cores.begin(), set.need_cores.end()), first, second;
        size_t k = all.size() / 2;
        while (k + 1 < all.size() && *all[k - 1].branch != *all[k].branch) ++k;
        REQUIRE(*all[k - 1].branch == *all[k].branch);  // the cut is inside a branch's needs
        first.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k));
        second.assign(all.begin() + static_cast<std::ptrdiff_t>(k), all.end());
        cut.pools = set.pools;  // the cores' texts and histories
        cut.need_cores.append(std::move(first));
        cut.need_cores.append(std::move(second));
        for (unsigned threads : {1u, 2u}) {
          const auto split = sc::compute(cut, rules, model, {c.year, day(c.as_of)}, threads);
          CHECK((svcorg::render::score_json(split, svcorg::render::select_all(split)) == json));
        }
      }
      CHECK(r.base_weight == c.beta);
      CHECK(r.branches.size() + r.unscored.size() == set.branches.size());
      REQUIRE_FALSE(r.branches.empty());

      for (size_t i = 0; i < r.branches.size(); ++i) {
        const auto& s = r.branches[i];
        CAPTURE(*s.branch->id);
        CHECK(s.beta == c.beta);
        // Parts recomputed from the result's own parts and shares.
        double base = 0, autonomous = 0;
        for (const auto& p : s.base_parts)
          if (p.value) base += sc::share(s.base_parts, p.name) * *p.value;
        for (const auto& p : s.components)
          if (p.value) autonomous += sc::share(s.components, p.name) * *p.value;
        CHECK(s.base == Approx(base));
        CHECK(s.autonomous == Approx(autonomous));
        const double unrounded = std::min(100.0, c.beta * base + (1 - c.beta) * autonomous + s.bonus);
        CHECK(s.total_unrounded == Approx(unrounded));
        CHECK(s.total == sc::round_to(s.total_unrounded, 2));
        // Σ share × value may differ from Σ w·v / Σ w in the last bit, which only shows when the
        // total sits on a half cent (qu-jiaoyuju 2025: exactly 0.4 × 75 + 0.6 × 79.625 = 77.775,
        // scored 77.78, half away from zero); elsewhere the recomputed total rounds the same.
        const double cents = unrounded * 100.0;
        const bool on_half_cent = std::abs(cents - std::floor(cents) - 0.5) < 1e-6;
        if (on_half_cent) CHECK(s.total == (std::floor(cents) + 1.0) / 100.0);  // away from zero
        else CHECK(s.total == sc::round_to(unrounded, 2));
        CHECK(s.grade == model.grade(s.total));
        // Bonus, execution, effect, satisfaction, plan_level from their inputs.
        size_t approved = 0;
        if (s.plan->review && s.plan->review->awards)
          for (const auto& a : *s.plan->review->awards) approved += (a.approved && *a.approved) ? 1 : 0;
        CHECK(s.bonus == std::min(5.0, 2.0 * static_cast<double>(approved)));
        double ws = 0;
        CHECK(component(s, "execution") == Approx(sc::execution(*s.plan, ws)));
        const auto effect = s.needs.received == 0 ? 0.0 : 100.0 * sc::weighted_mean(s.effect_parts).value_or(0.0);
        CHECK(component(s, "effect") == Approx(effect));
        CHECK(component(s, "satisfaction") == Approx(sc::weighted_mean(s.satisfaction_parts).value_or(0.0)));
        const double q = s.quality, pl = s.percentile ? 100.0 * (0.5 * q + 0.5 * *s.percentile) : 100.0 * q;
        CHECK(component(s, "plan_level") == Approx(pl));
        CHECK(s.percentile.has_value() == (s.peers > 1));
        CHECK(s.provisional == (*s.plan->status != "reviewed"));
        // Ranks agree with the totals.
        int in_district = 1, in_type = 1;
        for (const auto& o : r.branches)
          if (o.total > s.total) {
            ++in_district;
            if (*o.branch->type == *s.branch->type) ++in_type;
          }
        CHECK(s.rank_in_district == in_district);
        CHECK(s.rank_in_type == in_type);
        if (i > 0) {
          const auto& prev = r.branches[i - 1];
          const bool ordered = prev.total > s.total || (prev.total == s.total && *prev.branch->id < *s.branch->id);
          CHECK(ordered);
        }
      }
    }
  }

  TEST_CASE("records that fail validation are scored without harm, alike on one or two threads") {
    // `svcorg score` computes while validation runs (cmd/score.cpp), on records that may
    // break any rule: every rule fixture, alone and added to the example district, each
    // year, one and two threads.
    size_t scored = 0;
    const std::string examples = (testing::kSource / "examples").string();
    std::vector<std::vector<std::string>> inputs;
    for (const auto& e : std::filesystem::directory_iterator(testing::kSource / "tests/fixtures/rules")) {
      inputs.push_back({e.path().string()});
      inputs.push_back({examples, e.path().string()});
    }
    for (const auto& paths : inputs) {
      CAPTURE(paths.back());
      CAPTURE(paths.size());
      svcorg::diag::Sink sink;
      std::istringstream no_stdin;
      const auto loaded = svcorg::load::load_paths(paths, sink, no_stdin);
      const auto& set = loaded.records;
      const auto* district = set.districts.empty() ? nullptr : &set.districts.front();
      const auto rules = svcorg::rules::effective_rules(district ? district->rules.get() : nullptr);
      const auto model = sc::effective_model(district ? district->scoring.get() : nullptr);
      for (int year : {2025, 2026}) {
        const svcorg::ledger::Window w{year, day("2026-11-26")};
        const auto one = sc::compute(set, rules, model, w, 1);
        const auto two = sc::compute(set, rules, model, w, 2);
        CHECK((svcorg::render::score_json(one, svcorg::render::select_all(one)) ==
               svcorg::render::score_json(two, svcorg::render::select_all(two))));
        scored += one.branches.size();
      }
    }
    CHECK(scored > 1000);
  }
}

