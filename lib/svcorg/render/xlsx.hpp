// `--format xlsx`: sheets written as one Excel workbook with libxlsxwriter (Debian
// libxlsxwriter-dev: real XLSX, a zip of Office Open XML parts). Each sheet has a bold,
// frozen header row, an autofilter over the table and columns wide enough for their
// longest cell. Text is always a string cell, never a formula (a summary `=1+1` shows as
// typed); numbers are numbers, dates Excel dates shown `yyyy-mm-dd`, empty cells empty.
// docs/FORMAT.md, "XLSX".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "svcorg/i18n/message.hpp"
#include "svcorg/render/sheet.hpp"
#include "svcorg/util/date.hpp"
#include "svcorg/util/result.hpp"

namespace svcorg::render {

// The widest a column gets, in Excel's character widths.
constexpr size_t kMaxColumnWidth = 60;

// The width of column `col`: the display width of its longest cell, header included (a
// CJK character counts 2, as it takes two columns), plus 2 for the filter button, at most
// kMaxColumnWidth.
size_t column_width(const Sheet& s, size_t col);

// Writes `sheets` to `path` as one workbook. Its creation time (document properties) is
// `created` at 00:00 UTC, so the same sheets give the same bytes. Fails with
// render.xlsx.failed with libxlsxwriter's reason (and the cell it was about), having
// written what it may: the caller writes to a temporary file (util::write_file_with) and
// gives the file the person named as `shown` (messages name it; empty: `path`).
util::Result<void> write_xlsx(const std::string& path, const std::vector<Sheet>& sheets, util::Date created,
                              const std::string& shown = {});

}  // namespace svcorg::render
