// A table whose cells keep their type: what the CSV and the XLSX outputs of `svcorg needs`
// and `svcorg score` are both written from, so the two have the same columns in the same
// order under the same headers.
#pragma once

#include <string>
#include <vector>

#include "svcorg/render/table.hpp"
#include "svcorg/util/date.hpp"

namespace svcorg::render {

struct Cell {
  enum class Kind { Empty, Text, Number, Date };
  Kind kind = Kind::Empty;
  std::string text;   // the cell as CSV writes it (a number formatted, a date as YYYY-MM-DD)
  double number = 0;  // Number: the value, already rounded as the JSON rounds it
  int decimals = 0;   // Number: shown with this many decimals (0: a whole number)
  util::Date date;    // Date

  static Cell empty() { return {}; }
  static Cell of_text(std::string s);  // an empty text is an empty cell
  static Cell of_number(double v, int decimals, std::string shown);
  static Cell of_int(long long v);
  static Cell of_date(util::Date d);
};

struct Sheet {
  std::string name;  // the XLSX sheet's name, in the language of the run
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;  // each as long as `header`
};

// The sheet as a text table for CSV: a column is numeric (written as it is, never
// neutralized) when its cells are numbers or empty.
Table csv_table(const Sheet& s);

}  // namespace svcorg::render
