// The needs' cores (model/core.cpp): what they keep of a need, the pool that holds
// their texts, ids and histories, and that a load keeping only the cores finds and
// scores exactly what a load of whole records does.
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <thread>

#include "records_support.hpp"
#include "support.hpp"
#include "svcorg/cmd/common.hpp"
#include "svcorg/ledger/lifecycle.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/render/score.hpp"
#include "svcorg/score/model.hpp"
#include "svcorg/score/score.hpp"
#include "svcorg/validate/checks.hpp"

namespace fs = std::filesystem;
using svcorg::Pos;
using svcorg::model::CorePool;
using svcorg::model::NeedCore;
using svcorg::model::NeedStatus;
using svcorg::model::PackedStep;
using svcorg::util::Date;

namespace {

const auto& day = testing::date;  // records_support.hpp

svcorg::model::RecordSet load(const std::string& yaml) {
  svcorg::model::RecordSet set;
  svcorg::diag::Sink sink;
  svcorg::load::load_bytes("n.yaml", yaml, set, sink);
  return set;
}

const char* const kNeed = R"(apiVersion: svcorg/v1
kind: Need
id: N-1
branch: b1
received: 2026-03-02
channel: hotline
category: elderly-care
summary: lift repair
scope: group
layer: branch
disposal: relay
relayed_to: housing office
platform: p1
due: 2026-03-20
status: resolved
events:
  - {date: 2026-03-02, status: received, note: called}
  - {date: 2026-03-03, note: no status}
  - {status: assessed, note: no date}
  - {date: 2026-03-04, status: in-progress, note: on it}
  - {date: 2026-03-09, status: resolved, note: done}
feedback: {satisfaction: 4, date: 2026-03-10}
)";

}  // namespace

TEST_SUITE("model::NeedCore") {
  TEST_CASE("a packed step keeps any date of years 1-9999 and every status") {
    for (const char* d : {"0001-01-01", "1969-12-31", "1970-01-01", "2026-11-27", "9999-12-31"})
      for (int s = 0; s <= static_cast<int>(NeedStatus::Declined); ++s) {
        const PackedStep step(day(d), static_cast<NeedStatus>(s));
        CHECK(step.date() == day(d));
        CHECK(static_cast<int>(step.status()) == s);
        const auto back = PackedStep::from_bits(step.bits());  // as the parse cache stores it
        REQUIRE(back);
        CHECK(back->bits() == step.bits());
      }
    // Bits no step has (a status code past Declined) are refused.
    const PackedStep any(day("2026-11-27"), NeedStatus::Declined);
    CHECK_FALSE(PackedStep::from_bits((any.bits() & ~7u) | 6u));
    CHECK_FALSE(PackedStep::from_bits((any.bits() & ~7u) | 7u));
    CHECK(sizeof(PackedStep) == 4);
  }

  TEST_CASE("a core keeps what cross-record rules and scoring read, with positions") {
    const auto set = load(kNeed);
    REQUIRE(set.needs.size() == 1);
    REQUIRE(set.need_cores.size() == 1);
    const auto& n = set.needs.front();
    const NeedCore& c = set.need_cores.front();
    CHECK(c.file == n.file);
    CHECK(c.pos == n.pos);
    CHECK(c.doc == n.doc);
    REQUIRE(c.id);
    CHECK(*c.id == "N-1");
    REQUIRE(c.branch);
    CHECK(*c.branch == "b1");
    CHECK(c.branch.pos == n.branch.pos);
    CHECK(*c.category == "elderly-care");
    CHECK(c.category.pos == n.category.pos);
    CHECK(*c.platform == "p1");
    CHECK(c.platform.pos == n.platform.pos);
    REQUIRE(c.layer);
    CHECK(*c.layer == "branch");
    CHECK(*c.received == day("2026-03-02"));
    CHECK(*c.due == day("2026-03-20"));
    CHECK(*c.feedback_date == day("2026-03-10"));
    CHECK(*c.satisfaction == 4);
    // Only the events with a valid date and status are steps, in file order: the same
    // history the whole record gives.
    std::vector<svcorg::ledger::Step> from_core, from_need;
    svcorg::ledger::history(c, std::nullopt, from_core);
    svcorg::ledger::history(n, std::nullopt, from_need);
    REQUIRE(from_core.size() == 3);
    REQUIRE(from_core.size() == from_need.size());
    for (size_t i = 0; i < from_core.size(); ++i) {
      CHECK(from_core[i].date == from_need[i].date);
      CHECK(from_core[i].status == from_need[i].status);
    }
    svcorg::ledger::history(c, day("2026-03-03"), from_core);  // as of a date
    CHECK(from_core.size() == 1);
  }

  TEST_CASE("absent fields stay absent, an empty id is present") {
    // The converter refuses an empty id; a record built by hand may have one.
    svcorg::model::Need n;
    n.id.set("", Pos{1, 5});
    CorePool pool;
    const NeedCore c = svcorg::model::core_of(n, pool);
    REQUIRE(c.id);
    CHECK((*c.id).empty());
    CHECK_FALSE(c.category);
    CHECK_FALSE(c.platform);
    CHECK(c.layer == nullptr);
    CHECK_FALSE(c.received);
    CHECK_FALSE(c.due);
    CHECK_FALSE(c.satisfaction);
    CHECK_FALSE(c.feedback_date);
    CHECK(c.step_count == 0);
    CHECK(c.steps_begin() == c.steps_end());
    const auto none = load("apiVersion: svcorg/v1\nkind: Need\nbranch: b1\n");
    CHECK_FALSE(none.need_cores.front().id);
  }

  TEST_CASE("needs added later get their cores, the earlier ones are kept") {
    svcorg::model::RecordSet set;
    svcorg::diag::Sink sink;
    svcorg::load::load_bytes("a.yaml", kNeed, set, sink);
    const NeedCore* first = &set.need_cores.front();
    std::string second = kNeed;
    second.replace(second.find("N-1"), 3, "N-2");
    svcorg::load::load_bytes("b.yaml", second, set, sink);
    REQUIRE(set.needs.size() == 2);
    REQUIRE(set.need_cores.size() == 2);
    CHECK(&set.need_cores.front() == first);  // spliced parts: no core moved
    CHECK(*set.need_cores[1].id == "N-2");
    CHECK(set.need_cores[1].file == 1);
    set.add_cores();  // nothing new
    CHECK(set.need_cores.size() == 2);
    // Both files' cores share the set's one pool: equal texts are one string.
    CHECK(set.pools.size() == 1);
    CHECK(set.need_cores[0].branch.p == set.need_cores[1].branch.p);
  }
}

