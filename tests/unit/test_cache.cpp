// The parse cache (lib/svcorg/cache): cached and uncached runs give byte-identical
// outputs; corrupt, truncated or foreign entries are ignored; concurrent runs do not
// corrupt it; --no-cache writes nothing; the size bound evicts.
#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"
#include "svcorg/cache/cache.hpp"
#include "svcorg/check/need.hpp"
#include "svcorg/load/discover.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/waive/waive.hpp"

namespace fs = std::filesystem;
using testing::kSource;
using testing::read_file;
using testing::run_svcorg;
using testing::TempDir;
using testing::write_file;

namespace {

// The files of a cache folder with the extension `ext`.
std::vector<fs::path> files_with(const fs::path& dir, const char* ext) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ext) out.push_back(it->path());
  return out;
}
std::vector<fs::path> entries(const fs::path& dir) {
  return files_with(dir, ".svc");
}
std::vector<fs::path> indexes(const fs::path& dir) {
  return files_with(dir, ".svi");
}

std::string quoted(const fs::path& p) {
  return "'" + p.string() + "'";
}

// Loads one file's text through a Store on `dir` with a size bound (the Store evicts when
// it goes out of scope); true when the text was parsed, false on a cache hit.
bool load_through(const fs::path& dir, const std::string& name, const std::string& text, uint64_t bound) {
  svcorg::cache::Store store(dir.string(), bound);
  svcorg::cache::Entry entry;
  if (store.find(name, text, {}, entry)) return false;
  svcorg::diag::Sink sink;
  svcorg::load::load_bytes(name, text, entry.records, sink);
  entry.findings = sink.items();
  store.store(name, text, entry);
  return true;
}

// Loads the tree `dir` with two threads, through a Store on `cache` (none if empty) whose
// status index records files changed up to `settle` before the run; the Store saves its
// index when it goes out of scope, at the end.
struct Loaded {
  std::string encoded;   // every record, finding and waiver
  std::string findings;  // file:line:column rule, one line each
  size_t hits = 0, status_hits = 0, writes = 0, needs_read = 0;
};
Loaded load_tree(const fs::path& cache, const fs::path& dir, std::chrono::nanoseconds settle = {},
                 const svcorg::load::Needs& needs = {}) {
  std::optional<svcorg::cache::Store> store;
  if (!cache.empty()) {
    store.emplace(cache.string());
    store->set_settle(settle);
  }
  svcorg::diag::Sink sink;
  std::istringstream no_stdin;
  auto loaded = svcorg::load::load_paths({dir.string()}, sink, no_stdin, 2, store ? &*store : nullptr, {}, needs);
  Loaded out;
  svcorg::cache::Entry all;
  all.records = std::move(loaded.records);
  all.findings = sink.items();
  all.waivers = loaded.waivers;
  for (const auto& f : all.findings)
    out.findings += f.file + ":" + std::to_string(f.pos.line) + ":" + std::to_string(f.pos.col) + " " + f.rule + "\n";
  const auto parts = svcorg::cache::encode(all);
  out.encoded = parts.cores + parts.needs;
  if (store) {
    out.hits = store->hits();
    out.status_hits = store->status_hits();
    out.writes = store->writes();
    out.needs_read = store->needs_read();
  }
  return out;
}

// What a command asks of the needs (cmd::load_and_check) on the day `today` (also the
// as-of date): whole needs, or their cores only.
svcorg::load::Needs needs_on(const char* today, bool whole) {
  svcorg::load::Needs needs;
  needs.whole = whole;
  needs.dates.as_of = needs.dates.today = *svcorg::util::Date::parse(today);
  return needs;
}

// A copy of examples/ under `to`, and how many files it has.
size_t copy_examples(const fs::path& to) {
  fs::copy(kSource / "examples", to, fs::copy_options::recursive);
  size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(to)) n += e.path().extension() == ".yaml";
  return n;
}

// Every input of the rule fixtures (files with findings of every kind) and of the mistake
// fixtures (empty files, other encodings, full-width punctuation) in one folder.
void copy_fixtures(const fs::path& to) {
  for (const char* folder : {"rules", "mistakes"}) {
    const fs::path root = kSource / "tests/fixtures" / folder;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      const auto ext = e.path().extension();
      if (!e.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
      const auto rel = fs::relative(e.path(), root);
      fs::create_directories((to / folder / rel).parent_path());
      fs::copy_file(e.path(), to / folder / rel);
    }
  }
}

}  // namespace

