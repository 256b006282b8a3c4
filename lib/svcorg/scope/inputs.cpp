#include "svcorg/scope/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "svcorg/load/discover.hpp"

namespace svcorg::scope {

namespace fs = std::filesystem;

namespace {

bool is_yaml_name(const std::string& path) {
  auto ends = [&](const std::string& ext) {
    const size_t slash = path.rfind('/');
    const size_t name_start = slash == std::string::npos ? 0 : slash + 1;
    return path.size() - name_start > ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
  };
  return ends(".yaml") || ends(".yml");
}

bool has_hidden_component(const std::string& rest) {
  size_t start = 0;
  while (start <= rest.size()) {
    if (start < rest.size() && rest[start] == '.') return true;
    const size_t slash = rest.find('/', start);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return false;
}

}  // namespace

InputMap InputMap::from_paths(const std::vector<std::string>& paths, const std::string& root) {
  std::vector<Input> inputs;
  std::vector<std::string> outside;
  const std::vector<std::string> given = paths.empty() ? std::vector<std::string>{"."} : paths;
  for (const auto& p : given) {
    if (p == "-") continue;
    std::error_code ec;
    const fs::path abs = fs::weakly_canonical(fs::absolute(p, ec), ec);
    const std::string r = ec ? std::string() : abs.lexically_relative(root).generic_string();
    if (r.empty() || r == ".." || r.rfind("../", 0) == 0) {
      outside.push_back(p);
      continue;
    }
    inputs.push_back({p, r, fs::is_directory(p, ec)});
  }
  InputMap map(std::move(inputs));
  map.outside_ = std::move(outside);
  return map;
}

std::vector<std::string> InputMap::display_paths(const std::string& repo_path) const {
  std::vector<std::string> out;
  for (const auto& in : inputs_) {
    std::string rest;
    if (!in.directory) {
      if (repo_path != in.rel) continue;
      out.push_back(load::display_path(in.given));
      continue;
    }
    if (in.rel == ".") {
      rest = repo_path;
    } else if (repo_path.size() > in.rel.size() && repo_path.compare(0, in.rel.size(), in.rel) == 0 &&
               repo_path[in.rel.size()] == '/') {
      rest = repo_path.substr(in.rel.size() + 1);
    } else {
      continue;
    }
    if (rest.empty() || has_hidden_component(rest) || !is_yaml_name(rest)) continue;
    out.push_back(load::display_path(in.given + "/" + rest));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace svcorg::scope
