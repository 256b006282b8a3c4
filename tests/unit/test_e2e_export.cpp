// End-to-end runs of `svcorg export` to SQLite (docs/EXPORT.md): what the issue's "done
// when" asks (a total read back with the `sqlite3` command equals score's), the refusals
// (like score's), and nothing half-written. The full equalities against score and needs
// JSON, on SQLite and on a throw-away PostgreSQL server, are tests/export_check.py.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "support.hpp"
#include "svcorg/export/schema.hpp"

namespace fs = std::filesystem;
using testing::run_svcorg;

namespace {

// The standard output of a shell command; exit status 0 required.
std::string shell(const std::string& command) {
  FILE* p = popen(command.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  const int status = pclose(p);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  return out;
}

}  // namespace

TEST_SUITE("e2e export") {
  TEST_CASE("a total read back with sqlite3 is the one score prints") {
    testing::TempDir tmp;
    const std::string db = (tmp.path() / "x.db").string();
    const auto r = run_svcorg("export examples --to sqlite:" + db + " --year 2025 --lang en");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err == "svcorg: exported 4357 rows in 21 tables, year 2025 as of 2025-12-31, to " + db + "\n");
    const auto score = run_svcorg("score examples --year 2025 --format json");
    REQUIRE(score.exit_code == 0);
    std::string total;
    const auto scores = nlohmann::json::parse(score.out);
    for (const auto& b : scores["branches"])
      if (b["id"] == "xinde") total = b["total"].dump();
    REQUIRE(!total.empty());
    CHECK(shell("sqlite3 '" + db + "' \"select total from scores where branch='xinde'\"") == total + "\n");
    // Chinese as the records write it, and in the language of the District.
    CHECK(shell("sqlite3 '" + db + "' \"select name from branches where id='xinde'\"") ==
          shell("sed -n 's/^name: //p' examples/branches/jiangning/xinde.yaml | head -n 1"));
    const auto zh = run_svcorg("export examples --to sqlite:" + db + " --year 2025");
    CHECK(zh.err == "svcorg：已将2025年度截至2025年12月31日的4357行（21张表）导出到 " + db + "\n");
  }

  TEST_CASE("the same inputs give the same rows, whatever the threads") {
    testing::TempDir tmp;
    const std::string a = (tmp.path() / "a.db").string(), b = (tmp.path() / "b.db").string();
    REQUIRE(run_svcorg("export examples --year 2025 --quiet --jobs 1 --to sqlite:" + a).exit_code == 0);
    REQUIRE(run_svcorg("export examples --year 2025 --quiet --jobs 2 --no-cache --to sqlite:" + b).exit_code == 0);
    const std::string dump = shell("sqlite3 '" + a + "' .dump");
    CHECK(dump.find("INSERT INTO need_events VALUES('jingan',2025,'2025-12-31',") != std::string::npos);
    CHECK(dump == shell("sqlite3 '" + b + "' .dump"));
  }

  TEST_CASE("inputs with errors are refused as score refuses them, and nothing is written") {
    testing::TempDir tmp;
    const fs::path fixture = testing::kSource / "tests" / "fixtures" / "rules" / "duplicate-id";
    const std::string db = (tmp.path() / "x.db").string();
    const auto score = run_svcorg("score . --year 2025 --lang en", fixture);
    const auto r = run_svcorg("export . --year 2025 --lang en --to sqlite:" + db, fixture);
    CHECK(score.exit_code == 1);
    CHECK(r.exit_code == score.exit_code);
    CHECK(r.err == score.err);
    CHECK(r.out.empty());
    CHECK_FALSE(fs::exists(db));
  }

  TEST_CASE("a --to that names no database is a usage error") {
    const auto r = run_svcorg("export examples --year 2025 --to mysql://localhost/x");
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "svcorg: error: --to `mysql://localhost/x`: write sqlite:FILE or a PostgreSQL connection string, e.g. "
          "`--to sqlite:district.db` or `--to postgresql://svcorg@localhost/records`\n");
    const auto zh = run_svcorg("export examples --year 2025 --lang zh-CN --to x.db");
    CHECK(zh.exit_code == 2);
    CHECK(zh.err ==
          "svcorg：错误：--to `x.db`：请写成 sqlite:文件 或 PostgreSQL 连接串，例如 `--to sqlite:district.db` 或 "
          "`--to postgresql://svcorg@localhost/records`\n");
  }

  TEST_CASE("a database that cannot be opened or written is left as it was") {
    testing::TempDir tmp;
    const auto missing =
        run_svcorg("export examples --year 2025 --lang en --to sqlite:" + (tmp.path() / "no" / "x.db").string());
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "svcorg: error: cannot open the SQLite database " + (tmp.path() / "no" / "x.db").string() +
                             ": unable to open database file; check that its folder exists and that you may write "
                             "there\n");
    // Not a database: refused, and the file keeps its bytes.
    const fs::path text = tmp.path() / "notes.db";
    const std::string bytes(4096, 'x');
    testing::write_file(text, bytes);
    const auto r = run_svcorg("export examples --year 2025 --lang en --to sqlite:" + text.string());
    CHECK(r.exit_code == 2);
    CHECK(r.err == "svcorg: error: cannot write the snapshot to the SQLite database " + text.string() +
                       ": file is not a database; nothing was changed. Check that the file is an SQLite database "
                       "svcorg wrote (or name a new file) and that no other program keeps it locked\n");
    CHECK(testing::read_file(text) == bytes);
  }

  TEST_CASE("a PostgreSQL server that cannot be reached: the message, libpq's words and what to do") {
    testing::TempDir tmp;
    const auto r =
        run_svcorg("export examples --year 2025 --lang en --to 'postgresql://svcorg@/x?host=" + tmp.path().string() +
                   "&connect_timeout=2'");
    CHECK(r.exit_code == 2);
    const std::string start = "svcorg: error: cannot connect to the PostgreSQL server: ";
    const std::string end =
        "; check the connection string given to --to (postgresql://USER@HOST:PORT/DATABASE), that the server runs "
        "and that it lets this user in\n";
    REQUIRE(r.err.size() > start.size() + end.size());
    CHECK(r.err.substr(0, start.size()) == start);
    CHECK(r.err.substr(r.err.size() - end.size()) == end);
    CHECK(r.err.find(tmp.path().string()) != std::string::npos);  // libpq names the socket it tried
  }

  TEST_CASE("one table description gives each dialect's DDL") {
    const svcorg::dbexport::Table* unscored = nullptr;
    for (const auto& t : svcorg::dbexport::tables())
      if (std::string(t.name) == "unscored") unscored = &t;
    REQUIRE(unscored != nullptr);
    using svcorg::dbexport::Dialect;
    CHECK(svcorg::dbexport::ddl(*unscored, Dialect::Sqlite) ==
          std::vector<std::string>{"create table if not exists \"unscored\" (\n  \"district\" text,\n  \"year\" "
                                   "integer,\n  \"as_of\" text,\n  \"branch\" text,\n  \"reason\" text,\n  primary "
                                   "key (\"district\", \"year\", \"as_of\", \"branch\")\n)"});
    CHECK(svcorg::dbexport::ddl(*unscored, Dialect::Postgres) ==
          std::vector<std::string>{"create table if not exists \"unscored\" (\n  \"district\" text,\n  \"year\" "
                                   "bigint,\n  \"as_of\" date,\n  \"branch\" text,\n  \"reason\" text,\n  primary "
                                   "key (\"district\", \"year\", \"as_of\", \"branch\")\n)"});
  }
}
