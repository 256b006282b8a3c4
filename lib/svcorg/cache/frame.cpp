#include "svcorg/cache/frame.hpp"

#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "svcorg/cache/codec.hpp"

namespace svcorg::cache::frame {

using codec::get_raw;
using codec::put_raw;

namespace {

// The build of svcorg: any rebuild gets new keys, so a changed converter never reads
// entries of an older one. The executable's bytes hold the version and the commit that
// `--version` names, so a build from another commit gets new keys too.
uint64_t build_id() {
  static const uint64_t id = [] {
    XXH3_state_t* st = XXH3_createState();
    XXH3_64bits_reset(st);
    const std::string version = SVCORG_VERSION;
    XXH3_64bits_update(st, version.data(), version.size());
    std::ifstream in("/proc/self/exe", std::ios::binary);
    std::array<char, 1 << 16> buf{};
    while (in) {
      in.read(buf.data(), buf.size());
      if (in.gcount() > 0) XXH3_64bits_update(st, buf.data(), static_cast<size_t>(in.gcount()));
    }
    const uint64_t h = XXH3_64bits_digest(st);
    XXH3_freeState(st);
    return h;
  }();
  return id;
}

}  // namespace

std::string hex(const std::array<unsigned char, 16>& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  s.reserve(2 * bytes.size());
  for (unsigned char b : bytes) {
    s += kDigits[b >> 4];
    s += kDigits[b & 15];
  }
  return s;
}

Key key_of(const std::string& name, const std::string& options, std::string_view content) {
  XXH3_state_t* st = XXH3_createState();
  XXH3_128bits_reset(st);
  const uint32_t format = kFormat;
  const uint64_t build = build_id();
  XXH3_128bits_update(st, &format, sizeof format);
  XXH3_128bits_update(st, &build, sizeof build);
  XXH3_128bits_update(st, name.data(), name.size() + 1);  // with the NUL: a separator
  XXH3_128bits_update(st, options.data(), options.size() + 1);
  XXH3_128bits_update(st, content.data(), content.size());
  XXH128_canonical_t c;
  XXH128_canonicalFromHash(&c, XXH3_128bits_digest(st));
  XXH3_freeState(st);
  Key k;
  std::memcpy(k.bytes.data(), c.digest, k.bytes.size());
  return k;
}

// `sections` in a frame.
std::string framed(const char (&magic)[8], const std::array<unsigned char, 16>& key, uint32_t number,
                   std::initializer_list<std::string_view> sections) {
  size_t size = header_size(sections.size());
  for (const auto& part : sections) size += part.size();
  std::string out;
  out.reserve(size);
  out.append(magic, 8);
  put_raw<uint32_t>(out, kFormat);
  put_raw<uint32_t>(out, number);
  out.append(reinterpret_cast<const char*>(key.data()), key.size());
  for (const auto& part : sections) {
    put_raw<uint64_t>(out, part.size());
    put_raw<uint64_t>(out, XXH3_64bits(part.data(), part.size()));
  }
  for (const auto& part : sections) out += part;
  return out;
}

// The header of a frame with this magic and key and `sections` sections (1 or 2), if
// `first` (the frame's first bytes) holds one; the lengths are not checked against a size.
std::optional<Head> head_of(std::string_view first, const char (&magic)[8], const std::array<unsigned char, 16>& key,
                            size_t sections) {
  Head h;
  h.size = header_size(sections);
  if (first.size() < h.size || std::memcmp(first.data(), magic, 8) != 0 ||
      get_raw<uint32_t>(first.data() + 8) != kFormat || std::memcmp(first.data() + 16, key.data(), key.size()) != 0)
    return std::nullopt;
  h.number = get_raw<uint32_t>(first.data() + 12);
  h.total = h.size;
  for (size_t k = 0; k < sections; ++k) {
    h.length[k] = get_raw<uint64_t>(first.data() + 32 + 16 * k);
    h.hash[k] = get_raw<uint64_t>(first.data() + 40 + 16 * k);
    if (h.length[k] > (uint64_t{1} << 40)) return std::nullopt;  // no sum can overflow
    h.total += h.length[k];
  }
  return h;
}

// Section k of a frame, when `bytes` (the frame from its start) holds it and it is sound.
std::optional<std::string_view> section(std::string_view bytes, const Head& h, size_t k) {
  const uint64_t at = h.start(k);
  if (bytes.size() < at + h.length[k]) return std::nullopt;
  const std::string_view part = bytes.substr(at, h.length[k]);
  if (XXH3_64bits(part.data(), part.size()) != h.hash[k]) return std::nullopt;
  return part;
}

// The payload of a sound one-section frame with this magic and key (and its number),
// else nullopt.
std::optional<std::string_view> unframe(std::string_view file, const char (&magic)[8],
                                        const std::array<unsigned char, 16>& key, uint32_t* number) {
  const auto h = head_of(file, magic, key, 1);
  if (!h || h->total != file.size()) return std::nullopt;
  const auto payload = section(file, *h, 0);
  if (payload && number) *number = h->number;
  return payload;
}

bool EntryBytes::read_up_to(int fd, size_t n) {
  if (n > capacity_) {
    std::unique_ptr<char[]> more(new char[n]);
    if (have_) std::memcpy(more.get(), data_.get(), have_);
    data_ = std::move(more);
    capacity_ = n;
  }
  while (have_ < n) {
    const ssize_t got = ::pread(fd, data_.get() + have_, n - have_, static_cast<off_t>(have_));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    have_ += static_cast<size_t>(got);
  }
  return true;
}

}  // namespace svcorg::cache::frame
