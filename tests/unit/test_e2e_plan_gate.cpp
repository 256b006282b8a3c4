// The merge-request gate on the repository `svcorg init` writes (issue 18, "a gate that
// means something"): `svcorg validate .` passes at the end of every month of 2026, with
// the example plan as written and set to `submitted`, and fails with the plan-quality
// finding when the submitted plan's items answer no need and have no numeric target.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_svcorg;
using testing::write_file;

namespace {

const char* kPlan = "plans/2026/hehua.yaml";

std::vector<std::string> month_ends_2026() {
  return {"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30",
          "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30", "2026-12-31"};
}

// `text` with every line that starts with `prefix` (after its indentation) removed.
std::string without_lines(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  std::string out, line;
  while (std::getline(in, line))
    if (line.find_first_not_of(' ') == std::string::npos ||
        line.compare(line.find_first_not_of(' '), prefix.size(), prefix) != 0)
      out += line + "\n";
  return out;
}

// `text` with its one `status: ...` line set to `status: submitted`; `line` gets its number.
std::string submitted(const std::string& text, int& line) {
  const auto at = text.find("\nstatus: ");
  REQUIRE(at != std::string::npos);
  line = 2;
  for (size_t i = 0; i < at; ++i) line += text[i] == '\n' ? 1 : 0;
  const auto end = text.find('\n', at + 1);
  return text.substr(0, at) + "\nstatus: submitted" + text.substr(end);
}

std::string gate(const fs::path& repo, const std::string& as_of, int& code) {
  const auto r = run_svcorg("validate --lang en --color never --as-of " + as_of + " .", repo);
  code = r.exit_code;
  return r.out + r.err;
}

}  // namespace

TEST_SUITE("e2e plan gate") {
  TEST_CASE("the init repository passes the merge-request gate all year, its plan submitted or not") {
    testing::TempDir tmp;
    REQUIRE(run_svcorg("init -q repo", tmp.path()).exit_code == 0);
    const fs::path repo = tmp.path() / "repo";
    const std::string plan = read_file(repo / kPlan);
    int status_line = 0;
    const std::string as_submitted = submitted(plan, status_line);
    for (const std::string& text : {plan, as_submitted}) {
      write_file(repo / kPlan, text);
      for (const auto& as_of : month_ends_2026()) {
        CAPTURE(as_of);
        int code = -1;
        const std::string out = gate(repo, as_of, code);
        CHECK(code == 0);
        CHECK(out.find(": error: ") == std::string::npos);
        CHECK(out.find(" 0 errors, ") != std::string::npos);
      }
    }
  }

  TEST_CASE("a submitted plan whose items answer no need and have no target fails it, all year") {
    testing::TempDir tmp;
    REQUIRE(run_svcorg("init -q repo", tmp.path()).exit_code == 0);
    const fs::path repo = tmp.path() / "repo";
    int line = 0;
    const std::string weak =
        submitted(without_lines(without_lines(read_file(repo / kPlan), "needs: "), "target: "), line);
    write_file(repo / kPlan, weak);
    const std::string head =
        "plans/2026/hehua.yaml:" + std::to_string(line) + ":9: error: the submitted plan `hehua-2026` has quality ";
    const std::string causes =
        ", below the minimum 0.6: the items `zhucan`, `lajifenlei`, `chongdian`, and `jiazhuang-dianti` answer no "
        "need; the items `zhucan`, `lajifenlei`, `chongdian`, and `jiazhuang-dianti` have no numeric target; list in "
        "each item's `needs` the ids of the needs it answers and give each item a numeric `target.value` "
        "[plan-quality]\n";
    for (const auto& as_of : month_ends_2026()) {
      CAPTURE(as_of);
      int code = -1;
      const std::string out = gate(repo, as_of, code);
      CHECK(code == 1);
      // Linked 0, measurable 0, breadth 1 (4 items); coverage 1 once the first need is in
      // the ledger (February 24), excluded before: q = 1/3 in January, then 1/2.
      const std::string q = as_of == "2026-01-31" ? "0.3333" : "0.5";
      CHECK(out.find(head + q + causes) != std::string::npos);
      CHECK(out.find(": 1 error, ") != std::string::npos);
    }
  }
}