TEST_SUITE("cache") {
  TEST_CASE("an entry decodes to what was encoded, and a cut or damaged payload is refused") {
    // A district (trees of overrides), needs with findings of their own, a duplicate key.
    const std::string bytes = read_file(kSource / "examples/district.yaml") + "---\n" +
                              read_file(kSource / "tests/fixtures/rules/event-order/needs.yaml") + "---\n" +
                              read_file(kSource / "tests/fixtures/rules/duplicate-key/branch.yaml");
    svcorg::cache::Entry in;
    svcorg::diag::Sink sink;
    svcorg::load::load_bytes("d.yaml", bytes, in.records, sink);
    REQUIRE(in.records.districts.size() == 1);
    REQUIRE(in.records.needs.size() >= 2);
    in.findings = sink.items();
    std::vector<svcorg::diag::Diagnostic> problems;
    in.waivers = svcorg::waive::scan_inline("d.yaml", bytes, problems);
    svcorg::diag::Sink found;
    for (const auto& n : in.records.needs) svcorg::check::need_content(n, "d.yaml", found);
    REQUIRE(!found.items().empty());
    in.need_findings = found.items();
    in.latest = svcorg::util::Date::parse("2025-03-01");
    const auto parts = svcorg::cache::encode(in);

    svcorg::cache::Entry cores;  // the first section alone: no whole needs
    REQUIRE(svcorg::cache::decode(parts.cores, cores));
    CHECK(cores.records.needs.empty());
    CHECK(cores.records.need_cores.size() == in.records.needs.size());
    CHECK(cores.need_findings->size() == found.items().size());
    CHECK(cores.latest == in.latest);
    REQUIRE(cores.records.districts.front().scoring != nullptr);
    REQUIRE(svcorg::cache::decode_needs(parts.needs, cores));  // then the second
    const auto again = svcorg::cache::encode(cores);
    CHECK(again.cores == parts.cores);
    CHECK(again.needs == parts.needs);
    // The cores read back are those made from the needs, texts and history included.
    for (size_t i = 0; i < in.records.needs.size(); ++i) {
      const auto& a = in.records.need_cores[i];
      const auto& b = cores.records.need_cores[i];
      CHECK(*a.id == *b.id);
      CHECK(*a.branch == *b.branch);
      CHECK(a.branch.pos == b.branch.pos);
      CHECK(a.step_count == b.step_count);
      for (uint32_t k = 0; k < a.step_count; ++k) CHECK(a.step_data[k].bits() == b.step_data[k].bits());
    }
    for (const auto* section : {&parts.cores, &parts.needs})
      for (size_t cut = 0; cut < section->size(); cut += 1 + section->size() / 97) {
        CAPTURE(cut);
        svcorg::cache::Entry part;
        if (section == &parts.cores) {
          CHECK_FALSE(svcorg::cache::decode(std::string_view(*section).substr(0, cut), part));
        } else {
          REQUIRE(svcorg::cache::decode(parts.cores, part));
          CHECK_FALSE(svcorg::cache::decode_needs(std::string_view(*section).substr(0, cut), part));
        }
      }
  }

  TEST_CASE("an imported need's x-source round-trips through an entry") {
    const std::string bytes =
        "apiVersion: svcorg/v1\nkind: Need\nid: n1\nbranch: mly\nreceived: 2026-03-02\nchannel: hotline\n"
        "category: housing\nsummary: x\nlayer: branch\ndisposal: solve\nstatus: received\n"
        "events:\n  - {date: 2026-03-02, status: received}\nx-source: {system: \"12345\", case: \"2026030200001\"}\n";
    svcorg::cache::Entry in;
    svcorg::diag::Sink sink;
    svcorg::load::load_bytes("n.yaml", bytes, in.records, sink);
    CHECK(sink.items().empty());
    REQUIRE(in.records.needs.size() == 1);
    const auto& source = in.records.needs.front().source;
    REQUIRE(source.has);
    CHECK(*source.v.system == "12345");
    CHECK(*source.v.number == "2026030200001");
    const auto parts = svcorg::cache::encode(in);
    svcorg::cache::Entry out;
    REQUIRE(svcorg::cache::decode(parts.cores, out));
    REQUIRE(svcorg::cache::decode_needs(parts.needs, out));
    REQUIRE(out.records.needs.size() == 1);
    const auto& back = out.records.needs.front().source;
    REQUIRE(back.has);
    CHECK(back.pos == source.pos);
    CHECK(*back.v.system == "12345");
    CHECK(back.v.number.pos == source.v.number.pos);
    CHECK(*back.v.number == "2026030200001");
  }

  TEST_CASE("a run that keeps only cores reads the first section of an entry, and the needs only when it must") {
    TempDir tmp;
    const fs::path cache = tmp.path() / "c", d = tmp.path() / "d";
    const size_t n = copy_examples(d);
    copy_fixtures(d / "fixtures");  // needs with findings of every rule, and future dates
    const svcorg::load::Needs whole = needs_on("2026-06-30", true), cores = needs_on("2026-06-30", false);
    const svcorg::load::Needs late = needs_on("2030-01-01", false);  // a day after every date of the inputs
    const Loaded plain = load_tree({}, d, {}, cores);
    const Loaded cold = load_tree(cache, d, {}, cores);
    CHECK(cold.writes > n);
    CHECK((cold.encoded == plain.encoded));
    const Loaded warm = load_tree(cache, d, {}, cores);
    CHECK(warm.status_hits == cold.writes);
    CHECK((warm.encoded == plain.encoded));
    // Only the files with a need dated after 2026-06-30 (future-date) were read whole.
    CHECK(warm.needs_read > 0);
    CHECK(warm.needs_read < warm.hits / 4);
    CHECK(load_tree(cache, d, {}, late).needs_read == 0);
    CHECK((load_tree(cache, d, {}, late).encoded == load_tree({}, d, {}, late).encoded));
    // The same entries serve the commands that keep the needs whole, and back.
    const Loaded kept = load_tree(cache, d, {}, whole);
    CHECK(kept.writes == 0);
    CHECK(kept.needs_read == kept.hits);
    CHECK((kept.encoded == load_tree({}, d, {}, whole).encoded));
  }

  TEST_CASE("files held in memory load as from disk, and hit the entries of the same bytes and names") {
    TempDir tmp;
    const fs::path cache = tmp.path() / "c", d = tmp.path() / "d";
    copy_fixtures(d);
    std::vector<svcorg::load::Held> held;
    for (const auto& src : svcorg::load::discover({d.string()}).sources)
      held.push_back({src.display, testing::read_file(src.path)});
    REQUIRE(held.size() > 20);
    auto load_held = [&](const fs::path& at) {
      std::optional<svcorg::cache::Store> store;
      if (!at.empty()) store.emplace(at.string());
      svcorg::diag::Sink sink;
      auto loaded = svcorg::load::load_held(held, sink, 2, store ? &*store : nullptr);
      svcorg::cache::Entry all;
      all.records = std::move(loaded.records);
      all.findings = sink.items();
      all.waivers = loaded.waivers;
      const auto parts = svcorg::cache::encode(all);
      return std::make_pair(parts.cores + parts.needs, store ? store->hits() : 0);
    };
    const Loaded cold = load_tree(cache, d);
    const auto [plain, no_hits] = load_held({});
    CHECK((plain == cold.encoded));
    const auto [warm, hits] = load_held(cache);
    CHECK(hits == held.size());
    CHECK((warm == cold.encoded));
  }

  TEST_CASE("an entry written without the needs' findings makes a run that keeps only cores check the needs") {
    TempDir tmp;
    const fs::path cache = tmp.path() / "c", d = tmp.path() / "d";
    copy_fixtures(d);
    const svcorg::load::Needs cores = needs_on("2026-11-26", false);
    // Entries without the needs' findings (a load always stores them; another writer of
    // the Store may not), under the names and bytes a load reads, with the records and
    // the loading findings and waivers a load stores. The findings are compared (the
    // entries have no latest dates, so the needs are read whole).
    const auto sources = svcorg::load::discover({d.string()}).sources;
    REQUIRE(sources.size() > 20);
    {
      svcorg::cache::Store store(cache.string());
      for (const auto& src : sources) {
        const std::string text = testing::read_file(src.path);
        svcorg::cache::Entry entry;
        svcorg::diag::Sink sink;
        svcorg::load::load_bytes(src.display, text, entry.records, sink);
        std::vector<svcorg::diag::Diagnostic> problems;
        entry.waivers = svcorg::waive::scan_inline(src.display, text, problems);
        for (auto& p : problems) sink.add(std::move(p));
        entry.findings = sink.items();
        store.store(src.display, text, entry);
      }
    }
    const Loaded warm = load_tree(cache, d, {}, cores);
    CHECK(warm.hits == sources.size());
    CHECK(warm.needs_read == warm.hits);
    const Loaded plain = load_tree({}, d, {}, cores);
    CHECK(plain.findings.find("status-transition") != std::string::npos);
    CHECK((warm.findings == plain.findings));
  }

  TEST_CASE("cached and uncached runs give byte-identical outputs (examples and fixtures with errors)") {
    TempDir tmp;
    const fs::path cache = tmp.path() / "cache";
    copy_fixtures(tmp.path() / "fixtures");
    const std::vector<std::string> runs = {
        "validate --format json --as-of 2026-11-26 examples",
        "validate --color never --as-of 2026-11-26 examples",
        "score --format json --year 2025 --as-of 2026-11-26 examples",
        "needs --format json --year 2025 --as-of 2026-11-26 examples",
        // 2026's ledger holds needs carried over from 2025: the status on Jan 1 is read
        // from the cores' histories, alike whether they were parsed or cached.
        "score --format json --year 2026 --as-of 2026-11-26 examples",
        "needs --format json --year 2026 --as-of 2026-11-26 examples",
        "needs --status overdue --year 2026 --as-of 2026-11-26 examples",
        "report --year 2026 --as-of 2026-11-26 examples",
        "report --year 2025 --as-of 2025-12-31 --format html examples",
        "report --year 2025 --as-of 2025-12-31 --scope branch:meiliyuan --lang zh-CN examples",
        "needs --format csv --year 2025 --as-of 2025-12-31 examples",
        // Needs dated after the as-of date (future-date): their entries are read whole.
        "validate --format json --as-of 2026-06-30 examples",
        "validate --format json --as-of 2026-11-26 " + quoted(tmp.path() / "fixtures"),
    };
    for (const auto& args : runs) {
      CAPTURE(args);
      const auto plain = run_svcorg(args + " --no-cache");
      const auto cold = run_svcorg(args + " --jobs 2 --cache-dir " + quoted(cache));
      const auto warm = run_svcorg(args + " --jobs 1 --cache-dir " + quoted(cache));
      CHECK(cold.exit_code == plain.exit_code);
      CHECK(warm.exit_code == plain.exit_code);
      CHECK((cold.out == plain.out));  // (not decomposed: the outputs are long)
      CHECK((warm.out == plain.out));
      CHECK((warm.err == plain.err));
    }
    CHECK(entries(cache).size() > 50);
  }

  // What an unusable file or document would define (RecordSet::unusable) is part of its
  // entry: a warm run counts the same dependents in the same root findings.
  TEST_CASE("cached and uncached runs count the dependents of a broken file alike") {
    TempDir tmp;
    const fs::path cache = tmp.path() / "cache";
    for (const char* name : {"branch-no-apiversion", "branch-syntax", "needs-syntax"}) {
      CAPTURE(name);
      const fs::path dir = tmp.path() / name;
      fs::copy(kSource / "tests/fixtures/cascades" / name, dir, fs::copy_options::recursive);
      for (const std::string format : {"json", "sarif", "text --lang zh-CN"}) {
        const std::string args = "validate --as-of 2026-06-30 --format " + format + " " + quoted(dir);
        CAPTURE(args);
        const auto plain = run_svcorg(args + " --no-cache");
        const auto cold = run_svcorg(args + " --jobs 2 --cache-dir " + quoted(cache));
        const auto warm = run_svcorg(args + " --jobs 1 --cache-dir " + quoted(cache));
        CHECK(plain.exit_code == 1);
        CHECK(cold.exit_code == 1);
        CHECK(warm.exit_code == 1);
        CHECK(plain.out.find(format == "text --lang zh-CN" ? "本文件中的" : "of this file") != std::string::npos);
        CHECK((cold.out == plain.out));
        CHECK((warm.out == plain.out));
        CHECK((warm.err == plain.err));
      }
    }
  }

  TEST_CASE("a truncated, damaged or foreign entry is ignored and rewritten") {
    TempDir tmp;
    const fs::path cache = tmp.path() / "cache";
    const std::string args = "validate --format json --as-of 2026-11-26 examples --cache-dir " + quoted(cache);
    const auto first = run_svcorg(args);
    auto files = entries(cache);
    REQUIRE(files.size() > 3);
    REQUIRE(files.size() > 5);
    const std::string good = read_file(files[0]), whole = read_file(files[1]), first_part = read_file(files[4]);
    write_file(files[0], good.substr(0, good.size() / 2));  // truncated
    std::string damaged = whole;
    damaged[damaged.size() - 1] = static_cast<char>(damaged.back() ^ 0x55);  // a byte of the whole needs flipped
    write_file(files[1], damaged);
    write_file(files[2], read_file(files[3]));  // another file's entry (foreign key)
    write_file(files[3], "");                   // empty
    damaged = first_part;
    damaged[64 + 5] = static_cast<char>(damaged[64 + 5] ^ 0x55);  // a byte of the first section flipped
    write_file(files[4], damaged);
    const auto again = run_svcorg(args);
    CHECK(again.exit_code == first.exit_code);
    CHECK((again.out == first.out));
    CHECK(read_file(files[0]) == good);  // rewritten whole
    CHECK(read_file(files[4]) == first_part);
    // validate reads no whole need here: the damage in the second section shows to a
    // command that reads the needs whole, which parses the file again.
    const std::string needs =
        "needs --format json --year 2025 --as-of 2026-11-26 examples --cache-dir " + quoted(cache);
    CHECK((run_svcorg(needs).out ==
           run_svcorg("needs --format json --year 2025 --as-of 2026-11-26 examples --no-cache").out));
    CHECK(read_file(files[1]) == whole);
  }

  TEST_CASE("two runs at once share a cache without corrupting it") {
    TempDir tmp;
    const fs::path cache = tmp.path() / "cache";
    const std::string run = "'" + std::string(SVCORG_BINARY) +
                            "' score --format json --year 2025 --as-of 2026-11-26 examples --jobs 2 --cache-dir " +
                            quoted(cache);
    const std::string cmd = "cd " + quoted(kSource) + " && (" + run + " >" + quoted(tmp.path() / "a") + " & " + run +
                            " >" + quoted(tmp.path() / "b") + " & " + run + " >" + quoted(tmp.path() / "c") +
                            " & wait)";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const auto plain = run_svcorg("score --format json --year 2025 --as-of 2026-11-26 examples --no-cache");
    CHECK((read_file(tmp.path() / "a") == plain.out));
    CHECK((read_file(tmp.path() / "b") == plain.out));
    CHECK((read_file(tmp.path() / "c") == plain.out));
    const auto warm =
        run_svcorg("score --format json --year 2025 --as-of 2026-11-26 examples --cache-dir " + quoted(cache));
    CHECK((warm.out == plain.out));
    for (const auto& e : fs::directory_iterator(cache))  // no temporary file left behind
      CHECK((e.path().extension() == ".svc" || e.path().extension() == ".svi"));
  }

  TEST_CASE("--no-cache creates nothing, and XDG_CACHE_HOME is the default place") {
    TempDir tmp;
    run_svcorg("validate --as-of 2026-11-26 examples --no-cache --cache-dir " + quoted(tmp.path() / "none"));
    CHECK_FALSE(fs::exists(tmp.path() / "none"));
    const std::string cmd = "cd " + quoted(kSource) + " && XDG_CACHE_HOME=" + quoted(tmp.path() / "xdg") + " '" +
                            std::string(SVCORG_BINARY) + "' validate --as-of 2026-11-26 examples >/dev/null";
    const int status = std::system(cmd.c_str());
    CHECK(WIFEXITED(status));
    CHECK(entries(tmp.path() / "xdg" / "svcorg").size() > 50);
  }

  TEST_CASE("the size bound evicts the least recently used entries") {
    TempDir tmp;
    const fs::path dir = tmp.path() / "c";
    const std::string doc = "apiVersion: svcorg/v1\nkind: Branch\nid: b1\nname: 一\n";
    auto load = [&](const std::string& name, const std::string& text, uint64_t bound) {
      return load_through(dir, name, text, bound);
    };
    CHECK(load("a.yaml", doc, 1 << 20));
    CHECK_FALSE(load("a.yaml", doc, 1 << 20));  // a hit
    CHECK(load("b.yaml", doc, 1 << 20));
    CHECK(entries(dir).size() == 2);
    CHECK(load("c.yaml", doc, 1));  // over the bound: everything goes
    CHECK(entries(dir).empty());
  }

  TEST_CASE("a hit marks an entry used when its mtime is over an hour old, not every time") {
    TempDir tmp;
    const fs::path dir = tmp.path() / "c";
    const std::string doc = "apiVersion: svcorg/v1\nkind: Branch\nid: b1\nname: 一\n";
    REQUIRE(load_through(dir, "a.yaml", doc, 1 << 20));
    const fs::path entry = entries(dir).at(0);
    const auto now = fs::last_write_time(entry);
    fs::last_write_time(entry, now - std::chrono::minutes(50));
    CHECK_FALSE(load_through(dir, "a.yaml", doc, 1 << 20));
    CHECK(fs::last_write_time(entry) == now - std::chrono::minutes(50));  // used within the hour: left
    fs::last_write_time(entry, now - std::chrono::minutes(70));
    CHECK_FALSE(load_through(dir, "a.yaml", doc, 1 << 20));
    CHECK(fs::last_write_time(entry) >= now);  // refreshed
  }

  TEST_CASE("the size bound counts the disk space entries take, as du does") {
    TempDir tmp;
    const fs::path dir = tmp.path() / "c";
    auto load = [&](const std::string& name, uint64_t bound) {
      load_through(dir, name, "apiVersion: svcorg/v1\nkind: Branch\nid: b1\nname: 一\n", bound);
    };
    load("a.yaml", 1 << 20);
    const std::vector<fs::path> first = entries(dir);
    REQUIRE(first.size() == 1);
    load("b.yaml", 1 << 20);
    REQUIRE(entries(dir).size() == 2);
    struct stat st {};
    REQUIRE(::stat(first[0].c_str(), &st) == 0);
    const uint64_t bytes = static_cast<uint64_t>(st.st_size), disk = static_cast<uint64_t>(st.st_blocks) * 512;
    REQUIRE(bytes * 3 < disk * 2);  // a small entry takes a whole block
    fs::last_write_time(first[0], fs::last_write_time(first[0]) - std::chrono::hours(1));  // a is the oldest
    // Three entries' bytes fit in two entries' disk space, their disk space does not:
    // the oldest goes.
    load("c.yaml", disk * 2 + disk / 2);
    const std::vector<fs::path> left = entries(dir);
    CHECK(left.size() == 2);
    CHECK(std::find(left.begin(), left.end(), first[0]) == left.end());
  }

  TEST_CASE("a run whose entries exceed --cache-size says so (unless -q)") {
    TempDir tmp;
    // About 1.8 MB of entries: a synthetic district of 2,000 needs in 145 files (bench/gen_district.py).
    const fs::path d = tmp.path() / "d";
    REQUIRE(std::system(("python3 '" + (kSource / "bench" / "gen_district.py").string() +
                         "' --seed 1 --needs 2000 --layout files --out '" + d.string() + "' >/dev/null")
                            .c_str()) == 0);
    const std::string args =
        "validate '" + d.string() + "' --format json --lang en --cache-dir '" + (tmp.path() / "c").string() + "'";
    auto r = run_svcorg(args + " --cache-size 1");
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("MiB of parse cache entries, more than --cache-size 1 MiB holds; the next run will parse "
                     "most files again: raise --cache-size (e.g. to 1024)") != std::string::npos);
    CHECK(entries(tmp.path() / "c").size() < 145);  // evicted down to the bound
    r = run_svcorg(args + " --cache-size 1 -q");
    CHECK(r.err.empty());
    r = run_svcorg(args + " --cache-size 64");
    CHECK(r.err.empty());
    CHECK(entries(tmp.path() / "c").size() == 145);
  }

  TEST_CASE("the status index: an unchanged file is not read again, a changed one always is") {
    TempDir tmp;
    const fs::path cache = tmp.path() / "c", d = tmp.path() / "d";
    const size_t n = copy_examples(d);
    REQUIRE(n > 50);
    const Loaded cold = load_tree(cache, d);
    CHECK(cold.writes == n);
    CHECK(cold.status_hits == 0);
    CHECK(indexes(cache).size() == 1);
    const Loaded warm = load_tree(cache, d);
    CHECK(warm.status_hits == n);
    CHECK(warm.hits == n);
    CHECK(warm.writes == 0);
    CHECK((warm.encoded == cold.encoded));
    // Other bytes of the same size, the mtime set back: the ctime still tells.
    const fs::path changed = d / "needs" / "2025" / "huashan.yaml";
    std::string text = read_file(changed);
    const auto at = text.find("received: 2025-");
    REQUIRE(at != std::string::npos);
    text[at + 13] = '4';  // 2025 -> 2024
    const auto mtime = fs::last_write_time(changed);
    write_file(changed, text);
    fs::last_write_time(changed, mtime);
    const Loaded after = load_tree(cache, d);
    CHECK(after.status_hits == n - 1);
    CHECK(after.writes == 1);
    CHECK((after.encoded == load_tree({}, d).encoded));
    CHECK((after.encoded != warm.encoded));
    CHECK(load_tree(cache, d).status_hits == n);  // recorded again
  }

  TEST_CASE("the status index does not record a file changed just before the run") {
    TempDir tmp;
    const fs::path cache = tmp.path() / "c", d = tmp.path() / "d";
    const size_t n = copy_examples(d);
    const auto hour = std::chrono::hours(1);
    CHECK(load_tree(cache, d, hour).writes == n);
    const Loaded warm = load_tree(cache, d, hour);  // every file changed within the hour
    CHECK(warm.status_hits == 0);
    CHECK(warm.hits == n);  // read and hashed: found by content
    CHECK(indexes(cache).empty());
    CHECK(load_tree(cache, d).status_hits == 0);
    CHECK(load_tree(cache, d).status_hits == n);
  }

  TEST_CASE("a damaged status index, or one leading to damaged entries, is ignored") {
    TempDir tmp;
    const fs::path cache = tmp.path() / "c", d = tmp.path() / "d";
    const size_t n = copy_examples(d);
    const Loaded cold = load_tree(cache, d);
    REQUIRE(indexes(cache).size() == 1);
    const fs::path index = indexes(cache).front();
    const std::string good = read_file(index);
    for (const size_t at : {size_t{3}, size_t{12}, good.size() / 2, good.size() - 1}) {
      CAPTURE(at);
      std::string bad = good;
      bad[at] = static_cast<char>(bad[at] ^ 0x20);
      write_file(index, bad);
      const Loaded warm = load_tree(cache, d);
      CHECK(warm.status_hits == 0);
      CHECK(warm.hits == n);
      CHECK((warm.encoded == cold.encoded));
      CHECK(read_file(index) == good);  // rewritten
    }
    write_file(index, good.substr(0, good.size() / 3));
    CHECK(load_tree(cache, d).status_hits == 0);
    CHECK(load_tree(cache, d).status_hits == n);
    for (const auto& e : entries(cache)) write_file(e, "");
    const Loaded again = load_tree(cache, d);
    CHECK(again.status_hits == 0);
    CHECK(again.writes == n);
    CHECK((again.encoded == cold.encoded));
  }

  TEST_CASE("a Store that loads two trees keeps an index for each") {
    TempDir tmp;
    const fs::path cache = tmp.path() / "c", a = tmp.path() / "a", b = tmp.path() / "b";
    const size_t n = copy_examples(a);
    copy_examples(b);
    {
      svcorg::cache::Store store(cache.string());
      store.set_settle({});
      for (const auto& d : {a, b}) {
        svcorg::diag::Sink sink;
        std::istringstream no_stdin;
        svcorg::load::load_paths({d.string()}, sink, no_stdin, 2, &store);
      }
    }
    CHECK(indexes(cache).size() == 2);
    CHECK(load_tree(cache, a).status_hits == n);
    CHECK(load_tree(cache, b).status_hits == n);
  }
}
