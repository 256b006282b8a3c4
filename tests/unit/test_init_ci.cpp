// The CI files `svcorg init` writes (lib/svcorg/init/templates): valid for GitLab and
// GitHub (their published schemas), installing exactly what building svcorg needs (the
// Makefile's lists), and a year-end job that scores the right year. tests/fresh/
// runs their jobs on a clean Debian 12 root (make test-ci-templates).
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "format_checks.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using testing::read_file;

namespace {

const fs::path kTemplates = testing::kSource / "lib" / "svcorg" / "init" / "templates";
const fs::path kGitlab = kTemplates / ".gitlab-ci.yml";
const fs::path kGithub = kTemplates / ".github" / "workflows" / "svcorg.yml";

// YAML as the CI services read it (YAML 1.2 core schema: `on` is a string): a plain
// scalar that reads as a boolean, an integer or null is one; anything quoted is a string.
json to_json(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      json j = json::object();
      for (const auto& kv : n) j[kv.first.as<std::string>()] = to_json(kv.second);
      return j;
    }
    case YAML::NodeType::Sequence: {
      json j = json::array();
      for (const auto& e : n) j.push_back(to_json(e));
      return j;
    }
    case YAML::NodeType::Scalar: {
      const std::string s = n.Scalar();
      if (n.Tag() != "?") return s;
      if (s == "true" || s == "false") return s == "true";
      if (s == "null" || s == "~") return nullptr;
      if (std::regex_match(s, std::regex("-?[0-9]+"))) return std::stoll(s);
      return s;
    }
    default:
      return nullptr;
  }
}

// A variable's words in the Makefile (`NAME = word word ...`, continuation lines joined).
std::set<std::string> makefile_list(const std::string& name) {
  std::istringstream in(read_file(testing::kSource / "Makefile"));
  std::string line, value;
  bool found = false;
  while (std::getline(in, line)) {
    if (!found) {
      std::smatch m;
      if (!std::regex_match(line, m, std::regex(name + R"(\s*=\s*(.*))"))) continue;
      found = true;
      line = m[1];
    }
    const bool more = !line.empty() && line.back() == '\\';
    value += (more ? line.substr(0, line.size() - 1) : line) + " ";
    if (!more) break;
  }
  REQUIRE_MESSAGE(found, "no " << name << " in the Makefile");
  std::istringstream words(value);
  std::set<std::string> out;
  for (std::string w; words >> w;) out.insert(w);
  return out;
}

// The packages a shell step installs: the words after `--no-install-recommends` up to the
// end of the command (line continuations and YAML's folding joined).
std::set<std::string> installed(std::string step) {
  step = std::regex_replace(step, std::regex(R"(\\\n)"), " ");
  const std::string flag = "--no-install-recommends";
  const auto at = step.find(flag);
  REQUIRE_MESSAGE(at != std::string::npos, step);
  std::istringstream words(step.substr(at + flag.size(), step.find('\n', at) - at - flag.size()));
  std::set<std::string> out;
  for (std::string w; words >> w;) out.insert(w);
  return out;
}

std::set<std::string> build_and_source_packages() {
  std::set<std::string> want = makefile_list("BUILD_PACKAGES");
  const auto source = makefile_list("SOURCE_PACKAGES");
  want.insert(source.begin(), source.end());
  return want;
}

}  // namespace

TEST_SUITE("init CI files") {
  TEST_CASE("they conform to GitLab's and GitHub's schemas") {
    const fs::path data = testing::kSource / "tests" / "data";
    CHECK(testing::schema_errors(data / "gitlab-ci.schema.json", to_json(YAML::LoadFile(kGitlab.string()))) ==
          std::vector<std::string>{});
    CHECK(testing::schema_errors(data / "github-workflow.schema.json", to_json(YAML::LoadFile(kGithub.string()))) ==
          std::vector<std::string>{});
    // The checks can fail: a job without its script, a step that is neither run nor uses.
    YAML::Node gl = YAML::LoadFile(kGitlab.string());
    gl["svcorg-validate"]["script"] = "";
    gl["svcorg-validate"]["stage"] = 1;
    CHECK_FALSE(testing::schema_errors(data / "gitlab-ci.schema.json", to_json(gl)).empty());
    YAML::Node gh = YAML::LoadFile(kGithub.string());
    gh["jobs"]["validate"]["steps"][1]["runs"] = "svcorg";
    CHECK_FALSE(testing::schema_errors(data / "github-workflow.schema.json", to_json(gh)).empty());
  }

  TEST_CASE("they install exactly the Makefile's build packages and what fetching the source needs") {
    const auto want = build_and_source_packages();
    CHECK(want.count("libmimalloc-dev") == 1);
    CHECK(want.count("pkg-config") == 1);
    const YAML::Node gl = YAML::LoadFile(kGitlab.string());
    int steps = 0;
    for (const auto& s : gl["default"]["before_script"])
      if (s.as<std::string>().find("apt-get install") != std::string::npos) {
        CHECK(installed(s.as<std::string>()) == want);
        ++steps;
      }
    CHECK(steps == 1);
    const YAML::Node gh = YAML::LoadFile(kGithub.string());
    steps = 0;
    for (const auto& job : gh["jobs"])
      for (const auto& step : job.second["steps"])
        if (step["run"] && step["run"].as<std::string>().find("apt-get install") != std::string::npos) {
          CHECK(installed(step["run"].as<std::string>()) == want);
          ++steps;
        }
    CHECK(steps == 2);  // each job installs svcorg
  }

  TEST_CASE("the test packages are not build packages") {
    const auto build = makefile_list("BUILD_PACKAGES");
    for (const auto& p : makefile_list("TEST_PACKAGES")) {
      CAPTURE(p);
      CHECK(build.count(p) == 0);
    }
  }
}
