// The tables `svcorg export` writes, as data: one description of every table, its
// columns, key and indexes, from which each database's writer makes its DDL (SQLite,
// PostgreSQL) and its inserts. docs/EXPORT.md documents it table by table.
#pragma once

#include <string>
#include <vector>

namespace svcorg::dbexport {

// A column's type; each dialect names its own (ddl()).
enum class Type { Text, Int, Real, Bool, Date };

struct Column {
  const char* name;
  Type type;
};

struct Index {
  const char* name;
  std::vector<const char*> columns;
};

// Every table starts with the snapshot's columns (kSnapshotColumns: district, year,
// as_of), which begin its key too; `columns` and `key` are the rest.
struct Table {
  const char* name;
  std::vector<Column> columns;
  std::vector<const char*> key;
  std::vector<Index> indexes;
};

// The snapshot's columns, first in every table and its key: the District's id ("" when
// the inputs have no District), year Y and the as-of date.
extern const std::vector<Column> kSnapshotColumns;

// The tables in the order they are written (and dropped from a snapshot in reverse).
const std::vector<Table>& tables();

enum class Dialect { Sqlite, Postgres };

// `create table if not exists` and its `create index if not exists` statements, in order.
std::vector<std::string> ddl(const Table& t, Dialect d);

// Every column of `t`, the snapshot's first.
std::vector<Column> all_columns(const Table& t);

}  // namespace svcorg::dbexport
