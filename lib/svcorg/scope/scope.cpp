#include "svcorg/scope/scope.hpp"

#include <algorithm>
#include <limits>
#include <map>

namespace svcorg::scope {

namespace {

// A record's own identities and the identities it references, as "namespace:id". The
// District and its streets share one namespace (SPEC 2.1); a platform owner may be a
// branch or a street / the District, so it references both.
struct Info {
  uint32_t file = 0;
  uint32_t line = 0;
  std::vector<std::string> keys, refs;
  std::string branch;  // a Branch's id, a Plan's branch
  bool is_district = false;
};

template <class Field>  // model::Text or model::Word
void add(std::vector<std::string>& to, const char* ns, const Field& id) {
  if (id) to.push_back(std::string(ns) + std::string(*id));
}

void add_all(std::vector<std::string>& to, const char* ns, const model::F<model::TextList>& ids) {
  if (ids)
    for (const auto& id : *ids) add(to, ns, id);
}

std::vector<Info> infos(const model::RecordSet& rs) {
  std::vector<Info> out;
  auto base = [&](const model::Place& r) -> Info& {
    out.push_back(Info{r.file, r.pos.line, {}, {}, {}, false});
    return out.back();
  };
  for (const auto& d : rs.districts) {
    Info& i = base(d);
    i.is_district = true;
    add(i.keys, "area:", d.id);
    for (const auto& s : d.streets) add(i.keys, "area:", s.id);
  }
  for (const auto& b : rs.branches) {
    Info& i = base(b);
    add(i.keys, "branch:", b.id);
    add(i.refs, "area:", b.street);
    if (b.id) i.branch = *b.id;
  }
  for (const auto& n : rs.need_cores) {  // all a need references is in its core
    Info& i = base(n);
    add(i.keys, "need:", n.id);
    add(i.refs, "branch:", n.branch);
    add(i.refs, "ledger:", n.branch);  // its branch's plans: their quality reads the branch's needs
    add(i.refs, "platform:", n.platform);
  }
  for (const auto& p : rs.platforms) {
    Info& i = base(p);
    add(i.keys, "platform:", p.id);
    add(i.refs, "branch:", p.owner);
    add(i.refs, "area:", p.owner);
    add_all(i.refs, "branch:", p.participants);
    if (p.meetings)
      for (const auto& m : *p.meetings) add_all(i.refs, "need:", m.needs);
  }
  for (const auto& p : rs.plans) {
    Info& i = base(p);
    add(i.keys, "plan:", p.id);
    add(i.refs, "branch:", p.branch);
    add(i.keys, "ledger:", p.branch);  // plan-quality reads every need of its branch (SPEC 6.2)
    if (p.branch) i.branch = *p.branch;
    if (p.items)
      for (const auto& item : *p.items) {
        add_all(i.refs, "need:", item.needs);
        add(i.refs, "platform:", item.platform);
      }
  }
  return out;
}

bool meets(const std::vector<std::string>& a, const std::set<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& k) { return b.count(k) > 0; });
}

constexpr uint32_t kEnd = std::numeric_limits<uint32_t>::max();

}  // namespace

Scope::Scope(const model::RecordSet& now, const Changes& changes)
    : files_(changes.files), records_before_(changes.before.record_count() > 0) {
  const std::vector<Info> current = infos(now);
  std::set<std::string> changed_keys, changed_refs;
  std::vector<bool> changed(current.size());
  for (size_t i = 0; i < current.size(); ++i) {
    changed[i] = files_.count(now.files[current[i].file]) > 0;
    if (!changed[i]) continue;
    changed_keys.insert(current[i].keys.begin(), current[i].keys.end());
    changed_refs.insert(current[i].refs.begin(), current[i].refs.end());
    district_changed_ = district_changed_ || current[i].is_district;
  }
  for (const Info& old : infos(changes.before)) {
    changed_keys.insert(old.keys.begin(), old.keys.end());
    changed_refs.insert(old.refs.begin(), old.refs.end());
    district_changed_ = district_changed_ || old.is_district;
  }
  for (const auto& k : changed_keys)
    if (k.rfind("branch:", 0) == 0) branches_.insert(k.substr(7));

  // Where each record ends: the line before the next record of its file starts.
  std::map<uint32_t, std::vector<uint32_t>> starts;
  for (const Info& i : current) starts[i.file].push_back(i.line);
  for (auto& [file, lines] : starts) std::sort(lines.begin(), lines.end());

  for (size_t i = 0; i < current.size(); ++i) {
    const Info& r = current[i];
    const bool related = !changed[i] && (meets(r.refs, changed_keys) || meets(r.keys, changed_refs));
    if (!changed[i] && !related) continue;
    (changed[i] ? changed_ : related_)++;
    if (!r.branch.empty()) branches_.insert(r.branch);
    const auto& lines = starts[r.file];
    const auto next = std::upper_bound(lines.begin(), lines.end(), r.line);
    const uint32_t last = next == lines.end() ? kEnd : *next - 1;
    extents_.insert({now.files[r.file], {r.line, last}});
  }
}

bool Scope::in_kept_record(const std::string& file, uint32_t line) const {
  auto it = extents_.upper_bound({file, {line, kEnd}});
  if (it == extents_.begin()) return false;
  --it;
  return it->first == file && it->second.first <= line && line <= it->second.second;
}

bool Scope::keeps(const diag::Diagnostic& d) const {
  const bool file_changed = files_.count(d.file) > 0;
  // A root finding, also for the findings it counts (docs/FORMAT.md, "Root causes first").
  for (const auto& at : d.dependents) {
    diag::Diagnostic dependent;
    dependent.file = at.file;
    dependent.pos = at.pos;
    if (keeps(dependent)) return true;
  }
  if (d.rule == "yaml-syntax" || d.rule == "duplicate-key" || d.rule == "header") return file_changed;
  if (d.rule == "no-district") return file_changed || district_changed_;
  if (file_changed || in_kept_record(d.file, d.pos.line)) return true;
  return d.has_related && (files_.count(d.related.file) > 0 || in_kept_record(d.related.file, d.related.pos.line));
}

bool Scope::selects_branch(const std::string& id) const {
  return branches_.count(id) > 0;
}

std::vector<diag::Diagnostic> narrow(const std::vector<diag::Diagnostic>& findings, const Scope& scope) {
  std::vector<diag::Diagnostic> out;
  for (const auto& d : findings)
    if (scope.keeps(d)) out.push_back(d);
  return out;
}

}  // namespace svcorg::scope
