// End-to-end runs of `svcorg import needs` in copies of the example district: UTF-8, with
// a BOM and in GBK; quoted line breaks and doubled quotes; a bad row (nothing written, every
// file byte-identical); the same export twice; a dry run; the example 12345 export of
// examples-import/; the documented limits on hostile input.
#include <doctest/doctest.h>
#include <iconv.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "support.hpp"

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_svcorg;
using testing::write_file;

namespace {

struct Copy {
  testing::TempDir dir;   // the records repository
  testing::TempDir side;  // the export and the map, outside it
  Copy() { fs::copy(testing::kSource / "examples", dir.path(), fs::copy_options::recursive); }
  fs::path operator/(const char* p) const { return dir.path() / p; }
  std::string at(const char* name) const { return (side.path() / name).string(); }
};

// Every file of the repository with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out[fs::relative(e.path(), root).string()] = read_file(e.path());
  return out;
}

void validate_clean(const Copy& c) {
  const auto r = run_svcorg("validate . --lang en -q", c.dir.path());
  CHECK_MESSAGE(r.exit_code == 0, r.err);
}

const std::string kMap =
    "source: \"12345\"\n"
    "case: 工单编号\n"
    "fields:\n"
    "  branch: {column: 所属居委, table: {美丽园居民区: meiliyuan, 华山居民区: huashan}}\n"
    "  received: {column: 来电时间, format: [\"YYYY-MM-DD hh:mm:ss\", YYYY/M/D]}\n"
    "  channel: {value: 热线}\n"
    "  category: {column: 诉求类别, table: {物业管理: housing, 养老服务: elderly-care}}\n"
    "  summary: {column: 诉求内容}\n"
    "  layer: {value: 街道}\n"
    "  disposal: {value: solve}\n"
    "  due: {column: 办结时限, format: YYYY/M/D}\n";

const std::string kExport =
    "工单编号,来电时间,诉求类别,诉求内容,所属居委,办理状态,办结时限\r\n"
    "2026120100001,2026-12-01 "
    "09:12:30,物业管理,\"延安西路379弄电梯停运，\r\n老人下楼困难\",美丽园居民区,已派单,2026/12/16\r\n"
    "2026120100002,2026/12/1,养老服务,\"询问\"\"老伙伴\"\"计划\",华山居民区,处理中,\r\n"
    "2026120200003,2026-12-02 14:00:00,养老服务,助餐,美丽园居民区,已受理,\r\n";

const std::string kMeiliyuan =
    "---\napiVersion: svcorg/v1\nkind: Need\nid: mly-2026-015\nbranch: meiliyuan\nreceived: 2026-12-01\n"
    "channel: hotline\ncategory: housing\nsummary: \"延安西路379弄电梯停运，\\n老人下楼困难\"\nlayer: street\n"
    "disposal: solve\ndue: 2026-12-16\nstatus: received\nevents:\n  - {date: 2026-12-01, status: received}\n"
    "x-source: {system: \"12345\", case: \"2026120100001\"}\n"
    "---\napiVersion: svcorg/v1\nkind: Need\nid: mly-2026-016\nbranch: meiliyuan\nreceived: 2026-12-02\n"
    "channel: hotline\ncategory: elderly-care\nsummary: 助餐\nlayer: street\ndisposal: solve\nstatus: received\n"
    "events:\n  - {date: 2026-12-02, status: received}\nx-source: {system: \"12345\", case: \"2026120200003\"}\n";
const std::string kHuashan =
    "---\napiVersion: svcorg/v1\nkind: Need\nid: hs-2026-012\nbranch: huashan\nreceived: 2026-12-01\n"
    "channel: hotline\ncategory: elderly-care\nsummary: \"询问\\\"老伙伴\\\"计划\"\nlayer: street\ndisposal: solve\n"
    "status: received\nevents:\n  - {date: 2026-12-01, status: received}\n"
    "x-source: {system: \"12345\", case: \"2026120100002\"}\n";

