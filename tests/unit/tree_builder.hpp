// One builder for the records the tests set up: a minimal valid record of each kind, in
// which a test changes only what its case is about, and the files of a records tree.
//
//   tree::write(root, {{"district.yaml", tree::district("zh-CN").text()},
//                      {"branches/a.yaml", tree::branch("meiliyuan").set("type", "building").text()}});
//
// A record is its fields in order, one `key: value` line each; a value that starts with a
// line end is a block (`events`, `streets`, ...) written under its key as given. `set`
// replaces a field's value where it stands or appends the field; `insert` puts a new
// field before another. The texts are exact: tests assert line and column numbers.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "support.hpp"

namespace tree {

class Record {
 public:
  explicit Record(const std::string& kind) { set("kind", kind); }

  // `key: value` where the field stands, or at the end.
  Record& set(const std::string& key, const std::string& value) {
    for (auto& f : fields_)
      if (f.first == key) {
        f.second = value;
        return *this;
      }
    fields_.emplace_back(key, value);
    return *this;
  }
  // `key: value` just before the field `before` (at the end when there is none).
  Record& insert(const std::string& before, const std::string& key, const std::string& value) {
    auto at = fields_.begin();
    while (at != fields_.end() && at->first != before) ++at;
    fields_.emplace(at, key, value);
    return *this;
  }
  Record& erase(const std::string& key) {
    for (auto it = fields_.begin(); it != fields_.end(); ++it)
      if (it->first == key) {
        fields_.erase(it);
        break;
      }
    return *this;
  }

  std::string text() const {
    std::string out = "apiVersion: svcorg/v1\n";
    for (const auto& [key, value] : fields_)
      out += key + (!value.empty() && value.front() == '\n' ? ":" + value : ": " + value + "\n");
    return out;
  }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

struct Street {
  std::string id, name;
};
inline const Street kNanjingxi{"nanjingxi", "南京西路街道"};
inline const Street kCaojiadu{"caojiadu", "曹家渡街道"};
inline const Street kJingansi{"jingansi", "静安寺街道"};

// District `jingan` 静安区 with `lang` (none when empty) and the streets.
inline Record district(const std::string& lang = "", const std::vector<Street>& streets = {kNanjingxi}) {
  Record r("District");
  r.set("id", "jingan").set("name", "静安区");
  if (!lang.empty()) r.set("lang", lang);
  std::string list = "\n";
  for (const auto& s : streets) list += "  - {id: " + s.id + ", name: " + s.name + "}\n";
  return r.set("streets", list);
}

// An organ branch on nanjingxi with 120 members, 2 reserve cadres and a certified
// secretary, named 美丽园居民区.
inline Record branch(const std::string& id) {
  Record r("Branch");
  return r.set("id", id)
      .set("name", "美丽园居民区")
      .set("type", "organ")
      .set("street", "nanjingxi")
      .set("members", "120")
      .set("reserve_cadres", "2")
      .set("secretary", "{name: 王芳, certified: true}");
}

// The branches the score tests rank: `支部<id>`, residential on nanjingxi, 50 members,
// 1 reserve cadre.
inline Record scored_branch(const std::string& id) {
  return branch(id).set("name", "支部" + id).set("type", "residential").set("members", "50").set("reserve_cadres", "1");
}

// A need of `branch_id` received 2026-03-02 by a visit, category `other`, handled by the
// branch and still `received` (its one event).
inline Record need(const std::string& id, const std::string& branch_id) {
  Record r("Need");
  return r.set("id", id)
      .set("branch", branch_id)
      .set("received", "2026-03-02")
      .set("channel", "visit")
      .set("category", "other")
      .set("summary", "测试")
      .set("layer", "branch")
      .set("disposal", "solve")
      .set("status", "received")
      .set("events", "\n  - {date: 2026-03-02, status: received}\n");
}

// Need n1 naming a branch that does not exist (`nobody`): a reference error.
inline Record need_of_nobody() {
  return need("n1", "nobody").set("category", "work-style");
}

// The reviewed plan `<branch>-<year>` of `branch_id`: dues 0.9, statistics on time, 12
// meetings of organizational life, no items.
inline Record plan(const std::string& branch_id, int year = 2026) {
  Record r("Plan");
  return r.set("id", branch_id + "-" + std::to_string(year))
      .set("branch", branch_id)
      .set("year", std::to_string(year))
      .set("status", "reviewed")
      .set("base", "{dues_paid_rate: 0.9, statistics_on_time: true, organizational_life: 12}")
      .set("items", "[]");
}

// A records tree: (path under the root, bytes) of each file.
using Files = std::vector<std::pair<std::string, std::string>>;

inline void write(const std::filesystem::path& root, const Files& files) {
  for (const auto& [path, text] : files) testing::write_file(root / path, text);
}

// A district whose totals are set by hand, for ranks: β = 1 and the base is the dues
// part alone, so total = 100 × dues_paid_rate. Each branch has a reviewed plan for 2026:
// top 95 (residential, nanjingxi), org 92 (organ, caojiadu), alpha 90 (residential,
// caojiadu), zeta 90.004 → 90.00 (residential, nanjingxi), low 85 (residential, caojiadu).
inline Files ranked_district() {
  Files files = {{"district.yaml", district("", {kNanjingxi, kCaojiadu})
                                       .set("scoring",
                                            "\n  base_weight: {default: 1}\n"
                                            "  base: {dues: 1, statistics: 0, organizational_life: 0, "
                                            "member_development: 0}\n")
                                       .text()}};
  struct B {
    const char* id;
    const char* type;
    const char* street;
    const char* dues;
  };
  for (const B& b : {B{"top", "residential", "nanjingxi", "0.95"}, B{"org", "organ", "caojiadu", "0.92"},
                     B{"alpha", "residential", "caojiadu", "0.9"}, B{"zeta", "residential", "nanjingxi", "0.90004"},
                     B{"low", "residential", "caojiadu", "0.85"}}) {
    files.emplace_back(std::string("branches/") + b.id + ".yaml",
                       scored_branch(b.id).set("type", b.type).set("street", b.street).text());
    files.emplace_back(std::string("plans/") + b.id + ".yaml",
                       plan(b.id)
                           .set("base", std::string("{dues_paid_rate: ") + b.dues +
                                            ", statistics_on_time: true, organizational_life: 12}")
                           .text());
  }
  return files;
}

}  // namespace tree
