// importer/: the CSV reader (encodings, RFC 4180 quoting, structure errors, limits), the
// map file (each error at its place) and the mapping of rows to new needs.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "svcorg/importer/csv.hpp"
#include "svcorg/importer/import.hpp"
#include "svcorg/l10n/catalogue.hpp"

using namespace svcorg;
using importer::CsvReader;
using importer::Encoding;

namespace {

std::string en(const i18n::Message& m) {
  return l10n::render(m, i18n::Lang::En);
}

// Every record as "number@line: field|field", then the errors as "row@line[column]: message".
std::string read_all(std::string_view text, importer::CsvLimits limits = {}) {
  CsvReader reader(text, limits);
  importer::Row row;
  std::string out;
  while (reader.next(row)) {
    out += std::to_string(row.number) + "@" + std::to_string(row.line) + ":";
    for (size_t i = 0; i < row.fields.size(); ++i) out += (i ? "|" : " ") + row.fields[i];
    out += "\n";
  }
  for (const auto& e : reader.errors())
    out += "error " + std::to_string(e.row) + "@" + std::to_string(e.line) +
           (e.column ? "[" + std::to_string(*e.column) + "]" : "") + ": " + en(e.message) + "\n";
  return out;
}

std::optional<std::string> decoded(const std::string& bytes, Encoding asked, Encoding& used, std::string& error) {
  auto text = importer::decode(bytes, asked, used, "export.csv");
  if (!text) {
    error = en(text.error());
    return std::nullopt;
  }
  return *text;
}

}  // namespace

