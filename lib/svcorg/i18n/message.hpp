// A text a person reads, as a value: a catalogue id and its arguments, rendered in a
// language only when it is shown (findings are stored, cached, sorted and fingerprinted
// before anyone knows the language). Data only, so every stage (yaml/ included) can make
// messages: the catalogue and rendering are l10n/ (l10n::render), a layer above.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace svcorg::i18n {

// The languages of every text svcorg writes for a person (`--lang`, District `lang`).
enum class Lang : uint8_t { En, ZhCN };
// `en` or `zh-CN`; nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view code);
const char* code(Lang lang);

struct Message;

// One argument of a message. Most are verbatim text (ids, values, numbers, what a record
// says); the others are rendered in the message's language.
struct Arg {
  enum class Kind : uint8_t {
    Text,   // `text` as it is
    Date,   // `text` is YYYY-MM-DD: 2025-12-31 in English, 2025年12月31日 in Chinese
    Label,  // the label of value `text` in label group `group` (its value when it has none)
    List,   // `items` joined: "a, b and c" / "a、b和c" (`or_list`: "or" / "或")
    Msg,    // a nested message (`msg`, one element)
  };
  Kind kind = Kind::Text;
  bool or_list = false;
  std::string text;
  std::string group;
  std::vector<Arg> items;
  std::vector<Message> msg;

  Arg() = default;
  Arg(std::string s) : text(std::move(s)) {}  // NOLINT: verbatim text reads naturally
  Arg(const char* s) : text(s) {}             // NOLINT
  Arg(std::string_view s) : text(s) {}        // NOLINT
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  Arg(T n) : text(std::to_string(n)) {}  // NOLINT
  Arg(Message m);                        // NOLINT: a nested message
};

// A date in prose (see Arg::Kind::Date).
Arg date(std::string iso);
// The label of `value` in `group` of the label table, in the message's language.
Arg label(std::string group, std::string value);
// Items joined with "and" (or_list: "or") in the message's language.
Arg list(std::vector<Arg> items, bool or_list = false);
// Each value in backticks, joined (the way messages name allowed values).
Arg codes(const std::vector<std::string>& values, bool or_list = false);

struct Message {
  // The catalogue id (i18n/messages/*.yaml); "" for a verbatim text, shown as it is in
  // every language (the text of a library we call, such as an OS error).
  std::string id;
  std::vector<std::pair<std::string, Arg>> args;

  Message() = default;
  // A catalogue message: ids are literals in the code, so a test can find every one.
  Message(const char* message_id, std::vector<std::pair<std::string, Arg>> arguments = {})
      : id(message_id), args(std::move(arguments)) {}
  // A verbatim text, the same in every language: only for what a library we call writes
  // (an OS error, libyaml's description of a syntax error), never for svcorg's own words.
  static Message verbatim(std::string text) {
    Message m;
    m.args.emplace_back("", Arg(std::move(text)));
    return m;
  }

  bool empty() const { return id.empty() && args.empty(); }
};

inline Arg::Arg(Message m) : kind(Kind::Msg) {
  msg.push_back(std::move(m));
}

// A total order and equality on the structure (id, then arguments): findings sort and
// drop repeats by it, whatever the language they are shown in.
bool operator==(const Arg& a, const Arg& b);
bool operator<(const Arg& a, const Arg& b);
bool operator==(const Message& a, const Message& b);
bool operator<(const Message& a, const Message& b);
inline bool operator!=(const Message& a, const Message& b) {
  return !(a == b);
}

}  // namespace svcorg::i18n
