// SARIF 2.1.0 (OASIS); checked against the official JSON Schema in the tests.
#include <fmt/format.h>

#include <cctype>
#include <nlohmann/json.hpp>

#include "svcorg/diag/catalogue.hpp"
#include "svcorg/diag/fingerprint.hpp"
#include "svcorg/diag/formats.hpp"
#include "svcorg/l10n/catalogue.hpp"

namespace svcorg::diag {

namespace {

using json = nlohmann::ordered_json;

const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
const char* kInformationUri = "https://svcorg.example/docs";
const char* kSrcRoot = "%SRCROOT%";
const char* kInputRoot = "%INPUTROOT%";
// The name (and version) of our partialFingerprints entry.
const char* kFingerprintName = "svcorgFinding/v1";

// `duplicate-id` → `DuplicateId`.
std::string camel_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

const char* level(Severity s) {
  return s == Severity::Error ? "error" : "warning";
}

// A URI reference relative to %SRCROOT% (where svcorg ran) or %INPUTROOT% (see PathBase);
// a file: URI of its own only for an absolute path neither holds (none, in practice).
json artifact_location(const std::string& path, const PathBase& base) {
  const BasedPath p = rebase(path, base);
  if (p.absolute) return json{{"uri", "file://" + uri_reference(path)}};
  return json{{"uri", uri_reference(p.path)}, {"uriBaseId", p.under_root ? kInputRoot : kSrcRoot}};
}

// A region only where the position is known (SARIF lines and columns start at 1).
json physical_location(const std::string& file, Pos pos, const PathBase& base) {
  json physical = {{"artifactLocation", artifact_location(file, base)}};
  if (pos.known()) {
    physical["region"] = {{"startLine", pos.line}};
    if (pos.col > 0) physical["region"]["startColumn"] = pos.col;
  }
  return json{{"physicalLocation", std::move(physical)}};
}

// Equal but for case: SARIF wants a rule's `name` to differ from its `id` (the Microsoft
// validator's SARIF1001), so a one-word id has no name.
bool same_but_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

json rules(i18n::Lang lang) {
  json out = json::array();
  for (const auto& r : catalogue()) {
    const std::string summary = rule_summary(r, lang);
    const std::string full =
        l10n::tr(lang, "diag.sarif.rule-full", {{"summary", summary}, {"severity", severity_word(r.severity, lang)}});
    json rule = {{"id", r.id}};
    if (const std::string name = camel_case(r.id); !same_but_case(name, r.id)) rule["name"] = name;
    rule["shortDescription"] = {{"text", summary}};
    rule["fullDescription"] = {{"text", full}};
    rule["defaultConfiguration"] = {{"level", level(r.severity)}};
    rule["help"] = {{"text", l10n::tr(lang, "diag.sarif.rule-help", {{"summary", summary}})}};
    out.push_back(std::move(rule));
  }
  return out;
}

json result(const Diagnostic& d, const Fingerprint& f, const PathBase& base, i18n::Lang lang) {
  json r;
  r["ruleId"] = d.rule;
  const auto& all = catalogue();
  for (size_t i = 0; i < all.size(); ++i)
    if (d.rule == all[i].id) r["ruleIndex"] = i;
  r["level"] = level(d.severity);
  r["message"] = {{"text", l10n::render(d.message, lang)}};
  r["locations"] = json::array({physical_location(d.file, d.pos, base)});
  if (d.has_related) {
    json related = physical_location(d.related.file, d.related.pos, base);
    related["id"] = 1;
    related["message"] = {{"text", l10n::tr(lang, "diag.sarif.related")}};
    r["relatedLocations"] = json::array({std::move(related)});
  }
  if (d.waived) {
    json why = {{"kind", d.waiver.inline_comment ? "inSource" : "external"}, {"justification", d.waiver.reason}};
    if (!d.waiver.at.file.empty()) why["location"] = physical_location(d.waiver.at.file, d.waiver.at.pos, base);
    if (!d.waiver.until.empty()) why["properties"] = {{"until", d.waiver.until}};
    r["suppressions"] = json::array({std::move(why)});
  }
  r["partialFingerprints"] = {{kFingerprintName, fmt::format("{}:{}", f.hash64(), f.occurrence)}};
  if (!d.kind.empty() || !d.id.empty()) {
    json props = json::object();
    if (!d.kind.empty()) props["kind"] = d.kind;
    if (!d.id.empty()) props["id"] = d.id;
    r["properties"] = std::move(props);
  }
  return r;
}

// One invocation: successful, or not, with why (SPEC 8, rev 2). A consumer such as GitHub
// code scanning then treats the run as failed instead of closing the alerts it lacks.
json invocation(const std::vector<Failure>& failures, i18n::Lang lang) {
  if (failures.empty()) return json{{"executionSuccessful", true}};
  json notes = json::array();
  for (const auto& f : failures) {
    json note = {
        {"level", "error"}, {"message", {{"text", failure_text(f, lang)}}}, {"descriptor", {{"id", kRunFailed}}}};
    notes.push_back(std::move(note));
  }
  return json{{"executionSuccessful", false}, {"exitCode", 2}, {"toolExecutionNotifications", std::move(notes)}};
}

}  // namespace

std::string uri_reference(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    // RFC 3986 unreserved characters (ASCII only, whatever the locale) and the separator.
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string render_sarif(const std::vector<Diagnostic>& items, const Summary& s, std::string_view version,
                         const Report& report) {
  const std::vector<Fingerprint> prints = fingerprints(items, report.base);
  json results = json::array();
  for (size_t i = 0; i < items.size(); ++i) results.push_back(result(items[i], prints[i], report.base, report.lang));

  json run;
  run["tool"] = {{"driver",
                  {{"name", "svcorg"},
                   {"version", std::string(version)},
                   {"informationUri", kInformationUri},
                   {"rules", rules(report.lang)}}}};
  run["originalUriBaseIds"] = {{kSrcRoot, {{"description", {{"text", l10n::tr(report.lang, "diag.sarif.srcroot")}}}}}};
  if (!report.base.root.empty())
    run["originalUriBaseIds"][kInputRoot] = {
        {"uri", "file://" + uri_reference(report.base.root)},
        {"description", {{"text", l10n::tr(report.lang, "diag.sarif.inputroot")}}}};
  run["invocations"] = json::array({invocation(report.failures, report.lang)});
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  run["properties"] = {{"files", s.files},
                       {"records", s.records},
                       {"errors", s.errors + report.failures.size()},
                       {"warnings", s.warnings}};

  json root;
  root["$schema"] = kSchema;
  root["version"] = "2.1.0";
  root["runs"] = json::array({std::move(run)});
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace svcorg::diag
