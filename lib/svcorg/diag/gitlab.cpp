// GitLab Code Quality (a subset of the Code Climate spec): the fields GitLab documents as
// required, nothing else.
#include <nlohmann/json.hpp>

#include "svcorg/diag/fingerprint.hpp"
#include "svcorg/diag/formats.hpp"

namespace svcorg::diag {

std::string render_gitlab(const std::vector<Diagnostic>& items) {
  using json = nlohmann::ordered_json;
  const std::vector<Fingerprint> prints = fingerprints(items);
  json out = json::array();
  for (size_t i = 0; i < items.size(); ++i) {
    const Diagnostic& d = items[i];
    out.push_back(json{
        {"description", d.message},
        {"check_name", d.rule},
        {"fingerprint", prints[i].hash128()},
        // GitLab's levels: info, minor, major, critical, blocker.
        {"severity", d.severity == Severity::Error ? "major" : "minor"},
        {"location", {{"path", d.file}, {"lines", {{"begin", d.pos.known() ? d.pos.line : 1u}}}}},
    });
  }
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace svcorg::diag
