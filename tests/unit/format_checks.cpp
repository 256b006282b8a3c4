// The SARIF 2.1.0 schema check of format_checks.hpp, in a file of its own: valijson's
// templates are compiled once, with optimization (tests/CMakeLists.txt), since the
// checker runs on the SARIF of every rule fixture.
#include "format_checks.hpp"

#include <memory>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace testing {

std::vector<std::string> sarif_schema_errors(const nlohmann::json& doc) {
  static const std::unique_ptr<valijson::Schema> schema = [] {
    const auto text = nlohmann::json::parse(read_file(kSource / "tests" / "data" / "sarif-schema-2.1.0.json"));
    auto s = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
    valijson::adapters::NlohmannJsonAdapter adapter(text);
    parser.populateSchema(adapter, *s);
    return s;
  }();
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  std::vector<std::string> errors;
  if (validator.validate(*schema, target, &results)) return errors;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    std::string where;
    for (const auto& part : e.context) where += part;
    errors.push_back(where + ": " + e.description);
  }
  if (errors.empty()) errors.push_back("invalid");
  return errors;
}

}  // namespace testing
