#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "support.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/util/date.hpp"
#include "svcorg/util/file.hpp"
#include "svcorg/util/parallel.hpp"
#include "svcorg/util/result.hpp"
#include "svcorg/util/text.hpp"
#include "svcorg/util/view_table.hpp"

using svcorg::util::Date;

TEST_SUITE("util::Date") {
  TEST_CASE("parses real calendar dates only") {
    CHECK(Date::parse("2026-03-02"));
    CHECK(Date::parse("2024-02-29"));
    CHECK_FALSE(Date::parse("2026-02-29"));
    CHECK_FALSE(Date::parse("2026-02-30"));
    CHECK_FALSE(Date::parse("2026-13-01"));
    CHECK_FALSE(Date::parse("2026-3-2"));
    CHECK_FALSE(Date::parse("0000-01-01"));
    CHECK(Date::parse("1900-02-28"));
    CHECK_FALSE(Date::parse("1900-02-29"));
    CHECK(Date::parse("2000-02-29"));
  }
  TEST_CASE("differences are calendar days, round trip") {
    const Date a = *Date::parse("2025-12-31");
    const Date b = *Date::parse("2026-03-01");
    CHECK(b - a == 60);
    CHECK(b.str() == "2026-03-01");
    CHECK(a.year() == 2025);
    CHECK((a + 1).str() == "2026-01-01");
    CHECK(Date::parse("1970-01-01")->days == 0);
    CHECK(svcorg::util::days_in_year(2024) == 366);
    CHECK(svcorg::util::days_in_year(2026) == 365);
  }
}

TEST_SUITE("util::text") {
  TEST_CASE("check_utf8") {
    CHECK_FALSE(svcorg::util::check_utf8("plain ascii and 中文"));
    CHECK(svcorg::util::check_utf8("\xC0\x80")->offset == 0);        // overlong
    CHECK(svcorg::util::check_utf8("ab\xED\xA0\x80")->offset == 2);  // surrogate
    CHECK(svcorg::l10n::render(svcorg::util::check_utf8("abc\xE4\xB8")->what) == "truncated UTF-8 sequence");
  }
  TEST_CASE("scan_utf8 checks ASCII runs eight bytes at a time, up to the exact byte") {
    using svcorg::util::scan_utf8;
    // A NUL byte or a byte of a sequence at every offset of a run longer than a word.
    for (size_t at = 0; at < 20; ++at) {
      CAPTURE(at);
      std::string text(20, 'a');
      text[at] = '\0';
      const auto nul = scan_utf8(text);
      REQUIRE(nul.error);
      CHECK(nul.error->offset == at);
      CHECK(svcorg::l10n::render(nul.error->what) == "NUL byte");
      text[at] = '\xFF';
      REQUIRE(scan_utf8(text).error);
      CHECK(scan_utf8(text).error->offset == at);
      text.replace(at, 1, "中");  // valid: three bytes within the run
      CHECK_FALSE(scan_utf8(text).error);
      text.resize(text.size() - 1);  // its last byte cut off at the end
      if (at + 3 > text.size()) CHECK(svcorg::l10n::render(scan_utf8(text).error->what) == "truncated UTF-8 sequence");
    }
    CHECK_FALSE(scan_utf8("").error);
    CHECK_FALSE(scan_utf8(std::string(1000, 'x')).error);
  }
  TEST_CASE("scan_utf8 finds the first line break outside ASCII, and a later error still counts") {
    using svcorg::util::scan_utf8;
    const auto nel = scan_utf8(
        "key: a\xC2\x85"
        "b\xE2\x80\xA8");
    REQUIRE(nel.unicode_break);
    CHECK(nel.unicode_break->first == 6);
    CHECK(nel.unicode_break->second == 0x85);
    CHECK(scan_utf8("0123456789\xE2\x80\xA8").unicode_break == std::make_pair(size_t{10}, char32_t{0x2028}));
    CHECK(scan_utf8("\xE2\x80\xA9").unicode_break == std::make_pair(size_t{0}, char32_t{0x2029}));
    // Other characters of the same lead bytes are no breaks: a dash and a curly quote.
    CHECK_FALSE(scan_utf8("\xE2\x80\x94 \xE2\x80\x9C \xC2\xA0").unicode_break);
    const auto both = scan_utf8("a\xE2\x80\xA8 b \xFF");
    CHECK(both.unicode_break);
    REQUIRE(both.error);
    CHECK(both.error->offset == 7);
  }
  TEST_CASE("closest suggests plausible typos only") {
    const std::vector<std::string> types = {"residential", "social-service", "building", "enterprise", "organ"};
    CHECK(svcorg::util::closest("residental", types) == "residential");
    CHECK(svcorg::util::closest("resident", types) == "residential");
    CHECK(svcorg::util::closest("bulding", types) == "building");
    CHECK_FALSE(svcorg::util::closest("xyzzy", types));
  }
  TEST_CASE("did_you_mean and the UTF-8 problems read in both languages") {
    using svcorg::i18n::Lang;
    const auto near = svcorg::util::did_you_mean("bulding", {"building", "organ"});
    REQUIRE(near);
    CHECK(svcorg::l10n::render(*near) == "did you mean `building`?");
    CHECK(svcorg::l10n::render(*near, Lang::ZhCN) == "是不是要写 `building`？");
    CHECK_FALSE(svcorg::util::did_you_mean("xyzzy", {"building", "organ"}));
    CHECK(svcorg::l10n::render(svcorg::util::check_utf8("a\xff"
                                                        "b")
                                   ->what) == "invalid UTF-8 byte 0xff");
    CHECK(svcorg::l10n::render(svcorg::util::check_utf8("a\xff"
                                                        "b")
                                   ->what,
                               Lang::ZhCN) == "无效的 UTF-8 字节 0xff");
    CHECK(svcorg::l10n::render(svcorg::util::check_utf8(std::string("a\0b", 3))->what, Lang::ZhCN) ==
          "NUL 字节（空字符）");
    CHECK(svcorg::l10n::render(svcorg::util::check_utf8("ab\xED\xA0\x80")->what, Lang::ZhCN) ==
          "从字节 0xed 开始的 UTF-8 字节序列无效");
    CHECK(svcorg::l10n::render(svcorg::util::check_utf8("abc\xE4\xB8")->what, Lang::ZhCN) == "不完整的 UTF-8 字节序列");
  }
  TEST_CASE("codepoints") {
    CHECK(svcorg::util::codepoints("a张三") == 3);
  }
}

