// validate::run — identity, references and the District; validate::resolve_dates.
#include <algorithm>

#include "records_support.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "test_validate_support.hpp"

using namespace vtest;  // the helpers of test_validate_support.hpp
using Strings = std::vector<std::string>;

TEST_SUITE("validate::run") {
  TEST_CASE("a clean district has no findings") {
    auto o = check(district());
    CHECK(o.load.empty());
    CHECK(o.of() == Strings{});
  }

  TEST_CASE("findings do not depend on the order the files are read in") {
    Files files = with(district(), "a/copy.yaml", text_of(district(), kBranchFile));
    files = with(files, "needs/bad.yaml", replace(text_of(files, kNeedFile), "id: mly-001", "id: mly-002"));
    auto forward = check(files);
    std::reverse(files.begin(), files.end());
    auto backward = check(files);
    CHECK(forward.of() == backward.of());
    CHECK(!forward.of().empty());
  }

  TEST_CASE("the findings are the same on any number of threads") {
    // Every rule fixture alone and added to the example district: validate::run's pieces
    // (util::parallel_for) are merged in one order whichever thread ran them.
    size_t found = 0;
    testing::for_each_rule_fixture([&](const svcorg::model::RecordSet& set, const svcorg::rules::Rules& rules) {
      auto run = [&](unsigned threads) {
        svcorg::diag::Sink sink;
        svcorg::validate::run(set, rules, year_2026(), sink, threads);
        std::string out;
        for (const auto& d : sink.items()) out += d.file + ":" + std::to_string(d.pos.line) + " " + d.rule + "\n";
        return out;
      };
      const std::string one = run(1);
      CHECK(one == run(2));
      CHECK(one == run(5));
      found += static_cast<size_t>(std::count(one.begin(), one.end(), '\n'));
    });
    CHECK(found > 100);
  }

  TEST_CASE("duplicate-id") {
    SUBCASE("two branches: the later in path order, whatever the input order") {
      // a/copy.yaml is read last but sorts first, so it is the earlier record.
      auto o = check(with(district(), "a/copy.yaml", text_of(district(), kBranchFile)));
      CHECK(o.of("duplicate-id") == Strings{"branches/meiliyuan.yaml:1:1 error duplicate-id"});
      const auto& d = o.one("duplicate-id");
      CHECK(d.has_related);
      CHECK(d.related.file == "a/copy.yaml");
      CHECK(d.related.pos == svcorg::Pos{1, 1});
      CHECK(d.kind == "Branch");
      CHECK(d.id == "meiliyuan");
      CHECK(svcorg::l10n::render(d.message) ==
            "another Branch already has the id `meiliyuan` (at a/copy.yaml:1:1); ids are unique within a kind across "
            "all inputs: rename one of them");
    }
    SUBCASE("two documents of one file") {
      const std::string need = text_of(district(), kNeedFile);
      auto o = check(with(district(), kNeedFile, need + "---\n" + need));
      CHECK(o.of("duplicate-id") == Strings{"needs/mly-001.yaml:21:1 error duplicate-id"});
      CHECK(o.one("duplicate-id").related.pos == svcorg::Pos{1, 1});
    }
    SUBCASE("records of different kinds may share an id") {
      auto o =
          check(with(district(), kPlanFile, replace(text_of(district(), kPlanFile), "id: mly-2026", "id: mly-001")));
      CHECK(o.of("duplicate-id") == Strings{});
    }
    SUBCASE("a repeated item id inside a plan") {
      auto o = check(with(district(), kPlanFile, replace(text_of(district(), kPlanFile), "{id: i3,", "{id: i1,")));
      CHECK(o.of("duplicate-id") == Strings{"plans/meiliyuan-2026.yaml:11:5 error duplicate-id"});
      CHECK(o.one("duplicate-id").related.pos == svcorg::Pos{9, 5});
      CHECK(o.one("duplicate-id").kind == "Plan");
    }
    SUBCASE("the District and its streets share one namespace") {
      const std::string d =
          text_of(district(), "district.yaml") + "  - {id: jingan, name: 静安}\n  - {id: caojiadu, name: 重复}\n";
      auto o = check(with(district(), "district.yaml", d));
      CHECK(o.of("duplicate-id") ==
            Strings{"district.yaml:8:5 error duplicate-id", "district.yaml:9:5 error duplicate-id"});
      CHECK(o.found[0].related.pos == svcorg::Pos{1, 1});
      CHECK(o.found[1].related.pos == svcorg::Pos{7, 5});
    }
  }

  TEST_CASE("district and no-district") {
    SUBCASE("a second District is an error at the later one") {
      auto o =
          check(with(district(), "z.yaml", replace(text_of(district(), "district.yaml"), "id: jingan", "id: other")));
      CHECK(o.of() == Strings{"z.yaml:1:1 error district"});
      CHECK(o.found[0].related.file == "district.yaml");
    }
    SUBCASE("no District: a warning at the first file in path order") {
      Files files = without(district(), "district.yaml");
      std::reverse(files.begin(), files.end());
      auto o = check(files);
      CHECK(o.of("no-district") == Strings{"branches/meiliyuan.yaml:1:1 warning no-district"});
      // Streets and street owners are then not checked.
      CHECK(o.of("reference") == Strings{});
      CHECK(o.of("platform-level") == Strings{});
    }
  }

  TEST_CASE("duplicate-plan") {
    const std::string plan = text_of(district(), kPlanFile);
    SUBCASE("two plans for one branch and year") {
      auto o = check(with(district(), "plans/second.yaml", replace(plan, "id: mly-2026", "id: mly-2026b")));
      CHECK(o.of("duplicate-plan") == Strings{"plans/second.yaml:1:1 error duplicate-plan"});
      CHECK(o.one("duplicate-plan").related.file == kPlanFile);
    }
    SUBCASE("plans of two years") {
      auto o = check(with(district(), "plans/second.yaml",
                          replace(replace(plan, "id: mly-2026", "id: mly-2025"), "year: 2026", "year: 2025")));
      CHECK(o.of("duplicate-plan") == Strings{});
    }
  }

  TEST_CASE("reference") {
    SUBCASE("a need's branch, with the closest id") {
      auto o = check(with(district(), kNeedFile,
                          replace(text_of(district(), kNeedFile), "branch: meiliyuan", "branch: meiliyaun")));
      CHECK(o.of("reference") == Strings{"needs/mly-001.yaml:4:9 error reference"});
      CHECK(svcorg::l10n::render(o.one("reference").message) ==
            "`branch` names `meiliyaun`, but there is no Branch with that id; did you mean `meiliyuan`?");
    }
    SUBCASE("needs of one file, their branch and platform known and unknown in turn") {
      // Lookups are skipped for a text found for the need before: every unknown one is
      // still reported, wherever it comes.
      const std::string need = text_of(district(), kNeedFile) + "platform: mly-info\n";
      std::string file;
      const char* branches[] = {"meiliyuan", "nobody", "meiliyuan", "nobody", "nobody", "meiliyuan"};
      const char* platforms[] = {"mly-info", "mly-info", "nowhere", "nowhere", "mly-info", "nowhere"};
      Strings expected;
      const auto lines = static_cast<size_t>(std::count(need.begin(), need.end(), '\n')) + 1;  // with `---`
      for (size_t k = 0; k < 6; ++k) {
        std::string doc = k == 0 ? need : replace(need, "id: mly-001", "id: mly-10" + std::to_string(k));
        doc = replace(doc, "branch: meiliyuan", std::string("branch: ") + branches[k]);
        doc = replace(doc, "platform: mly-info", std::string("platform: ") + platforms[k]);
        file += "---\n" + doc;
        if (std::string(branches[k]) == "nobody")
          expected.push_back("needs/mly-001.yaml:" + std::to_string(k * lines + 5) + ":9 error reference");
        if (std::string(platforms[k]) == "nowhere")
          expected.push_back("needs/mly-001.yaml:" + std::to_string(k * lines + lines) + ":11 error reference");
      }
      auto o = check(with(district(), kNeedFile, file));
      CHECK(o.of("reference") == expected);
    }
    SUBCASE("a need's platform") {
      auto o = check(with(district(), kNeedFile, text_of(district(), kNeedFile) + "platform: nowhere\n"));
      CHECK(o.of("reference") == Strings{"needs/mly-001.yaml:20:11 error reference"});
    }
    SUBCASE("a branch's street") {
      auto o = check(with(district(), kBranchFile,
                          replace(text_of(district(), kBranchFile), "street: nanjingxi", "street: jingansi")));
      CHECK(o.of("reference") == Strings{"branches/meiliyuan.yaml:6:9 error reference"});
    }
    SUBCASE("a plan's branch, an item's needs and platform") {
      std::string plan = replace(text_of(district(), kPlanFile), "branch: meiliyuan", "branch: nobody");
      plan = replace(plan, "needs: [mly-001], approval: self}",
                     "needs: [mly-001, mly-999], platform: mly-x, approval: self}");
      auto o = check(with(district(), kPlanFile, plan));
      CHECK(o.of("reference") == Strings{"plans/meiliyuan-2026.yaml:4:9 error reference",
                                         "plans/meiliyuan-2026.yaml:9:68 error reference",
                                         "plans/meiliyuan-2026.yaml:9:88 error reference"});
      CHECK(o.of("foreign-need") == Strings{});  // nor are the needs of an unknown branch's plan judged
    }
    SUBCASE("a meeting's needs") {
      auto o = check(with(district(), kPlatformFile,
                          replace(text_of(district(), kPlatformFile), "needs: [mly-001]}", "needs: [mly-01]}")));
      CHECK(o.of("reference") == Strings{"platforms/meiliyuan.yaml:10:32 error reference"});
      CHECK(svcorg::l10n::render(o.one("reference").message) ==
            "`meetings[0].needs` names `mly-01`, but there is no Need with that id; did you mean `mly-001`?");
    }
    SUBCASE("a platform owner that names nothing") {
      auto o = check(with(district(), kPlatformFile,
                          replace(text_of(district(), kPlatformFile), "owner: nanjingxi", "owner: nanjinxi")));
      CHECK(o.of() == Strings{"platforms/meiliyuan.yaml:26:8 error reference"});
      CHECK(svcorg::l10n::render(o.one("reference").message) ==
            "`owner` names `nanjinxi`, but there is no Branch, street or District with that id; did you mean "
            "`nanjingxi`?");
      CHECK(svcorg::l10n::render(o.one("reference").message, svcorg::i18n::Lang::ZhCN) ==
            "`owner` 为 `nanjinxi`，但没有编号为 `nanjinxi` 的党组织、街道或区；是不是要写 `nanjingxi`？");
    }
    SUBCASE("participants are text and not checked") {
      auto o =
          check(with(district(), kPlatformFile,
                     replace(text_of(district(), kPlatformFile), "[meiliyuan, 街道房管办]", "[meiliyuan, 不存在]")));
      CHECK(o.of() == Strings{});
    }
  }

  TEST_CASE("platform-level") {
    const std::string platforms = text_of(district(), kPlatformFile);
    SUBCASE("a grassroots platform owned by a street") {
      auto o = check(with(district(), kPlatformFile, replace(platforms, "level: superior", "level: grassroots")));
      CHECK(o.of() == Strings{"platforms/meiliyuan.yaml:27:8 error platform-level"});
    }
    SUBCASE("a service-center platform owned by a branch") {
      auto o = check(with(district(), kPlatformFile, replace(platforms, "level: grassroots", "level: service-center")));
      // By its level the platform is not the branch's (SPEC 2.1), so the branch also lacks one.
      CHECK(o.of() == Strings{"branches/meiliyuan.yaml:1:1 warning required-platform",
                              "platforms/meiliyuan.yaml:6:8 error platform-level"});
    }
    SUBCASE("a superior platform owned by the District") {
      auto o = check(with(district(), kPlatformFile, replace(platforms, "owner: nanjingxi", "owner: jingan")));
      CHECK(o.of() == Strings{});
    }
    SUBCASE("a horizontal platform owned by a branch") {
      auto o = check(with(district(), kPlatformFile, replace(platforms, "level: grassroots", "level: horizontal")));
      CHECK(o.of() == Strings{});
    }
  }
}