TEST_SUITE("model::CorePool") {
  TEST_CASE("equal texts are one string, for every thread") {
    CorePool pool;
    const std::string& a = pool.intern("b001");
    CHECK(&pool.intern(std::string("b00") + "1") == &a);
    CHECK(&pool.intern("b002") != &a);
    std::vector<const std::string*> seen(2000);
    auto work = [&](size_t from) {
      for (size_t i = from; i < seen.size(); i += 2) seen[i] = &pool.intern("w" + std::to_string(i % 100));
    };
    std::thread other(work, 0);
    work(1);
    other.join();
    for (size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == seen[i % 100]);
    CHECK(pool.texts() == 102);
  }

  TEST_CASE("runs are copied whole, stay where they are, and an empty run is null") {
    CorePool pool;
    std::vector<std::pair<const PackedStep*, std::vector<PackedStep>>> kept;
    for (int batch = 0; batch < 60; ++batch) {
      // Runs of 0 to 600 steps: many blocks, and runs longer than a block.
      std::vector<PackedStep> steps;
      std::vector<size_t> starts;
      for (int run = 0; run < 5; ++run) {
        starts.push_back(steps.size());
        const int len = (batch * 7 + run * 13) % 40 + (run == 4 && batch % 10 == 0 ? 600 : 0) - (run == 2 ? 40 : 0);
        for (int i = 0; i < len; ++i) steps.emplace_back(Date{batch * 1000 + run * 100 + i}, NeedStatus::Assessed);
      }
      const auto at = pool.keep(steps, starts);
      REQUIRE(at.size() == starts.size());
      for (size_t k = 0; k < starts.size(); ++k) {
        const size_t to = k + 1 < starts.size() ? starts[k + 1] : steps.size();
        if (to == starts[k]) {
          CHECK(at[k] == nullptr);
          continue;
        }
        kept.emplace_back(at[k], std::vector<PackedStep>(steps.begin() + static_cast<std::ptrdiff_t>(starts[k]),
                                                         steps.begin() + static_cast<std::ptrdiff_t>(to)));
      }
    }
    for (const auto& [where, run] : kept)
      for (size_t i = 0; i < run.size(); ++i) REQUIRE(where[i].date() == run[i].date());
    const auto ids = pool.keep(std::string("N-1N-22"), {0, 3, 3});
    CHECK(std::string(ids[0], 3) == "N-1");
    CHECK(ids[1] == nullptr);
    CHECK(std::string(ids[2], 4) == "N-22");
  }
}