TEST_SUITE("util::Result") {
  svcorg::util::Result<int> half(int n) {
    if (n % 2 != 0) return svcorg::util::fail(svcorg::i18n::Message("load.too-big", {{"path", "a.yaml"}, {"max", n}}));
    return n / 2;
  }

  svcorg::util::Result<void> quarter(int n, int& out) {
    const auto h = half(n);
    if (!h) return h.failure();  // passed up unchanged
    const auto q = half(*h);
    if (!q) return q.failure();
    out = *q;
    return svcorg::util::ok();
  }

  TEST_CASE("a value or the catalogue message of a failure, passed up unchanged") {
    const auto ok = half(8);
    REQUIRE(ok);
    CHECK(ok.ok());
    CHECK(*ok == 4);
    int q = 0;
    CHECK(quarter(8, q));
    CHECK(q == 2);
    const auto bad = quarter(6, q);  // 6 halves, 3 does not
    REQUIRE_FALSE(bad);
    CHECK(q == 2);
    CHECK(bad.error().id == "load.too-big");
    CHECK(svcorg::l10n::render(bad.error()) ==
          "a.yaml: larger than the limit of 3 bytes; split it (or raise --max-file-size)");
    svcorg::util::Result<std::string> text = std::string("kept");
    CHECK(text->size() == 4);
    CHECK(std::move(text).value() == "kept");
  }
}

