// The JSON Schema checks of format_checks.hpp (SARIF 2.1.0, GitLab Code Quality, any
// schema file), in a file of their own: valijson's templates are compiled once, with
// optimization (tests/CMakeLists.txt), since the checker runs on the SARIF of every rule
// fixture.
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

std::vector<std::string> errors_against(const valijson::Schema& schema, const nlohmann::json& doc,
                                        const std::string& at = "") {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  std::vector<std::string> errors;
  if (validator.validate(schema, target, &results)) return errors;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    std::string where = at;
    for (const auto& part : e.context) where += part;
    errors.push_back(where + ": " + e.description);
  }
  if (errors.empty()) errors.push_back(at + "invalid");
  return errors;
}

std::filesystem::path data(const char* file) {
  return kSource / "tests" / "data" / file;
}

}  // namespace

std::vector<std::string> sarif_schema_errors(const nlohmann::json& doc) {
  static const auto schema = load_schema(data("sarif-schema-2.1.0.json"));
  return errors_against(*schema, doc);
}

std::vector<std::string> gitlab_schema_errors(const nlohmann::json& doc) {
  static const auto schema = load_schema(data("gitlab-codeclimate.json"));
  if (!doc.is_array()) return {"the report is not an array"};
  std::vector<std::string> errors;
  for (size_t i = 0; i < doc.size(); ++i)
    for (auto& e : errors_against(*schema, doc[i], "[" + std::to_string(i) + "]")) errors.push_back(std::move(e));
  return errors;
}

std::vector<std::string> schema_errors(const std::filesystem::path& schema, const nlohmann::json& doc) {
  return errors_against(*load_schema(schema), doc);
}

}  // namespace testing
