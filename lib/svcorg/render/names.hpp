// The names the CSV writes beside ids (a spreadsheet reader sees 美丽园居民区党总支 beside
// `meiliyuan`): branches by id, and the District's streets by id.
#pragma once

#include <map>
#include <string>

#include "svcorg/model/records.hpp"

namespace svcorg::render {

struct Names {
  std::map<std::string, std::string, std::less<>> branches, streets;
  // The name of `id`; "" when it has none (an unknown id, or no District).
  std::string branch(const std::string& id) const;
  std::string street(const std::string& id) const;
};

// The first record of an id names it (validation reports the others).
Names names_of(const model::RecordSet& records);

}  // namespace svcorg::render
