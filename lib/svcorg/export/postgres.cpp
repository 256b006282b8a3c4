// The PostgreSQL writer over libpq: the tables made if missing, the snapshot deleted and
// every table loaded with COPY (text format) in one transaction.
#include <fmt/format.h>
#include <libpq-fe.h>

#include <memory>
#include <string>

#include "svcorg/export/write.hpp"
#include "svcorg/util/text.hpp"

namespace svcorg::dbexport {

namespace {

struct Failure {
  std::string error;
};

// libpq's messages end with a line break; ours put them inside a sentence.
std::string trimmed(const char* text) {
  std::string s = text ? text : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

class Connection {
 public:
  // The handle is owned from the first line: a constructor that throws runs no destructor,
  // and a failed connection still holds libpq's buffers.
  explicit Connection(const std::string& conninfo)
      : owned_(PQconnectdb(conninfo.c_str()), &PQfinish), c_(owned_.get()) {
    if (!c_ || PQstatus(c_) != CONNECTION_OK) throw Failure{trimmed(c_ ? PQerrorMessage(c_) : "out of memory")};
    // `create table if not exists` tells of tables that exist: not for the person running svcorg.
    PQsetNoticeProcessor(
        c_, [](void*, const char*) {}, nullptr);
    if (PQsetClientEncoding(c_, "UTF8") != 0) fail();
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  PGconn* get() const { return c_; }
  [[noreturn]] void fail() const { throw Failure{trimmed(PQerrorMessage(c_))}; }

  void exec(const std::string& sql, ExecStatusType expected = PGRES_COMMAND_OK) {
    Result r(PQexec(c_, sql.c_str()), &PQclear);
    check(r, expected);
  }
  void check(const Result& r, ExecStatusType expected) const {
    if (!r) fail();
    if (PQresultStatus(r.get()) != expected) throw Failure{trimmed(PQresultErrorMessage(r.get()))};
  }

 private:
  std::unique_ptr<PGconn, decltype(&PQfinish)> owned_;
  PGconn* c_;
};

// COPY's text format: tab between columns, \N for null, backslash escapes.
void append_text(std::string& out, const std::string& t) {
  util::append_replaced(out, t, {{'\\', "\\\\"}, {'\n', "\\n"}, {'\r', "\\r"}, {'\t', "\\t"}});
}

void append_cell(std::string& out, const Cell& c, Type type) {
  if (std::holds_alternative<std::monostate>(c))
    out += "\\N";
  else if (const auto* i = std::get_if<int64_t>(&c)) {
    if (type == Type::Bool)
      out += *i ? "t" : "f";
    else
      fmt::format_to(std::back_inserter(out), "{}", *i);
  } else if (const auto* d = std::get_if<double>(&c))
    fmt::format_to(std::back_inserter(out), "{}", *d);
  else
    append_text(out, std::get<std::string>(c));
}

size_t write_all(Connection& c, const Source& s) {
  const SnapshotKey key = snapshot_key(s);
  c.exec("begin");
  for (const auto& t : tables())
    for (const auto& sql : ddl(t, Dialect::Postgres)) c.exec(sql);
  const std::string year = std::to_string(key.year);
  const char* values[] = {key.district.c_str(), year.c_str(), key.as_of.c_str()};
  for (auto t = tables().rbegin(); t != tables().rend(); ++t) {
    const std::string sql =
        fmt::format("delete from \"{}\" where \"district\" = $1 and \"year\" = $2 and \"as_of\" = $3", t->name);
    c.check(Result(PQexecParams(c.get(), sql.c_str(), 3, nullptr, values, nullptr, nullptr, 0), &PQclear),
            PGRES_COMMAND_OK);
  }
  std::string prefix;  // the snapshot's columns, the same on every row
  append_text(prefix, key.district);
  prefix += fmt::format("\t{}\t{}\t", key.year, key.as_of);
  constexpr size_t kChunk = 1 << 20;
  size_t written = 0;
  for (const auto& t : tables()) {
    std::string columns;
    for (const auto& col : all_columns(t)) columns += fmt::format("{}\"{}\"", columns.empty() ? "" : ", ", col.name);
    c.exec(fmt::format("copy \"{}\" ({}) from stdin", t.name, columns), PGRES_COPY_IN);
    std::string buffer;
    const auto flush = [&] {
      if (!buffer.empty() && PQputCopyData(c.get(), buffer.data(), static_cast<int>(buffer.size())) != 1) c.fail();
      buffer.clear();
    };
    rows(s, t, [&](const Row& row) {
      buffer += prefix;
      for (size_t k = 0; k < row.size(); ++k) {
        if (k) buffer += '\t';
        append_cell(buffer, row[k], t.columns[k].type);
      }
      buffer += '\n';
      ++written;
      if (buffer.size() >= kChunk) flush();
    });
    flush();
    if (PQputCopyEnd(c.get(), nullptr) != 1) c.fail();
    c.check(Result(PQgetResult(c.get()), &PQclear), PGRES_COMMAND_OK);
    while (PGresult* rest = PQgetResult(c.get())) PQclear(rest);
  }
  c.exec("commit");
  return written;
}

}  // namespace

Outcome write_postgres(const Source& s, const std::string& conninfo) {
  std::unique_ptr<Connection> c;
  try {
    c = std::make_unique<Connection>(conninfo);
  } catch (const Failure& f) {
    return util::fail(i18n::Message("export.postgres.connect", {{"error", f.error}}));
  }
  try {
    return write_all(*c, s);
  } catch (const Failure& f) {
    // Closing the connection rolls back what was not committed: nothing is half-written.
    return util::fail(i18n::Message("export.postgres.write", {{"error", f.error}}));
  }
}

}  // namespace svcorg::dbexport
