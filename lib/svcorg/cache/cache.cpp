#include "svcorg/cache/cache.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <xxhash.h>

#include "svcorg/util/file.hpp"

namespace svcorg::cache {

namespace {

// Bump whenever the payload layout (the io() functions below) changes.
constexpr uint32_t kFormat = 6;
// Entries and status indexes share one frame: magic, format, a 32-bit number (0 for an
// entry, the entry count for an index), key, then each section's length and XXH3-64
// (two sections for an entry, one for an index), then the sections.
constexpr char kMagic[8] = {'S', 'V', 'C', 'O', 'R', 'G', 'c', '\x01'};
constexpr char kIndexMagic[8] = {'S', 'V', 'C', 'O', 'R', 'G', 'i', '\x01'};
constexpr size_t header_size(size_t sections) { return 8 + 4 + 4 + 16 + 16 * sections; }
// An entry's first read: its header and, for most files, its first section whole.
constexpr size_t kFirstRead = 16 << 10;
constexpr int64_t kTouchAfter = 3600;  // seconds: a hit refreshes an entry older than this

struct Bad {};  // a malformed payload

class Writer {
 public:
  std::string out;
  void raw(const void* p, size_t n) { out.append(static_cast<const char*>(p), n); }
  template <class... T>
  void operator()(T&... v);
};

class Reader {
 public:
  Reader(const char* p, const char* end) : p_(p), end_(end) {}
  void raw(void* d, size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) throw Bad{};
    std::memcpy(d, p_, n);
    p_ += n;
  }
  size_t left() const { return static_cast<size_t>(end_ - p_); }
  bool done() const { return p_ == end_; }
  const char* take(size_t n) {
    if (left() < n) throw Bad{};
    const char* at = p_;
    p_ += n;
    return at;
  }
  template <class... T>
  void operator()(T&... v);

