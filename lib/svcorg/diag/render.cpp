#include "svcorg/diag/render.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace svcorg::diag {

namespace {

const char* kBold = "\x1b[1m";
const char* kRed = "\x1b[1;31m";
const char* kMagenta = "\x1b[1;35m";
const char* kGreen = "\x1b[1;32m";
const char* kReset = "\x1b[0m";

std::string plural(size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

}  // namespace

Summary summarize(const std::vector<Diagnostic>& items, size_t files, size_t records) {
  Summary s{files, records, 0, 0, 0};
  for (const auto& d : items) (d.waived ? s.waived : d.severity == Severity::Error ? s.errors : s.warnings)++;
  return s;
}

std::string render_text(const std::vector<Diagnostic>& items, bool color) {
  std::string out, waived;
  for (const auto& d : items) {
    if (d.waived) {
      waived += fmt::format("  {}:{}:{}: {}: {} [{}] (waived at {}:{}: {}{})\n", d.file, d.pos.line, d.pos.col,
                            severity_name(d.severity), d.message, d.rule, d.waiver.at.file, d.waiver.at.pos.line,
                            d.waiver.reason, d.waiver.until.empty() ? "" : ", until " + d.waiver.until);
      continue;
    }
    const bool err = d.severity == Severity::Error;
    if (color)
      out += fmt::format("{}{}:{}:{}:{} {}{}:{} {} [{}]\n", kBold, d.file, d.pos.line, d.pos.col, kReset,
                         err ? kRed : kMagenta, severity_name(d.severity), kReset, d.message, d.rule);
    else
      out += fmt::format("{}:{}:{}: {}: {} [{}]\n", d.file, d.pos.line, d.pos.col, severity_name(d.severity),
                         d.message, d.rule);
  }
  if (!waived.empty()) out += "waived:\n" + waived;
  return out;
}

std::string render_summary(const Summary& s, bool color) {
  const size_t errors = s.errors + s.failures;
  std::string counts = fmt::format("{}, {}", plural(errors, "error"), plural(s.warnings, "warning"));
  if (s.waived) counts += fmt::format(", {} waived", s.waived);
  if (s.failures) counts += "; the run did not complete";
  const char* tint = errors ? kRed : (s.warnings ? kMagenta : kGreen);
  return fmt::format("svcorg: {}, {}: {}{}{}\n", plural(s.files, "file"), plural(s.records, "record"),
                     color ? tint : "", counts, color ? kReset : "");
}

std::string failure_text(const Failure& f) {
  return fmt::format(
      "svcorg validate did not complete: {}. This report is incomplete: fix that and run svcorg validate again.",
      f.message);
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

std::string render_json(const std::vector<Diagnostic>& items, const Summary& s, const std::vector<Failure>& failures) {
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
                        {"message", failure_text(f)},
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
    j["message"] = d.message;
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
