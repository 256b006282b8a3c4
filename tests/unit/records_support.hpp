// Records for unit tests, made in code: one YAML text loaded with its findings, and a need
// with a given history. Header-only: only the tests that build records include it.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "support.hpp"
#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/ledger/lifecycle.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/util/date.hpp"

namespace testing {

// The records of one file `t.yaml` holding `text`, and its findings, sorted.
struct Loaded {
  svcorg::model::RecordSet set;
  std::vector<svcorg::diag::Diagnostic> diags;
};

inline Loaded load_text(const std::string& text) {
  Loaded l;
  svcorg::diag::Sink sink;
  svcorg::load::load_bytes("t.yaml", text, l.set, sink);
  l.diags = sink.items();
  svcorg::diag::sort_unique(l.diags);
  return l;
}

// Records that break every rule, for what must hold on any records: each rule fixture
// folder (tests/fixtures/rules/*) alone and beside the example district, loaded whole,
// with the rules in effect (the District's `rules:` merged). `f` gets the records and the
// rules (the paths are captured for doctest's messages).
inline void for_each_rule_fixture(
    const std::function<void(const svcorg::model::RecordSet&, const svcorg::rules::Rules&)>& f) {
  const std::string examples = (kSource / "examples").string();
  std::vector<std::vector<std::string>> inputs;
  for (const auto& e : std::filesystem::directory_iterator(kSource / "tests/fixtures/rules")) {
    inputs.push_back({e.path().string()});
    inputs.push_back({examples, e.path().string()});
  }
  for (const auto& paths : inputs) {
    CAPTURE(paths.back());
    CAPTURE(paths.size());
    svcorg::diag::Sink sink;
    std::istringstream no_stdin;
    const auto loaded = svcorg::load::load_paths(paths, sink, no_stdin);
    const auto& set = loaded.records;
    const auto* district = set.districts.empty() ? nullptr : &set.districts.front();
    f(set, svcorg::rules::effective_rules(district ? district->rules.get() : nullptr));
  }
}

inline svcorg::util::Date date(const char* text) {
  return *svcorg::util::Date::parse(text);
}

// (date, status) of each event, in order.
using Events = std::vector<std::pair<const char*, const char*>>;

// A need `n` of `layer` received on the first event's date, with these events and the
// last one's status.
inline svcorg::model::Need need_with(const Events& events, const char* layer = "branch") {
  svcorg::model::Need n;
  n.id.set("n", {1, 1});
  n.received.set(date(events.front().first), {1, 1});
  n.layer.set(layer, {1, 1});
  std::vector<svcorg::model::Event> list;
  for (const auto& [day, status] : events) {
    svcorg::model::Event e;
    e.date.set(date(day), {1, 1});
    e.status.set(*svcorg::ledger::parse_status(status));
    list.push_back(e);
  }
  n.events.set(list, {1, 1});
  n.status.set(events.back().second, {1, 1});
  return n;
}

}  // namespace testing