TEST_SUITE("util::read_regular") {
  using svcorg::util::Fd;
  using svcorg::util::read_regular;
  using svcorg::util::ReadResult;

  TEST_CASE("a regular file whole, within its limit, and anything else refused") {
    testing::TempDir tmp;
    const std::string text(100'000, 'x');  // more than one read's first guess would hold if it were wrong
    testing::write_file(tmp.path() / "a", text);
    testing::write_file(tmp.path() / "empty", "");
    auto read = [&](const std::string& name, uint64_t max, std::string& out) {
      const Fd fd(::open((tmp.path() / name).c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
      REQUIRE(fd.get() >= 0);
      return read_regular(fd.get(), max, out);
    };
    std::string out = "old";
    CHECK(read("a", 100'000, out) == ReadResult::Ok);
    CHECK(out == text);
    CHECK(read("empty", 0, out) == ReadResult::Ok);
    CHECK(out.empty());
    out = "old";
    CHECK(read("a", 99'999, out) == ReadResult::TooBig);
    CHECK(out.empty());
    REQUIRE(::mkfifo((tmp.path() / "fifo").c_str(), 0600) == 0);
    CHECK(read("fifo", 1000, out) == ReadResult::NotRegular);  // not opened for writing: would block
    CHECK(read(".", 1000, out) == ReadResult::NotRegular);
  }
}

TEST_SUITE("util::ViewTable") {
  TEST_CASE("texts are numbered in the order added, a repeat keeps its number, a miss is npos") {
    svcorg::util::ViewTable t;
    CHECK(t.find("a") == svcorg::util::ViewTable::npos);  // empty
    CHECK(t.add("b00001-2025-0001") == 0);
    CHECK(t.add("") == 1);  // the empty text is a text
    CHECK(t.add("b00001-2025-0002") == 2);
    CHECK(t.add("b00001-2025-0001") == 0);
    CHECK(t.size() == 3);
    CHECK(t.find("") == 1);
    CHECK(t.find("b00001-2025-0002") == 2);
    CHECK(t.find("b00001-2025-000") == svcorg::util::ViewTable::npos);
    CHECK(t.text(2) == "b00001-2025-0002");
  }

  TEST_CASE("many texts with a common prefix: every one is found after the table grows") {
    std::vector<std::string> ids;
    for (int i = 0; i < 20000; ++i) ids.push_back("b" + std::to_string(i % 400) + "-2025-" + std::to_string(i));
    svcorg::util::ViewTable t;
    for (size_t i = 0; i < ids.size(); ++i) REQUIRE(t.add(ids[i]) == i);
    for (size_t i = 0; i < ids.size(); ++i) {
      REQUIRE(t.find(ids[i]) == i);
      REQUIRE(t.add(ids[i]) == i);
    }
    CHECK(t.size() == ids.size());
    size_t misses = 0;
    for (int i = 0; i < 20000; ++i)
      misses += t.find("b" + std::to_string(i) + "-2026-" + std::to_string(i)) == svcorg::util::ViewTable::npos;
    CHECK(misses == 20000);
  }
}

TEST_SUITE("util::write_file") {
  TEST_CASE("writes a file whole, and says in either language why it cannot") {
    using svcorg::i18n::Lang;
    testing::TempDir tmp;
    const std::string file = (tmp.path() / "out.txt").string();
    CHECK(svcorg::util::write_file(file, "hello\n").ok());
    CHECK(testing::read_file(file) == "hello\n");
    // A folder is no file to replace.
    const std::string folder = tmp.path().string();
    const auto refused = svcorg::util::write_file(folder, "x").error();
    CHECK(svcorg::l10n::render(refused) ==
          "cannot write " + folder + ": not a regular file; name a file to create or replace");
    CHECK(svcorg::l10n::render(refused, Lang::ZhCN) ==
          "无法写入 " + folder + "：它不是普通文件；请给出要新建或替换的文件");
    // The OS's reason stays as the OS writes it.
    const std::string missing = (tmp.path() / "no" / "out.txt").string();
    CHECK(svcorg::l10n::render(svcorg::util::write_file(missing, "x").error(), Lang::ZhCN) ==
          "无法在 " + (tmp.path() / "no").string() + " 中创建临时文件：No such file or directory");
  }
}

TEST_SUITE("util::parallel_for") {
  TEST_CASE("every index runs once, on as many threads as asked") {
    for (unsigned jobs : {1u, 2u, 5u, 64u}) {
      CAPTURE(jobs);
      std::vector<std::atomic<int>> runs(1000);
      std::mutex lock;
      std::set<std::thread::id> threads;
      svcorg::util::parallel_for(runs.size(), jobs, [&](size_t i) {
        ++runs[i];
        const std::lock_guard<std::mutex> hold(lock);
        threads.insert(std::this_thread::get_id());
      });
      CHECK(std::all_of(runs.begin(), runs.end(), [](const std::atomic<int>& r) { return r == 1; }));
      CHECK(threads.size() <= jobs);
      if (jobs == 1) CHECK(threads == std::set<std::thread::id>{std::this_thread::get_id()});
    }
  }

  TEST_CASE("one job runs the indexes in order on the calling thread, and no index means no call") {
    std::vector<size_t> seen;
    svcorg::util::parallel_for(5, 1, [&](size_t i) { seen.push_back(i); });
    CHECK(seen == std::vector<size_t>{0, 1, 2, 3, 4});
    svcorg::util::parallel_for(0, 4, [&](size_t) { FAIL("nothing to run"); });
    CHECK(svcorg::util::jobs_or_cores(3) == 3);
    CHECK(svcorg::util::jobs_or_cores(0) >= 1);
    CHECK(svcorg::util::pieces_for(1) == 1);
    CHECK(svcorg::util::pieces_for(3) == 12);
  }

  TEST_CASE("an exception in one piece stops the others from starting and reaches the caller") {
    for (unsigned jobs : {1u, 3u}) {
      CAPTURE(jobs);
      std::atomic<size_t> ran{0};
      CHECK_THROWS_WITH_AS(svcorg::util::parallel_for(100000, jobs,
                                                      [&](size_t i) {
                                                        ++ran;
                                                        if (i == 10) throw std::runtime_error("piece 10");
                                                      }),
                           "piece 10", std::runtime_error);
      CHECK(ran < 100000);
    }
  }
}
