// `svcorg validate` (SPEC 4, 8).
#pragma once

#include <string>

#include "svcorg/cmd/common.hpp"

namespace svcorg::cmd {

struct ValidateOptions {
  Common common;
  std::string format = "text";  // text | json
};

int run_validate(const ValidateOptions& o, const Io& io);

}  // namespace svcorg::cmd
