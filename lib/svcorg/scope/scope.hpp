// `--since REV`: which records a change touches, and which findings and branches to show.
// The whole tree is always read and checked; the scope only narrows what is reported.
// Pure logic on records: git is reached elsewhere (vcs/, cmd/since).
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/model/record_set.hpp"

namespace svcorg::scope {

struct Changes {
  std::set<std::string> files;  // display paths of the inputs that changed (added, modified, untracked)
  model::RecordSet before;      // the records of the changed and deleted inputs at REV
};

class Scope {
 public:
  // Changed records: those in changed files. Related records: those that reference a
  // changed record (by its id now or at REV) or that a changed record references (now
  // or at REV). A plan is also related to every need of its branch (its quality, and so
  // the plan-quality rule, reads them all). Kept: changed and related.
  Scope(const model::RecordSet& now, const Changes& changes);

  // A finding is kept when its file changed, or its position (or its related position)
  // lies in a kept record. File-level findings (yaml-syntax, duplicate-key, header) only
  // by their file; no-district also when a District changed or was deleted. A root
  // finding (Diagnostic::dependents) also when one of the findings it counts is kept.
  bool keeps(const diag::Diagnostic& d) const;
  // A branch is selected when its Branch record or one of its plans is kept, or its id
  // is that of a changed record (it was deleted or renamed).
  bool selects_branch(const std::string& id) const;

  // Selects these branches too (score --since: those whose standing moved, standing.hpp).
  void also_select(const std::set<std::string>& ids) { branches_.insert(ids.begin(), ids.end()); }

  // No input changed since REV (no changed file, no record at REV in a changed or
  // deleted one): the inputs at REV are those of now.
  bool no_change() const { return files_.empty() && !records_before_; }

  size_t changed_records() const { return changed_; }
  size_t related_records() const { return related_; }

 private:
  bool in_kept_record(const std::string& file, uint32_t line) const;

  std::set<std::string> files_;
  bool district_changed_ = false;
  // Kept records' extents: (file, first line) → last line.
  std::set<std::pair<std::string, std::pair<uint32_t, uint32_t>>> extents_;
  std::set<std::string> branches_;  // selected branch ids
  size_t changed_ = 0, related_ = 0;
  bool records_before_ = false;
};

// The findings `scope` keeps, in their order.
std::vector<diag::Diagnostic> narrow(const std::vector<diag::Diagnostic>& findings, const Scope& scope);

}  // namespace svcorg::scope
