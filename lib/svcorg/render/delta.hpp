// Renderings of score deltas (score::Deltas): an aligned table, JSON (docs/FORMAT.md,
// "Score deltas") and a Markdown table ready to post as a merge-request comment.
#pragma once

#include <string>

#include "svcorg/i18n/message.hpp"
#include "svcorg/score/delta.hpp"

namespace svcorg::render {

// The table and the Markdown are for people, in `lang`; JSON is the same in every language.
std::string delta_table(const score::Deltas& d, i18n::Lang lang);
std::string delta_json(const score::Deltas& d);
std::string delta_markdown(const score::Deltas& d, i18n::Lang lang);

}  // namespace svcorg::render
