// Writing output files atomically: a temporary file in the same directory, then rename;
// a failure leaves no partial file and the previous file intact.
#pragma once

#include <string>
#include <string_view>

namespace svcorg::util {

// Returns an empty string on success, else what went wrong (for a message).
std::string write_atomically(const std::string& path, std::string_view content);

}  // namespace svcorg::util
