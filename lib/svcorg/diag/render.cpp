#include "svcorg/diag/render.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "svcorg/l10n/catalogue.hpp"

namespace svcorg::diag {

namespace {

const char* kBold = "\x1b[1m";
const char* kRed = "\x1b[1;31m";
const char* kMagenta = "\x1b[1;35m";
const char* kGreen = "\x1b[1;32m";
const char* kReset = "\x1b[0m";

}  // namespace

std::string severity_word(Severity s, i18n::Lang lang) {
  return l10n::tr(lang, s == Severity::Error ? "diag.severity.error" : "diag.severity.warning");
}

std::string count(size_t n, const char* noun, i18n::Lang lang) {
  const std::string id = fmt::format("diag.count.{}.{}", noun, n == 1 ? "one" : "other");
  return l10n::render(i18n::Message(id.c_str(), {{"n", n}}), lang);
}

Summary summarize(const std::vector<Diagnostic>& items, size_t files, size_t records) {
  Summary s{files, records, 0, 0, 0};
  for (const auto& d : items) (d.waived ? s.waived : d.severity == Severity::Error ? s.errors : s.warnings)++;
  return s;
}

std::string render_text(const std::vector<Diagnostic>& items, bool color, i18n::Lang lang) {
  std::string out, waived;
  for (const auto& d : items) {
    const std::string where = fmt::format("{}:{}:{}", d.file, d.pos.line, d.pos.col);
    if (d.waived) {
      i18n::Arg until = d.waiver.until.empty()
                            ? i18n::Arg()
                            : i18n::Arg(i18n::Message("diag.waived.until", {{"date", i18n::date(d.waiver.until)}}));
      waived += "  " +
                l10n::tr(lang, "diag.waived.line",
                         {{"where", where},
                          {"severity", severity_word(d.severity, lang)},
                          {"message", d.message},
                          {"rule", d.rule},
                          {"at", fmt::format("{}:{}", d.waiver.at.file, d.waiver.at.pos.line)},
                          {"reason", d.waiver.reason},
                          {"until", std::move(until)}}) +
                "\n";
      continue;
    }
    const bool err = d.severity == Severity::Error;
    const std::string severity = severity_word(d.severity, lang);
    out += l10n::tr(lang, "diag.line",
                    {{"where", color ? fmt::format("{}{}{}", kBold, where, kReset) : where},
                     {"severity", color ? fmt::format("{}{}{}", err ? kRed : kMagenta, severity, kReset) : severity},
                     {"message", d.message},
                     {"rule", d.rule}}) +
           "\n";
  }
  if (!waived.empty()) out += l10n::tr(lang, "diag.waived.heading") + "\n" + waived;
  return out;
}

std::string render_summary(const Summary& s, bool color, i18n::Lang lang) {
  const size_t errors = s.errors + s.failures;
  std::string counts =
      l10n::tr(lang, "diag.summary.counts",
               {{"errors", count(errors, "errors", lang)}, {"warnings", count(s.warnings, "warnings", lang)}});
  if (s.waived) counts = l10n::tr(lang, "diag.summary.waived", {{"counts", counts}, {"n", s.waived}});
  if (s.failures) counts = l10n::tr(lang, "diag.summary.incomplete", {{"counts", counts}});
  const char* tint = errors ? kRed : (s.warnings ? kMagenta : kGreen);
  return l10n::tr(lang, "diag.summary",
                  {{"files", count(s.files, "files", lang)},
                   {"records", count(s.records, "records", lang)},
                   {"counts", fmt::format("{}{}{}", color ? tint : "", counts, color ? kReset : "")}}) +
         "\n";
}

std::string failure_text(const Failure& f, i18n::Lang lang) {
  return l10n::tr(lang, "diag.failure", {{"why", f.message}});
}

BasedPath rebase(const std::string& path, const PathBase& base) {
  if (path.empty() || path.front() != '/') return {path, false, false};
  const auto under = [&](const std::string& folder) {  // `folder` ends in '/'
    return !folder.empty() && path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0;
  };
  if (!base.cwd.empty() && under(base.cwd == "/" ? base.cwd : base.cwd + "/"))
    return {path.substr(base.cwd == "/" ? 1 : base.cwd.size() + 1), false, false};
  if (under(base.root)) return {path.substr(base.root.size()), true, false};
  return {path, false, true};
}

std::string common_folder(const std::vector<std::string>& folders) {
  if (folders.empty()) return "";
  std::string common = folders.front();
  for (const auto& f : folders) {
    size_t n = 0;
    while (n < common.size() && n < f.size() && common[n] == f[n]) ++n;
    common.resize(n);
  }
  // Back to the last whole folder: `/a/bc/` and `/a/bd/` share `/a/`, not `/a/b`.
  common.resize(common.rfind('/') + 1);
  return common;
}

std::string render_json(const std::vector<Diagnostic>& items, const Summary& s, i18n::Lang lang,
                        const std::vector<Failure>& failures) {
  using json = nlohmann::ordered_json;
  json list = json::array(), waived = json::array();
  for (const auto& f : failures)
    list.push_back(json{{"file", f.file.empty() ? json(nullptr) : json(f.file)},
                        {"line", nullptr},
                        {"column", nullptr},
                        {"severity", "error"},
                        {"rule", kRunFailed},
                        {"kind", nullptr},
                        {"id", nullptr},
                        {"message", failure_text(f, lang)},
                        {"related", nullptr}});
  for (const auto& d : items) {
    json j;
    j["file"] = d.file;
    j["line"] = d.pos.line;
    j["column"] = d.pos.col;
    j["severity"] = severity_name(d.severity);
    j["rule"] = d.rule;
    j["kind"] = d.kind.empty() ? json(nullptr) : json(d.kind);
    j["id"] = d.id.empty() ? json(nullptr) : json(d.id);
    j["message"] = l10n::render(d.message, lang);
    if (d.has_related)
      j["related"] = json{{"file", d.related.file}, {"line", d.related.pos.line}, {"column", d.related.pos.col}};
    else
      j["related"] = nullptr;
    if (d.waived) {
      j["waiver"] = json{{"inline", d.waiver.inline_comment},
                         {"reason", d.waiver.reason},
                         {"until", d.waiver.until.empty() ? json(nullptr) : json(d.waiver.until)},
                         {"file", d.waiver.at.file},
                         {"line", d.waiver.at.pos.line}};
      waived.push_back(std::move(j));
    } else {
      list.push_back(std::move(j));
    }
  }
  json root;
  root["format"] = 1;
  root["files"] = s.files;
  root["records"] = s.records;
  root["errors"] = s.errors + failures.size();
  root["warnings"] = s.warnings;
  root["diagnostics"] = std::move(list);
  // Only with waivers, so the SPEC 8 shape is unchanged for everyone else.
  if (!waived.empty()) {
    root["suppressed"] = s.waived;
    root["waived"] = std::move(waived);
  }
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace svcorg::diag
