#include "svcorg/diag/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace svcorg::diag {

const char* severity_name(Severity s) {
  return s == Severity::Error ? "error" : "warning";
}

size_t Sink::errors() const {
  return static_cast<size_t>(
      std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

size_t Sink::warnings() const {
  return items_.size() - errors();
}

const i18n::Message& own_message(const Diagnostic& d) {
  const i18n::Message& m = d.message;
  if (m.id != kDependentsMessage) return m;
  for (const auto& [name, arg] : m.args)
    if (name == "finding" && arg.kind == i18n::Arg::Kind::Msg && !arg.msg.empty()) return arg.msg.front();
  return m;
}

namespace {
auto key(const Diagnostic& d) {
  return std::tie(d.file, d.pos.line, d.pos.col, d.rule, d.severity, d.message, d.kind, d.id);
}
}  // namespace

void sort_unique(std::vector<Diagnostic>& items) {
  std::sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  items.erase(std::unique(items.begin(), items.end(),
                          [](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
              items.end());
}

}  // namespace svcorg::diag
