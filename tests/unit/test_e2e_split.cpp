// One large multi-document file is parsed in parts with --jobs 2 (load/loader.cpp,
// load_split): every output is the same as with --jobs 1, findings included, whether
// the parts parse cleanly or one has a syntax error or a duplicate key (then the file
// is parsed whole again).
#include <cstdlib>
#include <filesystem>
#include <string>

#include "support.hpp"

namespace fs = std::filesystem;
using testing::kSource;
using testing::read_file;
using testing::run_svcorg;
using testing::TempDir;
using testing::write_file;

namespace {

// Replaces the n-th (0-based) occurrence of `what` after `from` bytes.
void replace_nth(std::string& s, const std::string& what, const std::string& with, size_t from) {
  const size_t at = s.find(what, from);
  REQUIRE(at != std::string::npos);
  s.replace(at, what.size(), with);
}

void same_for_jobs_1_and_2(const fs::path& dir) {
  for (const std::string args : {"validate --format json --as-of 2026-11-26 --no-cache .",
                                 "validate --color never --as-of 2026-11-26 --no-cache .",
                                 "needs --format json --year 2025 --as-of 2026-11-26 --no-cache ."}) {
    CAPTURE(args);
    const auto one = run_svcorg(args + " --jobs 1", dir);
    const auto two = run_svcorg(args + " --jobs 2", dir);
    CHECK(one.exit_code == two.exit_code);
    CHECK((one.out == two.out));  // (not decomposed: the outputs are long)
    CHECK((one.err == two.err));
  }
}

}  // namespace

TEST_CASE("a large multi-document file gives the same findings with --jobs 1 and --jobs 2") {
  TempDir tmp;
  const std::string gen = "python3 '" + (kSource / "bench/gen_district.py").string() +
                          "' --needs 1500 --layout single --out '" + tmp.path().string() + "' >/dev/null";
  REQUIRE(std::system(gen.c_str()) == 0);
  const fs::path file = tmp.path() / "district.yaml";
  const std::string clean = read_file(file);
  REQUIRE(clean.size() > (size_t{2} << 20));  // large enough to be split

  SUBCASE("schema errors in documents of every part") {
    std::string text = clean;
    for (size_t at : {size_t{5000}, clean.size() / 3, clean.size() / 2 + 100, clean.size() - 20000})
      replace_nth(text, "\nchannel: ", "\nchanel: ", at);
    replace_nth(text, "\nreceived: ", "\nreceived: 2026-02-30\nx-note: ", clean.size() * 3 / 4);
    write_file(file, text);
    const auto r = run_svcorg("validate --color never --as-of 2026-11-26 --no-cache . --jobs 1", tmp.path());
    CHECK(r.exit_code == 1);
    same_for_jobs_1_and_2(tmp.path());
  }
  SUBCASE("a duplicate key in the second half") {
    std::string text = clean;
    replace_nth(text, "\nscope: ", "\nlayer: street\nscope: ", clean.size() * 2 / 3);
    replace_nth(text, "\nchannel: ", "\nchanel: ", 100);
    write_file(file, text);
    same_for_jobs_1_and_2(tmp.path());
  }
  SUBCASE("a syntax error in the middle stops the file at the same place") {
    std::string text = clean;
    replace_nth(text, "\nsummary: ", "\nsummary: [never closed, ", clean.size() / 2 + 5000);
    replace_nth(text, "\nchannel: ", "\nchanel: ", clean.size() - 5000);
    write_file(file, text);
    const auto r = run_svcorg("validate --color never --as-of 2026-11-26 --no-cache . --jobs 1", tmp.path());
    CHECK(r.out.find("yaml-syntax") != std::string::npos);
    same_for_jobs_1_and_2(tmp.path());
  }
  SUBCASE("a clean file") {
    same_for_jobs_1_and_2(tmp.path());
  }
}
