// render: display widths, aligned text tables and RFC 4180 CSV.
#include <doctest/doctest.h>

#include "svcorg/render/table.hpp"

using svcorg::render::display_width;
using svcorg::render::Table;

TEST_SUITE("render::display_width") {
  TEST_CASE("ASCII 1, CJK 2, combining marks 0") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("美丽园") == 6);
    CHECK(display_width("A区") == 3);
    CHECK(display_width("，") == 2);       // a full-width comma
    CHECK(display_width("e\u0301") == 1);  // e + combining acute
    CHECK(display_width("—") == 1);
    CHECK(display_width("…") == 1);
    CHECK(display_width("\xff") == 1);  // an invalid byte counts one column
  }
}

TEST_SUITE("render::truncate") {
  using svcorg::render::truncate;

  TEST_CASE("cut to a display width, ending in an ellipsis") {
    CHECK(truncate("short", 10) == "short");
    CHECK(truncate("exactly10!", 10) == "exactly10!");
    CHECK(truncate("longer than ten", 10) == "longer th…");
    CHECK(truncate("美丽园小区加装电梯", 10) == "美丽园小…");       // 8 + 1 columns
    CHECK(truncate("美丽园小区加装电梯", 9) == "美丽园小…");        // 8 + 1: exactly 9
    CHECK(truncate("a美丽园小区", 6) == "a美丽…");                  // 5 + 1
    CHECK(display_width(truncate("美丽园小区加装电梯", 10)) == 9);  // a wide char never splits
    CHECK(truncate("abc", 0).empty());
  }
}

TEST_SUITE("render::render_text") {
  TEST_CASE("columns padded by display width, two spaces apart, header underlined") {
    Table t;
    t.header = {"id", "name", "n"};
    t.rows = {{"a", "美丽园", "7"}, {"bb", "x", "12"}};
    t.right = {2};
    CHECK(svcorg::render::render_text(t) ==
          "id  name     n\n"
          "--  ------  --\n"
          "a   美丽园   7\n"
          "bb  x       12\n");
  }

  TEST_CASE("no trailing spaces, short rows padded with empty cells") {
    Table t;
    t.header = {"a", "summary"};
    t.rows = {{"x"}, {"yyy", "长文本"}};
    CHECK(svcorg::render::render_text(t) ==
          "a    summary\n"
          "---  -------\n"
          "x\n"
          "yyy  长文本\n");
  }

  TEST_CASE("a header only") {
    Table t;
    t.header = {"id", "n"};
    CHECK(svcorg::render::render_text(t) == "id  n\n--  -\n");
  }
}

TEST_SUITE("render::render_csv") {
  using svcorg::render::csv_field;

  TEST_CASE("fields quoted only when they hold a comma, a quote, CR or LF") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("") == "");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("cr\r") == "\"cr\r\"");
    CHECK(csv_field("老旧小区，加装电梯") == "老旧小区，加装电梯");  // a full-width comma is text
    CHECK(csv_field("美丽园,21号") == "\"美丽园,21号\"");
  }

  TEST_CASE("header first, CRLF line ends, no BOM") {
    Table t;
    t.header = {"id", "summary"};
    t.rows = {{"n1", "加装电梯, \"急\""}, {"n2", ""}};
    const std::string csv = svcorg::render::render_csv(t);
    CHECK(csv ==
          "id,summary\r\n"
          "n1,\"加装电梯, \"\"急\"\"\"\r\n"
          "n2,\r\n");
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == std::string::npos);
  }

  TEST_CASE("a text cell a spreadsheet would run as a formula gets a quote mark, inside quotes") {
    CHECK(csv_field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK(csv_field("-1+2") == "\"'-1+2\"");
    CHECK(csv_field("+86 21 1234") == "\"'+86 21 1234\"");
    CHECK(csv_field("@SUM(A1)") == "\"'@SUM(A1)\"");
    CHECK(csv_field("\tx") == "\"'\tx\"");
    CHECK(csv_field("\rx") == "\"'\rx\"");
    CHECK(csv_field("-3") == "\"'-3\"");  // a text that looks like a number is text
    CHECK(csv_field("a=b") == "a=b");     // only the first character counts
    // The numbers svcorg formats itself stay numbers.
    CHECK(csv_field("-3", true) == "-3");
    CHECK(csv_field("-0.50", true) == "-0.50");
  }

  TEST_CASE("numeric columns: numbers as they are, the header and text columns neutralized") {
    Table t;
    t.header = {"-id", "delta"};
    t.numeric = {1};
    t.rows = {{"-x", "-1.50"}, {"=1", "2"}};
    CHECK(svcorg::render::render_csv(t) ==
          "-id,delta\r\n"
          "\"'-x\",-1.50\r\n"
          "\"'=1\",2\r\n");
  }

  TEST_CASE("--excel: a UTF-8 byte order mark before the same bytes") {
    Table t;
    t.header = {"编号", "名称"};
    t.rows = {{"a", "美丽园"}};
    const std::string plain = svcorg::render::render_csv(t);
    CHECK(svcorg::render::render_csv(t, {true}) == "\xEF\xBB\xBF" + plain);
    CHECK(plain == "编号,名称\r\na,美丽园\r\n");
  }
}