TEST_SUITE("validate::resolve_dates") {
  using svcorg::validate::resolve_dates;
  using vtest::date;
  const auto today = date("2026-05-20");

  TEST_CASE("defaults: this year, as of today") {
    auto o = resolve_dates(std::nullopt, std::nullopt, today);
    CHECK(o.year == 2026);
    CHECK(o.as_of == today);
  }
  TEST_CASE("a past year is taken as of its Dec 31") {
    auto o = resolve_dates(2025, std::nullopt, today);
    CHECK(o.year == 2025);
    CHECK(o.as_of == date("2025-12-31"));
  }
  TEST_CASE("the current or a future year is taken as of today") {
    CHECK(resolve_dates(2026, std::nullopt, today).as_of == today);
    CHECK(resolve_dates(2027, std::nullopt, today).as_of == today);
  }
  TEST_CASE("--as-of alone sets the year") {
    auto o = resolve_dates(std::nullopt, date("2024-06-30"), today);
    CHECK(o.year == 2024);
    CHECK(o.as_of == date("2024-06-30"));
  }
  TEST_CASE("both given are kept") {
    auto o = resolve_dates(2025, date("2026-01-31"), today);
    CHECK(o.year == 2025);
    CHECK(o.as_of == date("2026-01-31"));
  }
}
