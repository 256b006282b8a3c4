// libFuzzer target: the parse cache's decoder (cache::decode, cache::decode_needs) on
// any bytes. An entry's sections are checksummed, so a damaged entry never reaches the
// decoder; this is for the rest: a decoder that trusts nothing it reads (counts, lengths,
// text indexes, step codes, a file index per record). The input is a section's length
// (4 bytes, little-endian), the first section, then the second. What decodes is read
// through (every core's id, texts and history) and encoded again, and the encoding of
// that decodes to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "svcorg/cache/cache.hpp"

namespace {

size_t touch(const svcorg::model::RecordSet& rs) {
  size_t sum = 0;
  for (const auto& c : rs.need_cores) {
    if (c.id) sum += (*c.id).size();
    for (const auto* w : {&c.branch, &c.category, &c.platform})
      if (*w) sum += (**w).size();
    if (c.layer) sum += c.layer->size();
    for (const auto* s = c.steps_begin(); s != c.steps_end(); ++s) sum += static_cast<size_t>(s->date().days & 1);
    sum += rs.files.at(c.file).size();
  }
  for (const auto& n : rs.needs) sum += rs.files.at(n.file).size();
  return sum;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace svcorg;
  if (size < 4) return 0;
  uint32_t first_size = 0;
  std::memcpy(&first_size, data, 4);
  const std::string_view rest(reinterpret_cast<const char*>(data) + 4, size - 4);
  const std::string_view first = rest.substr(0, first_size),
                         second = rest.substr(std::min<size_t>(first_size, rest.size()));
  cache::Entry e;
  if (!cache::decode(first, e)) return 0;
  const bool needs = cache::decode_needs(second, e);
  volatile size_t sink = touch(e.records);
  (void)sink;
  const cache::Sections again = cache::encode(e);
  cache::Entry back;
  if (!cache::decode(again.cores, back) || (needs && !cache::decode_needs(again.needs, back))) std::abort();
  const cache::Sections twice = cache::encode(back);
  if (twice.cores != again.cores || twice.needs != again.needs) std::abort();
  return 0;
}
