// Writing one snapshot (rows.hpp) to a database: SQLite through libsqlite3 (prepared
// inserts), PostgreSQL through libpq (COPY). Either way the snapshot of the same
// (district, year, as_of) is deleted and written again in one transaction: it is replaced
// whole or, on any error, the database is left as it was. Other snapshots stay.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "svcorg/export/rows.hpp"
#include "svcorg/i18n/message.hpp"
#include "svcorg/util/result.hpp"

namespace svcorg::dbexport {

// Where `--to` points: `sqlite:FILE`, or a libpq connection URI (`postgresql://…` or
// `postgres://…`, passed to libpq as given).
struct Target {
  enum class Kind { Sqlite, Postgres };
  Kind kind = Kind::Sqlite;
  std::string where;  // the file, or the connection string
};
std::optional<Target> parse_target(const std::string& to);

// Rows written, or what went wrong (a catalogue message; the library's own text in it).
using Outcome = util::Result<size_t>;

Outcome write_sqlite(const Source& s, const std::string& file);
Outcome write_postgres(const Source& s, const std::string& conninfo);

inline Outcome write(const Source& s, const Target& t) {
  return t.kind == Target::Kind::Sqlite ? write_sqlite(s, t.where) : write_postgres(s, t.where);
}

}  // namespace svcorg::dbexport
