// A JSON writer that streams what nlohmann::ordered_json's dump(2) would print for the
// same document (keys in the order written, two-space indentation, UTF-8 left as it is),
// byte for byte, without building the tree first. `svcorg score --format json` built an
// ordered_json of every branch and dumped it: a tenth of a warm run's instructions, on
// one thread at its end. The unit tests compare the two on every kind of value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace svcorg::render {

class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  // The next member's name, in an object; its value follows.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b);
  JsonWriter& value(std::nullptr_t);
  JsonWriter& value(double d);  // NaN and infinities as null, as nlohmann does
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  JsonWriter& value(T i) {
    if constexpr (std::is_signed_v<T>)
      return integer(static_cast<int64_t>(i));
    else
      return integer(static_cast<uint64_t>(i));
  }
  // A number, or null when there is none.
  JsonWriter& value(const std::optional<double>& d) { return d ? value(*d) : value(nullptr); }

  // A member: key(name), then value(v).
  template <class T>
  JsonWriter& member(std::string_view name, const T& v) {
    return key(name).value(v);
  }

  // The text written so far (the whole document once every container is closed).
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  template <class T>
  JsonWriter& integer(T i);  // int64_t or uint64_t
  void next_line();
  void before_value();
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void indent(size_t depth);
  void quoted(std::string_view s);

  struct Level {
    bool empty = true;
  };
  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace svcorg::render