TEST_SUITE("importer") {
  TEST_CASE("decode: UTF-8 with or without a BOM, GB18030/GBK detected, --encoding forced") {
    Encoding used = Encoding::Auto;
    std::string error;
    CHECK(decoded("编号,内容\n1,你好\n", Encoding::Auto, used, error) == "编号,内容\n1,你好\n");
    CHECK(used == Encoding::Utf8);
    CHECK(decoded("\xEF\xBB\xBF编号\n1\n", Encoding::Auto, used, error) == "编号\n1\n");
    CHECK(used == Encoding::Utf8);
    const std::string gbk = "\xB1\xE0\xBA\xC5\x2C\xC4\xDA\xC8\xDD\x0D\x0A\x31\x2C\xC4\xE3\xBA\xC3\x0D\x0A";
    CHECK(decoded(gbk, Encoding::Auto, used, error) == "编号,内容\r\n1,你好\r\n");
    CHECK(used == Encoding::Gb18030);
    CHECK(decoded(gbk, Encoding::Gb18030, used, error) == "编号,内容\r\n1,你好\r\n");
    CHECK_FALSE(decoded(gbk, Encoding::Utf8, used, error));
    CHECK(error ==
          "export.csv:1: error: not UTF-8 text (invalid UTF-8 byte 0xb1); save the export as UTF-8, or give --encoding "
          "gb18030 if it is GBK");
    // a lone lead byte at the end is neither
    CHECK_FALSE(decoded("a\nb\n\x81", Encoding::Auto, used, error));
    CHECK(error ==
          "export.csv:3: error: neither UTF-8 nor GB18030 (GBK) text; open the export in Excel and save it as \"CSV "
          "UTF-8\"");
  }

  TEST_CASE("CSV: LF or CRLF, quoted commas, line breaks and doubled quotes, blank lines skipped") {
    CHECK(read_all("a,b,c\n1,2,3\n") == "1@1: a|b|c\n2@2: 1|2|3\n");
    CHECK(read_all("a,b,c\r\n1,,3\r\n") == "1@1: a|b|c\n2@2: 1||3\n");
    CHECK(read_all("a,b\r\n\"x, y\",\"line 1\r\nline 2\"\r\n\"say \"\"hi\"\"\",z") ==
          "1@1: a|b\n2@2: x, y|line 1\r\nline 2\n3@4: say \"hi\"|z\n");
    CHECK(read_all("a,b\n\n1,2\n,\n3,4\n") == "1@1: a|b\n3@3: 1|2\n5@5: 3|4\n");
    CHECK(read_all("a,b\n1,\n") == "1@1: a|b\n2@2: 1|\n");
    CHECK(read_all("a\n\"\"\n2\n") == "1@1: a\n3@3: 2\n");          // "" is an empty field: skipped
    CHECK(read_all("a,b\n1,x\"y\n") == "1@1: a|b\n2@2: 1|x\"y\n");  // a quote inside a bare field is text
  }

  TEST_CASE("CSV: ragged rows, quotes and limits are errors at their row and line") {
    CHECK(read_all("a,b\n1,2,3\n4\n5,6\n") ==
          "1@1: a|b\n4@4: 5|6\n"
          "error 2@2: 3 fields where the header has 2; a field with a comma or a line break must be in double quotes\n"
          "error 3@3: 1 fields where the header has 2; a field with a comma or a line break must be in double "
          "quotes\n");
    CHECK(read_all("a,b\n1,\"open\nstill\n") ==
          "1@1: a|b\nerror 2@2[1]: a double quote opens a field here and is never closed; close it with `\"`\n");
    CHECK(read_all("a,b\n\"x\"y,2\n") ==
          "1@1: a|b\nerror 2@2[0]: text after the closing double quote of a field; inside a quoted field write a "
          "double quote as `\"\"`\n");
    CHECK(read_all("a\n1\n2\n3\n", {2, 100}) ==
          "1@1: a\n2@2: 1\n3@3: 2\nerror 4@4: more than 2 rows; import the export in parts of at most 2 rows\n");
    CHECK(read_all("a,b\n1,12345\n", {10, 4}) ==
          "1@1: a|b\nerror 2@2[1]: a field longer than 4 bytes; svcorg imports fields of at most 4 bytes\n");
    CHECK(read_all("a,b\n1,\"1\n345\"\n", {10, 4}) ==
          "1@1: a|b\nerror 2@2[1]: a field longer than 4 bytes; svcorg imports fields of at most 4 bytes\n");
  }

  TEST_CASE("dates in a map's formats") {
    CHECK(importer::read_date("2025/3/1", "YYYY/M/D")->str() == "2025-03-01");
    CHECK(importer::read_date("2025/12/31", "YYYY/M/D")->str() == "2025-12-31");
    CHECK(importer::read_date("2025-03-01 14:22:05", "YYYY-MM-DD hh:mm:ss")->str() == "2025-03-01");
    CHECK(importer::read_date("2025年3月1日", "YYYY年M月D日")->str() == "2025-03-01");
    CHECK_FALSE(importer::read_date("2025-3-01", "YYYY-MM-DD"));
    CHECK_FALSE(importer::read_date("2025/2/30", "YYYY/M/D"));
    CHECK_FALSE(importer::read_date("2025-03-01 25:00:00", "YYYY-MM-DD hh:mm:ss"));
    CHECK_FALSE(importer::read_date("2025-03-01 x", "YYYY-MM-DD"));
  }

  TEST_CASE("the map: every error at its place") {
    auto errors_of = [](const std::string& text) {
      importer::Map map;
      std::vector<importer::MapError> errors;
      importer::read_map(text, map, errors);
      std::string out;
      for (const auto& e : errors)
        out += std::to_string(e.pos.line) + ":" + std::to_string(e.pos.col) + ": " + en(e.message) + "\n";
      return out;
    };
    CHECK(errors_of("- a\n") == "1:1: a map file is one YAML mapping with `source`, `case` and `fields`\n");
    CHECK(errors_of("source: x\ncase: [a]\nfeilds: {}\n") ==
          "3:1: unknown key `feilds`; did you mean `fields`? (allowed here: `source`, `case`, or `fields`)\n"
          "2:7: `case` must be a text\n"
          "1:1: the map has no `fields`\n");
    const std::string head = "source: \"12345\"\ncase: 工单编号\nfields:\n";
    CHECK(errors_of(head + "  branch: {column: 居委, table: [a]}\n"
                           "  recieved: {column: 时间}\n"
                           "  channel: {value: 热线, column: 渠道}\n"
                           "  category: {}\n"
                           "  summary: {column: 内容, format: YYYY}\n"
                           "  layer: {value: street, tabel: {}}\n"
                           "  disposal: solve\n"
                           "  due: {column: 时限, format: [YYYY-MM]}\n") ==
          "4:31: `fields.branch.table` must be a mapping of cells to values, e.g. `美丽园居民区: meiliyuan`\n"
          "5:3: `recieved` is not a need field an import fills; did you mean `received`? (fields: `branch`, "
          "`received`, `channel`, `category`, `summary`, `scope`, `layer`, `disposal`, `relayed_to`, or `due`)\n"
          "6:13: `fields.channel` has both `value` and `column`; give one of them\n"
          "7:13: `fields.category` has neither `value` nor `column`; give one of them\n"
          "8:33: `format` is for the date fields `received` and `due`, not `summary`\n"
          "9:26: unknown key `tabel`; did you mean `table`? (allowed here: `value`, `column`, `table`, or `format`)\n"
          "10:13: `fields.disposal` must be a mapping with `column` or `value`\n"
          "11:30: date format `YYYY-MM` needs YYYY, M (or MM) and D (or DD), e.g. `YYYY/M/D`\n"
          "3:1: `fields` has no `received`, which every need has; give it a `column` or a `value`\n");
  }

  TEST_CASE("rows mapped to needs, every bad cell reported at its row, line and column") {
    const std::string map_text =
        "source: \"12345\"\ncase: 编号\nfields:\n"
        "  branch: {column: 居委, table: {美丽园居民区: mly, 华山居民区: hs}}\n"
        "  received: {column: 时间, format: [YYYY/M/D, \"YYYY-MM-DD hh:mm:ss\"]}\n"
        "  channel: {value: 热线}\n"
        "  category: {column: 类别}\n"
        "  summary: {column: 内容}\n"
        "  layer: {value: street}\n"
        "  disposal: {value: 解决}\n"
        "  due: {column: 时限}\n";
    importer::Map map;
    std::vector<importer::MapError> errors;
    REQUIRE(importer::read_map(map_text, map, errors));
    importer::Known known;
    known.branches = {{"mly", {"housing", "elderly-care", "other"}}, {"hs", {"housing"}}};
    known.categories = {"elderly-care", "housing", "other", "talent"};
    known.cases = {"old-1"};
    CHECK(importer::check_map(map, known).empty());

    const std::string csv =
        "编号,时间,居委,类别,内容,时限\n"
        "A1,2025/3/1,美丽园居民区,住房,\"加装\n电梯\",2025-03-20\n"
        "old-1,2025/3/2,没有的居民区,x,y,\n"
        "A2,2025-03-02 14:22:05,华山居民区,养老服务,助餐,\n"
        "A3,2025/13/1,美丽园居委,talentt,,2025-02-01\n"
        "A1,2025/3/1,美丽园居民区,housing,z,\n"
        ",2025/3/1,美丽园居民区,housing,z,\n"
        "A4,2025/3/5,华山居民区,housing,z,2025-03-01\n";
    const importer::Imported got = importer::map_rows(csv, map, known, {});
    CHECK(got.rows == 7);
    CHECK(got.already == 1);
    std::string out;
    for (const auto& e : got.errors)
      out += std::to_string(e.row) + "@" + std::to_string(e.line) + " " + e.column + ": " + en(e.message) + "\n";
    CHECK(out ==
          "4@5 类别: category `elderly-care` is not allowed for branch `hs` (allowed: `housing`)\n"
          "5@6 居委: `美丽园居委` is not in the map's table of `branch`; did you mean `美丽园居民区`? (add it to "
          "`fields.branch.table`)\n"
          "5@6 时间: `2025/13/1` is not a date written as `YYYY/M/D` or `YYYY-MM-DD hh:mm:ss`\n"
          "5@6 类别: `talentt` is not a `category` value; did you mean `talent`? (allowed: `elderly-care`, "
          "`housing`, `other`, or `talent`)\n"
          "5@6 内容: the cell is empty; every need has `summary`\n"
          "6@7 编号: case number `A1` is also in row 2; an export lists each case once\n"
          "7@8 编号: the cell is empty; every need has `x-source.case`\n"
          "8@9 时限: due 2025-03-01 is before received 2025-03-05\n");
    REQUIRE(got.needs.size() == 1);
    const edit::NewNeed& n = got.needs.front().need;
    CHECK(got.needs.front().row == 2);
    CHECK(got.needs.front().line == 2);
    CHECK(n.branch == "mly");
    CHECK(n.received == "2025-03-01");
    CHECK(n.channel == "hotline");
    CHECK(n.category == "housing");
    CHECK(n.summary == "加装\n电梯");
    CHECK(n.layer == "street");
    CHECK(n.disposal == "solve");
    CHECK(n.due == std::optional<std::string>("2025-03-20"));
    CHECK(n.source == std::make_pair(std::string("12345"), std::string("A1")));
  }

  TEST_CASE("the map against the repository and the export's header") {
    const std::string map_text =
        "source: s\ncase: 编号\nfields:\n"
        "  branch: {column: 居委, table: {美丽园居民区: mlyy}}\n"
        "  received: {value: 2025-02-30}\n"
        "  channel: {value: 电话}\n"
        "  category: {value: housing}\n"
        "  summary: {column: 内容}\n"
        "  layer: {value: street}\n"
        "  disposal: {value: solve}\n";
    importer::Map map;
    std::vector<importer::MapError> errors;
    REQUIRE(importer::read_map(map_text, map, errors));
    importer::Known known;
    known.branches = {{"mly", {"housing"}}};
    known.categories = {"housing"};
    std::string out;
    for (const auto& e : importer::check_map(map, known))
      out += std::to_string(e.pos.line) + ":" + std::to_string(e.pos.col) + ": " + en(e.message) + "\n";
    CHECK(out ==
          "4:40: `mlyy` names no branch; did you mean `mly`?\n"
          "5:21: `2025-02-30` is not a date written as `YYYY-MM-DD`\n"
          "6:20: `电话` is not a `channel` value (allowed: `member-contact` (党员联系群众), `reception` "
          "(来访接待), `social-group` (社会组织), `hotline` (热线), `online` (网络), `survey` (调查), "
          "`meeting` (会议), or `visit` (走访))\n");
    const importer::Imported got = importer::map_rows("编号,居委,内溶\n1,美丽园居民区,x\n", map, known, {});
    REQUIRE(got.map_errors.size() == 1);
    CHECK(got.map_errors.front().pos.line == 8);
    CHECK(en(got.map_errors.front().message) ==
          "the export has no column `内容`; did you mean `内溶`? (its columns: `编号`, `居委`, and `内溶`)");
  }
}
