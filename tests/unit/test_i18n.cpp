// The message catalogue (i18n/): both languages of every message, the same placeholders,
// every id the code names exists and every message is used; rendering of arguments.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "support.hpp"
#include "svcorg/l10n/catalogue.hpp"

namespace fs = std::filesystem;
using svcorg::i18n::Lang;
using svcorg::i18n::Message;

namespace {

// Every string literal of lib/ and cli/ that looks like a catalogue id.
std::set<std::string> ids_in_code() {
  const std::regex literal(
      R"re("((?:diag|cmd|cli|yaml|load|model|validate|waive|score|render|ledger|report|rules|init|vcs|scope|cache|plan|util|export|import)\.[a-z0-9.-]+)")re");
  std::set<std::string> out;
  for (const char* dir : {"lib", "cli"})
    for (const auto& e : fs::recursive_directory_iterator(fs::path(testing::kSource) / dir)) {
      const std::string ext = e.path().extension().string();
      if (ext != ".cpp" && ext != ".hpp") continue;
      const std::string text = testing::read_file(e.path());
      for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) {
        const std::string id = (*it)[1];
        const std::string suffix = fs::path(id).extension().string();
        if (suffix != ".yaml" && suffix != ".json" && suffix != ".md") out.insert(id);  // a file name
      }
    }
  return out;
}

}  // namespace

TEST_SUITE("i18n") {
  TEST_CASE("every message has both languages with the same placeholders") {
    const auto entries = svcorg::l10n::entries();
    CHECK(entries.size() > 50);
    for (const auto& e : entries) {
      CAPTURE(e.id);
      const std::string* en = svcorg::l10n::find_template(e.id, Lang::En);
      const std::string* zh = svcorg::l10n::find_template(e.id, Lang::ZhCN);
      REQUIRE(en != nullptr);
      REQUIRE(zh != nullptr);
      CHECK(!en->empty());
      CHECK(!zh->empty());
      auto a = svcorg::l10n::placeholders(*en), b = svcorg::l10n::placeholders(*zh);
      CHECK(std::set<std::string>(a.begin(), a.end()) == std::set<std::string>(b.begin(), b.end()));
      // Chinese prose uses full-width punctuation: no ASCII comma, semicolon or colon
      // followed by a space, and no ASCII parenthesis around Chinese text.
      CHECK_MESSAGE(zh->find(", ") == std::string::npos, *zh);
      CHECK_MESSAGE(zh->find("; ") == std::string::npos, *zh);
    }
  }

  TEST_CASE("every id the code names is in the catalogue, and every message is used") {
    std::set<std::string> catalogue;
    for (const auto& e : svcorg::l10n::entries()) catalogue.insert(e.id);
    const std::set<std::string> used = ids_in_code();
    for (const auto& id : used) {
      CAPTURE(id);
      // A literal that ends in `.` starts a family an id is built from (`rule.` + id …).
      if (id.back() == '.') continue;
      CHECK(catalogue.count(id) == 1);
    }
    // Families whose ids are built at run time: rule summaries, counted nouns, the needs
    // sheet's column headers (render.needs.csv.KEY).
    const std::vector<std::string> families = {"rule.", "diag.count.", "render.needs.csv."};
    for (const auto& id : catalogue) {
      CAPTURE(id);
      bool family = false;
      for (const auto& f : families) family = family || id.rfind(f, 0) == 0;
      if (!family) CHECK(used.count(id) == 1);
    }
  }

  TEST_CASE("arguments render in the message's language") {
    CHECK(svcorg::l10n::prose_date("2025-12-31", Lang::ZhCN) == "2025年12月31日");
    CHECK(svcorg::l10n::prose_date("2026-03-01", Lang::ZhCN) == "2026年3月1日");
    CHECK(svcorg::l10n::prose_date("2026-03-01", Lang::En) == "2026-03-01");
    CHECK(svcorg::l10n::prose_date("soon", Lang::ZhCN) == "soon");
    CHECK(svcorg::l10n::join({"a"}, Lang::En) == "a");
    CHECK(svcorg::l10n::join({"a", "b"}, Lang::En) == "a and b");
    CHECK(svcorg::l10n::join({"a", "b", "c"}, Lang::En, true) == "a, b, or c");
    CHECK(svcorg::l10n::join({"甲", "乙", "丙"}, Lang::ZhCN) == "甲、乙和丙");
    CHECK(svcorg::l10n::join({"甲", "乙"}, Lang::ZhCN, true) == "甲或乙");
    const Message nested("diag.waived.until", {{"date", svcorg::i18n::date("2026-06-30")}});
    CHECK(svcorg::l10n::render(nested, Lang::En) == ", until 2026-06-30");
    CHECK(svcorg::l10n::render(nested, Lang::ZhCN) == "，有效期至2026年6月30日");
    const Message counts("diag.summary.counts",
                         {{"errors", svcorg::i18n::label("status", "resolved")}, {"warnings", Message::verbatim("x")}});
    CHECK(svcorg::l10n::render(counts, Lang::En) == "Resolved, x");
    CHECK(svcorg::l10n::render(counts, Lang::ZhCN) == "已解决，x");
    CHECK(svcorg::l10n::render(svcorg::i18n::codes({"a", "b"}, true), Lang::ZhCN) == "`a` 或 `b`");
    CHECK(svcorg::l10n::join({"`a`", "`b`", "`c`"}, Lang::ZhCN) == "`a`、`b` 和 `c`");
    CHECK(svcorg::l10n::join({"`a`（甲）", "`b`（乙）"}, Lang::ZhCN) == "`a`（甲）和 `b`（乙）");
    // A verbatim text is the same in every language.
    CHECK(svcorg::l10n::render(Message::verbatim("no such file"), Lang::ZhCN) == "no such file");
    CHECK(svcorg::l10n::placeholders("{a} {{b}} {c}{a}") == std::vector<std::string>{"a", "c"});
  }

  TEST_CASE("messages order and compare by their structure, not their language") {
    const Message a("diag.severity.error"), b("diag.severity.warning");
    CHECK(a < b);
    CHECK(a == Message("diag.severity.error"));
    CHECK(a != b);
    CHECK(Message::verbatim("x") == Message::verbatim("x"));
    CHECK(Message::verbatim("x") != Message::verbatim("y"));
  }
}
