// cache/codec.cpp: every field of every record kind survives an entry's round trip,
// compared field by field, and the comparison's own list of fields stays complete: the
// records' sizes are pinned (on x86-64 with libstdc++, where CI runs), so a field added
// to a record fails here until it is added to its io() in cache/codec.cpp, to the
// comparison below and to tests/data/cache/every-field.yaml.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "support.hpp"
#include "svcorg/cache/cache.hpp"
#include "svcorg/load/loader.hpp"

namespace model = svcorg::model;
using svcorg::Pos;

namespace {

// Field by field: `differ` names each field that did not come back as it went in,
// `unset` each field of the original that was not set (the fixture must set them all).
struct Compare {
  std::vector<std::string> differ, unset;

  void field(const std::string& n, Pos a, Pos b) {
    if (a != b) differ.push_back(n);
  }
  void field(const std::string& n, const std::string& a, const std::string& b) {
    if (a != b) differ.push_back(n);
  }
  void field(const std::string& n, svcorg::util::Date a, svcorg::util::Date b) {
    if (!(a == b)) differ.push_back(n);
  }
  void field(const std::string& n, model::NeedStatus a, model::NeedStatus b) {
    if (a != b) differ.push_back(n);
  }
  template <class T, std::enable_if_t<std::is_arithmetic_v<T>, int> = 0>
  void field(const std::string& n, T a, T b) {
    if (a != b) differ.push_back(n);
  }
  template <class T>
  void field(const std::string& n, const model::F<T>& a, const model::F<T>& b) {
    if (!a.has) unset.push_back(n);
    if (a.has != b.has || a.pos != b.pos) differ.push_back(n);
    field(n, a.v, b.v);
  }
  template <class T>
  void field(const std::string& n, const model::Value<T>& a, const model::Value<T>& b) {
    if (!a.has) unset.push_back(n);
    if (a.has != b.has) differ.push_back(n);
    field(n, a.v, b.v);
  }
  template <class T>
  void field(const std::string& n, const std::vector<T>& a, const std::vector<T>& b) {
    if (a.empty()) unset.push_back(n);
    if (a.size() != b.size()) {
      differ.push_back(n);
      return;
    }
    for (size_t i = 0; i < a.size(); ++i) field(n + "[" + std::to_string(i) + "]", a[i], b[i]);
  }
  template <class T, size_t N>
  void field(const std::string& n, const std::array<T, N>& a, const std::array<T, N>& b) {
    for (size_t i = 0; i < N; ++i) field(n + "[" + std::to_string(i) + "]", a[i], b[i]);
  }
  void field(const std::string& n, const svcorg::yaml::Node& a, const svcorg::yaml::Node& b) {
    field(n + ".pos", a.pos, b.pos);
    if (a.type != b.type || a.plain != b.plain || a.tag != b.tag || a.value != b.value ||
        a.items.size() != b.items.size() || a.entries.size() != b.entries.size()) {
      differ.push_back(n);
      return;
    }
    for (size_t i = 0; i < a.items.size(); ++i) field(n + "[" + std::to_string(i) + "]", a.items[i], b.items[i]);
    for (size_t i = 0; i < a.entries.size(); ++i) {
      field(n + ".key", a.entries[i].first, b.entries[i].first);
      field(n + "." + a.entries[i].first.value, a.entries[i].second, b.entries[i].second);
    }
  }
  void field(const std::string& n, const std::shared_ptr<const svcorg::yaml::Node>& a,
             const std::shared_ptr<const svcorg::yaml::Node>& b) {
    if (!a) unset.push_back(n);
    if (!a || !b) {
      if (!a != !b) differ.push_back(n);
      return;
    }
    field(n, *a, *b);
  }

#define SAME(x) field(n + "." #x, a.x, b.x)
  void base(const std::string& n, const model::RecordBase& a, const model::RecordBase& b) {
    SAME(file), SAME(pos), SAME(doc), SAME(id);
  }
  void field(const std::string& n, const model::Street& a, const model::Street& b) {
    SAME(pos), SAME(id), SAME(name);
  }
  void field(const std::string& n, const model::DistrictWaiver& a, const model::DistrictWaiver& b) {
    SAME(pos), SAME(record), SAME(kind), SAME(rule), SAME(reason), SAME(until);
  }
  void field(const std::string& n, const model::District& a, const model::District& b) {
    base(n, a, b), SAME(name), SAME(lang), SAME(streets), SAME(waivers), SAME(scoring), SAME(rules);
  }
  void field(const std::string& n, const model::Secretary& a, const model::Secretary& b) {
    SAME(pos), SAME(name), SAME(certified), SAME(competencies), SAME(has_competencies);
  }
  void field(const std::string& n, const model::Representative& a, const model::Representative& b) {
    SAME(pos), SAME(name), SAME(role);
  }
  void field(const std::string& n, const model::Branch& a, const model::Branch& b) {
    base(n, a, b), SAME(name), SAME(type), SAME(street), SAME(established), SAME(members), SAME(secretary),
        SAME(reserve_cadres), SAME(functions), SAME(units), SAME(representatives);
  }
  void field(const std::string& n, const model::Event& a, const model::Event& b) {
    SAME(pos), SAME(date), SAME(status);
  }
  void field(const std::string& n, const model::Feedback& a, const model::Feedback& b) {
    SAME(pos), SAME(satisfaction), SAME(date);
  }
  void field(const std::string& n, const model::Source& a, const model::Source& b) {
    SAME(pos), SAME(system), SAME(number);
  }
  void field(const std::string& n, const model::Need& a, const model::Need& b) {
    base(n, a, b), SAME(branch), SAME(received), SAME(channel), SAME(category), SAME(summary), SAME(scope),
        SAME(impact), SAME(layer), SAME(disposal), SAME(relayed_to), SAME(platform), SAME(due), SAME(status),
        SAME(reason), SAME(events), SAME(feedback), SAME(source);
  }
  void field(const std::string& n, const model::Meeting& a, const model::Meeting& b) {
    SAME(pos), SAME(date), SAME(attendees), SAME(needs), SAME(note);
  }
  void field(const std::string& n, const model::Platform& a, const model::Platform& b) {
    base(n, a, b), SAME(name), SAME(owner), SAME(level), SAME(category), SAME(cadence), SAME(established),
        SAME(participants), SAME(meetings), SAME(budget);
  }
  void field(const std::string& n, const model::MemberDevelopment& a, const model::MemberDevelopment& b) {
    SAME(pos), SAME(planned), SAME(developed);
  }
  void field(const std::string& n, const model::BasePart& a, const model::BasePart& b) {
    SAME(pos), SAME(dues_paid_rate), SAME(statistics_on_time), SAME(organizational_life), SAME(member_development);
  }
  void field(const std::string& n, const model::Target& a, const model::Target& b) {
    SAME(pos), SAME(metric), SAME(value);
  }
  void field(const std::string& n, const model::Outcome& a, const model::Outcome& b) {
    SAME(pos), SAME(value), SAME(note);
  }
  void field(const std::string& n, const model::Item& a, const model::Item& b) {
    SAME(pos), SAME(id), SAME(title), SAME(category), SAME(needs), SAME(platform), SAME(approval), SAME(target),
        SAME(weight), SAME(budget), SAME(progress), SAME(due), SAME(outcome);
  }
  void field(const std::string& n, const model::Survey& a, const model::Survey& b) {
    SAME(pos), SAME(respondents), SAME(mean);
  }
  void field(const std::string& n, const model::Award& a, const model::Award& b) {
    SAME(pos), SAME(kind), SAME(title), SAME(approved);
  }
  void field(const std::string& n, const model::Review& a, const model::Review& b) {
    SAME(pos), SAME(member_survey), SAME(public_survey), SAME(awards);
  }
  void field(const std::string& n, const model::Plan& a, const model::Plan& b) {
    base(n, a, b), SAME(branch), SAME(status), SAME(year), SAME(base), SAME(items), SAME(review);
  }
#undef SAME
};

template <class T>
std::vector<T> all(const model::RecordList<T>& list) {
  return std::vector<T>(list.begin(), list.end());
}

}  // namespace

