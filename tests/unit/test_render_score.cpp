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

// The line of `text` that starts with `start` ("" when none does).
std::string line_from(const std::string& text, const std::string& start) {
  const size_t at = text.find("\n" + start);
  if (at == std::string::npos) return "";
  return text.substr(at + 1, text.find('\n', at + 1) - at - 1);
}

}  // namespace

TEST_SUITE("render score table") {
  TEST_CASE("roll-up lines name the street and the district with their ids") {
    const auto r = rollups_only();
    Names names;
    names.streets["nanjingxi"] = "南京西路街道";
    names.district = "静安区";
    const std::string en = score_table(r, select_all(r), names, Lang::En);
    CHECK(line_from(en, "street ").rfind("street 南京西路街道 (nanjingxi): 0 branches, 0 scored, mean total ", 0) == 0);
    CHECK(line_from(en, "district ").rfind("district 静安区 (jingan): 0 branches", 0) == 0);
    // In Chinese the name already says 街道 and 区.
    const std::string zh = score_table(r, select_all(r), names, Lang::ZhCN);
    CHECK(line_from(zh, "南京西路街道").rfind("南京西路街道（nanjingxi）：党组织0个", 0) == 0);
    CHECK(line_from(zh, "静安区").rfind("静安区（jingan）：党组织0个", 0) == 0);
  }

  TEST_CASE("without names, the ids, said to be a street or the district") {
    const auto r = rollups_only();
    const Names none;
    const std::string en = score_table(r, select_all(r), none, Lang::En);
    CHECK(line_from(en, "street ").rfind("street nanjingxi: 0 branches", 0) == 0);
    CHECK(line_from(en, "district ").rfind("district jingan: 0 branches", 0) == 0);
    const std::string zh = score_table(r, select_all(r), none, Lang::ZhCN);
    CHECK(line_from(zh, "街道 ").rfind("街道 nanjingxi：党组织0个", 0) == 0);
    CHECK(line_from(zh, "区 ").rfind("区 jingan：党组织0个", 0) == 0);
  }
}
