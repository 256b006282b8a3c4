// Helpers for the validate tests: load YAML texts as named files, run the
// cross-record rules, and look at the findings as "file:line:col severity rule".
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/validate/validate.hpp"
#include "tree_builder.hpp"

namespace doctest {
// Show lists of findings in failed checks.
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& values) {
    std::string out = "{";
    for (size_t i = 0; i < values.size(); ++i) out += (i ? ", \"" : "\"") + values[i] + "\"";
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace vtest {

using Files = std::vector<std::pair<std::string, std::string>>;  // display path, bytes

inline svcorg::util::Date date(const char* text) {
  return *svcorg::util::Date::parse(text);
}

// Validation as of the end of 2026 unless a test says otherwise.
inline svcorg::ledger::Window year_2026() {
  return {2026, date("2026-12-31"), date("2026-12-31")};
}

struct Outcome {
  std::vector<svcorg::diag::Diagnostic> load;   // the loader's findings
  std::vector<svcorg::diag::Diagnostic> found;  // validate::run's findings, sorted

  // "file:line:col severity rule" of the findings of `rule` (of all when empty), in order.
  std::vector<std::string> of(const std::string& rule = "") const {
    std::vector<std::string> out;
    for (const auto& d : found)
      if (rule.empty() || d.rule == rule)
        out.push_back(d.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " +
                      svcorg::diag::severity_name(d.severity) + " " + d.rule);
    return out;
  }
  // The one finding of `rule` (fails the test when there is not exactly one).
  const svcorg::diag::Diagnostic& one(const std::string& rule) const {
    const svcorg::diag::Diagnostic* hit = nullptr;
    size_t n = 0;
    for (const auto& d : found)
      if (d.rule == rule) {
        hit = &d;
        ++n;
      }
    REQUIRE_MESSAGE(n == 1, rule);
    return *hit;
  }
};

inline Outcome check(const Files& files, svcorg::ledger::Window options = year_2026()) {
  svcorg::model::RecordSet set;
  svcorg::diag::Sink load_sink;
  for (const auto& [name, text] : files) svcorg::load::load_bytes(name, text, set, load_sink);
  const auto rules =
      svcorg::rules::effective_rules(set.districts.empty() ? nullptr : set.districts.front().rules.get());
  svcorg::diag::Sink sink;
  svcorg::validate::run(set, rules, options, sink);
  Outcome o;
  o.load = load_sink.items();
  o.found = sink.items();
  svcorg::diag::sort_unique(o.found);
  return o;
}

// `files` with `name` replaced by (or added as) `text`.
inline Files with(Files files, const std::string& name, const std::string& text) {
  for (auto& f : files)
    if (f.first == name) {
      f.second = text;
      return files;
    }
  files.emplace_back(name, text);
  return files;
}

// The text of the file `name` (fails the test when there is none).
inline std::string text_of(const Files& files, const std::string& name) {
  for (const auto& f : files)
    if (f.first == name) return f.second;
  FAIL("no file " << name);
  return {};
}

// `text` with the first `from` replaced by `to` (fails the test when there is none).
inline std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

// `files` with one file's text edited: each pair replaces one piece of text (the test
// fails when a piece is not there).
inline Files edit(Files files, const std::string& name, const std::vector<std::pair<std::string, std::string>>& edits) {
  for (auto& f : files) {
    if (f.first != name) continue;
    for (const auto& edit : edits) {
      const std::string& from = edit.first;  // not a structured binding: REQUIRE_MESSAGE captures it
      const std::string& to = edit.second;
      const auto at = f.second.find(from);
      REQUIRE_MESSAGE(at != std::string::npos, from);
      f.second.replace(at, from.size(), to);
    }
  }
  return files;
}

inline Files without(Files files, const std::string& name) {
  Files out;
  for (auto& f : files)
    if (f.first != name) out.push_back(std::move(f));
  return out;
}

inline const char* kHeader = "apiVersion: svcorg/v1\n";

// The files of district() that tests edit.
inline const std::string kBranchFile = "branches/meiliyuan.yaml";
inline const std::string kPlatformFile = "platforms/meiliyuan.yaml";
inline const std::string kNeedFile = "needs/mly-001.yaml";
inline const std::string kPlanFile = "plans/meiliyuan-2026.yaml";

// A small clean district: one residential branch with every
// platform its type requires, one need, a plan and its review. Validates clean.
inline Files district() {
  return {
      {"district.yaml", tree::district("", {tree::kNanjingxi, tree::kCaojiadu}).text()},
      {"branches/meiliyuan.yaml",
       "apiVersion: svcorg/v1\n"
       "kind: Branch\n"
       "id: meiliyuan\n"
       "name: 美丽园居民区党总支\n"
       "type: residential\n"
       "street: nanjingxi\n"
       "members: 120\n"
       "reserve_cadres: 2\n"
       "secretary:\n"
       "  name: 王芳\n"
       "  certified: true\n"
       "  competencies: {orientation: 4, planning: 3, organizing: 5, coordination: 3, adaptability: 4, "
       "communication: 5}\n"},
      {"platforms/meiliyuan.yaml",
       "apiVersion: svcorg/v1\n"
       "kind: Platform\n"
       "id: mly-info\n"
       "name: 居民信息平台\n"
       "owner: meiliyuan\n"
       "level: grassroots\n"
       "category: information\n"
       "cadence: yearly\n"
       "meetings:\n"
       "  - {date: 2026-03-01, needs: [mly-001]}\n"
       "---\n"
       "apiVersion: svcorg/v1\n"
       "kind: Platform\n"
       "id: mly-part\n"
       "name: 议事会\n"
       "owner: meiliyuan\n"
       "level: grassroots\n"
       "category: participation\n"
       "cadence: yearly\n"
       "meetings: [{date: 2026-05-01}]\n"
       "---\n"
       "apiVersion: svcorg/v1\n"
       "kind: Platform\n"
       "id: njx-coord\n"
       "name: 街道协调会\n"
       "owner: nanjingxi\n"
       "level: superior\n"
       "category: coordination\n"
       "cadence: yearly\n"
       "participants: [meiliyuan, 街道房管办]\n"
       "meetings: [{date: 2026-06-01, needs: [mly-001]}]\n"},
      {"needs/mly-001.yaml",
       "apiVersion: svcorg/v1\n"
       "kind: Need\n"
       "id: mly-001\n"
       "branch: meiliyuan\n"
       "received: 2026-03-02\n"
       "channel: member-contact\n"
       "category: elderly-care\n"
       "summary: 老旧小区加装电梯\n"
       "layer: street\n"
       "disposal: relay\n"
       "relayed_to: 街道房管办\n"
       "due: 2026-04-30\n"
       "status: resolved\n"
       "events:\n"
       "  - {date: 2026-03-02, status: received}\n"
       "  - {date: 2026-03-04, status: assessed}\n"
       "  - {date: 2026-03-04, status: assessed, note: 走访}\n"
       "  - {date: 2026-04-18, status: resolved}\n"
       "feedback: {satisfaction: 5, date: 2026-04-18}\n"},
      {"plans/meiliyuan-2026.yaml",
       "apiVersion: svcorg/v1\n"
       "kind: Plan\n"
       "id: mly-2026\n"
       "branch: meiliyuan\n"
       "year: 2026\n"
       "status: approved\n"
       "base: {dues_paid_rate: 1, statistics_on_time: true, organizational_life: 12}\n"
       "items:\n"
       "  - {id: i1, title: 加装电梯, category: elderly-care, needs: [mly-001], approval: self}\n"
       "  - {id: i2, title: 组织建设, category: organization-building, needs: [mly-001], approval: self}\n"
       "  - {id: i3, title: 发展党员, category: member-development, needs: [mly-001], approval: superior}\n"
       "review:\n"
       "  member_survey: {respondents: 30, mean: 4.2}\n"},
  };
}

}  // namespace vtest
