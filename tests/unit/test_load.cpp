// The loader (lib/svcorg/load/loader): bytes to records with their places and findings,
// reading files and standard input within the limits, loading a tree in display-path
// order whatever the number of threads, files held in memory, and appending sets.
// What a walk finds is test_discover.cpp's; here only how several roots merge.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "records_support.hpp"
#include "support.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/load/discover.hpp"
#include "svcorg/load/loader.hpp"
#include "tree_builder.hpp"

namespace fs = std::filesystem;
using svcorg::i18n::Lang;
using svcorg::load::Held;
using svcorg::load::Limits;
using svcorg::load::LoadResult;
using testing::TempDir;
using Strings = std::vector<std::string>;

namespace {

// "file:line:col rule" of each finding, in order, a line each.
std::string findings(const std::vector<svcorg::diag::Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags)
    out += d.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.rule + "\n";
  return out;
}

// "kind id (file index, document)" of every record of `set`, kind by kind, a line each.
std::string records(const svcorg::model::RecordSet& set) {
  std::string out;
  auto add = [&](const char* kind, const auto& list) {
    for (const auto& r : list)
      out += std::string(kind) + " " + *r.id + " (" + std::to_string(r.file) + ", " + std::to_string(r.doc) + ")\n";
  };
  add("District", set.districts);
  add("Branch", set.branches);
  add("Need", set.needs);
  add("Platform", set.platforms);
  add("Plan", set.plans);
  return out;
}

// The texts of `messages`, a line each.
std::string texts(const std::vector<svcorg::i18n::Message>& messages, Lang lang = Lang::En) {
  std::string out;
  for (const auto& m : messages) out += svcorg::l10n::render(m, lang) + "\n";
  return out;
}

const std::string kDistrict = tree::district().text();
const std::string kBranch = tree::branch("meiliyuan").text();
const std::string kNeed = tree::need("n1", "meiliyuan").text();

// district.yaml, branches/meiliyuan.yaml, needs/n1.yaml and needs/n2.yaml (n2 names
// `nobody`, which loading does not check).
void write_tree(const fs::path& root) {
  tree::write(root, {{"district.yaml", kDistrict},
                     {"branches/meiliyuan.yaml", kBranch},
                     {"needs/n1.yaml", kNeed},
                     {"needs/n2.yaml", tree::need("n2", "nobody").text()}});
}

LoadResult load_paths(const Strings& paths, svcorg::diag::Sink& sink, unsigned jobs = 1, const Limits& limits = {},
                      const std::string& stdin_text = "") {
  std::istringstream in(stdin_text);
  return svcorg::load::load_paths(paths, sink, in, jobs, nullptr, limits);
}

}  // namespace

