// Hostile inputs (docs/RELIABILITY.md): each gives a finding or exit 2 with a clear
// message, in bounded time and memory, and never a crash. Big inputs are generated here,
// in a temporary folder, never committed.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>
#include <tuple>
#include <utility>

#include "support.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/yaml/parse.hpp"

namespace fs = std::filesystem;
using testing::run_svcorg;
using testing::write_file;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// svcorg validate on one file of `text`, in a fresh folder.
testing::Run validate_text(const std::string& text, const std::string& flags = "") {
  testing::TempDir tmp;
  write_file(tmp.path() / "in.yaml", text);
  return run_svcorg("validate --color never --no-cache " + flags + " in.yaml", tmp.path());
}

// Loads `text` as one file; returns the messages of its findings, one a line.
std::string load_findings(const std::string& text, const svcorg::load::Limits& limits = {}) {
  svcorg::model::RecordSet set;
  svcorg::diag::Sink sink;
  svcorg::load::load_bytes("in.yaml", text, set, sink, limits);
  std::string out;
  for (const auto& d : sink.items()) out += d.rule + ": " + svcorg::l10n::render(d.message) + "\n";
  return out;
}

const char* kBranch =
    "apiVersion: svcorg/v1\nkind: Branch\nid: b1\nname: B\ntype: organ\nstreet: s1\n"
    "members: 10\nreserve_cadres: 1\nsecretary: {name: W, certified: true}\n";

}  // namespace

