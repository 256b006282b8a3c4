// End-to-end runs of `svcorg need add` in a copy of the example district: the file
// edited byte for byte, a new file where the layout puts it, CRLF kept, refusals that
// write nothing, and `validate` clean after each add.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "support.hpp"

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_svcorg;

namespace {

struct Copy {
  testing::TempDir dir;
  Copy() { fs::copy(testing::kSource / "examples", dir.path(), fs::copy_options::recursive); }
  fs::path operator/(const char* p) const { return dir.path() / p; }
};

void validate_clean(const Copy& c) {
  const auto r = run_svcorg("validate . --lang en -q", c.dir.path());
  CHECK_MESSAGE(r.exit_code == 0, r.err);
}

const std::string kAdd =
    "need add --lang en --branch meiliyuan --channel visit --category elderly-care --layer branch ";

}  // namespace

TEST_SUITE("e2e-need") {
  TEST_CASE("need add appends to the branch's needs file of the year, keeping every old byte") {
    Copy c;
    const fs::path file = c / "needs/2026/meiliyuan.yaml";
    const std::string old = read_file(file);
    const auto r = run_svcorg(kAdd + "--disposal solve --summary '3号楼加装电梯意见征询' --scope group", c.dir.path());
    CHECK(r.err == "");
    CHECK(r.exit_code == 0);
    CHECK(r.out == "mly-2026-015\n");
    CHECK(read_file(file) == old +
                                 "---\napiVersion: svcorg/v1\nkind: Need\nid: mly-2026-015\nbranch: meiliyuan\n"
                                 "received: 2026-12-31\nchannel: visit\ncategory: elderly-care\n"
                                 "summary: 3号楼加装电梯意见征询\nscope: group\nlayer: branch\ndisposal: solve\n"
                                 "status: received\nevents:\n  - {date: 2026-12-31, status: received}\n");
    validate_clean(c);
    // the next one follows
    CHECK(run_svcorg(kAdd + "--disposal solve --summary again", c.dir.path()).out == "mly-2026-016\n");
    validate_clean(c);
  }

  TEST_CASE("need add reads the repository as validate does: --max-file-size holds") {
    Copy c;
    const fs::path file = c / "needs/2026/meiliyuan.yaml";
    const std::string old = read_file(file);
    const auto r = run_svcorg(kAdd + "--disposal solve --summary x --max-file-size 2000", c.dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(": larger than the limit of 2000 bytes; split it (or raise --max-file-size)\n") !=
          std::string::npos);
    CHECK(read_file(file) == old);  // nothing written
  }

  TEST_CASE("need add accepts the Chinese labels of values, and the branch by its name (the record gets its id)") {
    Copy c;
    const auto r = run_svcorg(
        "need add --lang en --branch 美丽园居民区党总支 --channel 走访 --category 养老服务 --layer 基层党组织 "
        "--disposal "
        "传递需求信息 "
        "--relayed-to 区民政局 --scope 个人 --summary 助餐 --received 2026-12-01 --due 2026-12-20",
        c.dir.path());
    CHECK(r.err == "");
    CHECK(r.out == "mly-2026-015\n");
    const std::string text = read_file(c / "needs/2026/meiliyuan.yaml");
    CHECK(text.substr(text.find("id: mly-2026-015")) ==
          "id: mly-2026-015\nbranch: meiliyuan\nreceived: 2026-12-01\nchannel: visit\ncategory: elderly-care\n"
          "summary: 助餐\nscope: individual\nlayer: branch\ndisposal: relay\nrelayed_to: 区民政局\ndue: 2026-12-20\n"
          "status: received\nevents:\n  - {date: 2026-12-01, status: received}\n");
    validate_clean(c);
  }

  TEST_CASE("need add creates the year's needs file, with the first line of the other needs files") {
    Copy c;
    REQUIRE(!fs::exists(c / "needs/2024"));
    const auto r = run_svcorg(kAdd + "--disposal solve --summary 'Lift: \"3\"' --received 2024-11-05", c.dir.path());
    CHECK(r.err == "");
    CHECK(r.out == "mly-2024-001\n");
    CHECK(read_file(c / "needs/2024/meiliyuan.yaml") ==
          "# yaml-language-server: $schema=../../../schemas/need.schema.json\napiVersion: svcorg/v1\nkind: Need\n"
          "id: mly-2024-001\nbranch: meiliyuan\nreceived: 2024-11-05\nchannel: visit\ncategory: elderly-care\n"
          "summary: \"Lift: \\\"3\\\"\"\nlayer: branch\ndisposal: solve\nstatus: received\nevents:\n"
          "  - {date: 2024-11-05, status: received}\n");
    validate_clean(c);
  }

  TEST_CASE("need add keeps a file's CRLF line ends") {
    Copy c;
    const fs::path file = c / "needs/2026/meiliyuan.yaml";
    std::string crlf;
    for (char ch : read_file(file)) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
    testing::write_file(file, crlf);
    const auto r = run_svcorg(kAdd + "--disposal solve --summary x", c.dir.path());
    CHECK(r.out == "mly-2026-015\n");
    const std::string text = read_file(file);
    CHECK(text.substr(0, crlf.size()) == crlf);
    CHECK(text.substr(crlf.size()) ==
          "---\r\napiVersion: svcorg/v1\r\nkind: Need\r\nid: mly-2026-015\r\nbranch: meiliyuan\r\n"
          "received: 2026-12-31\r\nchannel: visit\r\ncategory: elderly-care\r\nsummary: x\r\nlayer: branch\r\n"
          "disposal: solve\r\nstatus: received\r\nevents:\r\n  - {date: 2026-12-31, status: received}\r\n");
    validate_clean(c);
  }

  TEST_CASE("need add refuses an unknown branch or value (exit 2) and writes nothing") {
    Copy c;
    const std::string old = read_file(c / "needs/2026/meiliyuan.yaml");
    auto r = run_svcorg(
        "need add --lang en --branch meiliyun --channel visit --category elderly-care --layer branch "
        "--disposal solve --summary x",
        c.dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == "svcorg: error: --branch `meiliyun` names no branch; did you mean `meiliyuan`?\n");
    r = run_svcorg(kAdd + "--disposal solv --summary x", c.dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "svcorg: error: --disposal `solv` is not allowed; did you mean `solve`? (allowed: `solve` (策划解决), "
          "`relay` (传递需求信息), or `mobilize` (动员各方力量))\n");
    r = run_svcorg(kAdd + "--disposal solve --summary x --received 2026-02-30", c.dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err == "svcorg: error: --received 2026-02-30 is not a date; write YYYY-MM-DD, e.g. 2026-12-31\n");
    CHECK(read_file(c / "needs/2026/meiliyuan.yaml") == old);
  }

  TEST_CASE("need add refuses a change that adds a validation error (exit 1), byte for byte nothing written") {
    Copy c;
    const std::string old = read_file(c / "needs/2026/meiliyuan.yaml");
    const auto r = run_svcorg(kAdd + "--disposal relay --summary x", c.dir.path());
    CHECK(r.exit_code == 1);
    CHECK(r.out == "");
    CHECK(r.err ==
          "needs/2026/meiliyuan.yaml:288:11: error: `disposal` is `relay` but `relayed_to` is missing; name the "
          "department the need was relayed to in `relayed_to` [relay-target]\n"
          "svcorg: error: this change to needs/2026/meiliyuan.yaml would add the errors above; nothing was written\n");
    CHECK(read_file(c / "needs/2026/meiliyuan.yaml") == old);
    // a new file is not created either
    const auto early =
        run_svcorg(kAdd + "--disposal solve --summary x --received 2024-11-05 --due 2024-11-01", c.dir.path());
    CHECK(early.exit_code == 1);
    CHECK(early.err ==
          "needs/2024/meiliyuan.yaml:12:6: error: `due` (2024-11-01) is before `received` (2024-11-05); a need "
          "falls due on or after the day it was received [date-order]\n"
          "svcorg: error: this change to needs/2024/meiliyuan.yaml would add the errors above; nothing was written\n");
    CHECK(!fs::exists(c / "needs/2024"));
    validate_clean(c);
  }
}

