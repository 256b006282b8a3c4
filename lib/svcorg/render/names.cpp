#include "svcorg/render/names.hpp"

namespace svcorg::render {

namespace {

std::string find(const std::map<std::string, std::string, std::less<>>& m, const std::string& id) {
  auto it = m.find(id);
  return it == m.end() ? std::string() : it->second;
}

}  // namespace

std::string Names::branch(const std::string& id) const { return find(branches, id); }
std::string Names::street(const std::string& id) const { return find(streets, id); }

Names names_of(const model::RecordSet& records) {
  Names out;
  for (const auto& b : records.branches)
    if (b.id && b.name) out.branches.emplace(*b.id, *b.name);
  for (const auto& d : records.districts)
    for (const auto& s : d.streets)
      if (s.id && s.name) out.streets.emplace(*s.id, *s.name);
  return out;
}

}  // namespace svcorg::render
