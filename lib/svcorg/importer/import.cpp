#include "svcorg/importer/import.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "svcorg/l10n/labels.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/util/text.hpp"
#include "svcorg/yaml/parse.hpp"

namespace svcorg::importer {

namespace {

namespace v = model::vocab;

// The fields a map fills, in the records reference's order; the required ones first
// among them must be given.
struct FieldKind {
  const char* name;
  bool required;
  bool date;
  const std::vector<std::string>* values;  // an enumeration: its values
  const char* group;                       // and their label group
};
const std::vector<FieldKind>& kinds() {
  static const std::vector<FieldKind> k = {
      {"branch", true, false, nullptr, nullptr},          {"received", true, true, nullptr, nullptr},
      {"channel", true, false, &v::kChannels, "channel"}, {"category", true, false, nullptr, nullptr},
      {"summary", true, false, nullptr, nullptr},         {"scope", false, false, &v::kScopes, "scope"},
      {"layer", true, false, &v::kLayers, "layer"},       {"disposal", true, false, &v::kDisposals, "disposal"},
      {"relayed_to", false, false, nullptr, nullptr},     {"due", false, true, nullptr, nullptr},
  };
  return k;
}
const FieldKind* kind_of(std::string_view field) {
  for (const auto& k : kinds())
    if (field == k.name) return &k;
  return nullptr;
}
std::vector<std::string> names(const std::vector<const char*>& list) {
  return {list.begin(), list.end()};
}

i18n::Arg hint(const std::string& value, const std::vector<std::string>& allowed) {
  if (auto near = util::closest(value, allowed)) return i18n::Message("cmd.did-you-mean", {{"value", *near}});
  return i18n::Arg();
}

// A scalar's text, or an error naming `key`.
std::optional<Located> text_of(const yaml::Node* n, const std::string& key, std::vector<MapError>& errors) {
  if (n->is_scalar() && !(n->plain && yaml::is_null_text(n->value))) return Located{n->value, n->pos};
  errors.push_back({n->pos, i18n::Message("import.map.not-text", {{"key", key}})});
  return std::nullopt;
}

// The keys of mapping `m` that are not in `allowed` (extensions `x-…` aside).
void unknown_keys(const yaml::Node& m, const std::vector<std::string>& allowed, std::vector<MapError>& errors) {
  for (const auto& [k, value] : m.entries) {
    if (!k.is_scalar() || yaml::is_extension(k) || std::find(allowed.begin(), allowed.end(), k.value) != allowed.end())
      continue;
    errors.push_back({k.pos, i18n::Message("import.map.unknown-key", {{"key", k.value},
                                                                      {"hint", hint(k.value, allowed)},
                                                                      {"allowed", i18n::codes(allowed, true)}})});
  }
}

bool format_ok(std::string_view f) {
  return f.find("YYYY") != std::string_view::npos && f.find('M') != std::string_view::npos &&
         f.find('D') != std::string_view::npos;
}

void read_field(const yaml::Node& key, const yaml::Node& body, Map& map, std::vector<MapError>& errors) {
  FieldMap f;
  f.field = key.value;
  f.pos = key.pos;
  const FieldKind* kind = kind_of(f.field);
  if (!kind) {
    std::vector<std::string> all;
    for (const auto& k : kinds()) all.emplace_back(k.name);
    errors.push_back({key.pos, i18n::Message("import.map.unknown-field", {{"field", f.field},
                                                                          {"hint", hint(f.field, all)},
                                                                          {"allowed", i18n::codes(all, true)}})});
    return;
  }
  if (!body.is_map()) {
    errors.push_back({body.pos, i18n::Message("import.map.field-not-mapping", {{"field", f.field}})});
    return;
  }
  const size_t before = errors.size();
  unknown_keys(body, names({"value", "column", "table", "format"}), errors);
  if (const yaml::Node* n = body.find("value")) f.value = text_of(n, "fields." + f.field + ".value", errors);
  if (const yaml::Node* n = body.find("column")) f.column = text_of(n, "fields." + f.field + ".column", errors);
  if (body.find("value") && body.find("column"))
    errors.push_back({body.first_key_pos(), i18n::Message("import.map.value-and-column", {{"field", f.field}})});
  else if (!body.find("value") && !body.find("column"))
    errors.push_back({body.first_key_pos(), i18n::Message("import.map.no-value-or-column", {{"field", f.field}})});
  if (const yaml::Node* t = body.find("table")) {
    f.has_table = true;
    if (!body.find("column")) {
      errors.push_back({t->pos, i18n::Message("import.map.table-without-column", {{"field", f.field}})});
    } else if (!t->is_map()) {
      errors.push_back({t->pos, i18n::Message("import.map.table-not-mapping", {{"field", f.field}})});
    } else {
      for (const auto& [k, value] : t->entries) {
        auto cell = text_of(&k, "fields." + f.field + ".table", errors);
        auto to = text_of(&value, "fields." + f.field + ".table." + k.value, errors);
        if (cell && to) f.table.emplace_back(std::move(*cell), std::move(*to));
      }
    }
  }
  if (const yaml::Node* fm = body.find("format")) {
    if (!kind->date) {
      errors.push_back({fm->pos, i18n::Message("import.map.format-not-date", {{"field", f.field}})});
    } else {
      std::vector<const yaml::Node*> items;
      if (fm->is_seq())
        for (const auto& i : fm->items) items.push_back(&i);
      else
        items.push_back(fm);
      for (const yaml::Node* i : items)
        if (auto s = text_of(i, "fields." + f.field + ".format", errors)) {
          if (!format_ok(s->text))
            errors.push_back({s->pos, i18n::Message("import.map.bad-format", {{"format", s->text}})});
          else
            f.formats.push_back(std::move(*s));
        }
    }
  }
  if (errors.size() == before) map.fields.push_back(std::move(f));
}

}  // namespace

const FieldMap* Map::find(std::string_view field) const {
  for (const auto& f : fields)
    if (f.field == field) return &f;
  return nullptr;
}

bool read_map(std::string_view text, Map& map, std::vector<MapError>& errors) {
  const size_t before = errors.size();
  std::vector<yaml::ParseIssue> issues;
  std::vector<yaml::Node> docs = yaml::parse_all(text, issues);
  for (auto& i : issues) errors.push_back({i.pos, std::move(i.message)});
  if (errors.size() != before) return false;
  if (docs.size() != 1 || !docs.front().is_map()) {
    errors.push_back({docs.empty() ? Pos{1, 1} : docs.front().pos, i18n::Message("import.map.not-a-map")});
    return false;
  }
  const yaml::Node& root = docs.front();
  unknown_keys(root, names({"source", "case", "fields"}), errors);
  const Pos top = root.first_key_pos();
  auto required = [&](const char* key) -> const yaml::Node* {
    const yaml::Node* n = root.find(key);
    if (!n) errors.push_back({top, i18n::Message("import.map.missing", {{"key", key}})});
    return n;
  };
  if (const yaml::Node* n = required("source"))
    if (auto s = text_of(n, "source", errors)) map.system = std::move(*s);
  if (const yaml::Node* n = required("case"))
    if (auto s = text_of(n, "case", errors)) map.case_column = std::move(*s);
  if (const yaml::Node* fields = required("fields")) {
    if (!fields->is_map()) {
      errors.push_back({fields->pos, i18n::Message("import.map.fields-not-mapping")});
    } else {
      for (const auto& [k, body] : fields->entries)
        if (k.is_scalar() && !yaml::is_extension(k)) read_field(k, body, map, errors);
      Pos fields_key = top;
      for (const auto& [k, body] : root.entries)
        if (k.is_scalar() && k.value == "fields") fields_key = k.pos;
      for (const auto& k : kinds()) {
        const bool given = std::any_of(fields->entries.begin(), fields->entries.end(),
                                       [&](const auto& e) { return e.first.is_scalar() && e.first.value == k.name; });
        if (k.required && !given)
          errors.push_back({fields_key, i18n::Message("import.map.field-missing", {{"field", k.name}})});
      }
    }
  }
  return errors.size() == before;
}

std::optional<util::Date> read_date(std::string_view text, std::string_view format) {
  int y = -1, m = -1, d = -1;
  size_t at = 0, i = 0;
  // Reads between `min` and `max` digits at `at`.
  auto digits = [&](size_t min, size_t max, int& out) {
    size_t n = 0;
    int value = 0;
    while (n < max && at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) {
      value = value * 10 + (text[at] - '0');
      ++at;
      ++n;
    }
    out = value;
    return n >= min;
  };
  int ignored = 0;
  while (i < format.size()) {
    const std::string_view rest = format.substr(i);
    bool ok = true;
    if (rest.rfind("YYYY", 0) == 0) {
      ok = digits(4, 4, y), i += 4;
    } else if (rest.rfind("MM", 0) == 0) {
      ok = digits(2, 2, m), i += 2;
    } else if (rest.rfind("DD", 0) == 0) {
      ok = digits(2, 2, d), i += 2;
    } else if (rest.rfind("hh", 0) == 0) {
      ok = digits(1, 2, ignored) && ignored < 24, i += 2;
    } else if (rest.rfind("mm", 0) == 0) {
      ok = digits(2, 2, ignored) && ignored < 60, i += 2;
    } else if (rest.rfind("ss", 0) == 0) {
      ok = digits(2, 2, ignored) && ignored < 60, i += 2;
    } else if (rest.front() == 'M') {
      ok = digits(1, 2, m), i += 1;
    } else if (rest.front() == 'D') {
      ok = digits(1, 2, d), i += 1;
    } else {
      ok = text.substr(at, 1) == rest.substr(0, 1);
      ++at, ++i;
    }
    if (!ok) return std::nullopt;
  }
  if (at != text.size() || y < 0 || m < 0 || d < 0) return std::nullopt;
  if (m > 99 || d > 99) return std::nullopt;
  const std::string iso =
      std::to_string(y) + (m < 10 ? "-0" : "-") + std::to_string(m) + (d < 10 ? "-0" : "-") + std::to_string(d);
  return util::Date::parse(iso);
}

namespace {

// `text` as a value of an enumeration: the value, or its zh-CN label (or alias).
std::optional<std::string> enum_value(const std::string& text, const std::vector<std::string>& allowed,
                                      const char* group) {
  if (std::find(allowed.begin(), allowed.end(), text) != allowed.end()) return text;
  if (const std::string* value = l10n::labels::value_of(group, text);
      value && std::find(allowed.begin(), allowed.end(), *value) != allowed.end())
    return *value;
  return std::nullopt;
}

std::optional<std::string> category_value(const std::string& text, const Known& known) {
  if (std::find(known.categories.begin(), known.categories.end(), text) != known.categories.end()) return text;
  for (const auto& [name, label] : known.category_labels)
    if (label == text) return name;
  return enum_value(text, known.categories, "category");
}

// Why `value` is not a value of field `kind` (nullopt: it is one, as `out`).
std::optional<i18n::Message> value_problem(const FieldKind& kind, const std::string& value, const Known& known,
                                           std::string& out) {
  out = value;
  if (kind.values) {
    if (auto e = enum_value(value, *kind.values, kind.group)) {
      out = *e;
      return std::nullopt;
    }
    return i18n::Message("import.not-allowed", {{"field", kind.name},
                                                {"value", value},
                                                {"hint", hint(value, *kind.values)},
                                                {"allowed", l10n::labels::labelled(*kind.values, kind.group)}});
  }
  if (std::string_view(kind.name) == "branch") {
    if (known.branches.count(value)) return std::nullopt;
    std::vector<std::string> ids;
    for (const auto& [id, categories] : known.branches) ids.push_back(id);
    return i18n::Message("import.no-such-branch", {{"value", value}, {"hint", hint(value, ids)}});
  }
  if (std::string_view(kind.name) == "category") {
    if (auto c = category_value(value, known)) {
      out = *c;
      return std::nullopt;
    }
    return i18n::Message("import.not-allowed", {{"field", kind.name},
                                                {"value", value},
                                                {"hint", hint(value, known.categories)},
                                                {"allowed", i18n::codes(known.categories, true)}});
  }
  if (kind.date) {
    if (auto d = util::Date::parse(value)) {
      out = d->str();
      return std::nullopt;
    }
    return i18n::Message("import.not-a-date", {{"value", value}, {"formats", i18n::codes({"YYYY-MM-DD"}, true)}});
  }
  return std::nullopt;
}

}  // namespace

std::vector<MapError> check_map(const Map& map, const Known& known) {
  std::vector<MapError> errors;
  for (const auto& f : map.fields) {
    const FieldKind& kind = *kind_of(f.field);
    std::string out;
    if (f.value)
      if (auto p = value_problem(kind, f.value->text, known, out)) errors.push_back({f.value->pos, std::move(*p)});
    for (const auto& [cell, to] : f.table)
      if (auto p = value_problem(kind, to.text, known, out)) errors.push_back({to.pos, std::move(*p)});
  }
  return errors;
}

namespace {

std::string trimmed(std::string s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(" \t");
  s = s.substr(b, e - b + 1);
  // A line break inside a quoted cell is kept as "\n" whatever the file's line ends.
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i)
    if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i];
  return out;
}

