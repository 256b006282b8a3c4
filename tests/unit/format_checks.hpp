// The real consumers of svcorg's CI formats, for the tests: the official SARIF 2.1.0
// JSON Schema (valijson, draft-04), GitLab's Code Quality schema and a real XML parser for JUnit (Python's ElementTree,
// tests/data/check_junit.py).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "support.hpp"

namespace testing {

// Why `doc` fails the SARIF 2.1.0 schema (empty: it conforms). In format_checks.cpp,
// compiled optimized: valijson runs on every fixture's SARIF.
std::vector<std::string> sarif_schema_errors(const nlohmann::json& doc);

// Why `doc` fails GitLab's own Code Quality schema (tests/data/gitlab-codeclimate.json,
// gitlabhq's app/validators/json_schemas/codeclimate.json: one issue), checked for each
// issue of the array, as GitLab does; empty: it conforms. Not an array is an error too.
std::vector<std::string> gitlab_schema_errors(const nlohmann::json& doc);

// Why `doc` fails the JSON Schema in the file `schema` (draft-04 or draft-07, as its
// "$schema" says); empty: it conforms.
std::vector<std::string> schema_errors(const std::filesystem::path& schema, const nlohmann::json& doc);

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
