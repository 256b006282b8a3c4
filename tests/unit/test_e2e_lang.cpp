// End-to-end: the command line's own texts in the chosen language (SPEC 8, Language): the
// errors of the command line follow --lang only (the District is not read yet), what a
// command says once the records are read follows --lang, else the District's `lang`.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support.hpp"
#include "tree_builder.hpp"

namespace fs = std::filesystem;
using testing::run_svcorg;
using testing::write_file;

namespace {

const char* kDates = " --year 2026 --as-of 2026-11-26";

// A zh-CN District, a branch and a need that names no branch: an error.
void make_tree(const fs::path& root) {
  tree::write(root, {{"district.yaml", tree::district("zh-CN").text()},
                     {"branches/meiliyuan.yaml", tree::branch("meiliyuan").text()},
                     {"needs/n1.yaml", tree::need_of_nobody().text()}});
}

// The last `n` lines of `text`.
std::string last_lines(const std::string& text, size_t n) {
  size_t at = text.size();
  for (size_t i = 0; i <= n && at != std::string::npos && at > 0; ++i) at = text.rfind('\n', at - 1);
  return at == std::string::npos ? text : text.substr(at + 1);
}

}  // namespace

TEST_SUITE("e2e lang") {
  TEST_CASE("CLI11's refusals in svcorg's words, in the language --lang names on the command line") {
    auto r = run_svcorg("validate examples --format xml --lang zh-CN");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "svcorg：错误：--format `xml` 不是允许的值（允许的值：`text`、`json`、`sarif`、`junit`、`github` 或 "
          "`gitlab`）\n"
          "加上 --help 可以查看用法。\n");
    r = run_svcorg("validate examples --format xml --lang en");
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "svcorg: error: --format `xml` is not allowed (allowed: `text`, `json`, `sarif`, `junit`, `github`, or "
          "`gitlab`)\nRun with --help for more information.\n");
    // Without --lang, English: the District (zh-CN here) is not read yet.
    CHECK(run_svcorg("validate examples --format xml").err == r.err);

    r = run_svcorg("validate examples --formt json --lang=zh-CN");
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "svcorg：错误：svcorg validate 没有 `--formt` 这个选项，是不是 `--format`？\n加上 --help 可以查看用法。\n");
    CHECK(run_svcorg("validate examples --formt json --lang en").err ==
          "svcorg: error: svcorg validate has no option `--formt`; did you mean `--format`?\n"
          "Run with --help for more information.\n");

    const char* const cases[][3] = {
        {"score examples --year 20x6", "svcorg：错误：--year `20x6` 不是 1 到 9999 之间的整数",
         "svcorg: error: --year `20x6` is not a whole number from 1 to 9999"},
        {"score examples --fail-under high", "svcorg：错误：--fail-under `high` 不是数字",
         "svcorg: error: --fail-under `high` is not a number"},
        {"validate examples --jobs 0", "svcorg：错误：--jobs `0` 不是 1 到 1024 之间的整数",
         "svcorg: error: --jobs `0` is not a whole number from 1 to 1024"},
        {"validate examples --max-depth none", "svcorg：错误：--max-depth `none` 不是大于或等于 1 的整数",
         "svcorg: error: --max-depth `none` is not a whole number of 1 or more"},
        {"validate examples --color purple",
         "svcorg：错误：--color `purple` 不是允许的值（允许的值：`auto`、`always` 或 `never`）",
         "svcorg: error: --color `purple` is not allowed (allowed: `auto`, `always`, or `never`)"},
        {"validate examples --since", "svcorg：错误：--since 后面缺少值",
         "svcorg: error: --since needs a value after it"},
        {"needs examples --received-in-year=maybe", "svcorg：错误：--received-in-year 不带值，单独写即可",
         "svcorg: error: --received-in-year takes no value; give it alone"},
        {"valdate examples",
         "svcorg：错误：没有 `valdate` 这个命令，是不是 `validate`？（可用的命令：`validate`、`needs`、`need`、"
         "`import`、`score`、`export`、`report`、`init`、`schema` 或 `rules`）",
         "svcorg: error: unknown command `valdate`; did you mean `validate`? (commands: `validate`, `needs`, `need`, "
         "`import`, `score`, `export`, `report`, `init`, `schema`, or `rules`)"},
        {"schema plan branch", "svcorg：错误：svcorg schema：多了一个参数 `branch`",
         "svcorg: error: svcorg schema: one argument too many: `branch`"},
    };
    for (const auto& c : cases) {
      // --lang right after the command: an option that wants a value would take it.
      const std::string args = c[0], command = args.substr(0, args.find(' ')), rest = args.substr(command.size());
      CAPTURE(args);
      r = run_svcorg(command + " --lang zh-CN" + rest);
      CHECK(r.exit_code == 2);
      CHECK(r.err == std::string(c[1]) + "\n加上 --help 可以查看用法。\n");
      r = run_svcorg(command + " --lang en" + rest);
      CHECK(r.exit_code == 2);
      CHECK(r.err == std::string(c[2]) + "\nRun with --help for more information.\n");
    }
    // No command at all: the command line has no --lang either.
    CHECK(run_svcorg("").err ==
          "svcorg: error: give a command: `validate`, `needs`, `need`, `import`, `score`, `export`, `report`, `init`, "
          "`schema`, or "
          "`rules`\n"
          "Run with --help for more information.\n");
    // A --lang that is no language is refused in English.
    CHECK(run_svcorg("validate examples --lang fr").err ==
          "svcorg: error: --lang `fr` is not allowed (allowed: `en` or `zh-CN`)\nRun with --help for more "
          "information.\n");
  }

  TEST_CASE("a path that does not exist, before anything is read: --lang decides") {
    auto r = run_svcorg("validate no/such --lang zh-CN");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "svcorg：错误：no/such：没有这个文件或文件夹\n");
    r = run_svcorg("validate no/such --lang en");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "svcorg: error: no/such: no such file or directory\n");
  }

  TEST_CASE("score refuses inputs with errors in the District's language, unless --lang says otherwise") {
    testing::TempDir tmp;
    make_tree(tmp.path());
    auto r = run_svcorg("score . --as-of 2026-06-30", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(
        last_lines(r.err, 2) ==
        "svcorg：3个文件，3条记录：1个错误，2个警告\nsvcorg：错误：输入有错误，请先改正（用 svcorg validate 检查）\n");
    r = run_svcorg("score . --as-of 2026-06-30 --lang en", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(last_lines(r.err, 2) ==
          "svcorg: 3 files, 3 records: 1 error, 2 warnings\n"
          "svcorg: error: the inputs have errors; fix them (svcorg validate) first\n");
  }

  TEST_CASE("a filter naming no branch, in the District's language") {
    auto r = run_svcorg(std::string("needs examples") + kDates + " --branch meiliyan");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "svcorg：错误：--branch `meiliyan`：没有这个编号或名称的党组织，是不是 `meiliyuan`？\n");
    r = run_svcorg(std::string("needs examples") + kDates + " --branch meiliyan --lang en");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "svcorg: error: --branch `meiliyan` names no branch; did you mean `meiliyuan`?\n");
    // score too: a typo in a CI gate's --branch must not pass for a gate on nothing.
    r = run_svcorg(std::string("score examples") + kDates + " -q --fail-under 60 --branch meiliyan");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "svcorg：错误：--branch `meiliyan`：没有这个编号或名称的党组织，是不是 `meiliyuan`？\n");
    r = run_svcorg(std::string("score examples") + kDates + " -q --street nanjingxii --lang en");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "svcorg: error: --street `nanjingxii` names no street; did you mean `nanjingxi`?\n");
  }

  TEST_CASE("a filter may name a branch or a street by its name, as the tables show them") {
    const std::string needs = std::string("needs examples") + kDates + " --format json";
    const auto by_id = run_svcorg(needs + " --branch meiliyuan --street nanjingxi");
    const auto by_name = run_svcorg(needs + " --branch 美丽园居民区党总支 --street 南京西路街道");
    CHECK(by_name.exit_code == 0);
    CHECK(by_name.err == "");
    CHECK(by_name.out == by_id.out);
    const std::string score = std::string("score examples") + kDates + " -q --format json";
    CHECK(run_svcorg(score + " --street 南京西路街道").out == run_svcorg(score + " --street nanjingxi").out);
    CHECK(run_svcorg(score + " --explain 美丽园居民区党总支").out == run_svcorg(score + " --explain meiliyuan").out);
    const std::string report = std::string("report examples") + kDates + " -q --scope ";
    CHECK(run_svcorg(report + "street:南京西路街道").out == run_svcorg(report + "street:nanjingxi").out);
    CHECK(run_svcorg(report + "branch:美丽园居民区党总支").out == run_svcorg(report + "branch:meiliyuan").out);
    CHECK(run_svcorg(report + "branch:meiliyuan").out.find("美丽园居民区党总支") != std::string::npos);
    // A name misspelt: the closest name.
    auto r = run_svcorg(score + " --street 南京西路街");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "svcorg：错误：--street `南京西路街`：没有这个编号或名称的街道，是不是 `南京西路街道`？\n");
  }

  TEST_CASE("a name that more than one branch has is refused, with their ids") {
    testing::TempDir tmp;
    fs::copy(testing::kSource / "examples", tmp.path(), fs::copy_options::recursive);
    const fs::path jiali = tmp.path() / "branches" / "nanjingxi" / "jiali.yaml";
    std::string text = testing::read_file(jiali);
    text.replace(text.find("嘉里中心楼宇党总支"), std::string("嘉里中心楼宇党总支").size(), "美丽园居民区党总支");
    write_file(jiali, text);
    auto r = run_svcorg(std::string("score .") + kDates + " -q --branch 美丽园居民区党总支", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "svcorg：错误：--branch `美丽园居民区党总支`：这个名称对应不止一个编号（`jiali` 和 `meiliyuan`），"
          "请写明要的是哪一个\n");
    r = run_svcorg(std::string("needs .") + kDates + " --lang en --branch 美丽园居民区党总支", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(
        r.err ==
        "svcorg: error: --branch `美丽园居民区党总支` is the name of more than one: `jiali` and `meiliyuan`; give the "
        "id of the one you mean\n");
    r = run_svcorg(std::string("report .") + kDates + " -q --scope branch:美丽园居民区党总支", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "svcorg：错误：--scope `美丽园居民区党总支`：这个名称对应不止一个编号（`jiali` 和 `meiliyuan`），"
          "请写明要的是哪一个\n");
  }

  TEST_CASE("validate's failures reach its reports as messages, in the run's language") {
    // --since fails after the records are read: the District's language (zh-CN); the
    // error on standard error is the failure the -o report carries.
    testing::TempDir tmp;
    const std::string report = (tmp.path() / "x.json").string();
    const std::string args = "validate examples --as-of 2026-11-26 --since=-x -q -o json=" + report;
    auto r = run_svcorg(args);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "svcorg：错误：--since -x：版本 -x 以 '-' 开头，请写提交、分支或标签的名字\n");
    auto doc = nlohmann::json::parse(testing::read_file(report));
    REQUIRE(doc["diagnostics"].size() == 1);
    CHECK(doc["diagnostics"][0]["rule"] == "run-failed");
    CHECK(doc["diagnostics"][0]["message"] ==
          "svcorg validate 未能完成：--since -x：版本 -x 以 '-' 开头，请写提交、分支或标签的名字。"
          "本报告不完整：请先解决这个问题，再运行 svcorg validate。");
    r = run_svcorg(args + " --lang en");
    CHECK(r.err == "svcorg: error: --since -x: revision -x starts with '-'; name a commit, branch or tag\n");
    doc = nlohmann::json::parse(testing::read_file(report));
    CHECK(doc["diagnostics"][0]["message"] ==
          "svcorg validate did not complete: --since -x: revision -x starts with '-'; name a commit, branch or tag. "
          "This report is incomplete: fix that and run svcorg validate again.");
    // Refused before anything is read: --lang's language.
    r = run_svcorg("validate examples --as-of 2026-02-30 --lang zh-CN -o json=" + report);
    CHECK(r.err == "svcorg：错误：--as-of 2026-02-30 不是日期，请写成 YYYY-MM-DD，例如 2026-12-31\n");
    doc = nlohmann::json::parse(testing::read_file(report));
    CHECK(doc["diagnostics"][0]["message"] ==
          "svcorg validate 未能完成：--as-of 2026-02-30 不是日期，请写成 YYYY-MM-DD，例如 2026-12-31。"
          "本报告不完整：请先解决这个问题，再运行 svcorg validate。");
  }

  TEST_CASE("init and schema speak the language of --lang") {
    testing::TempDir tmp;
    auto r = run_svcorg("init new --lang zh-CN", tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("svcorg：已在 new 创建记录库（16个文件）：\n", 0) == 0);
    CHECK(last_lines(r.out, 1).rfind("下一步：把示例记录换成你们自己的记录", 0) == 0);
    r = run_svcorg("init new --lang zh-CN", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind("svcorg：错误：svcorg init 不覆盖任何文件，而它要写的文件中已有16个存在，所以什么也没有写：\n",
                      0) == 0);
    CHECK(last_lines(r.err, 1) == "svcorg：请在新的或空的文件夹中运行（svcorg init DIR），或先把这些文件移走\n");
    CHECK(run_svcorg("schema Plna --lang zh-CN").err ==
          "svcorg：错误：`Plna` 不是记录种类，是不是 `plan`？（种类：`district`、`branch`、`need`、`platform` 或 "
          "`plan`）\n");
  }
}