struct Column {
  const FieldMap* map;
  const FieldKind* kind;
  size_t index = 0;
  std::unordered_map<std::string, std::string> table;
  std::vector<std::string> table_cells;
};

}  // namespace

Imported map_rows(std::string_view text, const Map& map, const Known& known, CsvLimits limits) {
  Imported out;
  auto add = [&out](const CsvError& e, const std::vector<std::string>& header) {
    out.errors.push_back({e.row, e.line, e.column && *e.column < header.size() ? header[*e.column] : "", e.message});
  };
  // First the structure of the whole file, holding one row at a time.
  std::vector<std::string> header;
  {
    CsvReader reader(text, limits);
    Row row;
    bool first = true;
    while (reader.next(row)) {
      if (first) header = row.fields;
      first = false;
    }
    for (const auto& e : reader.errors()) add(e, header);
    out.structure = !out.errors.empty();
    if (out.structure) return out;
  }
  // Every column the map names is in the header, once.
  auto index_of = [&](const Located& column) -> std::optional<size_t> {
    const auto n = std::count(header.begin(), header.end(), column.text);
    if (n == 1) return static_cast<size_t>(std::find(header.begin(), header.end(), column.text) - header.begin());
    if (n > 1)
      out.map_errors.push_back({column.pos, i18n::Message("import.map.column-twice", {{"column", column.text}})});
    else
      out.map_errors.push_back({column.pos, i18n::Message("import.map.no-column", {{"column", column.text},
                                                                                   {"hint", hint(column.text, header)},
                                                                                   {"header", i18n::codes(header)}})});
    return std::nullopt;
  };
  const auto case_index = index_of(map.case_column);
  std::vector<Column> columns;
  for (const auto& k : kinds())
    if (const FieldMap* f = map.find(k.name)) {
      Column c{f, &k, 0, {}, {}};
      if (f->column) {
        const auto i = index_of(*f->column);
        if (!i) continue;
        c.index = *i;
      }
      for (const auto& [cell, to] : f->table) {
        c.table.emplace(cell.text, to.text);
        c.table_cells.push_back(cell.text);
      }
      columns.push_back(std::move(c));
    }
  if (!out.map_errors.empty()) return out;

  std::unordered_map<std::string, size_t> case_rows;  // case number -> first row
  CsvReader reader(text, limits);
  Row row;
  reader.next(row);  // the header
  while (reader.next(row)) {
    ++out.rows;
    const size_t errors_before = out.errors.size();
    auto fail = [&](const std::string& column, i18n::Message m) {
      out.errors.push_back({row.number, row.line, column, std::move(m)});
    };
    const std::string number = trimmed(std::move(row.fields[*case_index]));
    if (number.empty()) {
      fail(map.case_column.text, i18n::Message("import.empty", {{"field", "x-source.case"}}));
      continue;
    }
    if (const auto [it, fresh] = case_rows.emplace(number, row.number); !fresh) {
      fail(map.case_column.text, i18n::Message("import.case-twice", {{"value", number}, {"first", it->second}}));
      continue;
    }
    if (known.cases.count(number)) {
      ++out.already;
      continue;
    }
    Mapped m{row.number, row.line, {}};
    m.need.source = std::make_pair(map.system.text, number);
    std::map<std::string, std::string> values;
    for (const auto& c : columns) {
      std::string value, column;
      if (c.map->value) {
        value = c.map->value->text;
      } else {
        column = c.map->column->text;
        value = trimmed(row.fields[c.index]);
        if (value.empty()) {
          if (c.kind->required) fail(column, i18n::Message("import.empty", {{"field", c.kind->name}}));
          continue;
        }
        if (c.map->has_table) {
          const auto it = c.table.find(value);
          if (it == c.table.end()) {
            fail(column,
                 i18n::Message("import.not-in-table",
                               {{"value", value}, {"field", c.kind->name}, {"hint", hint(value, c.table_cells)}}));
            continue;
          }
          value = it->second;
        } else if (c.kind->date) {
          std::optional<util::Date> d;
          std::vector<std::string> formats;
          for (const auto& f : c.map->formats) {
            formats.push_back(f.text);
            if (!d) d = read_date(value, f.text);
          }
          if (formats.empty()) {
            formats.emplace_back("YYYY-MM-DD");
            d = util::Date::parse(value);
          }
          if (!d) {
            fail(column,
                 i18n::Message("import.not-a-date", {{"value", value}, {"formats", i18n::codes(formats, true)}}));
            continue;
          }
          value = d->str();
        }
      }
      std::string resolved;
      if (auto p = value_problem(*c.kind, value, known, resolved)) {
        fail(column, std::move(*p));
        continue;
      }
      values[c.kind->name] = resolved;
    }
    // The category against the branch's type, the due date against the received date.
    const FieldMap* category = map.find("category");
    const std::string category_column = category && category->column ? category->column->text : "";
    if (values.count("branch") && values.count("category")) {
      const auto& allowed = known.branches.at(values["branch"]);
      if (std::find(allowed.begin(), allowed.end(), values["category"]) == allowed.end())
        fail(category_column, i18n::Message("import.category-type", {{"category", values["category"]},
                                                                     {"branch", values["branch"]},
                                                                     {"allowed", i18n::codes(allowed, true)}}));
    }
    if (values.count("due") && values.count("received") && values["due"] < values["received"]) {
      const FieldMap* due = map.find("due");
      fail(due->column ? due->column->text : "",
           i18n::Message("import.due-before",
                         {{"due", i18n::date(values["due"])}, {"received", i18n::date(values["received"])}}));
    }
    if (out.errors.size() != errors_before) continue;
    auto opt = [&values](const char* key) -> std::optional<std::string> {
      const auto it = values.find(key);
      return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    m.need.branch = values["branch"];
    m.need.received = values["received"];
    m.need.channel = values["channel"];
    m.need.category = values["category"];
    m.need.summary = values["summary"];
    m.need.layer = values["layer"];
    m.need.disposal = values["disposal"];
    m.need.scope = opt("scope");
    m.need.relayed_to = opt("relayed_to");
    m.need.due = opt("due");
    out.needs.push_back(std::move(m));
  }
  return out;
}

}  // namespace svcorg::importer
