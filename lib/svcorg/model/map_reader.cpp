// The mapping reader (MapReader, model/reader.hpp): the keys of a mapping read by name,
// lists and nested mappings converted item by item, unknown keys reported. The scalars'
// typing is reader.cpp.
#include <algorithm>

#include "svcorg/model/reader.hpp"
#include "svcorg/model/reader_words.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/util/text.hpp"
#include "svcorg/yaml/hints.hpp"

namespace svcorg::model {

using namespace detail;
using yaml::Node;

namespace {

// What a missing field's hint names.
const i18n::Message kAText("model.expect.a-text");

}  // namespace

MapReader::MapReader(Context& c, const Node& n, std::string path) : c_(c), node_(n), path_(std::move(path)) {
  ok_ = n.is_map();
  known_.reserve(24);  // more than any kind's fields: one allocation
  if (!ok_) {
    if (path_.empty() && yaml::scalar_looks_like_table(n))
      c_.report(n.pos, "header", i18n::Message("yaml.table"));
    else if (path_.empty())
      report_or_hint(c_, n, "header", i18n::Message("model.not-mapping-record", {{"found", yaml::describe(n)}}));
    else
      report_or_hint(c_, n, "schema", wrong_type_message(path_, i18n::Message("yaml.value.mapping"), n));
  }
}

const Node* MapReader::get(const char* key) {
  known_.push_back(key);
  return ok_ ? node_.find(key) : nullptr;
}

const Node* MapReader::fetch(const char* key, bool required, const i18n::Message* hint) {
  const Node* v = get(key);
  if (ok_ && required && !v) {
    static const i18n::Message value("model.expect.value");
    i18n::Arg what = hint ? *hint : value;
    if (path_.empty())
      c_.schema(pos(), i18n::Message("model.missing-field.record", {{"key", key}, {"hint", std::move(what)}}));
    else
      c_.schema(pos(),
                i18n::Message("model.missing-field", {{"path", path_}, {"key", key}, {"hint", std::move(what)}}));
  }
  if (v && v->is_null() && v->tag.empty()) {
    c_.schema(v->pos,
              i18n::Message(required ? "model.empty-value" : "model.empty-value.optional", {{"path", sub(key)}}));
    return nullptr;
  }
  return v;
}

const Node* MapReader::need(const char* key) {
  return fetch(key, true);
}

const i18n::Message MapReader::kList("yaml.value.list");
const i18n::Message MapReader::kEntries("model.expect.entries");
const i18n::Message MapReader::kFields("model.expect.fields");

Pos MapReader::where(const char* key) const {
  const Node* v = ok_ ? node_.find(key) : nullptr;
  return v ? v->pos : Pos{};
}

bool MapReader::seq_of(const Node& v, const std::string& path, size_t min_items) {
  if (!v.is_seq()) {
    report_or_hint(c_, v, "schema", wrong_type_message(path, kList, v));
    return false;
  }
  if (v.items.size() < min_items) {
    c_.schema(v.pos, i18n::Message(min_items == 1 ? "model.empty-list.one" : "model.empty-list.other",
                                   {{"path", path}, {"n", min_items}}));
    return false;
  }
  return true;
}

void MapReader::finish() {
  if (!ok_) return;
  for (const auto& [k, v] : node_.entries) {
    if (!k.is_scalar()) {
      if (path_.empty())
        c_.schema(k.pos, i18n::Message("model.key-not-name.record", {{"found", yaml::describe(k)}}));
      else
        c_.schema(k.pos, i18n::Message("model.key-not-name", {{"path", path_}, {"found", yaml::describe(k)}}));
      continue;
    }
    if (yaml::is_extension(k)) continue;
    const bool known = std::find(known_.begin(), known_.end(), std::string_view(k.value)) != known_.end();
    if (known) continue;
    std::vector<std::string> names(known_.begin(), known_.end());
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    const bool record = path_.empty();
    std::vector<std::pair<std::string, i18n::Arg>> args{{"key", k.value}};
    args.emplace_back(record ? "kind" : "path", record ? c_.kind : path_);
    if (auto near = util::did_you_mean(k.value, names)) {
      args.emplace_back("suggestion", std::move(*near));
      c_.schema(k.pos, i18n::Message(record ? "model.unknown-field.record-near" : "model.unknown-field.near",
                                     std::move(args)));
    } else {
      args.emplace_back("allowed", i18n::codes(names, true));
      c_.schema(k.pos, i18n::Message(record ? "model.unknown-field.record" : "model.unknown-field", std::move(args)));
    }
  }
}

void MapReader::text(const char* key, Text& out, bool required) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  if (const Node* v = fetch(key, required, &kAText))
    if (auto s = read_text(c_, *v, sub(key))) out.set(std::move(*s), v->pos);
}
void MapReader::text(const char* key, UnkeptText& out, bool required) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  if (const Node* v = fetch(key, required, &kAText))
    if (read_text(c_, *v, sub(key))) out.set(Unkept{}, v->pos);
}
void MapReader::id(const char* key, Text& out, bool required) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  if (const Node* v = fetch(key, required, &kId))
    if (auto s = read_id(c_, *v, sub(key))) out.set(std::move(*s), v->pos);
}
void MapReader::enumeration(const char* key, Text& out, bool required, const std::vector<std::string>& allowed,
                            const char* group) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  // The hint is for a missing required field only: not formatted otherwise.
  const bool missing = required && ok_ && node_.find(key) == nullptr;
  std::optional<i18n::Message> hint;
  if (missing) hint = i18n::Message("model.expect.one-of", {{"values", i18n::codes(allowed, true)}});
  if (const Node* v = fetch(key, required, hint ? &*hint : nullptr))
    if (auto s = read_enum(c_, *v, sub(key), allowed, group)) out.set(std::move(*s), v->pos);
}
void MapReader::enumeration(const char* key, F<NeedStatus>& out, bool required) {
  Text name;
  enumeration(key, name, required, vocab::kNeedStatuses, "status");
  out.pos = name.pos;
  if (name) out.set(*vocab::need_status(*name), name.pos);
}
void MapReader::category(const char* key, Text& out, bool required) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  static const i18n::Message hint("model.expect.type-category");
  if (const Node* v = fetch(key, required, &hint))
    if (auto s = read_category(c_, *v, sub(key), true)) out.set(std::move(*s), v->pos);
}
void MapReader::date(const char* key, F<util::Date>& out, bool required) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  if (const Node* v = fetch(key, required, &kDate))
    if (auto d = read_date(c_, *v, sub(key))) out.set(*d, v->pos);
}
void MapReader::boolean(const char* key, F<bool>& out, bool required) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  static const i18n::Message hint("model.expect.true-false");
  if (const Node* v = fetch(key, required, &hint))
    if (auto b = read_bool(c_, *v, sub(key))) out.set(*b, v->pos);
}
void MapReader::integer(const char* key, F<int64_t>& out, bool required, std::optional<int64_t> min,
                        std::optional<int64_t> max) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  // The hint is for a missing field only.
  std::optional<i18n::Message> hint;
  if (required && !out.pos.known()) hint = bound_words(min, max);
  if (const Node* v = fetch(key, required, hint ? &*hint : nullptr))
    if (auto i = read_int(c_, *v, sub(key), min, max)) out.set(*i, v->pos);
}
void MapReader::number(const char* key, F<double>& out, bool required, NumberRange range) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  std::optional<i18n::Message> hint;
  if (required && !out.pos.known()) hint = range_words(range);
  if (const Node* v = fetch(key, required, hint ? &*hint : nullptr))
    if (auto d = read_number(c_, *v, sub(key), range)) out.set(*d, v->pos);
}

}  // namespace svcorg::model
