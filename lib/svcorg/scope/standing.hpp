// `score --since REV` (SPEC 8, rev 2): besides the branches whose records changed, the
// branches whose total, grade or rank moved against the same command at REV, since
// peers move each other through the plan's percentile (SPEC 6.2). Pure logic: what
// `score` gives now and at REV in, the branches that differ out.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace svcorg::score {
struct Result;
}

namespace svcorg::scope {

// What `score` shows of one branch, as far as --since compares it.
struct Standing {
  std::string id;
  bool scored = false;        // false: listed as unscored (no total, grade or rank)
  long long total_cents = 0;  // the total as shown, ×100 (it is rounded to 2 decimals)
  std::string grade;
  int rank_in_district = 0;
  int rank_in_type = 0;
};

// Every branch of a score result, scored or not.
std::vector<Standing> standings(const score::Result& r);

// The ids of the branches whose standing differs between `now` and `then`: a scored
// branch whose total, grade, rank in the district or rank in its type changed; a branch
// scored in one and unscored in the other; a branch in one only. A branch unscored in
// both has no figure to move.
std::set<std::string> moved(const std::vector<Standing>& now, const std::vector<Standing>& then);

}  // namespace svcorg::scope
