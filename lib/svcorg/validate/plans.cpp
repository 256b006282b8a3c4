// Rules about a branch's yearly plan: repeated item ids, item-category, negative-list,
// plan-items, unlinked-item, foreign-need (items), survey-size, and plan-quality
// (quality.cpp). They apply to plans of any year. A plan below `min_plan_quality` gets
// no plan-items or unlinked-item warning: its plan-quality error names the same items.
#include "svcorg/validate/checks.hpp"

namespace svcorg::validate::detail {

namespace {

using model::Item;
using model::Plan;

void item_ids(Context& c, const Plan& p) {
  std::map<std::string, const Item*> seen;
  for (const Item& item : *p.items) {
    if (!item.id) continue;
    auto [it, fresh] = seen.emplace(*item.id, &item);
    if (fresh) continue;
    c.conflict(p, item.pos, p, it->second->pos, "duplicate-id",
               i18n::Message("validate.duplicate-id.item", {{"id", *item.id}, {"line", it->second->pos.line}}));
  }
}

void item_category(Context& c, const Plan& p, const Item& item, const std::string& type, const rules::TypeRules& tr) {
  if (!item.category || tr.allows_item(*item.category)) return;
  c.error(p, item.category.pos, "item-category",
          category_not_allowed(*item.category, i18n::Message("validate.category.item", {{"type", type}}),
                               tr.item_categories, c.rules));
}

void negative_list(Context& c, const Plan& p, const Item& item) {
  if (!item.category || !c.rules.in_negative_list(*item.category)) return;
  if (item.approval && *item.approval == "superior") return;
  if (item.approval)
    c.error(p, item.approval.pos, "negative-list",
            i18n::Message("validate.negative-list.wrong-approval",
                          {{"category", *item.category}, {"approval", *item.approval}}));
  else if (absent(item.approval))
    c.error(p, item.pos, "negative-list",
            i18n::Message("validate.negative-list.no-approval", {{"category", *item.category}}));
}

void unlinked(Context& c, const Plan& p, const Item& item) {
  if (item.needs.has ? !item.needs->empty() : !absent(item.needs)) return;
  c.warning(p, item.pos, "unlinked-item",
            i18n::Message("validate.unlinked-item.no-need", {{"item", item.id ? *item.id : "?"}}));
}

// An item answers the needs of its own plan's branch.
void foreign_needs(Context& c, const Plan& p, const Item& item) {
  if (!item.needs || !c.branch(p.branch)) return;  // a plan of an unknown branch: `reference`
  for (const auto& ref : *item.needs) {
    const model::NeedCore* n = c.need(ref);
    if (!n || !c.branch(n->branch) || *n->branch == *p.branch) continue;  // an unknown branch: `reference`
    c.warning(
        p, ref.pos, "foreign-need",
        i18n::Message("validate.foreign-need.item", {{"need", *ref}, {"owner", *n->branch}, {"branch", *p.branch}}));
  }
}

void plan_items(Context& c, const Plan& p, const rules::TypeRules& tr) {
  if (!p.items) return;
  const auto count = static_cast<int64_t>(p.items->size());
  if (count >= tr.min_plan_items) return;
  c.warning(p, p.pos, "plan-items",
            i18n::Message(count == 1 ? "validate.plan-items.one" : "validate.plan-items.other",
                          {{"n", count}, {"min", tr.min_plan_items}}));
}

// `message`: validate.survey-size.member or .public.
void survey(Context& c, const Plan& p, const model::F<model::Survey>& s, const char* message,
            const rules::TypeRules& tr) {
  if (!s || !s->respondents || *s->respondents >= tr.min_survey_respondents) return;
  c.warning(p, s->respondents.pos, "survey-size",
            i18n::Message(message, {{"n", *s->respondents}, {"min", tr.min_survey_respondents}}));
}

void plan(Context& c, const Plan& p, bool low_quality) {
  const model::Branch* b = c.branch(p.branch);
  const rules::TypeRules* tr = c.type_rules(b);
  if (tr && !low_quality) plan_items(c, p, *tr);
  if (tr && p.review) {
    survey(c, p, p.review->member_survey, "validate.survey-size.member", *tr);
    survey(c, p, p.review->public_survey, "validate.survey-size.public", *tr);
  }
  if (!p.items) return;
  item_ids(c, p);
  for (const Item& item : *p.items) {
    if (tr) item_category(c, p, item, *b->type, *tr);
    negative_list(c, p, item);
    if (!low_quality) unlinked(c, p, item);
    foreign_needs(c, p, item);
  }
}

}  // namespace

void check_plans(Context& c) {
  const std::set<const Plan*> low_quality = check_plan_quality(c);
  for (const Plan* p : c.plans) plan(c, *p, low_quality.count(p) != 0);
}

}  // namespace svcorg::validate::detail
