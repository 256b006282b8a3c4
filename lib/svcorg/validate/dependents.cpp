// Root causes first (docs/FORMAT.md): the findings that only follow from what an
// unusable file or document would define are counted in its own finding's message
// instead of being reported apart.
#include <map>
#include <set>
#include <tuple>

#include "svcorg/validate/checks.hpp"

namespace svcorg::validate::detail {

namespace {

using model::Kind;

// The error that made `u` unusable: its rule at its position, or (rule "": a file
// without a finding of its own when it was loaded) the file's first error.
std::optional<size_t> root_of(const model::RecordSet& rs, const model::Unusable& u,
                              const std::vector<diag::Diagnostic>& items) {
  const std::string& file = rs.files.at(u.file);
  std::optional<size_t> best;
  for (size_t i = 0; i < items.size(); ++i) {
    const diag::Diagnostic& d = items[i];
    if (d.file != file || d.severity != diag::Severity::Error) continue;
    if (!u.rule.empty() && (d.rule != u.rule || d.pos != u.pos)) continue;
    if (best) {
      const diag::Diagnostic& b = items[*best];
      if (std::tie(b.pos, b.rule) < std::tie(d.pos, d.rule) ||
          (b.pos == d.pos && b.rule == d.rule && !(d.message < b.message)))
        continue;
    }
    best = i;
  }
  return best;
}

// "need"/"needs" (and the other kinds that refer), for `n` of them.
i18n::Message records(Kind kind, size_t n) {
  const bool one = n == 1;
  switch (kind) {
    case Kind::Need:
      return i18n::Message(one ? "validate.root.record.need.one" : "validate.root.record.need.other");
    case Kind::Plan:
      return i18n::Message(one ? "validate.root.record.plan.one" : "validate.root.record.plan.other");
    default:
      return i18n::Message(one ? "validate.root.record.platform.one" : "validate.root.record.platform.other");
  }
}

// "the Branch `xinde`", "the Platforms `a` and `b`".
i18n::Message target(Kind kind, const std::set<std::string>& ids) {
  const bool one = ids.size() == 1;
  const i18n::Arg listed = i18n::codes(std::vector<std::string>(ids.begin(), ids.end()));
  if (kind == Kind::Branch)
    return i18n::Message(one ? "validate.root.target.branch.one" : "validate.root.target.branch.other",
                         {{"ids", listed}});
  return i18n::Message(one ? "validate.root.target.platform.one" : "validate.root.target.platform.other",
                       {{"ids", listed}});
}

// What depends on one root finding, as one message (its parts in a fixed order).
i18n::Message dependents(const std::vector<Held*>& held) {
  struct Group {
    std::set<std::tuple<uint32_t, uint32_t, uint32_t, uint32_t>> records;  // file, line, column, document
    std::set<std::string> ids;
  };
  std::map<std::tuple<Depends, Kind, Kind>, Group> groups;
  for (const Held* h : held) {
    Group& g = groups[{h->how, h->referrer, h->target}];
    g.records.emplace(h->record.file, h->record.pos.line, h->record.pos.col, h->record.doc);
    if (!h->target_id.empty()) g.ids.insert(h->target_id);
  }
  std::vector<i18n::Message> parts;
  for (const auto& [key, g] : groups) {
    const auto [how, referrer, to] = key;
    const size_t n = g.records.size();
    switch (how) {
      case Depends::Names:
        parts.emplace_back(n == 1 ? "validate.root.names.one" : "validate.root.names.other",
                           std::vector<std::pair<std::string, i18n::Arg>>{
                               {"n", n}, {"records", records(referrer, n)}, {"target", target(to, g.ids)}});
        break;
      case Depends::Lists:
        parts.emplace_back(n == 1 ? "validate.root.lists.one" : "validate.root.lists.other",
                           std::vector<std::pair<std::string, i18n::Arg>>{{"n", n}, {"records", records(referrer, n)}});
        break;
      case Depends::NoDistrict:
        parts.emplace_back("validate.root.no-district");
        break;
      case Depends::RequiredPlatform:
        parts.emplace_back(n == 1 ? "validate.root.required-platform.one" : "validate.root.required-platform.other",
                           std::vector<std::pair<std::string, i18n::Arg>>{{"n", n}});
        break;
    }
  }
  i18n::Message out = std::move(parts.back());
  for (size_t i = parts.size() - 1; i-- > 0;)
    out = i18n::Message("validate.root.and", {{"first", std::move(parts[i])}, {"rest", std::move(out)}});
  return out;
}

}  // namespace

void count_dependents(const Index& ix, std::vector<Held> held, diag::Sink& sink) {
  if (held.empty()) return;
  auto& items = sink.items();
  std::map<size_t, std::optional<size_t>> root_of_unit;
  std::map<size_t, std::vector<Held*>> by_root;  // index of the root in `items`
  std::vector<Held*> alone;
  for (auto& h : held) {
    auto it = root_of_unit.find(h.unit);
    if (it == root_of_unit.end())
      it = root_of_unit.emplace(h.unit, root_of(ix.rs, *ix.unusable.at(h.unit), items)).first;
    if (it->second)
      by_root[*it->second].push_back(&h);
    else
      alone.push_back(&h);
  }
  for (auto& [root, hs] : by_root) {
    diag::Diagnostic& d = items[root];
    d.message =
        i18n::Message(diag::kDependentsMessage, {{"finding", std::move(d.message)}, {"dependents", dependents(hs)}});
    for (const Held* h : hs) d.dependents.push_back({h->finding.file, h->finding.pos});
  }
  for (Held* h : alone) sink.add(std::move(h->finding));
}

}  // namespace svcorg::validate::detail
