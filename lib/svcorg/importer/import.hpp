// `svcorg import needs`: the map file (which column or fixed value gives each field of a
// new need, value tables, date formats) and the mapping of a CSV export's rows to new
// needs, every row checked, every problem at its row and column (docs/IMPORT.md). Pure:
// no disk; cmd/import.cpp reads the files, assigns ids, validates and writes.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "svcorg/edit/edit.hpp"
#include "svcorg/i18n/message.hpp"
#include "svcorg/importer/csv.hpp"
#include "svcorg/util/date.hpp"
#include "svcorg/util/pos.hpp"

namespace svcorg::importer {

// A scalar of the map file with where it is written.
struct Located {
  std::string text;
  Pos pos;
};

// How one field of a new need is filled: a fixed `value`, or a `column` of the export
// (its cell replaced through `table` when there is one; dates read with one of `formats`).
struct FieldMap {
  std::string field;  // branch, received, channel, category, summary, scope, layer, disposal, relayed_to, due
  Pos pos;            // of the field's key
  std::optional<Located> value, column;
  std::vector<std::pair<Located, Located>> table;  // cell -> value, in file order
  bool has_table = false;
  std::vector<Located> formats;  // dates only; none: YYYY-MM-DD
};

struct Map {
  Located system;       // `source`: x-source.system of every imported need
  Located case_column;  // `case`: the column of the case number
  std::vector<FieldMap> fields;
  const FieldMap* find(std::string_view field) const;
};

struct MapError {
  Pos pos;
  i18n::Message message;
};

// Reads a map file. False, with every error at its place, when it is not one.
bool read_map(std::string_view text, Map& map, std::vector<MapError>& errors);

// A date written in `format`: YYYY (4 digits), M and D (1 or 2 digits), MM and DD (2),
// hh, mm and ss (a time of day, 1-2 digits for hh, checked and dropped); any other
// character stands for itself. nullopt when `text` is not such a date.
std::optional<util::Date> read_date(std::string_view text, std::string_view format);

// What the repository holds that rows are checked against.
struct Known {
  std::map<std::string, std::vector<std::string>> branches;  // id -> need categories its type allows
  std::vector<std::string> categories;                       // every need category of any type
  std::map<std::string, std::string> category_labels;        // the District's: name -> label
  std::set<std::string> cases;                               // case numbers of `system` already recorded
};

// Problems of the map against the repository (a table's branch id or value that is not
// allowed) and against the export's header (a column it does not have).
std::vector<MapError> check_map(const Map& map, const Known& known);

// One row mapped to a new need (its id not yet given).
struct Mapped {
  size_t row = 0, line = 0;
  edit::NewNeed need;
};

struct RowError {
  size_t row = 0, line = 0;
  std::string column;  // the header's name ("" when the problem is the row's)
  i18n::Message message;
};

struct Imported {
  std::vector<Mapped> needs;         // in row order
  size_t already = 0;                // rows whose case number the repository holds
  size_t rows = 0;                   // rows read after the header
  std::vector<MapError> map_errors;  // columns the header does not have
  std::vector<RowError> errors;      // structure first, then rows in order
  bool structure = false;            // the errors are of the file's structure (no row was mapped)
};

// Reads `text` (UTF-8) as an export and maps every row through `map` (checked by
// check_map). Any error: `needs` is to be discarded.
Imported map_rows(std::string_view text, const Map& map, const Known& known, CsvLimits limits);

}  // namespace svcorg::importer
