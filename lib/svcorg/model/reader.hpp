// Reading typed values out of a YAML tree, reporting `schema` errors that name the
// field path and say what would be right. Shared by every kind's converter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/model/records.hpp"
#include "svcorg/yaml/tree.hpp"

namespace svcorg::model {

// Where findings of one document go, with the record's kind and id for context.
struct Context {
  diag::Sink& sink;
  const std::string& file;
  std::string kind;
  std::string id;
  bool failed = false;  // any schema/header error in this document

  void report(Pos pos, std::string rule, i18n::Message message, diag::Severity sev = diag::Severity::Error);
  void schema(Pos pos, i18n::Message message) { report(pos, "schema", std::move(message)); }
};

std::string join_path(const std::string& parent, const std::string& key);
std::string index_path(const std::string& parent, size_t index);

// Scalar readers: each reports a schema error and returns nullopt when `n` is not a
// valid value of its type. `path` names the field in messages.
std::optional<std::string> read_text(Context& c, const yaml::Node& n, const std::string& path);
std::optional<std::string> read_id(Context& c, const yaml::Node& n, const std::string& path);
// An enumerated value: one of `allowed`, or its zh-CN label or alias in the label
// table's `group` (model/labels.hpp), read as the value (SPEC 2.1 rev 2).
std::optional<std::string> read_enum(Context& c, const yaml::Node& n, const std::string& path,
                                     const std::vector<std::string>& allowed, const char* group);
// A category name, or the zh-CN label or alias of a built-in category, read as its name.
// With `own_labels`, other Chinese text is kept as written: the label of a category of
// the District, resolved once every record is loaded (labels::use_district_labels).
std::optional<std::string> read_category(Context& c, const yaml::Node& n, const std::string& path, bool own_labels);
std::optional<util::Date> read_date(Context& c, const yaml::Node& n, const std::string& path);
// The calendar date a date written otherwise than YYYY-MM-DD most likely means:
// `20250218`, `2025/3/1`, `2025.3.1`, `2025-3-1`, `2025年3月1日`; none when it names no
// calendar date (`2025/2/30`) or is no such form.
std::optional<util::Date> likely_date(std::string_view text);
std::optional<bool> read_bool(Context& c, const yaml::Node& n, const std::string& path);
std::optional<int64_t> read_int(Context& c, const yaml::Node& n, const std::string& path,
                                std::optional<int64_t> min = std::nullopt, std::optional<int64_t> max = std::nullopt);
struct NumberRange {
  std::optional<double> min, max;
  bool exclusive_min = false;
};
std::optional<double> read_number(Context& c, const yaml::Node& n, const std::string& path, NumberRange range = {});

bool is_id(const std::string& s);
bool is_category_word(const std::string& s);

// A mapping being read: get() marks keys as known, finish() reports the unknown ones
// (keys starting with `x-` are extensions and always allowed).
class MapReader {
 public:
  MapReader(Context& c, const yaml::Node& n, std::string path);
  bool ok() const { return ok_; }
  const yaml::Node& node() const { return node_; }
  Pos pos() const { return node_.first_key_pos(); }
  const std::string& path() const { return path_; }

  const yaml::Node* get(const char* key);
  // Like get(), but a missing key is a schema error at the mapping's first key.
  const yaml::Node* need(const char* key);
  void finish();