TEST_SUITE("load::load_bytes") {
  TEST_CASE("a good stream: every document a record, with its file, document and first key's position") {
    const auto l = testing::load_text(kDistrict + "---\n" + kBranch + "---\n" + kNeed);
    CHECK(l.diags.empty());
    CHECK(l.set.files == Strings{"t.yaml"});
    CHECK(records(l.set) ==
          "District jingan (0, 0)\n"
          "Branch meiliyuan (0, 1)\n"
          "Need n1 (0, 2)\n");
    CHECK(l.set.districts.front().pos == svcorg::Pos{1, 1});
    CHECK(l.set.branches.front().pos == svcorg::Pos{8, 1});
    CHECK(l.set.needs.front().pos == svcorg::Pos{18, 1});
    CHECK(l.set.branches.front().id.pos == svcorg::Pos{10, 5});
    CHECK(*l.set.branches.front().members == 120);
    CHECK(l.set.need_cores.size() == 1);  // each need has its core
    CHECK(l.set.record_count() == 3);
    CHECK(l.set.unusable.size() == 0);
  }

  TEST_CASE("a second call appends: the next file index, the records after the first file's") {
    svcorg::model::RecordSet set;
    svcorg::diag::Sink sink;
    svcorg::load::load_bytes("a.yaml", kDistrict, set, sink);
    svcorg::load::load_bytes("b.yaml", kBranch + "---\n" + kNeed, set, sink);
    CHECK(sink.items().empty());
    CHECK(set.files == Strings{"a.yaml", "b.yaml"});
    CHECK(records(set) ==
          "District jingan (0, 0)\n"
          "Branch meiliyuan (1, 0)\n"
          "Need n1 (1, 1)\n");
  }

  TEST_CASE("bad input: each finding at its place, and the document that fails is no record") {
    // A syntax error ends the file: the documents before it are kept.
    auto l = testing::load_text(kBranch + "---\nkind: [\n");
    CHECK(findings(l.diags) == "t.yaml:11:7 yaml-syntax\n");
    CHECK(records(l.set) == "Branch meiliyuan (0, 0)\n");

    // A duplicate key points at the second one and relates the first.
    l = testing::load_text(kBranch + "members: 3\n");
    REQUIRE(l.diags.size() == 1);
    CHECK(findings(l.diags) == "t.yaml:10:1 duplicate-key\n");
    CHECK(l.diags[0].has_related);
    CHECK(l.diags[0].related.pos == svcorg::Pos{7, 1});

    // No apiVersion, an unknown kind, a field of the wrong type.
    l = testing::load_text("kind: Branch\nid: x\n---\napiVersion: svcorg/v1\nkind: Street\nid: s\n---\n" +
                           tree::branch("b").set("members", "many").text());
    CHECK(findings(l.diags) ==
          "t.yaml:1:1 header\n"
          "t.yaml:5:7 header\n"
          "t.yaml:14:10 schema\n");
    // A field of the wrong type is dropped (written but invalid: absent, with its place);
    // the record stays.
    CHECK(records(l.set) == "Branch b (0, 2)\n");
    CHECK_FALSE(l.set.branches.front().members);
    CHECK(l.set.branches.front().members.pos == svcorg::Pos{14, 10});
    // The document without apiVersion would define Branch x: kept aside as unusable, so
    // that what names x is not reported again. The unknown kind defines nothing.
    REQUIRE(l.set.unusable.size() == 1);
    CHECK(l.set.unusable.front().rule == "header");
    CHECK(l.set.unusable.front().doc == 0);
    CHECK(l.set.unusable.front().pos == svcorg::Pos{1, 1});
    REQUIRE(l.set.unusable.front().ids.size() == 1);
    CHECK(l.set.unusable.front().ids[0].first == svcorg::model::Kind::Branch);
    CHECK(l.set.unusable.front().ids[0].second == "x");

    // An empty file, one of comments or of an empty document holds no record: a header
    // finding at its start.
    for (const char* empty : {"", "# nothing here\n", "---\n"}) {
      CAPTURE(empty);
      l = testing::load_text(empty);
      CHECK(findings(l.diags) == "t.yaml:1:1 header\n");
      REQUIRE(l.diags.size() == 1);
      CHECK(svcorg::l10n::render(l.diags[0].message) == "the file is empty; write the record, or delete the file");
      CHECK(records(l.set) == "");
      CHECK(l.set.files == Strings{"t.yaml"});
    }
  }

  TEST_CASE("the limits: nesting deeper than max_depth, more documents than max_records") {
    svcorg::model::RecordSet set;
    svcorg::diag::Sink sink;
    Limits limits;
    limits.max_depth = 3;
    svcorg::load::load_bytes("deep.yaml", kDistrict + "x-deep: [[[[1]]]]\n", set, sink, limits);
    CHECK(findings(sink.items()) == "deep.yaml:7:11 yaml-syntax\n");
    CHECK(records(set) == "");

    svcorg::model::RecordSet many;
    svcorg::diag::Sink many_sink;
    limits = Limits{};
    limits.max_records = 1;
    svcorg::load::load_bytes("many.yaml", kDistrict + "---\n" + kBranch, many, many_sink, limits);
    CHECK(findings(many_sink.items()) == "many.yaml:8:1 yaml-syntax\n");
    CHECK(records(many) == "District jingan (0, 0)\n");
  }
}

