// A small records tree for the `svcorg needs` tests: a District with two streets, a
// residential and a building branch, and needs that exercise every filter. As of
// 2026-06-30 (year 2026) it lists, by received date: m1 j2 m2 m3 j1 (m0 is of 2025 and
// was resolved before 2026 began, so it is not carried over; j3 is received after A).
// Figures by hand:
//   received 5, declined 1 (m3), resolved 2 (m1, j2), open 2 (m2, j1), overdue 1 (m2);
//   resolution 2/4; on time 2/3 (m1, j2 of m1 j2 m2); response 3/5 (m1 j2 m3 of those
//   and m2 late, j1 five days without); feedback 1/1; response days 1 1 1 9; resolution
//   days 10 (m1), 32 (j2, reopened); reopen 1/2; backlog m2 121 days, j1 5 days.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support.hpp"
#include "tree_builder.hpp"

namespace needs_tree {

inline const std::string kDistrict = tree::district("", {tree::kNanjingxi, tree::kJingansi}).text();

inline const std::string kBranches =
    tree::branch("meiliyuan").set("type", "residential").set("reserve_cadres", "1").text() + "---\n" +
    tree::branch("jiali")
        .set("name", "嘉里中心楼宇党委")
        .set("type", "building")
        .set("street", "jingansi")
        .insert("members", "units", "5")
        .set("members", "40")
        .set("reserve_cadres", "1")
        .set("secretary", "{name: 李明, certified: true}")
        .text();

inline std::string need(const std::string& id, const std::string& branch, const std::string& received,
                        const std::string& rest) {
  return "apiVersion: svcorg/v1\nkind: Need\nid: " + id + "\nbranch: " + branch + "\nreceived: " + received + "\n" +
         rest;
}

inline std::string meiliyuan_needs() {
  return need("m0", "meiliyuan", "2025-12-20",
              "channel: visit\ncategory: housing\nsummary: 去年的需求\nlayer: branch\ndisposal: solve\n"
              "status: resolved\nevents:\n  - {date: 2025-12-20, status: received}\n"
              "  - {date: 2025-12-28, status: resolved}\n") +
         "---\n" +
         need("m1", "meiliyuan", "2026-01-10",
              "channel: visit\ncategory: housing\nsummary: '楼道灯不亮, 需要\"尽快\"维修'\nlayer: branch\n"
              "disposal: solve\nstatus: resolved\nevents:\n  - {date: 2026-01-10, status: received}\n"
              "  - {date: 2026-01-11, status: assessed}\n  - {date: 2026-01-20, status: resolved}\n"
              "feedback: {satisfaction: 5}\n") +
         "---\n" +
         need("m2", "meiliyuan", "2026-03-01",
              "channel: hotline\ncategory: elderly-care\nsummary: 老旧小区加装电梯的意愿征询与协调工作需要多方参与\n"
              "layer: street\ndisposal: relay\nrelayed_to: 街道房管办\nstatus: in-progress\n"
              "events:\n  - {date: 2026-03-01, status: received}\n  - {date: 2026-03-10, status: in-progress}\n") +
         "---\n" +
         need("m3", "meiliyuan", "2026-05-02",
              "channel: visit\ncategory: dispute\nsummary: 邻里纠纷\nlayer: branch\ndisposal: solve\n"
              "status: declined\nreason: 已由法院受理\nevents:\n  - {date: 2026-05-02, status: received}\n"
              "  - {date: 2026-05-03, status: declined}\n");
}

inline std::string jiali_needs() {
  return need("j1", "jiali", "2026-06-25",
              "channel: online\ncategory: talent\nsummary: 人才公寓申请\nlayer: branch\ndisposal: mobilize\n"
              "status: received\nevents:\n  - {date: 2026-06-25, status: received}\n") +
         "---\n" +
         need("j2", "jiali", "2026-02-01",
              "channel: meeting\ncategory: employee-welfare\nsummary: 午餐供应\nlayer: district\n"
              "disposal: solve\nstatus: closed\nevents:\n  - {date: 2026-02-01, status: received}\n"
              "  - {date: 2026-02-02, status: assessed}\n  - {date: 2026-02-20, status: resolved}\n"
              "  - {date: 2026-03-01, status: in-progress}\n  - {date: 2026-03-05, status: resolved}\n"
              "  - {date: 2026-03-10, status: closed}\n") +
         "---\n" +
         need("j3", "jiali", "2026-07-05",
              "channel: online\ncategory: talent\nsummary: 七月的需求\nlayer: branch\ndisposal: solve\n"
              "status: received\nevents:\n  - {date: 2026-07-05, status: received}\n");
}

// Every record as one YAML stream (for standard input).
inline std::string stream() {
  return kDistrict + "---\n" + kBranches + "---\n" + meiliyuan_needs() + "---\n" + jiali_needs();
}

inline void write(const std::filesystem::path& root) {
  testing::write_file(root / "district.yaml", kDistrict);
  testing::write_file(root / "branches.yaml", kBranches);
  testing::write_file(root / "needs" / "meiliyuan.yaml", meiliyuan_needs());
  testing::write_file(root / "needs" / "jiali.yaml", jiali_needs());
}

using Ids = std::vector<std::string>;

// The ids of the needs `svcorg needs --format json` lists in `json`, in order.
inline Ids listed(const std::string& json) {
  Ids out;
  const auto j = nlohmann::json::parse(json);  // kept: a loop over a temporary's member would dangle
  for (const auto& n : j["needs"]) out.push_back(n["id"]);
  return out;
}

}  // namespace needs_tree
