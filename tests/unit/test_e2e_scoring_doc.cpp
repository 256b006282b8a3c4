// docs/SCORING.md and docs/zh-CN/SCORING.md against the real binary, so that a change of
// the scoring model or of the example district fails until the pages are updated:
// - a table after `<!-- figures: svcorg ARGS -->` holds rows `| what | figure | `KEY` |`;
//   each figure must equal the value at KEY of the JSON `svcorg ARGS` prints (KEY is a
//   path: `branches[meiliyuan].needs.resolution_rate`, `[ID]` picking the array element
//   whose `id` is ID); after `<!-- figures: built-in model -->`, KEY is a path in the
//   built-in model document (lib/svcorg/rules/defaults.yaml);
// - the code block after `<!-- output: svcorg ARGS -->` is byte for byte what it prints.
// The two languages carry the same checks, in the same order; an output block is run
// with `--lang en` on the English page and `--lang zh-CN` on the Chinese one. The pages' links, and the
// READMEs', stay in the repository and their `#anchors` name headings that exist.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "support.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/yaml/tree.hpp"

namespace fs = std::filesystem;
using testing::kSource;

namespace {

const std::string kBuiltinModel = "built-in model";

struct Figure {
  std::string command, key, figure;
  int line = 0;
  std::string str() const { return command + " | " + key + " | " + figure; }
};

struct Output {
  std::string command, text;
  int line = 0;
};

struct Page {
  std::vector<Figure> figures;
  std::vector<Output> outputs;
};

using testing::lines_of;

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

std::string unquote(std::string s) {
  s = trim(s);
  if (s.size() >= 2 && s.front() == '`' && s.back() == '`') s = s.substr(1, s.size() - 2);
  return s;
}

std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> out;
  size_t start = 1;  // after the leading '|'
  for (size_t bar; (bar = row.find('|', start)) != std::string::npos; start = bar + 1)
    out.push_back(trim(row.substr(start, bar - start)));
  return out;
}

// The marked tables and blocks of a page.
Page read_page(const fs::path& path) {
  const auto lines = lines_of(testing::read_file(path));
  const std::regex marker(R"(^<!-- (figures|output): (.*) -->$)");
  Page page;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    if (!std::regex_match(lines[i], m, marker)) continue;
    const std::string kind = m[1], command = m[2];
    const int line = static_cast<int>(i) + 1;
    CAPTURE(line);
    if (kind == "output") {
      REQUIRE(i + 1 < lines.size());
      REQUIRE(lines[i + 1] == "```text");
      std::string text;
      size_t j = i + 2;
      for (; j < lines.size() && lines[j] != "```"; ++j) text += lines[j] + "\n";
      REQUIRE(j < lines.size());
      page.outputs.push_back({command, text, line});
      i = j;
      continue;
    }
    // A table: its header and separator rows, then one figure a row.
    REQUIRE(i + 3 < lines.size());
    REQUIRE(lines[i + 1].rfind("| ", 0) == 0);
    REQUIRE(lines[i + 2].rfind("|---", 0) == 0);
    size_t j = i + 3;
    for (; j < lines.size() && lines[j].rfind("|", 0) == 0; ++j) {
      const auto c = cells(lines[j]);
      CAPTURE(lines[j]);
      REQUIRE(c.size() == 3);
      page.figures.push_back({command, unquote(c[2]), unquote(c[1]), static_cast<int>(j) + 1});
    }
    REQUIRE(j > i + 3);
    i = j;
  }
  return page;
}

// `svcorg ARGS` run in the source folder, its standard output (it must succeed).
std::string output_of(const std::string& command) {
  static std::map<std::string, std::string> runs;
  auto it = runs.find(command);
  if (it != runs.end()) return it->second;
  REQUIRE(command.rfind("svcorg ", 0) == 0);
  const auto r = testing::run_svcorg(command.substr(7));
  CAPTURE(r.err);
  REQUIRE(r.exit_code == 0);
  return runs.emplace(command, r.out).first->second;
}

