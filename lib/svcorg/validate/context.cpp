#include <algorithm>
#include <tuple>

#include "svcorg/l10n/labels.hpp"
#include "svcorg/util/text.hpp"
#include "svcorg/validate/checks.hpp"

namespace svcorg::validate::detail {

namespace {

template <class R>
std::vector<const R*> in_order(const model::RecordList<R>& records, const Index& c) {
  std::vector<const R*> out;
  out.reserve(records.size());
  for (const auto& r : records) out.push_back(&r);
  auto before = [&](const R* a, const R* b) { return c.before(*a, *b); };
  // Files are usually merged in path order already, their records in position order.
  if (!std::is_sorted(out.begin(), out.end(), before)) std::stable_sort(out.begin(), out.end(), before);
  return out;
}

template <class R, class Field>
const R* find(const Index::ById<R>& by_id, const Field& id) {
  if (!id) return nullptr;
  return by_id.find(*id);
}

}  // namespace

Index::Index(const model::RecordSet& records) : rs(records) {
  std::vector<uint32_t> by_path(rs.files.size());
  for (uint32_t i = 0; i < by_path.size(); ++i) by_path[i] = i;
  std::sort(by_path.begin(), by_path.end(), [&](uint32_t a, uint32_t b) { return rs.files[a] < rs.files[b]; });
  file_rank.assign(rs.files.size(), 0);
  for (size_t k = 1; k < by_path.size(); ++k)
    file_rank[by_path[k]] = file_rank[by_path[k - 1]] + (rs.files[by_path[k]] != rs.files[by_path[k - 1]] ? 1 : 0);
  districts = in_order(rs.districts, *this);
  branches = in_order(rs.branches, *this);
  needs = in_order(rs.need_cores, *this);
  platforms = in_order(rs.platforms, *this);
  plans = in_order(rs.plans, *this);
  if (!districts.empty()) {
    district = districts.front();
    for (const auto& street : district->streets)
      if (street.id) street_ids.insert(*street.id);
  }
  branch_by_id = ById<model::Branch>(branches);
  need_by_id = ById<model::NeedCore>(needs);
  platform_by_id = ById<model::Platform>(platforms);
  plan_by_id = ById<model::Plan>(plans);
  if (rs.unusable.empty()) return;
  unusable = in_order(rs.unusable, *this);
  for (size_t k = 0; k < unusable.size(); ++k) {
    for (const auto& id : unusable[k]->ids)
      would_define.emplace(id.first == model::Kind::District ? std::make_pair(id.first, std::string()) : id, k);
    for (const auto& branch : unusable[k]->serves) would_serve.emplace(branch, k);
  }
}

Context::Context(const Index& index, const rules::Rules& r, const ledger::Window& o, diag::Sink& s,
                 std::vector<Held>& h)
    : ix(index),
      rs(index.rs),
      rules(r),
      options(o),
      sink(s),
      held(h),
      districts(index.districts),
      branches(index.branches),
      needs(index.needs),
      platforms(index.platforms),
      plans(index.plans),
      district(index.district),
      street_ids(index.street_ids),
      branch_by_id(index.branch_by_id),
      need_by_id(index.need_by_id),
      platform_by_id(index.platform_by_id),
      plan_by_id(index.plan_by_id) {}

bool Index::before(const model::Place& a, const model::Place& b) const {
  return std::forward_as_tuple(file_rank.at(a.file), a.pos, a.doc) <
         std::forward_as_tuple(file_rank.at(b.file), b.pos, b.doc);
}

const model::Branch* Context::branch(const model::Text& id) const {
  return find(branch_by_id, id);
}
const model::Branch* Context::branch(const model::Word& id) const {
  return find(branch_by_id, id);
}
const model::NeedCore* Context::need(const model::Text& id) const {
  return find(need_by_id, id);
}
const model::Platform* Context::platform(const model::Text& id) const {
  return find(platform_by_id, id);
}

const rules::TypeRules* Context::type_rules(const model::Branch* b) const {
  if (!b || !b->type) return nullptr;
  return rules.for_type(*b->type);
}

bool Context::is_street_or_district(const std::string& id) const {
  if (!district) return false;
  return (district->id && *district->id == id) || street_ids.count(id) > 0;
}

std::optional<size_t> Context::would_define(model::Kind kind, std::string_view id) const {
  if (ix.would_define.empty()) return std::nullopt;
  const auto it = ix.would_define.find(std::make_pair(kind, std::string(kind == model::Kind::District ? "" : id)));
  if (it == ix.would_define.end()) return std::nullopt;
  return it->second;
}

void Context::hold_last(size_t unit, Depends how, model::Kind referrer, model::Kind target, std::string target_id,
                        const model::Place& record) {
  held.push_back({unit, how, referrer, target, std::move(target_id), record, std::move(sink.items().back())});
  sink.items().pop_back();
}

std::optional<i18n::Message> did_you_mean(std::string_view value, const std::vector<std::string>& ids) {
  if (auto near = util::closest(value, ids)) return i18n::Message("util.did-you-mean", {{"value", *near}});
  return std::nullopt;
}

i18n::Message category_not_allowed(const std::string& category, i18n::Message what,
                                   const std::vector<std::string>& allowed, const rules::Rules& rules) {
  // A category's label: built in, or given by the District. Shown in zh-CN in both
  // languages: it is what a record may write instead of the category.
  const auto label_of = [&rules](const std::string& c) -> const std::string* {
    if (const std::string* l = l10n::labels::label("zh-CN", "category", c)) return l;
    const auto it = rules.category_labels.find(c);
    return it == rules.category_labels.end() ? nullptr : &it->second;
  };
  const auto shown = [&label_of](const std::string& c) -> i18n::Arg {
    if (const std::string* l = label_of(c))
      return i18n::Message("validate.category.with-label", {{"value", c}, {"label", *l}});
    return '`' + c + '`';
  };
  std::vector<i18n::Arg> listed;
  listed.reserve(allowed.size());
  for (const auto& c : allowed) listed.push_back(shown(c));
  i18n::Arg allowed_list = i18n::list(std::move(listed), true);
  // "Did you mean" among the allowed names and their labels (Chinese is close to a label).
  std::vector<std::string> candidates = allowed;
  std::map<std::string, std::string> named;  // label -> category
  for (const auto& c : allowed)
    if (const std::string* l = label_of(c)) {
      candidates.push_back(*l);
      named.emplace(*l, c);
    }
  i18n::Message hint;
  if (auto near = util::closest(category, candidates)) {
    const auto it = named.find(*near);
    i18n::Message mean = it == named.end()
                             ? i18n::Message("util.did-you-mean", {{"value", *near}})
                             : i18n::Message("model.did-you-mean-label", {{"label", *near}, {"value", it->second}});
    hint = i18n::Message("validate.category.suggest",
                         {{"did_you_mean", std::move(mean)}, {"allowed", std::move(allowed_list)}});
  } else {
    hint = i18n::Message("validate.category.use-one-of", {{"allowed", std::move(allowed_list)}});
  }
  return i18n::Message("validate.category.not-allowed",
                       {{"category", shown(category)}, {"what", std::move(what)}, {"hint", std::move(hint)}});
}

void Context::add(model::Kind kind, const model::Place& r, std::string id, Pos at, diag::Severity sev, const char* rule,
                  i18n::Message message) {
  sink.add(finding(kind, file(r), r.pos, std::move(id), at, sev, rule, std::move(message)));
}

}  // namespace svcorg::validate::detail
