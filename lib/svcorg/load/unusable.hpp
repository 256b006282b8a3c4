// What a file or document that could not be used would have defined
// (model::Unusable; docs/FORMAT.md, "Root causes"). Internal to load/: the loader calls
// these on the error path only.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/yaml/parse.hpp"
#include "svcorg/yaml/tree.hpp"

namespace svcorg::load::detail {

// The number of records of each kind in `set`, before a document is converted.
using Counts = std::array<size_t, 5>;
Counts counts(const model::RecordSet& set);

// After document `doc` of file `file` was converted and its conversion added findings
// (those from `findings_before` on in `sink`): when it dropped the document, notes what
// the document would define (its `kind` and `id`, read from the tree; the kind its path
// suggests when it has none that is known) with its first error as the root finding.
void note_document(const yaml::Node& node, uint32_t file, uint32_t doc, model::RecordSet& set, const Counts& before,
                   const diag::Sink& sink, size_t findings_before);

// After a file was parsed: when parsing stopped at a yaml-syntax error, the ids of the
// documents from there on, found by a lenient scan of `bytes` line by line; when it has
// no document at all (an empty file), the id its path suggests. `documents` is how many
// documents were converted.
void note_file(const std::string& name, std::string_view bytes, uint32_t file, uint32_t documents,
               const std::vector<yaml::ParseIssue>& issues, model::RecordSet& set);

}  // namespace svcorg::load::detail
