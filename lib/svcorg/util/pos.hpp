// A position in an input file: 1-based line and column (column in Unicode code points).
#pragma once

#include <cstdint>

namespace svcorg {

struct Pos {
  uint32_t line = 0;  // 0: unknown
  uint32_t col = 0;

  bool known() const { return line != 0; }
  friend bool operator==(Pos a, Pos b) { return a.line == b.line && a.col == b.col; }
  friend bool operator!=(Pos a, Pos b) { return !(a == b); }
  friend bool operator<(Pos a, Pos b) { return a.line != b.line ? a.line < b.line : a.col < b.col; }
};

}  // namespace svcorg
