// From one YAML document to one typed record: the `header` and `schema` checks of
// SPEC 4.2. Everything that needs other records is validate/'s job.
#pragma once

#include <cstdint>
#include <string>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/yaml/tree.hpp"

namespace svcorg::model {

// Converts `doc` (document number `doc_index` of file number `file_index`, whose display
// path is set.files[file_index]) and appends the record to `set`. A document whose header
// is wrong is dropped; one with schema errors is kept with the faulty fields absent.
void convert_document(const yaml::Node& doc, uint32_t file_index, uint32_t doc_index, RecordSet& set, diag::Sink& sink);

struct Context;
class MapReader;
// The District's `rules:` and `scoring:` overrides (SPEC 4.3, 6.7), checked key by key.
void check_rules_override(Context& c, const yaml::Node& n, const std::string& path);
void check_scoring_override(Context& c, const yaml::Node& n, const std::string& path);
// A checked `rules:` tree with every label of a category or platform category replaced by
// its value (SPEC 2.1 rev 2), as rules/ reads it.
void rules_override_values(yaml::Node& rules);

}  // namespace svcorg::model
