#include "svcorg/render/json_writer.hpp"

#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "svcorg/util/text.hpp"

namespace svcorg::render {

void JsonWriter::indent(size_t depth) { out_.append(2 * depth, ' '); }

// Where a value starts: after its key, or as the next element of an array (on a line of
// its own), or at the top.
void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& l = levels_.back();
  out_ += l.empty ? "\n" : ",\n";
  l.empty = false;
  indent(levels_.size());
}

JsonWriter& JsonWriter::key(std::string_view name) {
  Level& l = levels_.back();
  out_ += l.empty ? "\n" : ",\n";
  l.empty = false;
  indent(levels_.size());
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

JsonWriter& JsonWriter::integer(int64_t bits, bool is_unsigned) {
  before_value();
  char buf[24];
  const auto r = is_unsigned ? std::to_chars(buf, buf + sizeof buf, static_cast<uint64_t>(bits))
                             : std::to_chars(buf, buf + sizeof buf, bits);
  out_.append(buf, static_cast<size_t>(r.ptr - buf));
  return *this;
}

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
