// Findings: a value with a location (SPEC 4.1).
#pragma once

#include <string>
#include <vector>

#include "svcorg/i18n/message.hpp"
#include "svcorg/util/pos.hpp"

namespace svcorg::diag {

enum class Severity { Error, Warning };
const char* severity_name(Severity s);

struct Location {
  std::string file;
  Pos pos;
};

struct Diagnostic {
  std::string file;
  Pos pos;
  Severity severity = Severity::Error;
  std::string rule;
  i18n::Message message;  // rendered in the chosen language only when shown
  std::string kind;       // record kind, where known
  std::string id;         // record id, where known
  bool has_related = false;
  Location related;
  // A root finding (kDependentsMessage): where the findings it counts would have been
  // reported (`--since` keeps it when it would have kept one of them). Set by
  // validation, never by loading: the parse cache does not store it.
  std::vector<Location> dependents;
  // Set when a waiver suppresses the finding (waive/): where the waiver is and why.
  struct Waived {
    bool inline_comment = false;  // `# svcorg-ignore` in the file, else the District's `waivers:`
    std::string reason;
    std::string until;  // YYYY-MM-DD or empty
    Location at;        // the waiver itself
  };
  bool waived = false;
  Waived waiver;
};

// The message of a root finding that counts what depends on it (validate/, docs/FORMAT.md
// "Root causes"): arguments `finding` (its own message) and `dependents`.
inline constexpr char kDependentsMessage[] = "validate.root.dependents";

// A finding's own message: for a root finding, the message it had before the count of
// its dependents was added (fingerprints read this one, so a changed count does not
// make the finding look new).
const i18n::Message& own_message(const Diagnostic& d);

// Collects findings; the order they are added in does not matter (see sort()).
class Sink {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  size_t errors() const;
  size_t warnings() const;

 private:
  std::vector<Diagnostic> items_;
};

// Sorts by file, line, column, then rule, message (a total order: output never depends
// on the order findings were made in) and drops exact repeats.
void sort_unique(std::vector<Diagnostic>& items);

}  // namespace svcorg::diag
