// The real consumers of svcorg's CI formats, for the tests: the official SARIF 2.1.0
// JSON Schema (valijson, draft-04) and a real XML parser for JUnit (Python's ElementTree,
// tests/data/check_junit.py).
#pragma once

#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#include <vector>

#include "support.hpp"

namespace testing {

// Why `doc` fails the SARIF 2.1.0 schema (empty: it conforms).
inline std::vector<std::string> sarif_schema_errors(const nlohmann::json& doc) {
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

// What ElementTree reads from each JUnit document (see check_junit.py), in one Python
// run; null for a document that is not well-formed XML.
inline nlohmann::json parse_junits(const std::vector<std::string>& documents) {
  TempDir tmp;
  std::string cmd = "python3 '" + (kSource / "tests" / "data" / "check_junit.py").string() + "'";
  for (size_t i = 0; i < documents.size(); ++i) {
    const auto in = tmp.path() / ("junit-" + std::to_string(i) + ".xml");
    write_file(in, documents[i]);
    cmd += " '" + in.string() + "'";
  }
  const auto out = tmp.path() / "parsed.json", err = tmp.path() / "err";
  cmd += " >'" + out.string() + "' 2>'" + err.string() + "'";
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("check_junit.py failed: " + read_file(err));
  return nlohmann::json::parse(read_file(out));
}

inline nlohmann::json parse_junit(const std::string& document) {
  return parse_junits({document})[0];
}

}  // namespace testing
