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

TEST_SUITE("edit") {
  const char* const kDocs =
      "# ledger\n"
      "kind: Need\n"
      "id: a-1\n"
      "status: \"received\"  # set by hand\n"
      "events:\n"
      "- date: 2026-01-02\n"
      "  status: received\n"
      "  # a comment in the list\n"
      "\n"
      "# after the list\n"
      "feedback:\n"
      "  satisfaction: 3\n"
      "---\n"
      "kind: Need\n"
      "id: a-2\n"
      "status: received\n"
      "events:\n"
      "  - {date: 2026-01-03, status: received}\n";

  TEST_CASE("move_need appends after the last item's lines at their indentation and sets status and reason") {
    const auto e = edit::move_need(kDocs, "a-1", {"2026-01-05", "declined", std::string("已回复: 不属于职责")},
                                   std::string("不属于本组织职责"));
    CHECK(e.refusal == edit::Refusal::None);
    CHECK(e.text ==
          "# ledger\nkind: Need\nid: a-1\nstatus: declined  # set by hand\nreason: 不属于本组织职责\nevents:\n"
          "- date: 2026-01-02\n  status: received\n"
          "- {date: 2026-01-05, status: declined, note: \"已回复: 不属于职责\"}\n"
          "  # a comment in the list\n\n# after the list\nfeedback:\n  satisfaction: 3\n---\n"
          "kind: Need\nid: a-2\nstatus: received\nevents:\n  - {date: 2026-01-03, status: received}\n");
    const auto last = edit::move_need(kDocs, "a-2", {"2026-01-04", "assessed", std::nullopt}, std::nullopt);
    CHECK(last.text ==
          std::string(kDocs).replace(std::string(kDocs).rfind("status: received\nevents"), 16, "status: assessed") +
              "  - {date: 2026-01-04, status: assessed}\n");
    CHECK(edit::move_need(kDocs, "a-3", {"2026-01-04", "assessed", std::nullopt}, std::nullopt).refusal ==
          edit::Refusal::NotFound);
    CHECK(edit::move_need("kind: Need\nid: f\nstatus: received\nevents: [{date: 2026-01-01, status: received}]\n", "f",
                          {"2026-01-04", "assessed", std::nullopt}, std::nullopt)
              .refusal == edit::Refusal::FlowEvents);
  }

  TEST_CASE("move_need keeps CRLF and a last line without a line end") {
    const std::string crlf =
        "kind: Need\r\nid: c\r\nstatus: received\r\nevents:\r\n  - {date: 2026-01-01, status: received}";
    CHECK(edit::move_need(crlf, "c", {"2026-01-02", "assessed", std::nullopt}, std::nullopt).text ==
          "kind: Need\r\nid: c\r\nstatus: assessed\r\nevents:\r\n  - {date: 2026-01-01, status: received}\r\n"
          "  - {date: 2026-01-02, status: assessed}\r\n");
  }

  TEST_CASE("set_feedback replaces the feedback lines, or adds them after the last field") {
    CHECK(edit::set_feedback(kDocs, "a-1", 5, std::string("2026-02-01")).text ==
          std::string(kDocs).replace(std::string(kDocs).find("feedback:\n  satisfaction: 3\n"), 28,
                                     "feedback: {satisfaction: 5, date: 2026-02-01}\n"));
    CHECK(edit::set_feedback(kDocs, "a-2", 4, std::nullopt).text ==
          std::string(kDocs) + "feedback: {satisfaction: 4}\n");
  }
}