// The key's segments: `a[b].c` is {a, [b], c}.
std::vector<std::string> segments(const std::string& key) {
  std::vector<std::string> out;
  const std::regex segment(R"(([A-Za-z0-9_-]+)|\[([^\]]+)\])");
  for (auto it = std::sregex_iterator(key.begin(), key.end(), segment); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].matched ? (*it)[1].str() : "[" + (*it)[2].str() + "]");
  return out;
}

std::optional<nlohmann::json> json_at(const nlohmann::json& doc, const std::string& key) {
  const nlohmann::json* at = &doc;
  for (const auto& s : segments(key)) {
    if (s.front() == '[') {
      if (!at->is_array()) return std::nullopt;
      const std::string id = s.substr(1, s.size() - 2);
      const nlohmann::json* found = nullptr;
      for (const auto& e : *at)
        if (e.is_object() && e.value("id", "") == id) found = &e;
      if (!found) return std::nullopt;
      at = found;
    } else {
      if (!at->is_object() || !at->contains(s)) return std::nullopt;
      at = &(*at)[s];
    }
  }
  return *at;
}

std::optional<std::string> model_at(const std::string& key) {
  const svcorg::yaml::Node* at = &svcorg::rules::builtin_model();
  for (const auto& s : segments(key)) {
    at = at->is_map() ? at->find(s) : nullptr;
    if (!at) return std::nullopt;
  }
  if (!at->is_scalar()) return std::nullopt;
  return at->value;
}

bool same_number(const std::string& figure, double value) {
  char* end = nullptr;
  const double f = std::strtod(figure.c_str(), &end);
  return !figure.empty() && *end == '\0' && std::fabs(f - value) < 1e-9;
}

// The figure as the page writes it against the value svcorg gives.
void check_figure(const Figure& f) {
  CAPTURE(f.line);
  CAPTURE(f.key);
  CAPTURE(f.figure);
  if (f.command == kBuiltinModel) {
    const auto v = model_at(f.key);
    REQUIRE(v.has_value());
    CAPTURE(*v);
    char* end = nullptr;
    const double number = std::strtod(v->c_str(), &end);
    if (!v->empty() && *end == '\0')
      CHECK(same_number(f.figure, number));
    else
      CHECK(f.figure == *v);
    return;
  }
  const auto v = json_at(nlohmann::json::parse(output_of(f.command)), f.key);
  REQUIRE(v.has_value());
  CAPTURE(v->dump());
  if (v->is_number())
    CHECK(same_number(f.figure, v->get<double>()));
  else if (v->is_string())
    CHECK(f.figure == v->get<std::string>());
  else
    CHECK(f.figure == v->dump());  // true, false, null
}

const fs::path kEnglish = kSource / "docs" / "SCORING.md";
const fs::path kChinese = kSource / "docs" / "zh-CN" / "SCORING.md";

