// How library code fails: a function that can fail returns a Result<T>, either its value
// or a Failure, which is a catalogue message (i18n::Message) saying what went wrong and
// what to do. Library code neither prints nor exits nor lets an exception cross a module:
// the caller passes a Failure up, or (cmd/ alone) renders it in the command's language
// and picks the exit code.
//
//   util::Result<std::string> read(const std::string& path) {
//     if (...) return util::fail(i18n::Message("load.too-big", {{"path", path}}));
//     return text;
//   }
//   auto text = read(path);
//   if (!text) return text.failure();   // pass it up (any Result<U>)
//   use(*text);
#pragma once

#include <type_traits>
#include <utility>
#include <variant>

#include "svcorg/i18n/message.hpp"

namespace svcorg::util {

// What went wrong, as a person reads it.
struct Failure {
  i18n::Message message;
};

// A Failure of `message`: `return util::fail(i18n::Message("area.id", {...}));`.
inline Failure fail(i18n::Message message) {
  return Failure{std::move(message)};
}

// A value of T, or a Failure. Test it (`if (!r)`) before reading the value.
template <class T>
class [[nodiscard]] Result {
  static_assert(!std::is_same_v<T, Failure>, "a Result of a Failure says nothing");

 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}            // NOLINT: return value;
  Result(Failure failure) : v_(std::in_place_index<1>, std::move(failure)) {}  // NOLINT: return fail(...);

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // The value; only when ok().
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // What went wrong; only when !ok().
  const Failure& failure() const& { return std::get<1>(v_); }
  Failure&& failure() && { return std::get<1>(std::move(v_)); }
  const i18n::Message& error() const { return failure().message; }

 private:
  std::variant<T, Failure> v_;
};

// Success without a value, or a Failure.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Failure failure) : failure_(std::move(failure)), ok_(false) {}  // NOLINT: return fail(...);

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }

  // What went wrong; only when !ok().
  const Failure& failure() const& { return failure_; }
  Failure&& failure() && { return std::move(failure_); }
  const i18n::Message& error() const { return failure_.message; }

 private:
  Failure failure_;
  bool ok_ = true;
};

// Success, for functions returning Result<void>: `return util::ok();`.
inline Result<void> ok() {
  return {};
}

}  // namespace svcorg::util
