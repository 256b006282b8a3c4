#include "svcorg/render/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "svcorg/util/text.hpp"

namespace svcorg::render {

void JsonWriter::indent(size_t depth) {
  out_.append(2 * depth, ' ');
}

// The next member or element of the open container, on a line of its own.
void JsonWriter::next_line() {
  Level& l = levels_.back();
  out_ += l.empty ? "\n" : ",\n";
  l.empty = false;
  indent(levels_.size());
}

// Where a value starts: after its key, or as the next element of an array, or at the top.
void JsonWriter::before_value() {
  if (after_key_)
    after_key_ = false;
  else if (!levels_.empty())
    next_line();
}

JsonWriter& JsonWriter::key(std::string_view name) {
  next_line();
  quoted(name);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  levels_.push_back({});
  return *this;
}

// An empty container closes on its line (`[]`, `{}`); a full one on a line of its own.
JsonWriter& JsonWriter::close(char bracket) {
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty) {
    out_ += '\n';
    indent(levels_.size());
  }
  out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  quoted(s);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::value(std::nullptr_t) {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  before_value();
  if (!std::isfinite(d)) {
    out_ += "null";
    return *this;
  }
  // nlohmann's own shortest round-trip digits and layout (Grisu2; `1.0`, `0.0001`,
  // `1e+16`), so that every number is printed as dump() prints it.
  char buf[64];
  const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, d);
  out_.append(buf, static_cast<size_t>(end - buf));
  return *this;
}

template <class T>
JsonWriter& JsonWriter::integer(T i) {
  before_value();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, i);
  out_.append(buf, static_cast<size_t>(r.ptr - buf));
  return *this;
}
template JsonWriter& JsonWriter::integer(int64_t);
template JsonWriter& JsonWriter::integer(uint64_t);

// A string as dump() writes it without ensure_ascii: `"` and `\` escaped, the control
// characters below U+0020 as \b \t \n \f \r or \u00XX (lower-case hex), everything else
// as it is. svcorg's texts are valid UTF-8 (the loader refuses anything else); any other
// text goes through nlohmann itself, which replaces its invalid bytes with U+FFFD.
void JsonWriter::quoted(std::string_view s) {
  if (util::check_utf8(s)) {
    out_ += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out_ += '"';
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(s.data() + from, i - from);
    from = i + 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\t':
        out_ += "\\t";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\r':
        out_ += "\\r";
        break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xF];
      }
    }
  }
  out_.append(s.data() + from, s.size() - from);
  out_ += '"';
}

}  // namespace svcorg::render
