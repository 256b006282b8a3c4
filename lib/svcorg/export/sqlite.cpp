// The SQLite writer: one transaction of prepared statements over libsqlite3's C API,
// behind two small RAII holders.
#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "svcorg/export/write.hpp"

namespace svcorg::dbexport {

namespace {

// What failed, with SQLite's own words.
struct Failure {
  std::string error;
};

class Database {
 public:
  explicit Database(const std::string& file) {
    const int rc = sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
      std::string error = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      db_ = nullptr;
      throw Failure{std::move(error)};
    }
    sqlite3_busy_timeout(db_, 5000);
    // A page cache of 64 MiB (the default is 2 MiB): a large snapshot's inserts and deletes
    // touch every table's key and indexes; this connection only, nothing in the file.
    sqlite3_exec(db_, "pragma cache_size = -65536", nullptr, nullptr, nullptr);
  }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database() { sqlite3_close(db_); }

  sqlite3* get() const { return db_; }
  void exec(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail();
  }
  [[noreturn]] void fail() const { throw Failure{sqlite3_errmsg(db_)}; }

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(Database& db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &st_, nullptr) != SQLITE_OK) db.fail();
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(st_); }

  void bind(int at, const Cell& c) {
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::monostate>(c))
      rc = sqlite3_bind_null(st_, at);
    else if (const auto* i = std::get_if<int64_t>(&c))
      rc = sqlite3_bind_int64(st_, at, *i);
    else if (const auto* d = std::get_if<double>(&c))
      rc = sqlite3_bind_double(st_, at, *d);
    else {
      const std::string& t = std::get<std::string>(c);
      rc = sqlite3_bind_text(st_, at, t.data(), static_cast<int>(t.size()), SQLITE_STATIC);
    }
    if (rc != SQLITE_OK) db_.fail();
  }
  // Runs it once and makes it ready for the next bindings.
  void run() {
    const int rc = sqlite3_step(st_);
    sqlite3_reset(st_);
    if (rc != SQLITE_DONE) db_.fail();
  }

 private:
  Database& db_;
  sqlite3_stmt* st_ = nullptr;
};

std::string placeholders(size_t n) {
  std::string out;
  for (size_t k = 0; k < n; ++k) out += k ? ", ?" : "?";
  return out;
}

std::string column_list(const Table& t) {
  std::string out;
  for (const auto& c : all_columns(t)) out += fmt::format("{}\"{}\"", out.empty() ? "" : ", ", c.name);
  return out;
}

size_t write_all(Database& db, const Source& s) {
  const SnapshotKey key = snapshot_key(s);
  const Cell district(key.district), year(static_cast<int64_t>(key.year)), as_of(key.as_of);
  db.exec("begin immediate");
  for (const auto& t : tables())
    for (const auto& sql : ddl(t, Dialect::Sqlite)) db.exec(sql);
  for (auto t = tables().rbegin(); t != tables().rend(); ++t) {
    Statement del(db,
                  fmt::format("delete from \"{}\" where \"district\" = ? and \"year\" = ? and \"as_of\" = ?", t->name));
    del.bind(1, district);
    del.bind(2, year);
    del.bind(3, as_of);
    del.run();
  }
  size_t written = 0;
  for (const auto& t : tables()) {
    Statement insert(db, fmt::format("insert into \"{}\" ({}) values ({})", t.name, column_list(t),
                                     placeholders(kSnapshotColumns.size() + t.columns.size())));
    rows(s, t, [&](const Row& row) {
      insert.bind(1, district);
      insert.bind(2, year);
      insert.bind(3, as_of);
      for (size_t k = 0; k < row.size(); ++k) insert.bind(static_cast<int>(k + 4), row[k]);
      insert.run();
      ++written;
    });
  }
  db.exec("commit");
  return written;
}

}  // namespace

Outcome write_sqlite(const Source& s, const std::string& file) {
  std::error_code ec;
  const bool existed = std::filesystem::exists(file, ec);
  std::optional<Database> db;
  try {
    db.emplace(file);
  } catch (const Failure& f) {
    return util::fail(i18n::Message("export.sqlite.open", {{"file", file}, {"error", f.error}}));
  }
  try {
    return write_all(*db, s);
  } catch (const Failure& f) {
    sqlite3_exec(db->get(), "rollback", nullptr, nullptr, nullptr);  // nothing half-written
    db.reset();
    if (!existed) std::filesystem::remove(file, ec);  // nor an empty database left behind
    return util::fail(i18n::Message("export.sqlite.write", {{"file", file}, {"error", f.error}}));
  } catch (...) {
    sqlite3_exec(db->get(), "rollback", nullptr, nullptr, nullptr);
    db.reset();
    if (!existed) std::filesystem::remove(file, ec);
    throw;
  }
}

}  // namespace svcorg::dbexport
