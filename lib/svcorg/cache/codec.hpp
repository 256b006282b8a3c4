// The parse cache's binary codec (internal to cache/): one io() per type, used both ways —
// a Writer reads the fields of a value into bytes, a Reader fills them back and refuses
// malformed bytes (`Bad`): every count, length and enum value is checked against what is
// left. The generic overloads (numbers, bools, strings, containers) are defined here; the
// records' overloads in codec.cpp, the only place that encodes records. Every overload is
// declared before any is defined, so the templates see them all.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "svcorg/cache/cache.hpp"
#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/i18n/message.hpp"
#include "svcorg/model/records.hpp"
#include "svcorg/waive/waive.hpp"
#include "svcorg/yaml/tree.hpp"

namespace svcorg::cache::codec {

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
// Every call passes the archive (a Writer or Reader, of this namespace), so the overloads
// are found by argument-dependent lookup where the templates are instantiated, wherever
// they are defined: no list of declarations to keep in step.
template <class T, std::enable_if_t<std::is_arithmetic_v<T> && !std::is_same_v<T, bool>, int> = 0>
void io(Writer& w, T& v) {
  w.raw(&v, sizeof v);
}
template <class T, std::enable_if_t<std::is_arithmetic_v<T> && !std::is_same_v<T, bool>, int> = 0>
void io(Reader& r, T& v) {
  r.raw(&v, sizeof v);
}

template <class... T>
void Writer::operator()(T&... v) {
  (io(*this, v), ...);
}
template <class... T>
void Reader::operator()(T&... v) {
  (io(*this, v), ...);
}

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
template <class A>
void io(A& a, diag::Severity& v) {
  io_enum(a, v, 1);
}
template <class A>
void io(A& a, yaml::Node::Type& v) {
  io_enum(a, v, 3);
}
template <class A>
void io(A& a, model::NeedStatus& v) {
  io_enum(a, v, 5);
}
template <class A>
void io(A& a, model::Kind& v) {
  io_enum(a, v, static_cast<int>(model::Kind::Plan));
}

inline void io(Writer& w, std::string& v) {
  auto n = static_cast<uint32_t>(v.size());
  io(w, n);
  w.raw(v.data(), v.size());
}
inline void io(Reader& r, std::string& v) {
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
void io(A& a, std::pair<T, U>& v) {
  a(v.first, v.second);
}

template <class A>
void io(A& a, Pos& v) {
  a(v.line, v.col);
}
template <class A>
void io(A& a, util::Date& v) {
  a(v.days);
}
template <class A, class T>
void io(A& a, model::F<T>& v) {
  a(v.v, v.pos, v.has);
}

template <class A>
void io(A& a, yaml::Node& v) {
  a(v.type, v.pos, v.plain, v.tag, v.value, v.items, v.entries);
}

template <class A>
void io(A& a, std::shared_ptr<const yaml::Node>& v) {
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

template <class A>
void io(A& a, FileStatus& v) {
  a(v.dev, v.ino, v.size, v.mtime_s, v.mtime_ns, v.ctime_s, v.ctime_ns);
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

}  // namespace svcorg::cache::codec