TEST_SUITE("load::read_file") {
  TEST_CASE("a regular file whole, and why a missing one, a folder or one over the limit is not read") {
    TempDir tmp;
    testing::write_file(tmp.path() / "a.yaml", "0123456789");
    struct ::stat seen {};
    const auto read = svcorg::load::read_file((tmp.path() / "a.yaml").string(), 10, &seen);
    REQUIRE(read);
    CHECK(*read == "0123456789");
    CHECK(seen.st_size == 10);

    const std::string big = (tmp.path() / "a.yaml").string();
    const auto too_big = svcorg::load::read_file(big, 9);
    REQUIRE_FALSE(too_big);
    const svcorg::i18n::Message& error = too_big.error();
    CHECK(svcorg::l10n::render(error) ==
          big + ": larger than the limit of 9 bytes; split it (or raise --max-file-size)");
    CHECK(svcorg::l10n::render(error, Lang::ZhCN) ==
          big + "：超过了9字节的上限；请拆分这个文件（或调高 --max-file-size）");

    const std::string missing = (tmp.path() / "missing.yaml").string();
    const auto absent = svcorg::load::read_file(missing, 10);
    REQUIRE_FALSE(absent);
    CHECK(svcorg::l10n::render(absent.error()) == missing + ": cannot open: No such file or directory");

    const std::string folder = tmp.path().string();
    const auto not_file = svcorg::load::read_file(folder, 10);
    REQUIRE_FALSE(not_file);
    CHECK(svcorg::l10n::render(not_file.error()) == folder + ": not a regular file; give YAML files or directories");
  }
}

TEST_SUITE("load::load_paths") {
  TEST_CASE("files merge in display-path order, the same for any number of jobs") {
    TempDir tmp;
    write_tree(tmp.path());
    testing::Chdir cd(tmp.path());
    const Strings order{"branches/meiliyuan.yaml", "district.yaml", "needs/n1.yaml", "needs/n2.yaml"};
    for (unsigned jobs : {1u, 2u, 4u, 0u}) {
      CAPTURE(jobs);
      svcorg::diag::Sink sink;
      const auto r = load_paths({}, sink, jobs);
      CHECK(r.fatal.empty());
      CHECK(sink.items().empty());
      CHECK(r.records.files == order);
      CHECK(records(r.records) ==
            "District jingan (1, 0)\n"
            "Branch meiliyuan (0, 0)\n"
            "Need n1 (2, 0)\n"
            "Need n2 (3, 0)\n");
    }
    // Roots given in any order, one inside another: each file once, in display-path order.
    svcorg::diag::Sink sink;
    const auto r = load_paths({"needs", "district.yaml", "needs/n1.yaml", "./branches"}, sink, 2);
    CHECK(r.records.files == Strings{"branches/meiliyuan.yaml", "district.yaml", "needs/n1.yaml", "needs/n2.yaml"});
  }

  TEST_CASE("standard input is `<stdin>` and its findings carry that name") {
    svcorg::diag::Sink sink;
    const auto r = load_paths({"-"}, sink, 1, {}, kBranch + "members: 3\n");
    CHECK(r.fatal.empty());
    CHECK(r.records.files == Strings{"<stdin>"});
    CHECK(findings(sink.items()) == "<stdin>:10:1 duplicate-key\n");

    Limits limits;
    limits.max_file_size = 5;
    svcorg::diag::Sink small;
    const auto cut = load_paths({"-"}, small, 1, limits, kBranch);
    CHECK(texts(cut.fatal) == "<stdin>: larger than the limit of 5 bytes (raise --max-file-size)\n");
    CHECK(records(cut.records) == "");
  }

  TEST_CASE("what cannot be read is fatal and named, and the rest still loads") {
    TempDir tmp;
    write_tree(tmp.path());
    testing::Chdir cd(tmp.path());
    Limits limits;
    limits.max_file_size = kDistrict.size();
    svcorg::diag::Sink sink;
    const auto r = load_paths({"missing", "district.yaml", "branches"}, sink, 2, limits);
    CHECK(texts(r.fatal) == "missing: no such file or directory\nbranches/meiliyuan.yaml: larger than the limit of " +
                                std::to_string(kDistrict.size()) + " bytes; split it (or raise --max-file-size)\n");
    CHECK(r.records.files == Strings{"district.yaml"});
    CHECK(records(r.records) == "District jingan (0, 0)\n");
  }

  TEST_CASE("more records in all the files than max_records: fatal, nothing loaded") {
    TempDir tmp;
    write_tree(tmp.path());
    Limits limits;
    limits.max_records = 3;
    svcorg::diag::Sink sink;
    const auto r = load_paths({tmp.path().string()}, sink, 2, limits);
    CHECK(texts(r.fatal) == "the inputs hold 4 records, more than the limit of 3 (raise --max-records)\n");
    CHECK(texts(r.fatal, Lang::ZhCN) == "输入共有4条记录，超过了3条的上限（请调高 --max-records）\n");
    CHECK(r.records.files.empty());
    CHECK(records(r.records) == "");
  }

  TEST_CASE("inline waivers are collected in path order") {
    TempDir tmp;
    const std::string waived = "# svcorg-ignore reference reason=\"等街道确认\"\n" + tree::need("n2", "nobody").text();
    tree::write(tmp.path(), {{"b.yaml", waived}, {"a.yaml", kDistrict}});
    testing::Chdir cd(tmp.path());
    svcorg::diag::Sink sink;
    const auto r = load_paths({"b.yaml", "a.yaml"}, sink, 2);
    CHECK(r.fatal.empty());
    CHECK(r.records.files == Strings{"a.yaml", "b.yaml"});
    REQUIRE(r.waivers.size() == 1);
    CHECK(r.waivers[0].file == "b.yaml");
    CHECK(r.waivers[0].line == 1);
    CHECK(r.waivers[0].rules == Strings{"reference"});
    CHECK(r.waivers[0].reason == "等街道确认");
  }
}

