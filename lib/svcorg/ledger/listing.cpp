#include "svcorg/ledger/listing.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "svcorg/model/vocab.hpp"

namespace svcorg::ledger {

namespace {

bool same(const std::optional<std::string>& filter, const model::Text& value) {
  return !filter || (value && *value == *filter);
}

bool same(const std::optional<std::string>& filter, const std::string& value) {
  return !filter || value == *filter;
}

bool matches(const Row& row, const Filters& f) {
  const model::Need& n = *row.facts.need;
  return same(f.branch, n.branch) && same(f.street, row.street) && same(f.channel, n.channel) &&
         same(f.category, n.category) && same(f.layer, n.layer) && (!f.status || matches_status(row.facts, *f.status));
}

std::map<std::string, const model::Branch*> branches_by_id(const model::RecordSet& records) {
  std::map<std::string, const model::Branch*> out;
  for (const auto& b : records.branches)
    if (b.id) out.emplace(*b.id, &b);  // emplace keeps the first
  return out;
}

}  // namespace

const std::vector<std::string>& status_filter_values() {
  static const std::vector<std::string> values = [] {
    std::vector<std::string> v = model::vocab::kNeedStatuses;
    v.emplace_back("open");
    v.emplace_back("overdue");
    return v;
  }();
  return values;
}

bool matches_status(const NeedFacts& f, const std::string& word) {
  if (word == "open") return f.open;
  if (word == "overdue") return f.overdue;
  return word == status_name(f.status);
}

Listing list_needs(const model::RecordSet& records, const rules::Rules& rules, const Window& window,
                   const Filters& filters) {
  Listing out{window, filters, {}, {}};
  const auto branches = branches_by_id(records);
  for (const auto& n : records.needs) {
    const Membership in_ledger = membership(n, window);
    if (in_ledger == Membership::None || (filters.received_in_year && in_ledger != Membership::Received)) continue;
    const model::Branch* branch = nullptr;
    if (n.branch)
      if (auto it = branches.find(*n.branch); it != branches.end()) branch = it->second;
    const rules::TypeRules* type_rules = branch && branch->type ? rules.for_type(*branch->type) : nullptr;
    Row row{facts(n, type_rules, window, in_ledger), branch && branch->street ? *branch->street : std::string()};
    if (matches(row, filters)) out.rows.push_back(std::move(row));
  }
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const Row& a, const Row& b) {
    return std::forward_as_tuple(a.facts.received, *a.facts.need->id) <
           std::forward_as_tuple(b.facts.received, *b.facts.need->id);
  });
  std::vector<NeedFacts> set;
  set.reserve(out.rows.size());
  for (const auto& r : out.rows) set.push_back(r.facts);
  out.summary = metrics(set, window.as_of);
  return out;
}

}  // namespace svcorg::ledger
