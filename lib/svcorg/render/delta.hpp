// Renderings of score deltas (score::Deltas): an aligned table, JSON (docs/FORMAT.md,
// "Score deltas") and a Markdown table ready to post as a merge-request comment.
#pragma once

#include <string>

#include "svcorg/score/delta.hpp"

namespace svcorg::render {

std::string delta_table(const score::Deltas& d);
std::string delta_json(const score::Deltas& d);
std::string delta_markdown(const score::Deltas& d);

}  // namespace svcorg::render