TEST_SUITE("load::load_held") {
  TEST_CASE("files held in memory load in the order given, under their names, with their findings") {
    svcorg::diag::Sink sink;
    const auto r = svcorg::load::load_held(
        {Held{"z/need.yaml", kNeed}, Held{"a/district.yaml", kDistrict}, Held{"m.yaml", kBranch + "members: 3\n"}},
        sink, 2);
    CHECK(r.fatal.empty());
    CHECK(r.records.files == Strings{"z/need.yaml", "a/district.yaml", "m.yaml"});
    CHECK(records(r.records) ==
          "District jingan (1, 0)\n"
          "Branch meiliyuan (2, 0)\n"
          "Need n1 (0, 0)\n");
    CHECK(findings(sink.items()) == "m.yaml:10:1 duplicate-key\n");
  }

  TEST_CASE("a held file over the size limit is fatal, and the limit on records holds too") {
    Limits limits;
    limits.max_file_size = kDistrict.size();
    svcorg::diag::Sink sink;
    auto r = svcorg::load::load_held({Held{"d.yaml", kDistrict}, Held{"b.yaml", kBranch}}, sink, 1, nullptr, limits);
    CHECK(texts(r.fatal) == "b.yaml: larger than the limit of " + std::to_string(kDistrict.size()) +
                                " bytes; split it (or raise --max-file-size)\n");
    CHECK(r.records.files == Strings{"d.yaml"});

    limits = Limits{};
    limits.max_records = 1;
    r = svcorg::load::load_held({Held{"d.yaml", kDistrict}, Held{"b.yaml", kBranch}}, sink, 1, nullptr, limits);
    CHECK(texts(r.fatal) == "the inputs hold 2 records, more than the limit of 1 (raise --max-records)\n");
    CHECK(records(r.records) == "");
  }
}

TEST_SUITE("load::append") {
  TEST_CASE("the appended set's records point at its files, renumbered after the first set's") {
    auto first = testing::load_text(kDistrict);
    svcorg::model::RecordSet second;
    svcorg::diag::Sink sink;
    svcorg::load::load_bytes("x.yaml", kBranch, second, sink);
    svcorg::load::load_bytes("y.yaml", kNeed, second, sink);
    svcorg::load::append(first.set, std::move(second));
    CHECK(first.set.files == Strings{"t.yaml", "x.yaml", "y.yaml"});
    CHECK(records(first.set) ==
          "District jingan (0, 0)\n"
          "Branch meiliyuan (1, 0)\n"
          "Need n1 (2, 0)\n");
    CHECK(first.set.need_cores.size() == 1);
    CHECK(first.set.need_cores.front().file == 2);
  }
}
