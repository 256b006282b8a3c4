#include "svcorg/waive/waive.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "svcorg/diag/catalogue.hpp"
#include "svcorg/util/text.hpp"

namespace svcorg::waive {

namespace {

constexpr std::string_view kMarker = "svcorg-ignore";

diag::Diagnostic finding(const std::string& file, Pos pos, diag::Severity sev, const char* rule,
                         i18n::Message message) {
  diag::Diagnostic d;
  d.file = file;
  d.pos = pos;
  d.severity = sev;
  d.rule = rule;
  d.message = std::move(message);
  return d;
}

// Parses what follows `svcorg-ignore` on one line; returns an error message or an empty one.
i18n::Message parse_tail(std::string_view tail, Waiver& w) {
  size_t i = 0;
  auto skip = [&] {
    while (i < tail.size() && (tail[i] == ' ' || tail[i] == '\t')) ++i;
  };
  skip();
  const size_t start = i;
  while (i < tail.size() && tail[i] != ' ' && tail[i] != '\t') ++i;
  for (std::string_view rest = tail.substr(start, i - start); !rest.empty();) {
    const size_t comma = rest.find(',');
    w.rules.emplace_back(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  if (w.rules.empty() || w.rules[0].find('=') != std::string::npos) return i18n::Message("waive.no-rule");
  for (skip(); i < tail.size(); skip()) {
    const size_t eq = tail.find('=', i);
    if (eq == std::string_view::npos) return i18n::Message("waive.not-key-value", {{"text", tail.substr(i)}});
    const std::string_view key = tail.substr(i, eq - i);
    i = eq + 1;
    std::string value;
    if (i < tail.size() && tail[i] == '"') {
      const size_t close = tail.find('"', i + 1);
      if (close == std::string_view::npos) return i18n::Message("waive.unclosed-quote");
      value = std::string(tail.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      const size_t end = std::min(tail.find(' ', i), tail.size());
      value = std::string(tail.substr(i, end - i));
      i = end;
    }
    if (key == "reason") {
      w.reason = value;
    } else if (key == "until") {
      w.until = util::Date::parse(value);
      if (!w.until) return i18n::Message("waive.bad-until", {{"value", value}});
    } else {
      return i18n::Message("waive.unknown-field", {{"field", key}});
    }
  }
  return {};
}

i18n::Message check_rules(const Waiver& w) {
  for (const auto& rule : w.rules) {
    if (!diag::find_rule(rule)) {
      std::vector<std::string> ids;
      for (const auto& r : diag::catalogue()) ids.emplace_back(r.id);
      const auto near = util::closest(rule, ids);
      if (!near) return i18n::Message("waive.unknown-rule", {{"rule", rule}});
      return i18n::Message("waive.unknown-rule.near",
                           {{"rule", rule}, {"hint", i18n::Message("util.did-you-mean", {{"value", *near}})}});
    }
    if (!waivable(rule)) return i18n::Message("waive.unwaivable", {{"rule", rule}});
  }
  if (w.reason.empty()) return i18n::Message("waive.no-reason");
  return {};
}

bool covers(const Waiver& w, const diag::Diagnostic& d) {
  if (std::find(w.rules.begin(), w.rules.end(), d.rule) == w.rules.end()) return false;
  if (w.inline_comment) return d.file == w.file && (d.pos.line == w.line || d.pos.line == w.line + 1);
  return d.id == w.record && (w.kind.empty() || w.kind == d.kind);
}

}  // namespace

bool waivable(const std::string& rule) {
  return rule != "yaml-syntax" && rule != "duplicate-key" && rule != "header" && rule.rfind("waiver", 0) != 0;
}

std::vector<Waiver> scan_inline(const std::string& file, std::string_view bytes,
                                std::vector<diag::Diagnostic>& problems) {
  std::vector<Waiver> out;
  if (bytes.find(kMarker) == std::string_view::npos) return out;
  uint32_t line = 1;
  for (size_t start = 0; start <= bytes.size();) {
    const size_t end = std::min(bytes.find('\n', start), bytes.size());
    const std::string_view text = bytes.substr(start, end - start);
    const size_t at = text.find(kMarker);
    if (at != std::string_view::npos) {
      // The marker must open a comment: `#`, blanks, the marker; `#` at the line start or after a blank.
      size_t hash = at;
      while (hash > 0 && (text[hash - 1] == ' ' || text[hash - 1] == '\t')) --hash;
      const bool comment =
          hash > 0 && text[hash - 1] == '#' && (hash == 1 || text[hash - 2] == ' ' || text[hash - 2] == '\t');
      if (comment) {
        Waiver w;
        w.file = file;
        w.line = line;
        w.pos = Pos{line, static_cast<uint32_t>(util::codepoints(text.substr(0, hash - 1)) + 1)};
        i18n::Message error = parse_tail(text.substr(at + kMarker.size()), w);
        if (error.empty()) error = check_rules(w);
        if (error.empty())
          out.push_back(std::move(w));
        else
          problems.push_back(finding(file, w.pos, diag::Severity::Error, "waiver", error));
      }
    }
    if (end == bytes.size()) break;
    start = end + 1;
    ++line;
  }
  return out;
}

std::vector<Waiver> from_district(const model::RecordSet& records, std::vector<diag::Diagnostic>& problems) {
  std::vector<Waiver> out;
  if (records.districts.empty()) return out;
  const auto& d = records.districts.front();
  for (const auto& e : d.waivers) {
    if (!e.record || !e.rule || !e.reason) continue;
    Waiver w;
    w.inline_comment = false;
    w.file = records.files[d.file];
    w.pos = e.pos;
    w.rules = {*e.rule};
    w.reason = *e.reason;
    if (e.until) w.until = *e.until;
    w.record = *e.record;
    w.kind = e.kind ? *e.kind : "";
    if (i18n::Message error = check_rules(w); !error.empty()) {
      problems.push_back(finding(w.file, e.rule.pos, diag::Severity::Error, "waiver", error));
      continue;
    }
    out.push_back(std::move(w));
  }
  return out;
}

void apply(std::vector<diag::Diagnostic>& findings, std::vector<Waiver>& waivers, util::Date as_of) {
  std::vector<diag::Diagnostic> added;
  for (auto& d : findings) {
    if (d.waived || !waivable(d.rule)) continue;
    for (auto& w : waivers) {
      if (!covers(w, d)) continue;
      w.used = true;
      if (w.until && *w.until < as_of) continue;  // expired: suppresses nothing
      d.waived = true;
      d.waiver = {w.inline_comment, w.reason, w.until ? w.until->str() : "", {w.file, w.pos}};
      break;
    }
  }
  for (const auto& w : waivers) {
    const std::string rules = fmt::format("{}", fmt::join(w.rules, ","));
    if (w.until && *w.until < as_of)
      added.push_back(
          finding(w.file, w.pos, diag::Severity::Warning, "waiver-expired",
                  i18n::Message("waive.expired", {{"rules", rules}, {"date", i18n::date(w.until->str())}})));
    else if (!w.used)
      added.push_back(finding(w.file, w.pos, diag::Severity::Warning, "waiver-unused",
                              w.inline_comment
                                  ? i18n::Message("waive.unused.inline", {{"rules", rules}})
                                  : i18n::Message("waive.unused.record", {{"rules", rules}, {"record", w.record}})));
  }
  for (auto& d : added) findings.push_back(std::move(d));
  diag::sort_unique(findings);
}

}  // namespace svcorg::waive