TEST_SUITE("cache::codec") {
  TEST_CASE("every field of every record kind survives an entry, compared field by field") {
    const std::string bytes = testing::read_file(testing::kSource / "tests/data/cache/every-field.yaml");
    svcorg::cache::Entry in;
    svcorg::diag::Sink sink;
    svcorg::load::load_bytes("every-field.yaml", bytes, in.records, sink);
    CHECK(sink.items().empty());
    const auto parts = svcorg::cache::encode(in);
    svcorg::cache::Entry out;
    REQUIRE(svcorg::cache::decode(parts.cores, out));
    REQUIRE(svcorg::cache::decode_needs(parts.needs, out));

    Compare c;
    c.field("districts", all(in.records.districts), all(out.records.districts));
    c.field("branches", all(in.records.branches), all(out.records.branches));
    c.field("needs", all(in.records.needs), all(out.records.needs));
    c.field("platforms", all(in.records.platforms), all(out.records.platforms));
    c.field("plans", all(in.records.plans), all(out.records.plans));
    auto joined = [](const std::vector<std::string>& names) {
      std::string text;
      for (const auto& name : names) text += name + " ";
      return text;
    };
    CHECK(joined(c.differ) == "");  // fields that did not come back as they went in
    CHECK(joined(c.unset) == "");   // fields the fixture does not set
  }

  TEST_CASE("the records' sizes are those the comparison above knows (a new field fails here first)") {
#if defined(__x86_64__) && defined(__GLIBCXX__)
    // If one of these fails, a field was added to or removed from the record: add it to
    // its io() in lib/svcorg/cache/codec.cpp (and bump frame::kFormat), to Compare above
    // and to tests/data/cache/every-field.yaml, then write the new size here.
    CHECK(sizeof(model::District) == 240);
    CHECK(sizeof(model::Branch) == 616);
    CHECK(sizeof(model::Need) == 888);
    CHECK(sizeof(model::Platform) == 424);
    CHECK(sizeof(model::Plan) == 592);
    CHECK(sizeof(model::Secretary) == 224);
    CHECK(sizeof(model::Item) == 568);
    CHECK(sizeof(model::Review) == 192);
    CHECK(sizeof(model::BasePart) == 144);
    CHECK(sizeof(model::Meeting) == 136);
    CHECK(sizeof(model::Event) == 28);
    CHECK(sizeof(model::Street) == 104);
    CHECK(sizeof(model::DistrictWaiver) == 216);
    CHECK(sizeof(model::Representative) == 104);
    CHECK(sizeof(model::Feedback) == 48);
    CHECK(sizeof(model::Source) == 104);
    CHECK(sizeof(model::MemberDevelopment) == 56);
    CHECK(sizeof(model::Target) == 80);
    CHECK(sizeof(model::Outcome) == 80);
    CHECK(sizeof(model::Survey) == 56);
    CHECK(sizeof(model::Award) == 120);
#endif
  }
}
