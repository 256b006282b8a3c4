// The stable identity of a finding, for CI tools that track findings across runs (SARIF
// partialFingerprints, GitLab Code Quality fingerprints).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/diag/render.hpp"

namespace svcorg::diag {

// 64-bit FNV-1a of `bytes`, starting from `basis` (the standard offset basis by default).
uint64_t fnv1a64(std::string_view bytes, uint64_t basis = 0xcbf29ce484222325ULL);

struct Fingerprint {
  std::string key;              // rule, file, kind, id and message (positions dropped), NUL-separated
  unsigned occurrence = 1;      // 1-based, among the findings with the same key, in sorted order
  std::string hash64() const;   // 16 hex digits of the key
  std::string hash128() const;  // 32 hex digits of the key and the occurrence: unique per finding
};

// One fingerprint per finding of `items` (sorted, see sort_unique), in the same order. The
// line and column are left out (so is every `line N` and `:LINE:COL` in the message), so
// an edit elsewhere in the file does not change a finding's identity.
// `file` is each finding's path as a report writes it (rebase(), render.hpp), so that a
// finding keeps its identity whether the inputs were given as relative or absolute paths.
std::vector<Fingerprint> fingerprints(const std::vector<Diagnostic>& items, const PathBase& base = {});

}  // namespace svcorg::diag
