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

namespace {

// The schema in `file`, parsed as the draft its "$schema" names (4 or 7).
std::unique_ptr<valijson::Schema> load_schema(const std::filesystem::path& file) {
  const auto text = nlohmann::json::parse(read_file(file));
  const bool draft4 = text.value("$schema", "").find("draft-04") != std::string::npos;
  auto s = std::make_unique<valijson::Schema>();
  valijson::SchemaParser parser(draft4 ? valijson::SchemaParser::kDraft4 : valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(text);
  parser.populateSchema(adapter, *s);
  return s;
}

std::vector<std::string> errors_against(const valijson::Schema& schema, const nlohmann::json& doc) {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  std::vector<std::string> errors;
  if (validator.validate(schema, target, &results)) return errors;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    std::string where;
    for (const auto& part : e.context) where += part;
    errors.push_back(where + ": " + e.description);
  }
  if (errors.empty()) errors.push_back("invalid");
  return errors;
}

}  // namespace

std::vector<std::string> sarif_schema_errors(const nlohmann::json& doc) {
  static const std::unique_ptr<valijson::Schema> schema =
      load_schema(kSource / "tests" / "data" / "sarif-schema-2.1.0.json");
  return errors_against(*schema, doc);
}

std::vector<std::string> schema_errors(const std::filesystem::path& schema, const nlohmann::json& doc) {
  return errors_against(*load_schema(schema), doc);
}

}  // namespace testing
