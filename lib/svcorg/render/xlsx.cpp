#include "svcorg/render/xlsx.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <ctime>

#include "svcorg/render/table.hpp"

namespace svcorg::render {

namespace {

// Excel counts days from 1899-12-30 (its 1900 leap-year bug included); util::Date from 1970-01-01.
constexpr double kExcelDaysTo1970 = 25569;

// One workbook, closed (and freed) once: by close(), which says what went wrong, or by the
// destructor on a path that returns early. The first error of a write is kept.
class Workbook {
 public:
  Workbook(const std::string& path, const std::string& shown, util::Date created) : path_(shown) {
    lxw_workbook_options options{};
    book_ = workbook_new_opt(path.c_str(), &options);
    if (!book_) {
      fail(lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
      return;
    }
    lxw_doc_properties properties{};
    properties.created = static_cast<time_t>(created.days) * 86400;
    keep(workbook_set_properties(book_, &properties));
    header_ = workbook_add_format(book_);
    format_set_bold(header_);
    date_ = workbook_add_format(book_);
    format_set_num_format(date_, "yyyy-mm-dd");
    two_ = workbook_add_format(book_);
    format_set_num_format(two_, "0.00");
    four_ = workbook_add_format(book_);
    format_set_num_format(four_, "0.0000");
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  ~Workbook() {
    if (book_) workbook_close(book_);
  }

  void sheet(const Sheet& s) {
    if (!error_.empty() || !book_) return;
    sheet_ = s.name;
    // Checked first: workbook_add_worksheet would print its own warning on stderr.
    if (const lxw_error err = workbook_validate_sheet_name(book_, s.name.c_str()); err != LXW_NO_ERROR) {
      fail(lxw_strerror(err));
      return;
    }
    lxw_worksheet* ws = workbook_add_worksheet(book_, s.name.c_str());
    if (!ws) {
      fail(lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
      return;
    }
    for (size_t col = 0; col < s.header.size(); ++col) {
      at(0, col, worksheet_write_string(ws, 0, static_cast<lxw_col_t>(col), s.header[col].c_str(), header_));
      keep(worksheet_set_column(ws, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                                static_cast<double>(column_width(s, col)), nullptr));
    }
    for (size_t r = 0; r < s.rows.size(); ++r)
      for (size_t col = 0; col < s.rows[r].size(); ++col) cell(ws, r + 1, col, s.rows[r][col]);
    worksheet_freeze_panes(ws, 1, 0);
    if (!s.header.empty())
      keep(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(s.rows.size()),
                                static_cast<lxw_col_t>(s.header.size() - 1)));
  }

  util::Result<void> close() {
    if (book_) {
      const lxw_error err = workbook_close(book_);
      book_ = nullptr;
      if (error_.empty() && err != LXW_NO_ERROR) fail(lxw_strerror(err));
    }
    if (!error_.empty()) return util::fail(error_);
    return util::ok();
  }

 private:
  void cell(lxw_worksheet* ws, size_t r, size_t col, const Cell& c) {
    const auto row = static_cast<lxw_row_t>(r);
    const auto column = static_cast<lxw_col_t>(col);
    switch (c.kind) {
      case Cell::Kind::Empty:
        return;
      case Cell::Kind::Text:  // a string cell, whatever it starts with: never a formula
        return at(r, col, worksheet_write_string(ws, row, column, c.text.c_str(), nullptr));
      case Cell::Kind::Number:
        return at(r, col,
                  worksheet_write_number(ws, row, column, c.number,
                                         c.decimals == 0   ? nullptr
                                         : c.decimals <= 2 ? two_
                                                           : four_));
      case Cell::Kind::Date:
        return at(r, col, worksheet_write_number(ws, row, column, c.date.days + kExcelDaysTo1970, date_));
    }
  }
  // An error about a cell names it: sheet 台账, cell V12.
  void at(size_t r, size_t col, lxw_error err) {
    if (err == LXW_NO_ERROR || !error_.empty()) return;
    char ref[LXW_MAX_CELL_NAME_LENGTH];
    lxw_rowcol_to_cell(ref, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(col));
    fail(i18n::Message("render.xlsx.cell",
                       {{"sheet", sheet_}, {"cell", std::string(ref)}, {"error", std::string(lxw_strerror(err))}}));
  }
  void keep(lxw_error err) {
    if (err != LXW_NO_ERROR) fail(lxw_strerror(err));
  }
  // libxlsxwriter's reason is in English only (lxw_strerror), inside a message of ours.
  void fail(i18n::Arg why) {
    if (error_.empty()) error_ = i18n::Message("render.xlsx.failed", {{"path", path_}, {"error", std::move(why)}});
  }
  void fail(const char* why) { fail(i18n::Arg(std::string(why))); }

  std::string path_;
  lxw_workbook* book_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* two_ = nullptr;
  lxw_format* four_ = nullptr;
  std::string sheet_;
  i18n::Message error_;
};

}  // namespace

size_t column_width(const Sheet& s, size_t col) {
  size_t widest = col < s.header.size() ? display_width(s.header[col]) : 0;
  for (const auto& row : s.rows)
    if (col < row.size()) widest = std::max(widest, display_width(row[col].text));
  return std::min(widest + 2, kMaxColumnWidth);
}

util::Result<void> write_xlsx(const std::string& path, const std::vector<Sheet>& sheets, util::Date created,
                              const std::string& shown) {
  Workbook book(path, shown.empty() ? path : shown, created);
  for (const auto& s : sheets) book.sheet(s);
  return book.close();
}

}  // namespace svcorg::render