  // Typed shortcuts: read key into field (when present and valid).
  void text(const char* key, Text& out, bool required);
  void text(const char* key, UnkeptText& out, bool required);  // checked, not kept
  void id(const char* key, Text& out, bool required);
  // `group`: the label table's group of the values (model/labels.hpp).
  void enumeration(const char* key, Text& out, bool required, const std::vector<std::string>& allowed,
                   const char* group);
  void enumeration(const char* key, F<NeedStatus>& out, bool required);  // one of vocab::kNeedStatuses
  void category(const char* key, Text& out, bool required);              // read_category with own labels
  void date(const char* key, F<util::Date>& out, bool required);
  void boolean(const char* key, F<bool>& out, bool required);
  void integer(const char* key, F<int64_t>& out, bool required, std::optional<int64_t> min = std::nullopt,
               std::optional<int64_t> max = std::nullopt);
  void number(const char* key, F<double>& out, bool required, NumberRange range = {});
  // A list of scalars read by `one` (e.g. read_id); `min_items` 0 or 1.
  template <class ReadOne>
  void list(const char* key, F<TextList>& out, bool required, size_t min_items, ReadOne one);
  // A list of mappings, each converted by `one(MapReader&, T&)`.
  template <class T, class ReadOne>
  void objects(const char* key, F<std::vector<T>>& out, bool required, size_t min_items, ReadOne one);
  // A nested mapping converted by `one(MapReader&, T&)`.
  template <class T, class ReadOne>
  void object(const char* key, F<T>& out, bool required, ReadOne one);

  // The nested mapping at `key`, when present, read by `one(MapReader&)` and finished.
  template <class ReadOne>
  void mapping(const char* key, ReadOne one);

  Context& context() { return c_; }
  std::string sub(const char* key) const { return join_path(path_, key); }
  bool seq_of(const yaml::Node& v, const std::string& path, size_t min_items);

 private:
  // `hint` says what the value should be, for the message when a required key is missing
  // (none: "its value").
  const yaml::Node* fetch(const char* key, bool required, const i18n::Message* hint = nullptr);
  // The hints of list(), objects() and object().
  static const i18n::Message kList, kEntries, kFields;
  // Where the value of `key` is written, if the key is present (valid or not).
  Pos where(const char* key) const;

  Context& c_;
  const yaml::Node& node_;
  std::string path_;
  bool ok_ = false;
  std::vector<std::string_view> known_;  // the keys read, for finish()
};

template <class ReadOne>
void MapReader::list(const char* key, F<TextList>& out, bool required, size_t min_items, ReadOne one) {
  out.pos = where(key);
  const yaml::Node* v = fetch(key, required, &kList);
  if (!v) return;
  const std::string path = sub(key);
  if (!seq_of(*v, path, min_items)) return;
  TextList values;
  values.reserve(v->items.size());  // exact: records are kept for the whole run
  for (size_t i = 0; i < v->items.size(); ++i) {
    if (auto s = one(c_, v->items[i], index_path(path, i))) {
      Text t;
      t.set(*s, v->items[i].pos);
      values.push_back(std::move(t));
    }
  }
  out.set(std::move(values), v->pos);
}

template <class T, class ReadOne>
void MapReader::objects(const char* key, F<std::vector<T>>& out, bool required, size_t min_items, ReadOne one) {
  out.pos = where(key);
  const yaml::Node* v = fetch(key, required, &kEntries);
  if (!v) return;
  const std::string path = sub(key);
  if (!seq_of(*v, path, min_items)) return;
  std::vector<T> values;
  values.reserve(v->items.size());  // exact: records are kept for the whole run
  for (size_t i = 0; i < v->items.size(); ++i) {
    MapReader r(c_, v->items[i], index_path(path, i));
    if (!r.ok()) continue;
    T item;
    item.pos = v->items[i].pos;  // the entry itself: `{` of a flow mapping, else its first key
    one(r, item);
    r.finish();
    values.push_back(std::move(item));
  }
  out.set(std::move(values), v->pos);
}

template <class T, class ReadOne>
void MapReader::object(const char* key, F<T>& out, bool required, ReadOne one) {
  out.pos = where(key);
  const yaml::Node* v = fetch(key, required, &kFields);
  if (!v) return;
  MapReader r(c_, *v, sub(key));
  if (!r.ok()) return;
  T value;
  value.pos = v->first_key_pos();
  one(r, value);
  r.finish();
  out.set(std::move(value), v->pos);
}

template <class ReadOne>
void MapReader::mapping(const char* key, ReadOne one) {
  const yaml::Node* v = get(key);
  if (!v) return;
  MapReader r(c_, *v, sub(key));
  if (!r.ok()) return;
  one(r);
  r.finish();
}

}  // namespace svcorg::model
