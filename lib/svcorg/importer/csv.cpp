#include "svcorg/importer/csv.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>

#include "svcorg/util/text.hpp"

namespace svcorg::importer {

namespace {

size_t line_of(std::string_view text, size_t offset) {
  return static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n')) + 1;
}

// GB18030 to UTF-8 with glibc's iconv; false (and the offset of the first byte it could
// not read) when `bytes` are not GB18030 text.
bool from_gb18030(std::string_view bytes, std::string& out, size_t& bad) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    bad = 0;
    return false;
  }
  out.assign(bytes.size() * 2 + 16, '\0');  // a GB18030 character is 1-4 bytes, its UTF-8 at most 4
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* to = out.data();
  size_t to_left = out.size();
  bool ok = true;
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &to, &to_left) != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) {
      const size_t done = static_cast<size_t>(to - out.data());
      out.resize(out.size() * 2);
      to = out.data() + done;
      to_left = out.size() - done;
      continue;
    }
    ok = false;
    bad = static_cast<size_t>(in - bytes.data());
    break;
  }
  iconv_close(cd);
  if (!ok) return false;
  out.resize(static_cast<size_t>(to - out.data()));
  return true;
}

}  // namespace

util::Result<std::string> decode(std::string bytes, Encoding asked, Encoding& used, const std::string& file) {
  const auto at_line = [&](const std::string& text, size_t offset, i18n::Message message) {
    return util::fail(
        i18n::Message("import.at-line", {{"file", file}, {"line", line_of(text, offset)}, {"message", message}}));
  };
  const std::string_view bom = "\xEF\xBB\xBF";
  const bool has_bom = std::string_view(bytes).substr(0, 3) == bom;
  const auto utf8 = util::check_utf8(bytes);
  used = asked == Encoding::Auto ? (utf8 ? Encoding::Gb18030 : Encoding::Utf8) : asked;
  if (used == Encoding::Utf8) {
    if (utf8) return at_line(bytes, utf8->offset, i18n::Message("import.encoding.utf8", {{"what", utf8->what}}));
    if (has_bom) bytes.erase(0, 3);
    return bytes;
  }
  std::string out;
  size_t bad = 0;
  if (!from_gb18030(bytes, out, bad)) return at_line(bytes, bad, i18n::Message("import.encoding.gb18030"));
  std::string().swap(bytes);                   // the file and its text are never both held past here
  if (const auto nul = util::check_utf8(out))  // GB18030 reads a NUL byte as U+0000
    return at_line(out, nul->offset, i18n::Message("import.encoding.gb18030"));
  if (std::string_view(out).substr(0, 3) == bom) out.erase(0, 3);  // GB18030's BOM is U+FEFF too
  return out;
}

bool CsvReader::next(Row& row) {
  while (!stopped_ && record(row)) {
    const bool empty =
        std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) { return f.empty(); });
    if (empty) continue;
    if (!width_) {
      width_ = row.fields.size();
      return true;
    }
    if (++rows_ > limits_.max_rows) {
      errors_.push_back(
          {row.number, row.line, std::nullopt, i18n::Message("import.csv.too-many-rows", {{"max", limits_.max_rows}})});
      stopped_ = true;
      return false;
    }
    if (row.fields.size() != *width_) {
      errors_.push_back({row.number, row.line, std::nullopt,
                         i18n::Message("import.csv.ragged", {{"fields", row.fields.size()}, {"header", *width_}})});
      continue;
    }
    return true;
  }
  return false;
}

bool CsvReader::record(Row& row) {
  if (at_ >= text_.size()) return false;
  row.fields.clear();
  row.line = line_;
  row.number = ++records_;
  std::string field;
  auto too_big = [&]() {
    errors_.push_back({row.number, row.line, row.fields.size(),
                       i18n::Message("import.csv.field-too-big", {{"max", limits_.max_field}})});
    stopped_ = true;
    return false;
  };
  for (;;) {
    field.clear();
    if (at_ < text_.size() && text_[at_] == '"') {
      const size_t open_line = line_;
      ++at_;
      for (;;) {
        const size_t quote = text_.find('"', at_);
        if (quote == std::string_view::npos) {
          errors_.push_back({row.number, open_line, row.fields.size(), i18n::Message("import.csv.unclosed-quote")});
          stopped_ = true;
          return false;
        }
        const std::string_view part = text_.substr(at_, quote - at_);
        line_ += static_cast<size_t>(std::count(part.begin(), part.end(), '\n'));
        if (field.size() + part.size() > limits_.max_field) return too_big();
        field.append(part);
        at_ = quote + 1;
        if (at_ < text_.size() && text_[at_] == '"') {  // a doubled quote is one quote
          field += '"';
          ++at_;
          continue;
        }
        break;
      }
      // After the closing quote: a comma, a line end or the end of the text.
      if (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '\n' &&
          !(text_[at_] == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') &&
          !(text_[at_] == '\r' && at_ + 1 == text_.size())) {
        errors_.push_back({row.number, line_, row.fields.size(), i18n::Message("import.csv.after-quote")});
        stopped_ = true;
        return false;
      }
    } else {
      const size_t start = at_;
      const size_t end = std::min(text_.find_first_of(",\n", at_), text_.size());
      size_t stop = end;
      if (stop > at_ && text_[stop - 1] == '\r' && (stop == text_.size() || text_[stop] == '\n')) --stop;
      at_ = end;
      if (stop - start > limits_.max_field) return too_big();
      field.assign(text_.substr(start, stop - start));
    }
    row.fields.push_back(std::move(field));
    if (at_ < text_.size() && text_[at_] == '\r') ++at_;
    if (at_ >= text_.size()) return true;
    if (text_[at_] == ',') {
      ++at_;
      if (at_ >= text_.size()) {  // a last empty field
        row.fields.emplace_back();
        return true;
      }
      continue;
    }
    ++at_;  // '\n'
    ++line_;
    return true;
  }
}

}  // namespace svcorg::importer
