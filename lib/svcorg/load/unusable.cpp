#include "svcorg/load/unusable.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

namespace svcorg::load::detail {

namespace {

using model::Kind;

// The kind a file's path suggests when its text does not say: a Branch in a folder named
// `branches` (a branch's file is named after its id), the District in `district.yaml`.
// Nothing else: a needs, platforms or plans file holds ids its name does not give.
std::optional<Kind> kind_by_path(const std::string& name) {
  const std::filesystem::path p(name);
  if (p.stem() == "district") return Kind::District;
  for (const auto& part : p.parent_path())
    if (part == "branches") return Kind::Branch;
  return std::nullopt;
}

// Whether a record of `kind` with `id` is in `file` already, or noted as unusable there.
bool known(const model::RecordSet& set, uint32_t file, Kind kind, const std::string& id) {
  const auto in = [&](const auto& list) {
    return std::any_of(list.begin(), list.end(), [&](const auto& r) { return r.file == file && r.id && *r.id == id; });
  };
  const auto noted = std::any_of(set.unusable.begin(), set.unusable.end(), [&](const model::Unusable& u) {
    return u.file == file && std::find(u.ids.begin(), u.ids.end(), std::make_pair(kind, id)) != u.ids.end();
  });
  if (noted) return true;
  switch (kind) {
    case Kind::District:
      return std::any_of(set.districts.begin(), set.districts.end(), [&](const auto& d) { return d.file == file; });
    case Kind::Branch:
      return in(set.branches);
    case Kind::Need:
      return in(set.needs);
    case Kind::Platform:
      return in(set.platforms);
    case Kind::Plan:
      return in(set.plans);
  }
  return false;
}

bool has_records(const model::RecordSet& set, uint32_t file) {
  const auto in = [file](const auto& list) {
    return std::any_of(list.begin(), list.end(), [file](const auto& r) { return r.file == file; });
  };
  return in(set.districts) || in(set.branches) || in(set.needs) || in(set.platforms) || in(set.plans);
}

// One document of a file that did not parse, as the lenient scan reads it.
struct Scanned {
  std::optional<Kind> kind;
  std::string id;
  std::vector<std::string> serves;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) s = s.substr(1, s.size() - 2);
  return s;
}

// The value of `key: value` at column 0 of `line` (the colon ASCII or full-width `：`),
// without a trailing comment; nullopt when the line is not that key's.
std::optional<std::string_view> value_of(std::string_view line, std::string_view key) {
  if (line.compare(0, key.size(), key) != 0) return std::nullopt;
  std::string_view rest = line.substr(key.size());
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  if (!rest.empty() && rest.front() == ':')
    rest.remove_prefix(1);
  else if (rest.compare(0, 3, "\xEF\xBC\x9A") == 0)
    rest.remove_prefix(3);
  else
    return std::nullopt;
  if (const size_t hash = rest.find(" #"); hash != std::string_view::npos) rest = rest.substr(0, hash);
  return unquote(rest);
}

// A scalar the scan takes as an id: not empty, not the start of a collection, a block
// scalar, an anchor, alias or tag, and on one line.
bool plain_id(std::string_view v) {
  return !v.empty() && std::string_view("[{|>&*!").find(v.front()) == std::string_view::npos && v.size() <= 200;
}

// `[a, b]` (commas ASCII or full-width `，`): its items.
std::vector<std::string> flow_items(std::string_view v) {
  std::vector<std::string> out;
  if (v.size() < 2 || v.front() != '[' || v.back() != ']') return out;
  v = v.substr(1, v.size() - 2);
  while (!v.empty()) {
    size_t cut = v.find(',');
    size_t skip = 1;
    if (const size_t wide = v.find("\xEF\xBC\x8C"); wide < cut) {
      cut = wide;
      skip = 3;
    }
    const std::string_view item = unquote(v.substr(0, cut));
    if (plain_id(item)) out.emplace_back(item);
    if (cut == std::string_view::npos) break;
    v.remove_prefix(cut + skip);
  }
  return out;
}

// Each document's `kind`, `id`, `owner` and `participants`, read from the lines that
// start with those keys at column 0: the top-level keys of a record in block style.
std::vector<Scanned> scan(std::string_view bytes) {
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.remove_prefix(3);
  std::vector<Scanned> docs(1);
  while (!bytes.empty()) {
    const size_t end = bytes.find('\n');
    const std::string_view line = bytes.substr(0, end);
    bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
    if (line.compare(0, 3, "---") == 0) {
      if (docs.back().kind || !docs.back().id.empty()) docs.emplace_back();
      continue;
    }
    Scanned& d = docs.back();
    if (auto v = value_of(line, "kind")) {
      if (!d.kind) d.kind = model::kind_named(*v);
    } else if (auto id = value_of(line, "id")) {
      if (d.id.empty() && plain_id(*id)) d.id = std::string(*id);
    } else if (auto owner = value_of(line, "owner")) {
      if (plain_id(*owner)) d.serves.emplace_back(*owner);
    } else if (auto participants = value_of(line, "participants")) {
      for (auto& p : flow_items(*participants)) d.serves.push_back(std::move(p));
    }
  }
  return docs;
}

// What a file whose text names no id would define, by its path: a Branch whose id is the
// file's stem (`branches/xinde.yaml`: `xinde`), or the District; nothing otherwise.
void by_path(const std::string& name, model::Unusable& u) {
  const auto kind = kind_by_path(name);
  if (kind == Kind::Branch) u.ids.emplace_back(Kind::Branch, std::filesystem::path(name).stem().string());
  if (kind == Kind::District) u.ids.emplace_back(Kind::District, "");
}

}  // namespace

