// plan::quality — a plan's quality q (SPEC 6.2), the one computation behind `detail.quality`
// and the plan-quality rule.
#include <doctest/doctest.h>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/ledger/metrics.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/plan/quality.hpp"
#include "svcorg/rules/rules.hpp"

namespace {

using namespace svcorg;

const char* kNeeds =
    "apiVersion: svcorg/v1\nkind: Need\nid: n1\nbranch: b\nreceived: 2026-02-01\nchannel: hotline\n"
    "category: housing\nsummary: s\nlayer: branch\ndisposal: solve\nstatus: received\n"
    "events: [{date: 2026-02-01, status: received}]\n"
    "---\n"
    "apiVersion: svcorg/v1\nkind: Need\nid: n2\nbranch: b\nreceived: 2026-03-01\nchannel: hotline\n"
    "category: dispute\nsummary: s\nlayer: branch\ndisposal: solve\nstatus: received\n"
    "events: [{date: 2026-03-01, status: received}]\n"
    "---\n"
    "apiVersion: svcorg/v1\nkind: Need\nid: n3\nbranch: b\nreceived: 2026-04-01\nchannel: hotline\n"
    "category: health\nsummary: s\nlayer: branch\ndisposal: solve\nstatus: declined\nreason: r\n"
    "events: [{date: 2026-04-01, status: received}, {date: 2026-04-02, status: declined}]\n"
    "---\n"
    "apiVersion: svcorg/v1\nkind: Need\nid: n4\nbranch: b\nreceived: 2026-09-01\nchannel: hotline\n"
    "category: culture\nsummary: s\nlayer: branch\ndisposal: solve\nstatus: received\n"
    "events: [{date: 2026-09-01, status: received}]\n";

// Four items: housing answering n1 with a target; elderly-care answering nothing with a
// target; one listing n2 (dispute) without a target; one with `needs: []`.
const char* kPlan =
    "apiVersion: svcorg/v1\nkind: Plan\nid: p\nbranch: b\nyear: 2026\nstatus: submitted\n"
    "base: {dues_paid_rate: 1, statistics_on_time: true, organizational_life: 12}\n"
    "items:\n"
    "  - {id: a, title: t, category: housing, needs: [n1], approval: self, target: {metric: m, value: 3}}\n"
    "  - {id: b, title: t, category: elderly-care, approval: self, target: {metric: m, value: 1}}\n"
    "  - {id: c, title: t, category: other, needs: [n2], approval: self}\n"
    "  - {id: d, title: t, category: other, needs: [], approval: self}\n";

struct Loaded {
  model::RecordSet set;
  rules::TypeRules rules = *rules::effective_rules(nullptr).for_type("residential");
  util::Weights weights = rules::weight_group(rules::effective_scoring(nullptr), "quality");

  explicit Loaded(const std::string& plan_text) {
    diag::Sink sink;
    load::load_bytes("needs.yaml", kNeeds, set, sink);
    load::load_bytes("plan.yaml", plan_text, set, sink);
    REQUIRE(sink.items().empty());
  }

  plan::Quality at(const char* as_of) const {
    const util::Date a = *util::Date::parse(as_of);
    std::vector<ledger::NeedFacts> facts;
    std::vector<const model::NeedCore*> listed;
    for (const auto& n : set.need_cores) {
      if (ledger::in_year(n, {2026, a})) facts.push_back(ledger::facts(n, &rules, a));
      for (const auto& it : *set.plans.front().items)
        if (it.needs)
          for (const auto& id : *it.needs)
            if (*id == std::string(*n.id)) listed.push_back(&n);
    }
    return plan::quality(set.plans.front(), plan::need_categories(facts), listed, rules, weights);
  }
};

std::optional<double> value(const plan::Quality& q, const std::string& name) {
  for (const auto& p : q.parts)
    if (p.name == name) return p.value;
  FAIL("no part " << name);
  return std::nullopt;
}

}  // namespace

