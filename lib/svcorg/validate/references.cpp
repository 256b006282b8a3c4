// Rules about what records name: reference, platform-level.
#include <fmt/format.h>

#include <algorithm>

#include "svcorg/validate/checks.hpp"

namespace svcorg::validate::detail {

namespace {

template <class R>
std::vector<std::string> keys(const Context::ById<R>& by_id) {
  return by_id.sorted_ids();
}

// `what` is a message id: validate.kind.*, validate.reference.street or .owner.
i18n::Message unknown(std::string field, const std::string& value, const char* what,
                      const std::vector<std::string>& ids) {
  std::optional<i18n::Message> near = did_you_mean(value, ids);
  return i18n::Message("validate.reference.unknown",
                       {{"field", std::move(field)},
                        {"value", value},
                        {"what", i18n::Message(what)},
                        {"hint", near ? std::move(*near) : i18n::Message("validate.reference.check")}});
}

// A field's name for a message: `format` with the index of its list entry, formatted
// only when there is a finding (this runs for every item of every plan).
struct FieldName {
  const char* format;
  size_t index = 0;
  std::string str() const { return fmt::format(fmt::runtime(format), index); }
};

// A reference to a record of another kind, reported at the referring value; held as a
// dependent when an unusable file or document would define the id.
template <class R, class Field, class Target>
void reference(Context& c, const R& r, const Field& value, const Context::ById<Target>& by_id, FieldName field,
               const char* what, model::Kind target, Depends how = Depends::Names) {
  if (!value || by_id.count(*value)) return;
  std::string id(*value);
  c.error(r, value.pos, "reference", unknown(field.str(), id, what, keys(by_id)));
  if (const auto unit = c.would_define(target, id)) c.hold_last(*unit, how, kind_of(r), target, std::move(id), r);
}

template <class R>
void need_list(Context& c, const R& r, const model::F<model::TextList>& list, FieldName field) {
  if (!list) return;
  for (const auto& id : *list)
    reference(c, r, id, c.need_by_id, field, "validate.kind.need", model::Kind::Need, Depends::Lists);
}

void street_ref(Context& c, const model::Branch& b) {
  if (!c.district || !b.street || c.street_ids.count(*b.street)) return;
  std::vector<std::string> ids(c.street_ids.begin(), c.street_ids.end());
  c.error(b, b.street.pos, "reference", unknown("street", *b.street, "validate.reference.street", ids));
}

void plan_refs(Context& c, const model::Plan& p) {
  reference(c, p, p.branch, c.branch_by_id, {"branch"}, "validate.kind.branch", model::Kind::Branch);
  if (!p.items) return;
  for (size_t i = 0; i < p.items->size(); ++i) {
    const model::Item& item = (*p.items)[i];
    need_list(c, p, item.needs, {"items[{}].needs", i});
    reference(c, p, item.platform, c.platform_by_id, {"items[{}].platform", i}, "validate.kind.platform",
              model::Kind::Platform);
  }
}

bool wants_branch_owner(const std::string& level) {
  return level == "grassroots" || level == "horizontal";
}

std::vector<std::string> owner_candidates(const Context& c, const model::Platform& p) {
  std::vector<std::string> ids;
  if (!p.level || wants_branch_owner(*p.level)) ids = keys(c.branch_by_id);
  if (!p.level || !wants_branch_owner(*p.level)) {
    ids.insert(ids.end(), c.street_ids.begin(), c.street_ids.end());
    if (c.district && c.district->id) ids.push_back(*c.district->id);
  }
  return ids;
}

// The owner is looked up by the level: a branch for grassroots and horizontal, a street
// or the District for superior and service-center. Without a District, an owner that is
// not a branch is not checked (no-district says so).
void owner(Context& c, const model::Platform& p) {
  if (!p.owner) return;
  const std::string& o = *p.owner;
  const bool is_branch = c.branch_by_id.count(o) > 0;
  const bool is_area = c.is_street_or_district(o);
  if (!is_branch && !c.district) return;
  if (!is_branch && !is_area) {
    c.error(p, p.owner.pos, "reference", unknown("owner", o, "validate.reference.owner", owner_candidates(c, p)));
    if (const auto unit = c.would_define(model::Kind::Branch, o))
      c.hold_last(*unit, Depends::Names, model::Kind::Platform, model::Kind::Branch, o, p);
    return;
  }
  if (!p.level || is_branch == is_area) return;
  const std::string& level = *p.level;
  if (wants_branch_owner(level) && !is_branch)
    c.error(p, p.level.pos, "platform-level",
            i18n::Message(
                "validate.platform-level.wants-branch",
                {{"level", level},
                 {"owner", o},
                 {"what", i18n::Message(c.district->id && *c.district->id == o ? "validate.platform-level.district"
                                                                               : "validate.platform-level.street")}}));
  else if (!wants_branch_owner(level) && is_branch)
    c.error(p, p.level.pos, "platform-level",
            i18n::Message("validate.platform-level.wants-area", {{"level", level}, {"owner", o}}));
}

void platform_refs(Context& c, const model::Platform& p) {
  owner(c, p);
  if (!p.meetings) return;
  for (size_t i = 0; i < p.meetings->size(); ++i) need_list(c, p, (*p.meetings)[i].needs, {"meetings[{}].needs", i});
}

}  // namespace

void check_references(Context& c) {
  for (const auto* b : c.branches) street_ref(c, *b);
  // The needs of a file share their branch's and platform's texts (the pool keeps one
  // string per text): a text found is not looked up again for the next needs (hashing
  // them was 2% of a warm score). What is not found is reported as before.
  const std::string* known_branch = nullptr;
  const std::string* known_platform = nullptr;
  for (const auto* n : c.needs) {
    if (n->branch.p != known_branch) {
      if (n->branch && c.branch_by_id.count(*n->branch))
        known_branch = n->branch.p;
      else
        reference(c, *n, n->branch, c.branch_by_id, {"branch"}, "validate.kind.branch", model::Kind::Branch);
    }
    if (n->platform.p != known_platform) {
      if (n->platform && c.platform_by_id.count(*n->platform))
        known_platform = n->platform.p;
      else
        reference(c, *n, n->platform, c.platform_by_id, {"platform"}, "validate.kind.platform", model::Kind::Platform);
    }
  }
  for (const auto* p : c.platforms) platform_refs(c, *p);
  for (const auto* p : c.plans) plan_refs(c, *p);
}

}  // namespace svcorg::validate::detail
