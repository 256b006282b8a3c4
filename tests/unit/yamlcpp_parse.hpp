// yaml-cpp's event parser into our document tree: the differential test oracle for
// lib/svcorg/yaml/parse.cpp (libyaml). Test-only: the library does not link yaml-cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "svcorg/yaml/parse.hpp"
#include "svcorg/yaml/tree.hpp"

namespace testing {

// Same contract as svcorg::yaml::parse_stream, parsed by yaml-cpp 0.7.
bool yamlcpp_parse_stream(std::string_view bytes, const std::function<void(svcorg::yaml::Node&&)>& on_document,
                          std::vector<svcorg::yaml::ParseIssue>& issues, const svcorg::yaml::ParseLimits& limits,
                          uint32_t line_offset);

// Every non-empty document of a stream, with the default limits.
std::vector<svcorg::yaml::Node> yamlcpp_parse_all(std::string_view bytes,
                                                  std::vector<svcorg::yaml::ParseIssue>& issues);

}  // namespace testing