TEST_SUITE("e2e-need") {
  TEST_CASE("need move and feedback take a need through its lifecycle, a forbidden move writing nothing") {
    Copy c;
    const fs::path file = c / "needs/2026/meiliyuan.yaml";
    const std::string old = read_file(file);
    REQUIRE(run_svcorg(kAdd + "--disposal solve --summary x --received 2026-12-01", c.dir.path()).out ==
            "mly-2026-015\n");
    const std::string head = old +
                             "---\napiVersion: svcorg/v1\nkind: Need\nid: mly-2026-015\nbranch: meiliyuan\n"
                             "received: 2026-12-01\nchannel: visit\ncategory: elderly-care\nsummary: x\n"
                             "layer: branch\ndisposal: solve\n";
    std::string events = "  - {date: 2026-12-01, status: received}\n";
    const auto step = [&](const std::string& args, const std::string& status, const std::string& event) {
      CAPTURE(args);
      const auto r = run_svcorg("need move mly-2026-015 --lang en " + args, c.dir.path());
      CHECK(r.err == "");
      CHECK(r.exit_code == 0);
      CHECK(r.out == "");
      events += event;
      CHECK(read_file(file) == head + "status: " + status + "\nevents:\n" + events);
      validate_clean(c);
    };
    step("--to assessed --date 2026-12-02", "assessed", "  - {date: 2026-12-02, status: assessed}\n");
    step("--to 处理中 --date 2026-12-03 --note 已联系物业", "in-progress",
         "  - {date: 2026-12-03, status: in-progress, note: 已联系物业}\n");
    const std::string before = read_file(file);
    const auto refused =
        run_svcorg("need move mly-2026-015 --lang en --to declined --date 2026-12-04 --reason x", c.dir.path());
    CHECK(refused.exit_code == 1);
    CHECK(refused.err ==
          "needs/2026/meiliyuan.yaml:295:5: error: the move from `in-progress` to `declined` is not allowed; from "
          "`in-progress` a need may go to `resolved` or `closed`, or repeat `in-progress` [status-transition]\n"
          "svcorg: error: this change to needs/2026/meiliyuan.yaml would add the errors above; nothing was written\n");
    CHECK(read_file(file) == before);
    step("--to resolved --date 2026-12-05", "resolved", "  - {date: 2026-12-05, status: resolved}\n");
    step("--to in-progress --date 2026-12-06 --note 复发", "in-progress",
         "  - {date: 2026-12-06, status: in-progress, note: 复发}\n");
    step("--to resolved --date 2026-12-08", "resolved", "  - {date: 2026-12-08, status: resolved}\n");
    step("--to closed", "closed", "  - {date: 2026-12-31, status: closed}\n");
    auto r = run_svcorg("need feedback mly-2026-015 --lang en --satisfaction 4", c.dir.path());
    CHECK(r.exit_code == 0);
    CHECK(read_file(file) ==
          head + "status: closed\nevents:\n" + events + "feedback: {satisfaction: 4, date: 2026-12-31}\n");
    r = run_svcorg("need feedback mly-2026-015 --lang en --satisfaction 5 --date 2026-12-10", c.dir.path());
    CHECK(r.exit_code == 0);
    CHECK(read_file(file) ==
          head + "status: closed\nevents:\n" + events + "feedback: {satisfaction: 5, date: 2026-12-10}\n");
    validate_clean(c);
    r = run_svcorg("need move mly-2026-01 --lang en --to closed", c.dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err == "svcorg: error: ID `mly-2026-01` names no need; did you mean `mly-2026-001`?\n");
  }

  TEST_CASE("need move edits a need in the middle of a file and leaves every other byte as it was") {
    Copy c;
    const fs::path file = c / "needs/2026/meiliyuan.yaml";
    std::string expected = read_file(file);
    const size_t start = expected.find("id: mly-2026-004\n");
    REQUIRE(start != std::string::npos);
    // its events end with its feedback line, which follows them
    const size_t feedback = expected.find("feedback: {satisfaction: 5, date: 2026-05-28}\n---\n", start);
    const size_t status = expected.find("status: resolved\n", start);
    REQUIRE(status < feedback);
    expected.insert(feedback, "  - {date: 2026-12-31, status: closed, note: 已回访}\n");
    expected.replace(status, 16, "status: closed");
    const auto r = run_svcorg("need move mly-2026-004 --lang en --to closed --note 已回访", c.dir.path());
    CHECK(r.err == "");
    CHECK(r.exit_code == 0);
    CHECK(read_file(file) == expected);
    validate_clean(c);
  }
}

TEST_SUITE("e2e-need") {
  TEST_CASE("need move refuses a need whose events are a flow list, and says how to write them") {
    Copy c;
    const fs::path file = c / "needs/2026/meiliyuan.yaml";
    std::string text = read_file(file);
    const std::string block =
        "events:\n  - {date: 2026-11-11, status: received}\n  - {date: 2026-11-12, status: assessed}\n"
        "  - {date: 2026-11-14, status: in-progress, note: 已转街道城管中队办理}\n";
    REQUIRE(text.find(block) != std::string::npos);
    text.replace(text.find(block), block.size(),
                 "events: [{date: 2026-11-11, status: received}, {date: 2026-11-12, status: assessed},\n"
                 "  {date: 2026-11-14, status: in-progress, note: 已转街道城管中队办理}]\n");
    testing::write_file(file, text);
    validate_clean(c);
    const auto r = run_svcorg("need move mly-2026-014 --lang en --to resolved", c.dir.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err ==
          "svcorg: error: need mly-2026-014 in needs/2026/meiliyuan.yaml writes its `events` other than as a block "
          "list (`- {date: …, status: …}` lines); write them so, then run the command again\n");
    CHECK(read_file(file) == text);
  }
}