TEST_SUITE("hostile inputs") {
  TEST_CASE("nesting 100000 levels deep: flow lists, flow mappings, block lists") {
    const size_t n = 100000;
    for (const std::string& text :
         {repeat("[", n) + repeat("]", n) + "\n", repeat("{a: ", n) + "1" + repeat("}", n) + "\n",
          repeat("- ", n) + "x\n", repeat("[", n)}) {
      auto r = validate_text(text);
      CHECK(r.exit_code == 1);
      CHECK(has(r.out, "in.yaml:1:"));
      CHECK(has(r.out, "nests lists and mappings more than 1000 levels deep"));
      CHECK(has(r.out, "[yaml-syntax]"));
    }
  }

  TEST_CASE("--max-depth stops nesting at the level given") {
    svcorg::load::Limits limits;
    limits.max_depth = 3;
    const std::string f = load_findings("a: [[[[1]]]]\n", limits);
    CHECK(has(f, "yaml-syntax: the document nests lists and mappings more than 3 levels deep"));
    CHECK(load_findings("a: [[1]]\n", limits).find("nests") == std::string::npos);
    auto r = validate_text("a: [[[[1]]]]\n", "--max-depth 2");
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "in.yaml:1:5: error: the document nests lists and mappings more than 2 levels deep"));
  }

  TEST_CASE("an alias bomb (billion laughs)") {
    std::string text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int i = 1; i < 10; ++i)
      text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" +
              repeat("*a" + std::to_string(i - 1) + ", ", 8) + "*a" + std::to_string(i - 1) + "]\n";
    const auto start = std::chrono::steady_clock::now();
    auto r = validate_text(text);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "nodes through its aliases (an alias bomb); write the records out without aliases"));
  }

  TEST_CASE("a 100 MB scalar and a 10 MB line") {
    auto r = validate_text("id: \"" + std::string(100u << 20, 'x') + "\"\n");
    CHECK(r.exit_code == 1);  // read and parsed: a record without its header
    CHECK(has(r.out, "[header]"));
    r = validate_text("id: [" + repeat("abcdefghijkl, ", (10u << 20) / 14) + "]\n");  // one 10 MB line
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "[header]"));
    // Over a lowered limit: not read at all.
    r = validate_text("id: " + std::string(2000, 'x') + "\n", "--max-file-size 1000");
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "in.yaml: larger than the limit of 1000 bytes; split it (or raise --max-file-size)"));
    testing::TempDir tmp;
    const std::string big = "id: " + std::string(2000, 'x') + "\n";
    r = run_svcorg("validate --max-file-size 1000 -", tmp.path(), &big);
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "<stdin>: larger than the limit of 1000 bytes"));
  }

  TEST_CASE("invalid UTF-8 and NUL bytes") {
    auto r =
        validate_text(std::string("id: a\xff"
                                  "b\n"));
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "in.yaml:1:6: error:"));
    CHECK(has(r.out, "the file must be UTF-8 text"));
    r = validate_text(std::string("id: a\0b\n", 8));
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "in.yaml:1:6: error:"));
    CHECK(has(r.out, "the file must be UTF-8 text"));
  }

  TEST_CASE("a tag or an anchor where a scalar is expected") {
    for (const std::string& text :
         {std::string(kBranch) + "extra: !custom {a: 1}\n",
          std::string(kBranch).replace(std::string(kBranch).find("id: b1"), 6, "id: !foo b1"),
          std::string(kBranch).replace(std::string(kBranch).find("members: 10"), 11, "members: &m [1, *m]")}) {
      auto r = validate_text(text);
      CHECK(r.exit_code == 1);
      CHECK(has(r.out, "in.yaml:"));
      CHECK(has(r.out, "error:"));
    }
  }

  TEST_CASE("a document of 1000000 keys") {
    std::string text;
    text.reserve(16u << 20);
    for (int i = 0; i < 1000000; ++i) text += "k" + std::to_string(i) + ": 1\n";
    const auto start = std::chrono::steady_clock::now();
    auto r = validate_text(text);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));  // generous: CI machines are shared
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "in.yaml:1:1: error: the document has more than 2000000 nodes; a record is never that large"));
  }

  TEST_CASE("many records: --max-records") {
    testing::TempDir tmp;
    write_file(tmp.path() / "a.yaml", std::string(kBranch) + "---\n" + kBranch);
    auto r = run_svcorg("validate --no-cache --max-records 1 a.yaml", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "a.yaml:11:1: error: the file has more than 1 documents; split it (or raise --max-records)"));
    write_file(tmp.path() / "b.yaml", std::string(kBranch).replace(std::string(kBranch).find("b1"), 2, "b2"));
    write_file(tmp.path() / "a.yaml", kBranch);
    r = run_svcorg("validate --no-cache --max-records 1 .", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "the inputs hold 2 records, more than the limit of 1 (raise --max-records)"));
    r = run_svcorg("validate --no-cache --lang zh-CN --max-records 1 .", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "输入共有2条记录，超过了1条的上限（请调高 --max-records）"));
  }

  TEST_CASE("a FIFO, /dev/zero and a directory given as a file") {
    testing::TempDir tmp;
    REQUIRE(::mkfifo((tmp.path() / "fifo.yaml").c_str(), 0600) == 0);
    auto r = run_svcorg("validate fifo.yaml", tmp.path());  // must not block
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "fifo.yaml: not a regular file"));
    r = run_svcorg("validate --lang zh-CN fifo.yaml", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "fifo.yaml：不是普通文件；请给出 YAML 文件或文件夹"));
    // In a tree, a FIFO is skipped like any other non-file.
    write_file(tmp.path() / "b.yaml", kBranch);
    r = run_svcorg("validate --no-cache .", tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "1 file, 1 record"));
    r = run_svcorg("validate /dev/zero", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "/dev/zero: not a regular file"));
    // A directory named like a file is a directory: searched, not read.
    write_file(tmp.path() / "d.yaml" / "b.yaml", kBranch);
    r = run_svcorg("validate --no-cache d.yaml", tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "1 file, 1 record"));
  }

  TEST_CASE("an unreadable file: a dangling symlink, a path through a file, no permission") {
    testing::TempDir tmp;
    write_file(tmp.path() / "b.yaml", kBranch);
    fs::create_symlink("nowhere.yaml", tmp.path() / "dangling.yaml");
    auto r = run_svcorg("validate dangling.yaml", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "dangling.yaml: no such file or directory"));
    r = run_svcorg("validate b.yaml/x.yaml", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "b.yaml/x.yaml: no such file or directory"));
    r = run_svcorg("validate --lang zh-CN b.yaml/x.yaml", tmp.path());
    CHECK(has(r.err, "b.yaml/x.yaml：没有这个文件或文件夹"));
    // A file nobody may read. Root reads anything, so as root (CI) svcorg runs as the
    // user `nobody` (uid 65534) through setpriv (util-linux), from a copy in this
    // world-readable folder (the build folder may be where nobody cannot go).
    write_file(tmp.path() / "locked.yaml", kBranch);
    fs::permissions(tmp.path() / "locked.yaml", fs::perms::none);
    std::string svcorg = "'" + std::string(SVCORG_BINARY) + "'";
    if (::geteuid() == 0) {
      fs::permissions(tmp.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                      fs::perms::others_read | fs::perms::others_exec);
      fs::copy_file(SVCORG_BINARY, tmp.path() / "svcorg");
      svcorg = "setpriv --reuid=65534 --regid=65534 --clear-groups ./svcorg";
    }
    auto unreadable = [&](const std::string& args) {
      const std::string cmd =
          "cd '" + tmp.path().string() + "' && " + svcorg + " validate --no-cache " + args + " >out.txt 2>err.txt";
      const int status = std::system(cmd.c_str());
      return std::make_pair(WIFEXITED(status) ? WEXITSTATUS(status) : -1, testing::read_file(tmp.path() / "err.txt"));
    };
    auto [code, err] = unreadable("locked.yaml");
    CHECK(code == 2);
    CHECK(has(err, "locked.yaml: cannot open: Permission denied"));
    // In a tree: the same error, and the readable files are still checked.
    std::tie(code, err) = unreadable(".");
    CHECK(code == 2);
    CHECK(has(err, "locked.yaml: cannot open: Permission denied"));
  }

  TEST_CASE("a directory symlink loop is not followed") {
    testing::TempDir tmp;
    write_file(tmp.path() / "a" / "b.yaml", kBranch);
    fs::create_directory_symlink("..", tmp.path() / "a" / "loop");
    fs::create_directory_symlink(".", tmp.path() / "a" / "self");
    auto r = run_svcorg("validate --no-cache .", tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "1 file, 1 record"));
  }

  TEST_CASE("files are read to their end, not to the size first seen") {
    // /proc files say they are empty and are not: the bytes are read all the same.
    svcorg::diag::Sink sink;
    std::istringstream no_stdin;
    auto loaded = svcorg::load::load_paths({"/proc/self/status"}, sink, no_stdin);
    CHECK(loaded.fatal.empty());
    CHECK(!sink.items().empty());  // parsed: a mapping that is no record
  }

  TEST_CASE("a file truncated while it is read") {
    testing::TempDir tmp;
    const fs::path file = tmp.path() / "t.yaml";
    const std::string text = std::string(kBranch) + "x-pad: \"" + std::string(32u << 20, 'p') + "\"\n";
    for (int round = 0; round < 3; ++round) {
      write_file(file, text);
      std::thread cut([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(round * 3));
        ::truncate(file.c_str(), 4000);
      });
      svcorg::diag::Sink sink;
      std::istringstream no_stdin;
      auto loaded = svcorg::load::load_paths({file.string()}, sink, no_stdin);
      cut.join();
      CHECK(loaded.fatal.empty());  // whatever was read is parsed: a finding or a record
    }
  }
}

