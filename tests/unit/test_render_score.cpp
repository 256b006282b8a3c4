// render/score_text: the score table's streets and roll-up lines, by name where the
// District gives one and by id where it does not. (The whole table of the example
// district: tests/golden/score/examples-2026.zh-CN.txt.)
#include <doctest/doctest.h>

#include <string>

#include "svcorg/render/names.hpp"
#include "svcorg/render/score.hpp"
#include "svcorg/score/score.hpp"

using svcorg::i18n::Lang;
using svcorg::render::Names;
using svcorg::render::score_table;
using svcorg::render::select_all;

namespace {

// A result with no branches: one street and the district, each with no figures.
svcorg::score::Result rollups_only() {
  svcorg::score::Result r;
  r.year = 2026;
  r.as_of = *svcorg::util::Date::parse("2026-12-31");
  r.base_weight = 0.35;
  r.streets.emplace_back().id = "nanjingxi";
  r.district.id = "jingan";
  return r;
}

// The table's last two lines, the street's and the district's roll-ups, start with
// `street` and `district`.
void check_rollups(const Names& names, Lang lang, const std::string& street, const std::string& district) {
  const auto r = rollups_only();
  const std::string table = score_table(r, select_all(r), names, lang);
  const size_t last = table.rfind('\n', table.size() - 2), before = table.rfind('\n', last - 1);
  REQUIRE(before != std::string::npos);
  const std::string street_line = table.substr(before + 1, last - before - 1), district_line = table.substr(last + 1);
  CHECK_MESSAGE(street_line.rfind(street, 0) == 0, street_line);
  CHECK_MESSAGE(district_line.rfind(district, 0) == 0, district_line);
}

}  // namespace

TEST_SUITE("render score table") {
  TEST_CASE("roll-up lines name the street and the district with their ids") {
    Names names;
    names.streets["nanjingxi"] = "南京西路街道";
    names.district = "静安区";
    check_rollups(names, Lang::En, "street 南京西路街道 (nanjingxi): 0 branches, 0 scored, mean total —",
                  "district 静安区 (jingan): 0 branches");
    // In Chinese the name already says 街道 and 区.
    check_rollups(names, Lang::ZhCN, "南京西路街道（nanjingxi）：党组织0个", "静安区（jingan）：党组织0个");
  }

  TEST_CASE("without names, the ids, said to be a street or the district") {
    check_rollups({}, Lang::En, "street nanjingxi: 0 branches", "district jingan: 0 branches");
    check_rollups({}, Lang::ZhCN, "街道 nanjingxi：党组织0个", "区 jingan：党组织0个");
  }
}