TEST_SUITE("validate::IdTable") {
  TEST_CASE("the first record of each id, found by its id") {
    std::vector<svcorg::model::Branch> branches(3000);
    std::vector<const svcorg::model::Branch*> ordered;
    for (size_t i = 0; i < branches.size(); ++i) {
      branches[i].id.set("b" + std::to_string(i % 1000), Pos{static_cast<uint32_t>(i + 1), 1});
      ordered.push_back(&branches[i]);
    }
    branches[5].id = {};  // no id: not in the table
    const svcorg::validate::detail::IdTable<svcorg::model::Branch> table(ordered);
    CHECK(table.size() == 1000);
    for (size_t i = 0; i < 1000; ++i) {
      const auto* found = table.find("b" + std::to_string(i));
      REQUIRE(found);
      CHECK(found == &branches[i == 5 ? 1005 : i]);  // the first of its id
    }
    CHECK(table.find("b1000") == nullptr);
    CHECK(table.count("") == 0);
    const auto ids = table.sorted_ids();
    CHECK(ids.size() == 1000);
    CHECK(std::is_sorted(ids.begin(), ids.end()));
    const svcorg::validate::detail::IdTable<svcorg::model::Branch> empty;
    CHECK(empty.find("b1") == nullptr);
  }
}

TEST_SUITE("cmd::load_and_check") {
  // A load that keeps only the needs' cores checks each need as it loads: its findings,
  // counts and scores are those of a load of whole records, on every rule fixture and
  // on the example district, on one and two threads.
  TEST_CASE("keeping the needs' cores finds and scores what whole records do") {
    std::vector<fs::path> dirs{testing::kSource / "examples"};
    for (const auto& e : fs::directory_iterator(testing::kSource / "tests" / "fixtures" / "rules"))
      if (e.is_directory()) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    size_t findings = 0;
    for (const auto& dir : dirs)
      for (unsigned jobs : {1u, 2u}) {
        CAPTURE(dir);
        CAPTURE(jobs);
        svcorg::cmd::Common c;
        c.paths = {"."};
        c.jobs = jobs;
        c.no_cache = true;
        std::ostringstream out, err;
        std::istringstream in;
        const svcorg::cmd::Io io{out, err, in, false, false, day("2026-06-30")};
        testing::Chdir cd(dir);
        const auto dates = svcorg::validate::resolve_dates(std::nullopt, day("2026-06-30"), day("2026-06-30"));
        const auto whole = svcorg::cmd::load_and_check(c, dates, io, svcorg::cmd::Needs::Whole);
        const auto cores = svcorg::cmd::load_and_check(c, dates, io, svcorg::cmd::Needs::Cores);
        CHECK(cores.records.needs.empty());
        CHECK(cores.records.need_cores.size() == whole.records.needs.size());
        CHECK(cores.records.record_count() == whole.records.record_count());
        REQUIRE(cores.findings.size() == whole.findings.size());
        for (size_t i = 0; i < whole.findings.size(); ++i) {
          const auto& a = whole.findings[i];
          const auto& b = cores.findings[i];
          CHECK(std::tie(a.file, a.pos.line, a.pos.col, a.rule, a.message, a.kind, a.id, a.waived) ==
                std::tie(b.file, b.pos.line, b.pos.col, b.rule, b.message, b.kind, b.id, b.waived));
        }
        findings += whole.findings.size();
        if (whole.records.districts.size() != 1) continue;
        const auto model = svcorg::score::effective_model(whole.records.districts.front().scoring.get());
        const svcorg::ledger::Window w{dates.year, dates.as_of};
        const auto a = svcorg::score::compute(whole.records, whole.rules, model, w, jobs);
        const auto b = svcorg::score::compute(cores.records, cores.rules, model, w, jobs);
        CHECK(svcorg::render::score_json(a, svcorg::render::select_all(a)) ==
              svcorg::render::score_json(b, svcorg::render::select_all(b)));
      }
    CHECK(findings > 100);  // the fixtures hold findings of every rule
  }
}