// GitHub's anchor of a heading: lower case, spaces as '-', punctuation dropped (ASCII
// punctuation but '-' and '_', general punctuation, CJK and full-width punctuation).
std::string anchor(const std::string& heading) {
  std::string out;
  for (size_t i = 0; i < heading.size();) {
    const auto c = static_cast<unsigned char>(heading[i]);
    if (c < 0x80) {
      if (std::isalnum(c))
        out += static_cast<char>(std::tolower(c));
      else if (c == ' ')
        out += '-';
      else if (c == '-' || c == '_')
        out += static_cast<char>(c);
      ++i;
      continue;
    }
    const size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(heading[i + k]) & 0x3F);
    const bool punctuation = (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
                             (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
                             (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xB7;
    if (!punctuation) out += heading.substr(i, n);
    i += n;
  }
  return out;
}

// A Markdown text's headings, as anchors (code blocks skipped).
std::vector<std::string> anchors_of(const std::string& text) {
  std::vector<std::string> out;
  bool in_code = false;
  for (const auto& line : lines_of(text)) {
    if (line.rfind("```", 0) == 0)
      in_code = !in_code;
    else if (!in_code && line.rfind("#", 0) == 0 && line.find(' ') != std::string::npos)
      out.push_back(anchor(trim(line.substr(line.find(' ')))));
  }
  return out;
}

struct Link {
  std::string target, file, fragment;
};

// The targets of a Markdown text's inline links, `[text](target)`.
std::vector<Link> links(const std::string& text) {
  std::vector<Link> out;
  const std::regex link(R"(\]\(([^)\s]+)\))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), link); it != std::sregex_iterator(); ++it) {
    const std::string target = (*it)[1];
    const size_t hash = target.find('#');
    out.push_back({target, target.substr(0, hash), hash == std::string::npos ? "" : target.substr(hash + 1)});
  }
  return out;
}

}  // namespace

TEST_SUITE("e2e scoring doc") {
  TEST_CASE("every figure of the worked examples is what svcorg prints") {
    for (const auto& path : {kEnglish, kChinese}) {
      CAPTURE(path.string());
      const Page page = read_page(path);
      REQUIRE(page.figures.size() >= 50);
      for (const auto& f : page.figures) check_figure(f);
    }
  }

  TEST_CASE("every marked output block is byte for byte what svcorg prints") {
    for (const auto& path : {kEnglish, kChinese}) {
      CAPTURE(path.string());
      const Page page = read_page(path);
      REQUIRE(!page.outputs.empty());
      for (const auto& o : page.outputs) {
        CAPTURE(o.line);
        const auto want = lines_of(output_of(o.command)), have = lines_of(o.text);
        for (size_t i = 0; i < std::max(want.size(), have.size()); ++i) {
          CAPTURE(i + 1);
          CHECK((i < have.size() ? have[i] : "(no line)") == (i < want.size() ? want[i] : "(no line)"));
        }
        CHECK(o.text.size() == output_of(o.command).size());  // line ends included
      }
    }
  }

  TEST_CASE("the English and the Chinese page carry the same checks") {
    const Page en = read_page(kEnglish), zh = read_page(kChinese);
    REQUIRE(en.figures.size() == zh.figures.size());
    for (size_t i = 0; i < en.figures.size(); ++i) {
      CAPTURE(en.figures[i].line);
      CAPTURE(zh.figures[i].line);
      CHECK(en.figures[i].str() == zh.figures[i].str());
    }
    // The same outputs, each page's in its language (the texts are checked against
    // svcorg above).
    REQUIRE(en.outputs.size() == zh.outputs.size());
    for (size_t i = 0; i < en.outputs.size(); ++i) {
      CAPTURE(en.outputs[i].command);
      const std::string en_tail = " --lang en", zh_tail = " --lang zh-CN";
      const std::string& a = en.outputs[i].command;
      const std::string& b = zh.outputs[i].command;
      REQUIRE(a.size() > en_tail.size());
      REQUIRE(b.size() > zh_tail.size());
      CHECK(a.substr(a.size() - en_tail.size()) == en_tail);
      CHECK(b.substr(b.size() - zh_tail.size()) == zh_tail);
      CHECK(a.substr(0, a.size() - en_tail.size()) == b.substr(0, b.size() - zh_tail.size()));
    }
  }

  // The scoring pages' links must all reach a file and heading. The READMEs' links must stay
  // in the repository and reach the headings of the files that exist: they also list the
  // documents other changes add (docs/RECORDS.md, …), which may land later.
  TEST_CASE("the pages link only within the repository, to headings that exist") {
    const fs::path readmes[] = {kSource / "README.md", kSource / "README.zh-CN.md", kSource / "examples" / "README.md"};
    for (const auto& path : {kEnglish, kChinese, readmes[0], readmes[1], readmes[2]}) {
      CAPTURE(path.string());
      const bool must_exist = path == kEnglish || path == kChinese;
      const std::string text = testing::read_file(path);
      for (const Link& link : links(text)) {
        const std::string& target = link.target;  // no structured binding: clang 14 cannot capture one
        CAPTURE(target);
        CHECK(target.find("://") == std::string::npos);
        const fs::path resolved = fs::weakly_canonical(link.file.empty() ? path : path.parent_path() / link.file);
        CHECK(resolved.string().rfind(fs::weakly_canonical(kSource).string() + "/", 0) == 0);
        if (must_exist) CHECK(fs::exists(resolved));
        if (!link.fragment.empty() && fs::exists(resolved) && resolved.extension() == ".md") {
          const auto anchors = anchors_of(testing::read_file(resolved));
          CHECK(std::find(anchors.begin(), anchors.end(), link.fragment) != anchors.end());
        }
      }
    }
  }
}
