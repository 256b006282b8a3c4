#include "svcorg/i18n/message.hpp"

#include <tuple>

namespace svcorg::i18n {

std::optional<Lang> parse_lang(std::string_view c) {
  if (c == "en") return Lang::En;
  if (c == "zh-CN") return Lang::ZhCN;
  return std::nullopt;
}

const char* code(Lang lang) {
  return lang == Lang::ZhCN ? "zh-CN" : "en";
}

Arg date(std::string iso) {
  Arg a(std::move(iso));
  a.kind = Arg::Kind::Date;
  return a;
}

Arg label(std::string group, std::string value) {
  Arg a(std::move(value));
  a.kind = Arg::Kind::Label;
  a.group = std::move(group);
  return a;
}

Arg list(std::vector<Arg> items, bool or_list) {
  Arg a;
  a.kind = Arg::Kind::List;
  a.or_list = or_list;
  a.items = std::move(items);
  return a;
}

Arg codes(const std::vector<std::string>& values, bool or_list) {
  std::vector<Arg> items;
  items.reserve(values.size());
  for (const auto& v : values) items.emplace_back('`' + v + '`');
  return list(std::move(items), or_list);
}

namespace {

auto tie(const Arg& a) {
  return std::tie(a.kind, a.text, a.group, a.or_list, a.items, a.msg);
}

}  // namespace

bool operator==(const Arg& a, const Arg& b) {
  return tie(a) == tie(b);
}
bool operator<(const Arg& a, const Arg& b) {
  return tie(a) < tie(b);
}
bool operator==(const Message& a, const Message& b) {
  return a.id == b.id && a.args == b.args;
}
bool operator<(const Message& a, const Message& b) {
  return std::tie(a.id, a.args) < std::tie(b.id, b.args);
}

}  // namespace svcorg::i18n
