// render/xlsx: column widths, and a workbook that cannot be written says why and where.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "support.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/render/xlsx.hpp"
#include "svcorg/util/file.hpp"

using svcorg::i18n::Lang;
using svcorg::render::Cell;
using svcorg::render::column_width;
using svcorg::render::Sheet;
using svcorg::render::write_xlsx;
using svcorg::util::Date;

namespace {

Sheet ledger() {
  Sheet s;
  s.name = "台账";
  s.header = {"编号", "受理日期", "摘要", "反馈满意度"};
  s.rows.push_back({Cell::of_text("jl-2025-001"), Cell::of_date(Date::from_ymd(2025, 1, 6)),
                    Cell::of_text("楼宇周边非机动车停放点不足"), Cell::of_int(4)});
  s.rows.push_back({Cell::of_text("=1+1"), Cell::of_date(Date::from_ymd(2025, 1, 7)), Cell::empty(), Cell::empty()});
  return s;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_SUITE("render::xlsx") {
  TEST_CASE("a column is as wide as its longest cell, a CJK character counting 2, plus 2, capped") {
    Sheet s = ledger();
    CHECK(column_width(s, 0) == 13);  // jl-2025-001: 11 columns, wider than 编号 (4)
    CHECK(column_width(s, 1) == 12);  // a date shows as yyyy-mm-dd: 10; the header 受理日期 is 8
    CHECK(column_width(s, 2) == 28);  // 13 CJK characters: 26
    CHECK(column_width(s, 3) == 12);  // the header 反馈满意度 (10) is wider than 4
    s.rows[1][2] = Cell::of_text(std::string(200, 'x'));
    CHECK(column_width(s, 2) == svcorg::render::kMaxColumnWidth);
    s.rows.clear();
    CHECK(column_width(s, 0) == 6);  // the header alone
  }

  TEST_CASE("the same sheets give the same bytes") {
    testing::TempDir dir;
    REQUIRE(write_xlsx((dir.path() / "a.xlsx").string(), {ledger()}, Date::from_ymd(2025, 12, 31)).ok());
    REQUIRE(write_xlsx((dir.path() / "b.xlsx").string(), {ledger()}, Date::from_ymd(2025, 12, 31)).ok());
    const std::string a = slurp(dir.path() / "a.xlsx");
    CHECK(a.substr(0, 2) == "PK");  // a zip
    CHECK(a == slurp(dir.path() / "b.xlsx"));
    REQUIRE(write_xlsx((dir.path() / "c.xlsx").string(), {ledger()}, Date::from_ymd(2026, 1, 1)).ok());
    CHECK(a != slurp(dir.path() / "c.xlsx"));  // the creation time is in the document properties
  }

  TEST_CASE("a text over Excel's limit names the sheet and the cell, in both languages") {
    testing::TempDir dir;
    Sheet s = ledger();
    s.rows[1][2] = Cell::of_text(std::string(32768, 'x'));
    const auto msg = write_xlsx((dir.path() / "tmp").string(), {s}, Date::from_ymd(2025, 12, 31), "台账.xlsx").error();
    CHECK(svcorg::l10n::render(msg, Lang::En) ==
          "cannot write the workbook 台账.xlsx (nothing was written): sheet 台账, cell C3: String exceeds Excel's "
          "limit of 32,767 characters.");
    CHECK(svcorg::l10n::render(msg, Lang::ZhCN) ==
          "无法写入工作簿 台账.xlsx（未写入任何内容）：工作表 台账 单元格 C3：String exceeds Excel's limit of 32,767 "
          "characters.");
  }

  TEST_CASE("a sheet name over Excel's 31 characters is refused") {
    testing::TempDir dir;
    Sheet s = ledger();
    s.name = std::string(32, 'n');
    const auto msg = write_xlsx((dir.path() / "x.xlsx").string(), {s}, Date::from_ymd(2025, 12, 31)).error();
    CHECK(svcorg::l10n::render(msg, Lang::En) ==
          "cannot write the workbook " + (dir.path() / "x.xlsx").string() +
              " (nothing was written): Worksheet name exceeds Excel's limit of 31 characters.");
  }

  TEST_CASE("through write_file_with, a failed workbook leaves the target as it was and no temporary file") {
    testing::TempDir dir;
    const auto target = dir.path() / "scores.xlsx";
    { std::ofstream(target) << "before"; }
    Sheet s = ledger();
    s.rows[0][0] = Cell::of_text(std::string(40000, 'y'));
    const auto written = svcorg::util::write_file_with(target.string(), [&](int, const std::string& temporary) {
      return write_xlsx(temporary, {s}, Date::from_ymd(2025, 12, 31), target.string());
    });
    REQUIRE_FALSE(written);
    CHECK(written.error().id == "render.xlsx.failed");
    CHECK(slurp(target) == "before");
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 1);
  }
}