TEST_SUITE("plan::quality") {
  TEST_CASE("the four indicators and their mean") {
    const Loaded l(kPlan);
    const plan::Quality q = l.at("2026-06-30");
    CHECK(q.inputs.items == 4);
    CHECK(q.inputs.linked == 2);      // a, c (d's list is empty)
    CHECK(q.inputs.measurable == 2);  // a, b
    CHECK(q.inputs.min_plan_items == 3);
    // C: housing and dispute (health was declined; culture is received after June 30).
    CHECK(q.inputs.need_categories == std::vector<std::string>{"dispute", "housing"});
    // A: the items' categories and n1's and n2's: both covered, dispute through the need c lists.
    CHECK(q.inputs.covered_categories == std::vector<std::string>{"dispute", "housing"});
    REQUIRE(q.parts.size() == 4);
    CHECK(q.parts[0].name == "linked");
    CHECK(q.parts[3].name == "coverage");
    CHECK(*value(q, "linked") == 0.5);
    CHECK(*value(q, "measurable") == 0.5);
    CHECK(*value(q, "breadth") == 1.0);
    CHECK(*value(q, "coverage") == 1.0);
    CHECK(q.q == 0.75);
  }

  TEST_CASE("as of a later date, the ledger has grown") {
    const plan::Quality q = Loaded(kPlan).at("2026-12-31");
    CHECK(q.inputs.need_categories == std::vector<std::string>{"culture", "dispute", "housing"});
    CHECK(*value(q, "coverage") == doctest::Approx(2.0 / 3.0));
    CHECK(q.q == doctest::Approx((0.5 + 0.5 + 1 + 2.0 / 3.0) / 4));
    // Before any need: coverage is excluded, not 0.
    const plan::Quality early = Loaded(kPlan).at("2026-01-15");
    CHECK(early.inputs.need_categories.empty());
    CHECK_FALSE(value(early, "coverage").has_value());
    CHECK(early.q == doctest::Approx((0.5 + 0.5 + 1) / 3));
  }

  TEST_CASE("weights: their order, a zero weight, a missing indicator") {
    Loaded l(kPlan);
    l.weights = {{"coverage", 2}, {"measurable", 0}, {"breadth", 1}};
    const plan::Quality q = l.at("2026-12-31");
    REQUIRE(q.parts.size() == 3);
    CHECK(q.parts[0].name == "coverage");
    CHECK(q.parts[1].weight == 0);
    CHECK(q.q == doctest::Approx((2 * 2.0 / 3.0 + 1) / 3));
  }

  TEST_CASE("breadth, and a plan without items") {
    Loaded two(std::string(kPlan).substr(0, std::string(kPlan).find("  - {id: c")));
    CHECK(*value(two.at("2026-06-30"), "breadth") == doctest::Approx(2.0 / 3.0));
    two.rules.min_plan_items = 0;  // allowed: every plan is broad enough
    CHECK(*value(two.at("2026-06-30"), "breadth") == 1.0);

    const Loaded none(std::string(kPlan).substr(0, std::string(kPlan).find("items:")) + "items: []\n");
    const plan::Quality q = none.at("2026-06-30");
    CHECK(q.inputs.items == 0);
    CHECK(q.q == 0);
    for (const auto& p : q.parts) CHECK_FALSE(p.value.has_value());
  }

  TEST_CASE("linked and measurable, item by item") {
    const Loaded l(kPlan);
    const auto& items = *l.set.plans.front().items;
    CHECK(plan::linked(items[0]));
    CHECK_FALSE(plan::linked(items[1]));
    CHECK(plan::linked(items[2]));
    CHECK_FALSE(plan::linked(items[3]));  // `needs: []`
    CHECK(plan::measurable(items[0]));
    CHECK(plan::measurable(items[1]));
    CHECK_FALSE(plan::measurable(items[2]));
  }
}
