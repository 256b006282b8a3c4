// The files of the parse cache as frames (internal to cache/): entries (`.svc`, two
// sections) and status indexes (`.svi`, one section) share one layout — magic, format, a
// 32-bit number (0 for an entry, the entry count for an index), key, then each section's
// length and XXH3-64, then the sections — and their keys: XXH3-128 of the format, the
// build of svcorg, a name, the options and the content.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace svcorg::cache::frame {

// Bump whenever the payload layout (the io() functions of codec.cpp) changes.
constexpr uint32_t kFormat = 6;
constexpr char kMagic[8] = {'S', 'V', 'C', 'O', 'R', 'G', 'c', '\x01'};
constexpr char kIndexMagic[8] = {'S', 'V', 'C', 'O', 'R', 'G', 'i', '\x01'};
constexpr size_t header_size(size_t sections) {
  return 8 + 4 + 4 + 16 + 16 * sections;
}

std::string hex(const std::array<unsigned char, 16>& bytes);

struct Key {
  std::array<unsigned char, 16> bytes{};
  std::string hex() const { return frame::hex(bytes); }
};
// The key of `content` under this display name and options, for this format and build.
Key key_of(const std::string& name, const std::string& options, std::string_view content);

// `sections` in a frame.
std::string framed(const char (&magic)[8], const std::array<unsigned char, 16>& key, uint32_t number,
                   std::initializer_list<std::string_view> sections);

// A frame's header, read from its first bytes.
struct Head {
  uint32_t number = 0;
  std::array<uint64_t, 2> length{}, hash{};  // of each section
  size_t size = 0;                           // of the header
  uint64_t total = 0;                        // of the whole frame
  uint64_t start(size_t k) const {           // where section k begins
    uint64_t at = size;
    for (size_t i = 0; i < k; ++i) at += length[i];
    return at;
  }
};

// The header of a frame with this magic and key and `sections` sections (1 or 2), if
// `first` (the frame's first bytes) holds one; the lengths are not checked against a size.
std::optional<Head> head_of(std::string_view first, const char (&magic)[8], const std::array<unsigned char, 16>& key,
                            size_t sections);

// Section k of a frame, when `bytes` (the frame from its start) holds it and it is sound.
std::optional<std::string_view> section(std::string_view bytes, const Head& h, size_t k);

// The payload of a sound one-section frame with this magic and key (and its number),
// else nullopt.
std::optional<std::string_view> unframe(std::string_view file, const char (&magic)[8],
                                        const std::array<unsigned char, 16>& key, uint32_t* number = nullptr);

// An entry's bytes, read in parts into a buffer that grows to what is read and is not
// zeroed first (zeroing the first 16 KiB of every entry was 6% of a warm score's
// instructions).
class EntryBytes {
 public:
  // Reads on until the first `n` bytes are here; false if it cannot.
  bool read_up_to(int fd, size_t n);
  std::string_view view() const { return {data_.get(), have_}; }

 private:
  std::unique_ptr<char[]> data_;
  size_t capacity_ = 0, have_ = 0;
};

}  // namespace svcorg::cache::frame
