#include "svcorg/render/sheet.hpp"

#include <utility>

namespace svcorg::render {

Cell Cell::of_text(std::string s) {
  Cell c;
  if (!s.empty()) c.kind = Kind::Text;
  c.text = std::move(s);
  return c;
}

Cell Cell::of_number(double v, int decimals, std::string shown) {
  Cell c;
  c.kind = Kind::Number;
  c.number = v;
  c.decimals = decimals;
  c.text = std::move(shown);
  return c;
}

Cell Cell::of_int(long long v) {
  return of_number(static_cast<double>(v), 0, std::to_string(v));
}

Cell Cell::of_date(util::Date d) {
  Cell c;
  c.kind = Kind::Date;
  c.date = d;
  c.text = d.str();
  return c;
}

Table csv_table(const Sheet& s) {
  Table t;
  t.header = s.header;
  for (size_t col = 0; col < s.header.size(); ++col) {
    bool numbers = false, other = false;
    for (const auto& row : s.rows) {
      numbers = numbers || row[col].kind == Cell::Kind::Number;
      other = other || (row[col].kind != Cell::Kind::Number && row[col].kind != Cell::Kind::Empty);
    }
    if (numbers && !other) t.numeric.push_back(col);
  }
  for (const auto& row : s.rows) {
    std::vector<std::string> cells;
    cells.reserve(row.size());
    for (const auto& c : row) cells.push_back(c.text);
    t.rows.push_back(std::move(cells));
  }
  return t;
}

}  // namespace svcorg::render