std::string gbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size(), out_left = out.size();
  char* to = out.data();
  REQUIRE(iconv(cd, &in, &in_left, &to, &out_left) != static_cast<size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

std::string import_args(const Copy& c, const char* lang = "en") {
  return "import needs '" + c.at("export.csv") + "' --map '" + c.at("map.yaml") + "' --lang " + lang;
}

// Imports `export_bytes` into a fresh copy; checks the output and the two files.
void imports_as_expected(const std::string& export_bytes) {
  Copy c;
  write_file(c.at("map.yaml"), kMap);
  write_file(c.at("export.csv"), export_bytes);
  const std::string mly = read_file(c / "needs/2026/meiliyuan.yaml");
  const std::string hs = read_file(c / "needs/2026/huashan.yaml");
  const auto r = run_svcorg(import_args(c), c.dir.path());
  CHECK(r.err == "");
  CHECK(r.out == "svcorg: 3 needs added to 2 files, 0 rows already imported\n");
  CHECK(r.exit_code == 0);
  CHECK(read_file(c / "needs/2026/meiliyuan.yaml") == mly + kMeiliyuan);
  CHECK(read_file(c / "needs/2026/huashan.yaml") == hs + kHuashan);
  validate_clean(c);
}

}  // namespace

TEST_SUITE("e2e-import") {
  TEST_CASE("import needs: UTF-8, quoted line breaks and doubled quotes, ids after the branch's") {
    imports_as_expected(kExport);
  }
  TEST_CASE("import needs: UTF-8 with a BOM") {
    imports_as_expected("\xEF\xBB\xBF" + kExport);
  }
  TEST_CASE("import needs: GBK as Excel on Chinese Windows saves it") {
    imports_as_expected(gbk(kExport));
  }

  TEST_CASE("import needs: the same export twice adds nothing, and a dry run writes nothing") {
    Copy c;
    write_file(c.at("map.yaml"), kMap);
    write_file(c.at("export.csv"), kExport);
    const auto before = snapshot(c.dir.path());
    const auto dry = run_svcorg(import_args(c) + " --dry-run", c.dir.path());
    CHECK(dry.err == "");
    CHECK(dry.exit_code == 0);
    CHECK(dry.out == "# needs/2026/meiliyuan.yaml: 2 needs added\n" + kMeiliyuan +
                         "# needs/2026/huashan.yaml: 1 need added\n" + kHuashan +
                         "svcorg: dry run: 3 needs would be added to 2 files, 0 rows already imported; nothing was "
                         "written\n");
    CHECK(snapshot(c.dir.path()) == before);
    REQUIRE(run_svcorg(import_args(c), c.dir.path()).exit_code == 0);
    const auto once = snapshot(c.dir.path());
    const auto again = run_svcorg(import_args(c), c.dir.path());
    CHECK(again.err == "");
    CHECK(again.out == "svcorg: 0 needs added to 0 files, 3 rows already imported\n");
    CHECK(again.exit_code == 0);
    CHECK(snapshot(c.dir.path()) == once);
    // a later export with one new row adds that one
    write_file(c.at("export.csv"), kExport + "2026120300004,2026/12/3,物业管理,楼道灯坏了,华山居民区,已受理,\n");
    const auto more = run_svcorg(import_args(c, "zh-CN"), c.dir.path());
    CHECK(more.out == "svcorg：1条需求已加入1个文件，3行此前已导入\n");
    CHECK(read_file(c / "needs/2026/huashan.yaml").find("id: hs-2026-013\n") != std::string::npos);
    validate_clean(c);
  }

  TEST_CASE("import needs: a bad row writes nothing and every bad row is reported at its place") {
    Copy c;
    write_file(c.at("map.yaml"), kMap);
    write_file(c.at("export.csv"), kExport +
                                       "2026120300004,2026-12-32 08:00:00,物业管理,x,美丽园居委,已受理,\r\n"
                                       "2026120300005,2026/12/3,绿化,\"多行\r\n内容\",华山居民区,已受理,\r\n"
                                       "2026120300006,2026/12/3,物业管理,,华山居民区,已受理,2026/12/1\r\n");
    const auto before = snapshot(c.dir.path());
    const std::string csv = c.at("export.csv");
    auto r = run_svcorg(import_args(c), c.dir.path());
    CHECK(r.out == "");
    CHECK(r.exit_code == 1);
    CHECK(r.err ==
          csv +
              ":6: error: row 5, column `所属居委`: `美丽园居委` is not in the map's table of `branch`; did you mean "
              "`美丽园居民区`? (add it to `fields.branch.table`)\n" +
              csv +
              ":6: error: row 5, column `来电时间`: `2026-12-32 08:00:00` is not a date written as "
              "`YYYY-MM-DD hh:mm:ss` or `YYYY/M/D`\n" +
              csv +
              ":7: error: row 6, column `诉求类别`: `绿化` is not in the map's table of `category` (add it to "
              "`fields.category.table`)\n" +
              csv + ":9: error: row 7, column `诉求内容`: the cell is empty; every need has `summary`\n" + csv +
              ":9: error: row 7, column `办结时限`: due 2026-12-01 is before received 2026-12-03\n"
              "svcorg: error: 3 rows of the export cannot be imported (above); nothing was written\n");
    CHECK(snapshot(c.dir.path()) == before);
    r = run_svcorg(import_args(c, "zh-CN"), c.dir.path());
    CHECK(r.err.substr(0, r.err.find('\n')) ==
          csv +
              ":6: 错误：第5行 `所属居委` 列：`美丽园居委` 不在映射文件 `branch` 的对照表中，是不是 `美丽园居民区`？"
              "（请把它加到 `fields.branch.table`）");
    CHECK(r.err.substr(r.err.rfind("svcorg")) == "svcorg：错误：导出文件中有3行无法导入（见上）；没有写入任何内容\n");
    CHECK(snapshot(c.dir.path()) == before);
  }

  TEST_CASE("import needs: a map error, a map inside the repository, a forced encoding that does not fit") {
    Copy c;
    write_file(c.at("map.yaml"), kMap + "  scope: {value: everyone}\n");
    write_file(c.at("export.csv"), gbk(kExport));
    auto r = run_svcorg(import_args(c), c.dir.path());
    CHECK(r.err ==
          c.at("map.yaml") +
              ":12:18: error: `everyone` is not a `scope` value (allowed: `individual` (个人), `group` (群体), "
              "or `area` (区域))\nsvcorg: error: correct the map file (above); nothing was written\n");
    CHECK(r.exit_code == 1);
    write_file(c.at("map.yaml"), kMap);
    r = run_svcorg(import_args(c) + " --encoding utf-8", c.dir.path());
    CHECK(r.err == c.at("export.csv") +
                       ":1: error: not UTF-8 text (invalid UTF-8 byte 0xb9); save the export as UTF-8, or give "
                       "--encoding gb18030 if it is GBK\nsvcorg: error: correct the export (above); nothing was "
                       "written\n");
    CHECK(r.exit_code == 1);
    write_file(c / "map.yaml", kMap);
    r = run_svcorg("import needs '" + c.at("export.csv") + "' --map map.yaml --lang en", c.dir.path());
    CHECK(r.err ==
          "svcorg: error: the map file map.yaml is in the records repository, where every command would "
          "read it as records; keep it outside, e.g. next to the export\n");
    CHECK(r.exit_code == 2);
  }

  TEST_CASE("import needs: the example 12345 export imports into the example district, once") {
    Copy c;
    const std::string args = "import needs '" + (testing::kSource / "examples-import/12345-2026-11.csv").string() +
                             "' --map '" + (testing::kSource / "examples-import/12345.map.yaml").string() +
                             "' --lang en";
    const auto r = run_svcorg(args, c.dir.path());
    CHECK(r.err == "");
    CHECK(r.out == "svcorg: 32 needs added to 10 files, 0 rows already imported\n");
    validate_clean(c);
    const auto again = run_svcorg(args, c.dir.path());
    CHECK(again.out == "svcorg: 0 needs added to 0 files, 32 rows already imported\n");
  }

  TEST_CASE("import needs: more than 1,000,000 rows, a field over 1 MiB: clear errors, nothing written") {
    Copy c;
    write_file(c.at("map.yaml"), kMap);
    const std::string csv = c.at("export.csv");
    {
      std::string text = "工单编号\n";
      text.reserve(text.size() + 1'000'001 * 2);
      for (int i = 0; i < 1'000'001; ++i) text += "1\n";
      write_file(csv, text);
    }
    auto r = run_svcorg(import_args(c), c.dir.path());
    CHECK(r.err == csv +
                       ":1000002: error: row 1000002: more than 1000000 rows; import the export in parts of at "
                       "most 1000000 rows\nsvcorg: error: correct the export (above); nothing was written\n");
    CHECK(r.exit_code == 1);
    {
      std::ofstream out(csv, std::ios::binary);
      out << "工单编号,诉求内容\n1,";
      const std::string mib(1 << 20, 'x');
      for (int i = 0; i < 100; ++i) out << mib;
      out << "\n";
    }
    r = run_svcorg(import_args(c), c.dir.path());
    CHECK(r.err == csv +
                       ":2: error: row 2, column `诉求内容`: a field longer than 1048576 bytes; svcorg imports "
                       "fields of at most 1048576 bytes\nsvcorg: error: correct the export (above); nothing was "
                       "written\n");
    CHECK(r.exit_code == 1);
    fs::remove(csv);
  }
}
