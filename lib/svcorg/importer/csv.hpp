// Reading a CSV export (`svcorg import needs`): its bytes decoded to UTF-8 (UTF-8 with or
// without a BOM, or GB18030/GBK as Excel on Chinese Windows saves it), then read as RFC
// 4180 records (quoted fields with commas, line breaks and doubled quotes, CRLF or LF),
// one record at a time, within limits (docs/IMPORT.md "Limits"). Pure: no disk.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/i18n/message.hpp"
#include "svcorg/util/result.hpp"

namespace svcorg::importer {

enum class Encoding { Auto, Utf8, Gb18030 };

// `bytes` as UTF-8 text, without a BOM. Auto: valid UTF-8 is UTF-8, anything else is
// decoded as GB18030 (a superset of GBK and GB2312; glibc's iconv). `used` says which was
// read. When the bytes are not text of it, fails with import.at-line: `file` (as shown),
// the line of the first byte that is not of the encoding, and why (import.encoding.*).
util::Result<std::string> decode(std::string bytes, Encoding asked, Encoding& used, const std::string& file);

struct CsvLimits {
  size_t max_rows = 1'000'000;  // records after the header
  size_t max_field = 1 << 20;   // bytes of one field (UTF-8)
};

// One record: its fields, its number counting the header as row 1 (what a spreadsheet
// shows), and the line of the file it starts on (a quoted field may hold line breaks).
struct Row {
  size_t number = 0, line = 0;
  std::vector<std::string> fields;
};

// A problem with the file's structure, at a row (0: none) and column (index into the
// header, when known), on a line.
struct CsvError {
  size_t row = 0, line = 0;
  std::optional<size_t> column;
  i18n::Message message;
};

// Reads `text` record by record. Blank lines and records whose fields are all empty are
// skipped (spreadsheets write them after the data). The first record is the header; every
// other record must have as many fields (else an error, and reading goes on).
class CsvReader {
 public:
  CsvReader(std::string_view text, CsvLimits limits) : text_(text), limits_(limits) {}
  // The next record into `row`; false at the end or after an error that stops reading (an
  // unclosed quote, a limit). Errors are collected in errors().
  bool next(Row& row);
  const std::vector<CsvError>& errors() const { return errors_; }

 private:
  // Reads one record's fields; false at the end of the text or on an error.
  bool record(Row& row);
  std::string_view text_;
  CsvLimits limits_;
  size_t at_ = 0, line_ = 1, rows_ = 0, records_ = 0;
  std::optional<size_t> width_;  // the header's field count
  bool stopped_ = false;
  std::vector<CsvError> errors_;
};

}  // namespace svcorg::importer
