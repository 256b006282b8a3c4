// need-category, the rule about a need that reads its branch (on the needs' cores). The
// rules that read a need alone are check/need.cpp.
#include "svcorg/validate/checks.hpp"

namespace svcorg::validate::detail {

void check_needs(Context& c) {
  // Looked up once for each run of needs with the same branch text (see check_references).
  const std::string* last = nullptr;
  const model::Branch* b = nullptr;
  const rules::TypeRules* tr = nullptr;
  for (size_t i = 0; i < c.needs.size(); ++i) {
    const model::NeedCore* n = c.needs[i];
    if (i == 0 || n->branch.p != last) {
      last = n->branch.p;
      b = c.branch(n->branch);
      tr = c.type_rules(b);
    }
    if (!n->category || !tr || tr->allows_need(*n->category)) continue;
    c.error(*n, n->category.pos, "need-category",
            category_not_allowed(*n->category, i18n::Message("validate.category.need", {{"type", *b->type}}),
                                 tr->need_categories, c.rules));
  }
}

}  // namespace svcorg::validate::detail