Counts counts(const model::RecordSet& set) {
  return {set.districts.size(), set.branches.size(), set.needs.size(), set.platforms.size(), set.plans.size()};
}

void note_document(const yaml::Node& node, uint32_t file, uint32_t doc, model::RecordSet& set, const Counts& before,
                   const diag::Sink& sink, size_t findings_before) {
  if (counts(set) != before) return;  // kept, its faulty fields absent
  const auto& items = sink.items();
  const auto root = std::find_if(items.begin() + static_cast<std::ptrdiff_t>(findings_before), items.end(),
                                 [](const diag::Diagnostic& d) { return d.severity == diag::Severity::Error; });
  if (root == items.end()) return;
  const yaml::Node* kind_node = node.find("kind");
  const yaml::Node* id_node = node.find("id");
  std::optional<Kind> kind = kind_node && kind_node->is_scalar() ? model::kind_named(kind_node->value) : std::nullopt;
  if (!kind) kind = kind_by_path(set.files.at(file));
  if (!kind) return;
  std::string id = id_node && id_node->is_scalar() ? id_node->value : "";
  if (id.empty() && *kind != Kind::District) return;
  model::Unusable u;
  u.file = file;
  u.doc = doc;
  u.pos = root->pos;
  u.rule = root->rule;
  u.ids.emplace_back(*kind, std::move(id));
  if (*kind == Kind::Platform) {
    if (const yaml::Node* owner = node.find("owner"); owner && owner->is_scalar()) u.serves.push_back(owner->value);
    if (const yaml::Node* p = node.find("participants"); p && p->is_seq())
      for (const auto& item : p->items)
        if (item.is_scalar()) u.serves.push_back(item.value);
  }
  set.unusable.push_back(std::move(u));
}

void note_file(const std::string& name, std::string_view bytes, uint32_t file, uint32_t documents,
               const std::vector<yaml::ParseIssue>& issues, model::RecordSet& set) {
  const yaml::ParseIssue* syntax = nullptr;
  for (const auto& issue : issues)
    if (issue.rule == "yaml-syntax" && (!syntax || issue.pos < syntax->pos)) syntax = &issue;
  model::Unusable u;
  u.file = file;
  if (syntax) {
    u.pos = syntax->pos;
    u.rule = syntax->rule;
    for (auto& d : scan(bytes)) {
      if (!d.kind) d.kind = kind_by_path(name);
      if (!d.kind || (d.id.empty() && *d.kind != Kind::District) || known(set, file, *d.kind, d.id)) continue;
      u.ids.emplace_back(*d.kind, d.id);
      if (*d.kind == Kind::Platform)
        for (auto& s : d.serves) u.serves.push_back(std::move(s));
    }
    if (u.ids.empty() && !has_records(set, file)) by_path(name, u);
  } else if (documents == 0) {
    u.pos = Pos{1, 1};  // no finding of its own (rule ""): the file's first error is the root
    by_path(name, u);
  }
  if (!u.ids.empty()) set.unusable.push_back(std::move(u));
}

}  // namespace svcorg::load::detail