 private:
  const char* p_;
  const char* end_;
};

// One io() per type, used both ways: the Writer reads the fields, the Reader fills them.
// Every overload is declared before any is defined, so the templates see them all.
template <class T, std::enable_if_t<std::is_arithmetic_v<T> && !std::is_same_v<T, bool>, int> = 0>
void io(Writer& w, T& v) { w.raw(&v, sizeof v); }
template <class T, std::enable_if_t<std::is_arithmetic_v<T> && !std::is_same_v<T, bool>, int> = 0>
void io(Reader& r, T& v) { r.raw(&v, sizeof v); }
template <class A> void io(A& a, bool& v);
void io(Writer& w, std::string& v);
void io(Reader& r, std::string& v);
template <class A, class T> void io(A& a, std::vector<T>& v);
template <class A, class T> void io(A& a, model::RecordList<T>& v);
template <class A, class T, size_t N> void io(A& a, std::array<T, N>& v);
template <class A, class T> void io(A& a, std::optional<T>& v);
template <class A, class T, class U> void io(A& a, std::pair<T, U>& v);
template <class A> void io(A& a, Pos& v);
template <class A> void io(A& a, util::Date& v);
template <class A, class T> void io(A& a, model::F<T>& v);
template <class A> void io(A& a, yaml::Node& v);
template <class A> void io(A& a, std::shared_ptr<const yaml::Node>& v);
template <class A> void io(A& a, model::RecordBase& v);
template <class A> void io(A& a, model::Street& v);
template <class A> void io(A& a, model::DistrictWaiver& v);
template <class A> void io(A& a, model::District& v);
template <class A> void io(A& a, model::Secretary& v);
template <class A> void io(A& a, model::Representative& v);
template <class A> void io(A& a, model::Branch& v);
template <class A> void io(A& a, model::Event& v);
template <class A> void io(A& a, model::Feedback& v);
template <class A> void io(A& a, model::Need& v);
template <class A> void io(A& a, model::Meeting& v);
template <class A> void io(A& a, model::Platform& v);
template <class A> void io(A& a, model::MemberDevelopment& v);
template <class A> void io(A& a, model::BasePart& v);
template <class A> void io(A& a, model::Target& v);
template <class A> void io(A& a, model::Outcome& v);
template <class A> void io(A& a, model::Item& v);
template <class A> void io(A& a, model::Survey& v);
template <class A> void io(A& a, model::Award& v);
template <class A> void io(A& a, model::Review& v);
template <class A> void io(A& a, model::Plan& v);
template <class A> void io(A& a, model::Kind& v);
template <class A> void io(A& a, model::Place& v);
template <class A> void io(A& a, model::Unusable& v);
template <class A> void io(A& a, diag::Location& v);
template <class A> void io(A& a, diag::Diagnostic::Waived& v);
template <class A> void io(A& a, diag::Diagnostic& v);
template <class A> void io(A& a, waive::Waiver& v);
template <class A> void io(A& a, diag::Severity& v);
template <class A> void io(A& a, yaml::Node::Type& v);
template <class A> void io(A& a, model::NeedStatus& v);
template <class A> void io(A& a, FileStatus& v);
template <class A> void io(A& a, i18n::Arg& v);
template <class A> void io(A& a, i18n::Message& v);

template <class... T>
void Writer::operator()(T&... v) { (io(*this, v), ...); }
template <class... T>
void Reader::operator()(T&... v) { (io(*this, v), ...); }

template <class A>
void io(A& a, bool& v) {
  uint8_t b = v ? 1 : 0;
  io(a, b);
  if (b > 1) throw Bad{};
  v = b == 1;
}

template <class E, class A>
void io_enum(A& a, E& v, int max) {
  auto n = static_cast<uint8_t>(v);
  io(a, n);
  if (n > max) throw Bad{};
  v = static_cast<E>(n);
}
template <class A> void io(A& a, diag::Severity& v) { io_enum(a, v, 1); }
template <class A> void io(A& a, yaml::Node::Type& v) { io_enum(a, v, 3); }
template <class A> void io(A& a, model::NeedStatus& v) { io_enum(a, v, 5); }
template <class A> void io(A& a, model::Kind& v) { io_enum(a, v, static_cast<int>(model::Kind::Plan)); }

void io(Writer& w, std::string& v) {
  auto n = static_cast<uint32_t>(v.size());
  io(w, n);
  w.raw(v.data(), v.size());
}
void io(Reader& r, std::string& v) {
  uint32_t n = 0;
  io(r, n);
  const char* p = r.take(n);
  v.assign(p, n);
}
template <class A, class T>
void io(A& a, std::vector<T>& v) {
  auto n = static_cast<uint32_t>(v.size());
  io(a, n);
  if constexpr (std::is_same_v<A, Reader>) {
    if (n > a.left()) throw Bad{};  // every element takes at least one byte
    v.clear();
    v.resize(n);
  }
  for (auto& x : v) io(a, x);
}

// Written like a std::vector (count, then the records); read back as one part.
template <class A, class T>
void io(A& a, model::RecordList<T>& v) {
  if constexpr (std::is_same_v<A, Reader>) {
    std::vector<T> all;
    io(a, all);
    v.clear();
    v.append(std::move(all));
  } else {
    auto n = static_cast<uint32_t>(v.size());
    io(a, n);
    for (auto& x : v) io(a, x);
  }
}

template <class A, class T, size_t N>
void io(A& a, std::array<T, N>& v) {
  for (auto& x : v) io(a, x);
}

template <class A, class T>
void io(A& a, std::optional<T>& v) {
  bool has = v.has_value();
  io(a, has);
  if (!has) {
    v.reset();
    return;
  }
  if (!v) v.emplace();
  io(a, *v);
}

template <class A, class T, class U>
void io(A& a, std::pair<T, U>& v) { a(v.first, v.second); }

template <class A> void io(A& a, Pos& v) { a(v.line, v.col); }
template <class A> void io(A& a, util::Date& v) { a(v.days); }
template <class A, class T> void io(A& a, model::F<T>& v) { a(v.v, v.pos, v.has); }

template <class A> void io(A& a, yaml::Node& v) {
  a(v.type, v.pos, v.plain, v.tag, v.value, v.items, v.entries);
}

template <class A> void io(A& a, std::shared_ptr<const yaml::Node>& v) {
  bool has = v != nullptr;
  io(a, has);
  if constexpr (std::is_same_v<A, Reader>) {
    if (!has) {
      v.reset();
      return;
    }
    auto n = std::make_shared<yaml::Node>();
    io(a, *n);
    v = std::move(n);
  } else {
    if (has) io(a, const_cast<yaml::Node&>(*v));
  }
}

template <class A> void io(A& a, model::RecordBase& v) { a(v.file, v.pos, v.doc, v.id); }
template <class A> void io(A& a, model::Street& v) { a(v.pos, v.id, v.name); }
template <class A> void io(A& a, model::DistrictWaiver& v) { a(v.pos, v.record, v.kind, v.rule, v.reason, v.until); }
template <class A> void io(A& a, model::District& v) {
  a(static_cast<model::RecordBase&>(v), v.name, v.lang, v.streets, v.waivers, v.scoring, v.rules);
}
template <class A> void io(A& a, model::Secretary& v) {
  a(v.pos, v.name, v.certified, v.competencies, v.has_competencies);
}
template <class A> void io(A& a, model::Representative& v) { a(v.pos, v.name, v.role); }
template <class A> void io(A& a, model::Branch& v) {
  a(static_cast<model::RecordBase&>(v), v.name, v.type, v.street, v.established, v.members, v.secretary,
    v.reserve_cadres, v.functions, v.units, v.representatives);
}
template <class A> void io(A& a, model::Event& v) { a(v.pos, v.date, v.status.v, v.status.has); }
template <class A> void io(A& a, model::Feedback& v) { a(v.pos, v.satisfaction, v.date); }
template <class A> void io(A& a, model::Source& v) { a(v.pos, v.system, v.number); }
template <class A> void io(A& a, model::Need& v) {
  a(static_cast<model::RecordBase&>(v), v.branch, v.received, v.channel, v.category, v.summary, v.scope, v.impact,
    v.layer, v.disposal, v.relayed_to, v.platform, v.due, v.status, v.reason, v.events, v.feedback, v.source);
}
template <class A> void io(A& a, model::Meeting& v) { a(v.pos, v.date, v.attendees, v.needs, v.note); }
template <class A> void io(A& a, model::Platform& v) {
  a(static_cast<model::RecordBase&>(v), v.name, v.owner, v.level, v.category, v.cadence, v.established,
    v.participants, v.meetings, v.budget);
}
template <class A> void io(A& a, model::MemberDevelopment& v) { a(v.pos, v.planned, v.developed); }
template <class A> void io(A& a, model::BasePart& v) {
  a(v.pos, v.dues_paid_rate, v.statistics_on_time, v.organizational_life, v.member_development);
}
template <class A> void io(A& a, model::Target& v) { a(v.pos, v.metric, v.value); }
template <class A> void io(A& a, model::Outcome& v) { a(v.pos, v.value, v.note); }
template <class A> void io(A& a, model::Item& v) {
  a(v.pos, v.id, v.title, v.category, v.needs, v.platform, v.approval, v.target, v.weight, v.budget, v.progress,
    v.due, v.outcome);
}
template <class A> void io(A& a, model::Survey& v) { a(v.pos, v.respondents, v.mean); }
template <class A> void io(A& a, model::Award& v) { a(v.pos, v.kind, v.title, v.approved); }
template <class A> void io(A& a, model::Review& v) { a(v.pos, v.member_survey, v.public_survey, v.awards); }
template <class A> void io(A& a, model::Plan& v) {
  a(static_cast<model::RecordBase&>(v), v.branch, v.status, v.year, v.base, v.items, v.review);
}
template <class A> void io(A& a, model::Unusable& v) {
  a(static_cast<model::Place&>(v), v.rule, v.ids, v.serves);
}
template <class A> void io(A& a, model::Place& v) { a(v.file, v.pos, v.doc); }
template <class A> void io(A& a, i18n::Arg& v) {
  io_enum(a, v.kind, static_cast<int>(i18n::Arg::Kind::Msg));
  a(v.or_list, v.text, v.group, v.items, v.msg);
}
template <class A> void io(A& a, i18n::Message& v) { a(v.id, v.args); }
template <class A> void io(A& a, diag::Location& v) { a(v.file, v.pos); }
template <class A> void io(A& a, diag::Diagnostic::Waived& v) { a(v.inline_comment, v.reason, v.until, v.at); }
template <class A> void io(A& a, diag::Diagnostic& v) {
  a(v.file, v.pos, v.severity, v.rule, v.message, v.kind, v.id, v.has_related, v.related, v.waived, v.waiver);
}
template <class A> void io(A& a, FileStatus& v) {
  a(v.dev, v.ino, v.size, v.mtime_s, v.mtime_ns, v.ctime_s, v.ctime_ns);
}
template <class A> void io(A& a, waive::Waiver& v) {
  a(v.inline_comment, v.file, v.pos, v.rules, v.reason, v.until, v.line, v.record, v.kind, v.used);
}

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

struct Key {
  std::array<unsigned char, 16> bytes{};
  std::string hex() const { return cache::hex(bytes); }
};

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

template <class T>
void put_raw(std::string& s, T v) {
  s.append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <class T>
T get_raw(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
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
                                        const std::array<unsigned char, 16>& key, uint32_t* number = nullptr) {
  const auto h = head_of(file, magic, key, 1);
  if (!h || h->total != file.size()) return std::nullopt;
  const auto payload = section(file, *h, 0);
  if (payload && number) *number = h->number;
  return payload;
}

// An entry's bytes, read in parts into a buffer that grows to what is read and is not
// zeroed first (zeroing the first 16 KiB of every entry was 6% of a warm score's
// instructions).
class EntryBytes {
 public:
  // Reads on until the first `n` bytes are here; false if it cannot.
  bool read_up_to(int fd, size_t n) {
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
  std::string_view view() const { return {data_.get(), have_}; }

 private:
  std::unique_ptr<char[]> data_;
  size_t capacity_ = 0, have_ = 0;
};

// The needs' cores (RecordSet::need_cores, in the first section): the texts they point
// at once each in a table, then each core with indexes into it (0: none), its id, dates
// and packed history.
struct CoreFlags {
  static constexpr uint8_t kId = 1, kSatisfaction = 2, kReceived = 4, kDue = 8, kFeedbackDate = 16;
};

void write_cores(Writer& w, const model::RecordList<model::NeedCore>& cores) {
  std::vector<std::string> texts;
  std::unordered_map<const std::string*, uint32_t> index;
  auto ref = [&](const std::string* t) -> uint32_t {
    if (!t) return 0;
    const auto [it, added] = index.emplace(t, static_cast<uint32_t>(texts.size() + 1));
    if (added) texts.push_back(*t);
    return it->second;
  };
  std::vector<std::array<uint32_t, 4>> refs;
  refs.reserve(cores.size());
  for (const auto& c : cores) refs.push_back({ref(c.branch.p), ref(c.category.p), ref(c.platform.p), ref(c.layer)});
  w(texts);
  auto n = static_cast<uint32_t>(cores.size());
  uint64_t steps = 0;
  for (const auto& c : cores) steps += c.step_count;
  w(n, steps);
  size_t k = 0;
  for (const auto& c : cores) {
    auto place = c;  // io() takes references
    uint8_t flags = (c.id ? CoreFlags::kId : 0) | (c.satisfaction ? CoreFlags::kSatisfaction : 0) |
                    (c.received ? CoreFlags::kReceived : 0) | (c.due ? CoreFlags::kDue : 0) |
                    (c.feedback_date ? CoreFlags::kFeedbackDate : 0);
    auto r = refs[k++];
    w(place.file, place.pos, place.doc, flags, r, place.branch.pos, place.category.pos, place.platform.pos);
    if (c.id) {  // as io() writes a string, without copying it into one
      auto len = static_cast<uint32_t>((*c.id).size());
      w(len);
      w.raw((*c.id).data(), len);
    }
    if (c.satisfaction) w(place.satisfaction.v);
    if (c.received) w(place.received.v);
    if (c.due) w(place.due.v);
    if (c.feedback_date) w(place.feedback_date.v);
    w(place.step_count);
    for (const auto* s = c.steps_begin(); s != c.steps_end(); ++s) {
      uint32_t bits = s->bits();
      w(bits);
    }
  }
}

void read_cores(Reader& r, model::RecordSet& set) {
  std::vector<std::string> texts;
  r(texts);
  model::CoreBuilder b(set.pool());
  std::vector<const std::string*> kept{nullptr};
  for (const auto& t : texts) kept.push_back(b.text(t));
  auto text = [&kept](uint32_t ref) {
    if (ref >= kept.size()) throw Bad{};
    return kept[ref];
  };
  uint32_t n = 0;
  uint64_t all_steps = 0;
  r(n, all_steps);
  if (n > r.left() || all_steps > r.left() / 4) throw Bad{};  // every core takes more than a byte, a step 4
  b.reserve(n, all_steps);
  std::vector<model::NeedCore> cores(n);
  for (auto& c : cores) {
    uint8_t flags = 0;
    std::array<uint32_t, 4> refs{};
    r(c.file, c.pos, c.doc, flags, refs, c.branch.pos, c.category.pos, c.platform.pos);
    if (c.file >= set.files.size() || flags > 31) throw Bad{};
    c.branch.p = text(refs[0]);
    c.category.p = text(refs[1]);
    c.platform.p = text(refs[2]);
    c.layer = text(refs[3]);
    if (flags & CoreFlags::kId) {
      uint32_t len = 0;
      r(len);
      const std::string_view id(r.take(len), len);
      b.begin(&id);
    } else {
      b.begin(nullptr);
    }
    auto value = [&r](auto& v) {
      r(v.v);
      v.has = true;
    };
    if (flags & CoreFlags::kSatisfaction) value(c.satisfaction);
    if (flags & CoreFlags::kReceived) value(c.received);
    if (flags & CoreFlags::kDue) value(c.due);
    if (flags & CoreFlags::kFeedbackDate) value(c.feedback_date);
    uint32_t steps = 0;
    r(steps);
    if (steps > r.left() / 4) throw Bad{};
    const char* bits = r.take(size_t{steps} * 4);
    for (uint32_t i = 0; i < steps; ++i) {
      const auto step = model::PackedStep::from_bits(get_raw<uint32_t>(bits + 4 * size_t{i}));
      if (!step) throw Bad{};
      b.step(*step);
    }
    b.end(c);
  }
  b.finish(cores.begin());
  set.need_cores.append(std::move(cores));
}

int64_t now_ns() {
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
}

}  // namespace

std::string default_dir() {
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x == '/') return std::string(x) + "/svcorg";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/svcorg";
  return "";
}

Sections encode(const Entry& entry) {
  auto& e = const_cast<Entry&>(entry);  // io() takes references; the Writer only reads them
  auto& rs = e.records;
  Sections out;
  Writer first;
  first(rs.files, rs.districts, rs.branches, rs.platforms, rs.plans, rs.unusable, e.findings, e.waivers,
        e.need_findings, e.latest);
  write_cores(first, rs.need_cores);
  out.cores = std::move(first.out);
  Writer second;
  second(rs.needs);
  out.needs = std::move(second.out);
  return out;
}

bool decode(std::string_view cores, Entry& out) {
  Reader r(cores.data(), cores.data() + cores.size());
  auto& rs = out.records;
  try {
    r(rs.files, rs.districts, rs.branches, rs.platforms, rs.plans, rs.unusable, out.findings, out.waivers,
      out.need_findings, out.latest);
    read_cores(r, rs);
  } catch (const Bad&) {
    return false;
  } catch (const std::bad_alloc&) {
    return false;
  }
  return r.done();
}

bool decode_needs(std::string_view needs, Entry& out) {
  Reader r(needs.data(), needs.data() + needs.size());
  auto& rs = out.records;
  bool sound = false;
  try {
    r(rs.needs);
    sound = r.done() && rs.needs.size() == rs.need_cores.size() &&
            std::all_of(rs.needs.begin(), rs.needs.end(), [&](const model::Need& n) { return n.file < rs.files.size(); });
  } catch (const Bad&) {
  } catch (const std::bad_alloc&) {
  }
  if (!sound) rs.needs.clear();  // as before the call
  return sound;
}

Store::Store(std::string dir, uint64_t max_bytes, std::string options)
    : dir_(std::move(dir)), max_bytes_(max_bytes), options_(std::move(options)), start_ns_(now_ns()) {}

Store::~Store() {
  try {
    save_index();
    evict();
  } catch (...) {  // a cache problem never fails a run
  }
}

FileStatus FileStatus::of(const struct ::stat& st) {
  FileStatus f;
  f.dev = static_cast<uint64_t>(st.st_dev);
  f.ino = static_cast<uint64_t>(st.st_ino);
  f.size = static_cast<uint64_t>(st.st_size);
  f.mtime_s = st.st_mtim.tv_sec;
  f.mtime_ns = st.st_mtim.tv_nsec;
  f.ctime_s = st.st_ctim.tv_sec;
  f.ctime_ns = st.st_ctim.tv_nsec;
  return f;
}

bool operator==(const FileStatus& a, const FileStatus& b) {
  return std::tie(a.dev, a.ino, a.size, a.mtime_s, a.mtime_ns, a.ctime_s, a.ctime_ns) ==
         std::tie(b.dev, b.ino, b.size, b.mtime_s, b.mtime_ns, b.ctime_s, b.ctime_ns);
}

bool Store::read_entry(const std::array<unsigned char, 16>& key, const std::string& name, const Want& want,
                       Entry& out) {
  const std::string path = dir_ + "/" + hex(key) + ".svc";
  const util::Fd entry(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat st {};
  if (entry.get() < 0 || ::fstat(entry.get(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  const auto size = static_cast<uint64_t>(st.st_size);
  // The header and the first section; then the second, only when it is wanted.
  EntryBytes bytes;
  if (!bytes.read_up_to(entry.get(), static_cast<size_t>(std::min<uint64_t>(size, kFirstRead)))) return false;
  const auto h = head_of(bytes.view(), kMagic, key, 2);
  if (!h || h->total != size || !bytes.read_up_to(entry.get(), std::max<size_t>(bytes.view().size(), h->start(1))))
    return false;
  const auto cores = section(bytes.view(), *h, 0);
  Entry e;
  e.records.pools = out.records.pools;
  if (!cores || !decode(*cores, e) || e.records.files.size() != 1 || e.records.files.front() != name) return false;
  if (want.needs || !e.need_findings || (e.latest && want.today < *e.latest)) {
    if (!bytes.read_up_to(entry.get(), static_cast<size_t>(size))) return false;
    const auto needs = section(bytes.view(), *h, 1);
    if (!needs || !decode_needs(*needs, e)) return false;
    ++needs_read_;
  }
  out = std::move(e);
  // Recently used (for eviction), to the hour: touching every entry of every run wrote
  // 7,201 inodes per warm run of the 100k-need district.
  if (int64_t{st.st_mtim.tv_sec} + kTouchAfter < start_ns_ / 1'000'000'000) ::futimens(entry.get(), nullptr);
  ++hits_;
  return true;
}

void Store::load(const std::string& name, std::string_view bytes, const Want& want, Entry& out,
                 const std::function<void()>& parse, const FileStatus* status) {
  const Key key = key_of(name, options_, bytes);
  if (read_entry(key.bytes, name, want, out)) {
    record(name, status, key.bytes);
    return;
  }
  parse();
  // Store what the parse produced; any failure only means no entry.
  const Sections parts = encode(out);
  const std::string file = framed(kMagic, key.bytes, 0, {parts.cores, parts.needs});
  uint64_t disk = 0;
  if (!put(dir_ + "/" + key.hex() + ".svc", file, &disk)) return;
  ++writes_;
  written_bytes_ += disk;
  record(name, status, key.bytes);
}

bool Store::put(const std::string& path, std::string_view bytes, uint64_t* disk_bytes) {
  if (!dir_ready_) {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) return false;
    dir_ready_ = true;
  }
  // A unique temporary name per process and file, then rename: readers see the old
  // file, the new one or none, never a partial one. No fsync: an entry or index torn by
  // a crash fails its checksum and is rewritten.
  static std::atomic<uint64_t> counter{0};
  const std::string tmp = fmt::format("{}/.tmp-{}-{}", dir_, ::getpid(), counter++);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  // What the file will take on disk, as evict() counts it: its bytes rounded up to the
  // file system's block (st_blocks may not count them yet before the data is written out).
  struct stat st {};
  const uint64_t block = ::fstat(fd, &st) == 0 && st.st_blksize > 0 ? static_cast<uint64_t>(st.st_blksize) : 4096;
  size_t done = 0;
  bool ok = true;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    done += static_cast<size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return false;
  }
  if (disk_bytes) *disk_bytes = (bytes.size() + block - 1) / block * block;
  return true;
}

// The status index file: magic, format, entry count, the scope's key, the body's length
// and XXH3-64, then per entry: the name's length and bytes, the seven status fields and
// the entry key.
void Store::open_index(std::string_view scope) {
  save_index();
  recorded_.clear();
  start_ns_ = now_ns();
  const Key key = key_of("", options_, scope);  // no display path is empty
  index_key_ = key.bytes;
  index_path_ = dir_ + "/" + key.hex() + ".svi";
  use_index("", false);
  std::string file;
  const util::Fd fd(::open(index_path_.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0 || util::read_regular(fd.get(), uint64_t{1} << 30, file) != util::ReadResult::Ok) return;
  if (use_index(std::move(file), false)) ::futimens(fd.get(), nullptr);  // recently used (for eviction)
}

bool Store::use_index(std::string file, bool hit) {
  index_.clear();
  index_hit_.clear();
  index_file_ = std::move(file);  // names are views of its bytes: one allocation for the index
  uint32_t count = 0;
  const auto payload = unframe(index_file_, kIndexMagic, index_key_, &count);
  if (!payload) return false;
  Reader r(payload->data(), payload->data() + payload->size());
  std::vector<std::pair<std::string_view, Indexed>> read;
  try {
    read.reserve(std::min<size_t>(count, index_file_.size() / 80));
    for (uint32_t i = 0; i < count; ++i) {
      uint32_t n = 0;
      r(n);
      const std::string_view name(r.take(n), n);
      Indexed e;
      r(e.status, e.key);
      read.emplace_back(name, e);
    }
  } catch (const Bad&) {
    return false;
  }
  const auto by_name = [](const auto& x, const auto& y) { return x.first < y.first; };
  if (!r.done() || !std::is_sorted(read.begin(), read.end(), by_name)) return false;  // written sorted
  index_ = std::move(read);
  index_hit_.assign(index_.size(), hit ? 1 : 0);
  return true;
}

size_t Store::indexed(std::string_view name) const {
  const auto it = std::lower_bound(index_.begin(), index_.end(), name,
                                   [](const auto& e, std::string_view n) { return e.first < n; });
  return it != index_.end() && it->first == name ? static_cast<size_t>(it - index_.begin()) : index_.size();
}

bool Store::load_unchanged(const std::string& name, const FileStatus& status, const Want& want, Entry& out) {
  const size_t at = indexed(name);
  if (at == index_.size()) return false;
  const Indexed& e = index_[at].second;
  if (!(e.status == status) || !read_entry(e.key, name, want, out)) return false;
  ++status_hits_;
  index_hit_[at] = 1;  // kept as the index has it (each thread marks the files it loads)
  return true;
}

void Store::record(const std::string& name, const FileStatus* status, const std::array<unsigned char, 16>& key) {
  if (!status || index_path_.empty()) return;
  const int64_t changed = std::max(status->mtime_s * 1'000'000'000 + status->mtime_ns,
                                   status->ctime_s * 1'000'000'000 + status->ctime_ns);
  if (changed + settle_ns_ >= start_ns_) return;  // too recent to be told apart from a later change
  const std::lock_guard<std::mutex> lock(recorded_mutex_);
  recorded_.emplace_back(name, Indexed{*status, key});
}

void Store::save_index() {
  if (index_path_.empty()) return;
  const std::lock_guard<std::mutex> lock(recorded_mutex_);
  // Nothing new and every file of the index found by its status: the index holds.
  if (recorded_.empty() && std::all_of(index_hit_.begin(), index_hit_.end(), [](unsigned char h) { return h; }))
    return;
  // This run's files by name: those found by their status, as the index has them, then
  // those recorded (of a name loaded twice, the later record).
  std::vector<std::pair<std::string_view, Indexed>> r;
  r.reserve(index_.size() + recorded_.size());
  for (size_t i = 0; i < index_.size(); ++i)
    if (index_hit_[i]) r.push_back(index_[i]);
  for (const auto& [name, e] : recorded_) r.emplace_back(name, e);
  std::stable_sort(r.begin(), r.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  const auto same_name = [](const auto& a, const auto& b) { return a.first == b.first; };
  r.erase(r.begin(), std::unique(r.rbegin(), r.rend(), same_name).base());
  if (r != index_) {
    Writer body;
    for (auto& [name, e] : r) {
      std::string n(name);
      body(n, e.status, e.key);
    }
    std::string out = framed(kIndexMagic, index_key_, static_cast<uint32_t>(r.size()), {body.out});
    if (!put(index_path_, out, nullptr)) return;
    use_index(std::move(out), true);  // what is on disk now
  }
  index_hit_.assign(index_.size(), 1);  // a second save (the destructor's) has nothing to do
  recorded_.clear();
}

void Store::evict() {
  if (writes_ == 0) return;
  // One fstatat per entry (a folder at the default bound can hold 100,000 entries or
  // more), and each entry counts the disk space it takes (st_blocks), so that `du` of
  // the folder agrees with --cache-size: entries are small, and 4 KiB blocks made a
  // folder of many small entries take twice its bytes.
  struct Item {
    timespec mtime;
    uint64_t size;
    std::string name;
  };
  std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dir_.c_str()), ::closedir);
  if (!d) return;
  const int fd = ::dirfd(d.get());
  std::vector<Item> items;
  uint64_t total = 0;
  while (const dirent* e = ::readdir(d.get())) {
    const std::string_view name = e->d_name;
    // Entries and status indexes.
    if (name.size() <= 4 || (name.substr(name.size() - 4) != ".svc" && name.substr(name.size() - 4) != ".svi"))
      continue;
    struct stat st {};
    if (::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
    const uint64_t size = static_cast<uint64_t>(st.st_blocks) * 512;
    total += size;
    items.push_back({st.st_mtim, size, std::string(name)});
  }
  if (total <= max_bytes_) return;
  // Oldest first; the name breaks ties, so which entries go does not depend on the
  // order the folder lists them in.
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return std::tie(a.mtime.tv_sec, a.mtime.tv_nsec, a.name) < std::tie(b.mtime.tv_sec, b.mtime.tv_nsec, b.name);
  });
  for (const auto& it : items) {
    if (total <= max_bytes_) break;
    if (::unlinkat(fd, it.name.c_str(), 0) == 0) total -= it.size;
  }
}

}  // namespace svcorg::cache