TEST_SUITE("output safety") {
  TEST_CASE("an output that cannot be written exits 2 and leaves the previous file") {
    testing::TempDir tmp;
    const fs::path src = testing::kSource / "examples";
    auto r = run_svcorg("report --no-cache --lang en --year 2025 '" + src.string() + "' -o /dev/full", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "cannot write /dev/full: not a regular file"));
    r = run_svcorg("report --no-cache --lang en --year 2025 '" + src.string() + "' -o /dev/full/x.md", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "cannot create a temporary file in /dev/full"));
    // A folder that cannot be written (root ignores permissions: a parent that is a file).
    write_file(tmp.path() / "file", "x");
    r = run_svcorg("report --no-cache --lang en --year 2025 '" + src.string() + "' -o file/x.md", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "cannot create a temporary file in file: Not a directory"));
    // A directory as the target.
    fs::create_directory(tmp.path() / "dir");
    r = run_svcorg("report --no-cache --lang en --year 2025 '" + src.string() + "' -o dir", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "cannot write dir: not a regular file"));
  }

  TEST_CASE("a full disk: the previous file intact, no temporary file left") {
    // A file size limit of 1 KiB makes write() fail with EFBIG, as a full disk would.
    testing::TempDir tmp;
    write_file(tmp.path() / "report.md", "previous\n");
    const std::string cmd = "cd '" + tmp.path().string() + "' && (trap '' XFSZ; ulimit -f 1; exec '" +
                            std::string(SVCORG_BINARY) + "' report --no-cache --lang en --year 2025 '" +
                            (testing::kSource / "examples").string() + "' -o report.md) >out 2>err";
    const int status = std::system(cmd.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(has(testing::read_file(tmp.path() / "err"), "svcorg: error: cannot write report.md: File too large"));
    CHECK(testing::read_file(tmp.path() / "report.md") == "previous\n");
    size_t entries = 0;
    for (const auto& e : fs::directory_iterator(tmp.path())) {
      (void)e;
      ++entries;
    }
    CHECK(entries == 3);  // report.md, out, err
  }
}
