// edit/: the text of a new need, its id, and appending a document byte for byte.
#include <doctest/doctest.h>

#include "svcorg/edit/edit.hpp"

using namespace svcorg;

TEST_SUITE("edit") {
  TEST_CASE("line_end is the first line's") {
    CHECK(edit::line_end("a: 1\r\nb: 2\n") == "\r\n");
    CHECK(edit::line_end("a: 1\nb: 2\r\n") == "\n");
    CHECK(edit::line_end("") == "\n");
  }

  TEST_CASE("append_document keeps the old text and uses its line end") {
    const std::string doc = "kind: Need\nid: a-1\n";
    CHECK(edit::append_document("# c\nkind: Need\n", doc) == "# c\nkind: Need\n---\nkind: Need\nid: a-1\n");
    CHECK(edit::append_document("kind: Need", doc) == "kind: Need\n---\nkind: Need\nid: a-1\n");
    CHECK(edit::append_document("kind: Need\r\n", doc) == "kind: Need\r\n---\r\nkind: Need\r\nid: a-1\r\n");
    CHECK(edit::append_document("# only a comment\n", doc) == "# only a comment\nkind: Need\nid: a-1\n");
    CHECK(edit::append_document("", doc) == doc);
  }

  TEST_CASE("scalar is plain when YAML reads it back as the same text, else double-quoted") {
    CHECK(edit::scalar("3号楼加装电梯意见征询") == "3号楼加装电梯意见征询");
    CHECK(edit::scalar("Lift for building 3") == "Lift for building 3");
    CHECK(edit::scalar("yes") == "\"yes\"");
    CHECK(edit::scalar("2026") == "\"2026\"");
    CHECK(edit::scalar("a: b # c") == "\"a: b # c\"");
    CHECK(edit::scalar("- x") == "\"- x\"");
    CHECK(edit::scalar("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
    CHECK(edit::scalar("two\nlines\x01") == "\"two\\nlines\\x01\"");
    CHECK(edit::scalar("") == "\"\"");
  }

  TEST_CASE("next_need_id follows the branch's pattern of the year, else of any year, else BRANCH-YEAR-001") {
    const std::vector<std::string> mly = {"mly-2025-016", "mly-2025-009", "mly-2026-002", "other"};
    CHECK(edit::next_need_id(mly, "meiliyuan", 2025, mly) == "mly-2025-017");
    CHECK(edit::next_need_id(mly, "meiliyuan", 2026, mly) == "mly-2026-003");
    CHECK(edit::next_need_id(mly, "meiliyuan", 2027, mly) == "mly-2027-001");
    CHECK(edit::next_need_id({}, "hehua", 2026, {}) == "hehua-2026-001");
    CHECK(edit::next_need_id({"hh-2026-7"}, "hehua", 2026, {"hh-2026-7"}) == "hh-2026-8");
    // an id taken by another branch's need is skipped
    CHECK(edit::next_need_id({}, "x", 2026, {"x-2026-001"}) == "x-2026-002");
  }

  TEST_CASE("need_document writes the fields in the reference's order") {
    edit::NewNeed n;
    n.id = "mly-2026-015";
    n.branch = "meiliyuan";
    n.received = "2026-12-31";
    n.channel = "visit";
    n.category = "elderly-care";
    n.summary = "加装电梯";
    n.scope = "group";
    n.layer = "street";
    n.disposal = "relay";
    n.relayed_to = "街道城管中队";
    n.due = "2027-01-31";
    CHECK(edit::need_document(n) ==
          "apiVersion: svcorg/v1\nkind: Need\nid: mly-2026-015\nbranch: meiliyuan\nreceived: 2026-12-31\n"
          "channel: visit\ncategory: elderly-care\nsummary: 加装电梯\nscope: group\nlayer: street\n"
          "disposal: relay\nrelayed_to: 街道城管中队\ndue: 2027-01-31\nstatus: received\nevents:\n"
          "  - {date: 2026-12-31, status: received}\n");
  }
}
