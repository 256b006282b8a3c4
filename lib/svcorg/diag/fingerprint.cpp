#include "svcorg/diag/fingerprint.hpp"

#include <fmt/format.h>

#include <cctype>
#include <map>

#include "svcorg/l10n/catalogue.hpp"

namespace svcorg::diag {

uint64_t fnv1a64(std::string_view bytes, uint64_t basis) {
  uint64_t h = basis;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

namespace {

bool digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

size_t digits_from(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && digit(s[j])) ++j;
  return j - i;
}

// The message without the positions some messages quote (`(line 11)`, `(at a.yaml:3:1)`).
std::string without_positions(std::string_view m) {
  std::string out;
  out.reserve(m.size());
  for (size_t i = 0; i < m.size();) {
    if (m.compare(i, 5, "line ") == 0 && digits_from(m, i + 5) > 0) {
      out += "line #";
      i += 5 + digits_from(m, i + 5);
      continue;
    }
    if (m[i] == ':') {
      const size_t a = digits_from(m, i + 1);
      if (a > 0 && i + 1 + a < m.size() && m[i + 1 + a] == ':') {
        const size_t b = digits_from(m, i + 2 + a);
        if (b > 0) {
          out += ":#:#";
          i += 2 + a + b;
          continue;
        }
      }
    }
    out += m[i++];
  }
  return out;
}

// A second, independent 64-bit basis for the upper half of hash128.
const uint64_t kSecondBasis = fnv1a64("svcorg fingerprint");

}  // namespace

std::string Fingerprint::hash64() const {
  return fmt::format("{:016x}", fnv1a64(key));
}

std::string Fingerprint::hash128() const {
  std::string k = key;
  k += '\0';
  k += std::to_string(occurrence);
  return fmt::format("{:016x}{:016x}", fnv1a64(k), fnv1a64(k, kSecondBasis));
}

std::vector<Fingerprint> fingerprints(const std::vector<Diagnostic>& items, const PathBase& base) {
  std::vector<Fingerprint> out;
  out.reserve(items.size());
  std::map<std::string, unsigned> seen;
  for (const auto& d : items) {
    Fingerprint f;
    const std::string file = rebase(d.file, base).path;
    for (const std::string_view part :
         {std::string_view(d.rule), std::string_view(file), std::string_view(d.kind), std::string_view(d.id)}) {
      f.key += part;
      f.key += '\0';
    }
    // The same key in every language, and whatever depends on a root finding.
    f.key += without_positions(l10n::render(own_message(d), i18n::Lang::En));
    f.occurrence = ++seen[f.key];
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace svcorg::diag
