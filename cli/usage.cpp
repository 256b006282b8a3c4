#include "usage.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "svcorg/cmd/common.hpp"
#include "svcorg/l10n/catalogue.hpp"

namespace svcorg_cli {

namespace i18n = svcorg::i18n;
namespace l10n = svcorg::l10n;

namespace {

// What the last of our checks refused: its message without the option (CLI11 puts the
// option's name in front of the text a check returns: `NAME: TEXT`).
std::optional<i18n::Message> g_refused;

std::string refuse(i18n::Message m) {
  std::string text = l10n::render(m);
  g_refused = std::move(m);
  return text;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The command the arguments named (a parsed subcommand), or null.
const CLI::App* command_of(const CLI::App& app) {
  const auto parsed = app.get_subcommands([](const CLI::App* s) { return s->parsed(); });
  return parsed.empty() ? nullptr : parsed.front();
}

std::string command_name(const CLI::App* command) {
  return command ? "svcorg " + command->get_name() : std::string("svcorg");
}

// Every name an option of `app` is given by: `--year`, `-q`, `--quiet`.
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* o : app.get_options()) {
    for (const auto& n : o->get_lnames()) out.push_back("--" + n);
    for (const auto& n : o->get_snames()) out.push_back("-" + n);
  }
  return out;
}

// The option of `app` CLI11's text `what` is about: it starts `NAME:` or holds ` NAME `.
const CLI::Option* option_in(const CLI::App& app, const std::string& what, std::string& name) {
  for (const CLI::Option* o : app.get_options()) {
    std::vector<std::string> names = {o->get_name()};
    for (const auto& n : o->get_lnames()) names.push_back("--" + n);
    for (const auto& n : o->get_snames()) names.push_back("-" + n);
    for (const auto& n : names)
      if (!n.empty() && (starts_with(what, n + ":") || what.find(" " + n + " ") != std::string::npos)) {
        name = n;
        return o;
      }
  }
  return nullptr;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::App* s : app.get_subcommands([](const CLI::App*) { return true; })) out.push_back(s->get_name());
  return out;
}

}  // namespace

i18n::Lang lang_in_args(int argc, const char* const* argv) {
  i18n::Lang lang = i18n::Lang::En;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") break;
    std::optional<i18n::Lang> named;
    if (a == "--lang" && i + 1 < argc)
      named = i18n::parse_lang(argv[++i]);
    else if (starts_with(a, "--lang="))
      named = i18n::parse_lang(a.substr(std::strlen("--lang=")));
    if (named) lang = *named;
  }
  return lang;
}

CLI::Validator one_of(std::vector<std::string> allowed, bool ignore_case) {
  std::string desc = "{";
  for (const auto& a : allowed) desc += (desc.size() > 1 ? "," : "") + a;
  desc += "}";
  return CLI::Validator(
      [allowed, ignore_case](std::string& value) -> std::string {
        const std::string v = ignore_case ? lower(value) : value;
        if (std::find(allowed.begin(), allowed.end(), v) != allowed.end()) {
          value = v;
          return "";
        }
        return refuse(i18n::Message("cmd.not-allowed", {{"value", value},
                                                        {"hint", svcorg::cmd::did_you_mean(v, allowed)},
                                                        {"allowed", i18n::codes(allowed, true)}}));
      },
      desc);
}

CLI::Validator whole_number(uint64_t min, std::optional<uint64_t> max) {
  const std::string desc = max ? "in [" + std::to_string(min) + " - " + std::to_string(*max) + "]"
                               : (min == 1 ? std::string("POSITIVE") : ">= " + std::to_string(min));
  return CLI::Validator(
      [min, max](std::string& value) -> std::string {
        uint64_t n = 0;
        const char* end = value.data() + value.size();
        const auto [at, ec] = std::from_chars(value.data(), end, n);
        if (!value.empty() && ec == std::errc() && at == end && n >= min && (!max || n <= *max)) return "";
        if (max) return refuse(i18n::Message("cli.whole-number", {{"value", value}, {"min", min}, {"max", *max}}));
        return refuse(i18n::Message("cli.whole-number.min", {{"value", value}, {"min", min}}));
      },
      desc);
}

CLI::Validator number() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        char* end = nullptr;
        const double d = std::strtod(value.c_str(), &end);
        if (!value.empty() && !std::isspace(static_cast<unsigned char>(value.front())) &&
            end == value.c_str() + value.size() && std::isfinite(d))
          return "";
        return refuse(i18n::Message("cli.number", {{"value", value}}));
      },
      "");
}

std::string refused(i18n::Message m) {
  return refuse(std::move(m));
}

i18n::Message usage_error(const CLI::App& app, const CLI::ParseError& e) {
  const std::string what = e.what();
  const CLI::App* command = command_of(app);
  const CLI::App& scope = command ? *command : app;
  if (dynamic_cast<const CLI::ValidationError*>(&e) && g_refused) {
    i18n::Message m = *g_refused;
    m.args.emplace_back("option", what.substr(0, what.find(": ")));
    return m;
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e) || dynamic_cast<const CLI::RequiredError*>(&e)) {
    const std::vector<std::string> extra = app.remaining(true);
    if (!extra.empty()) {
      const std::string& arg = extra.front();
      if (starts_with(arg, "-")) {
        std::string option = arg.substr(0, arg.find('='));
        if (option == "-" || option == "--") option = arg;
        return i18n::Message("cli.unknown-option", {{"command", command_name(command)},
                                                    {"option", option},
                                                    {"hint", svcorg::cmd::did_you_mean(option, option_names(scope))}});
      }
      if (!command)
        return i18n::Message("cli.unknown-command", {{"command", arg},
                                                     {"hint", svcorg::cmd::did_you_mean(arg, command_names(app))},
                                                     {"commands", i18n::codes(command_names(app), true)}});
      return i18n::Message("cli.unexpected-argument", {{"command", command_name(command)}, {"argument", arg}});
    }
    if (!command) return i18n::Message("cli.no-command", {{"commands", i18n::codes(command_names(app), true)}});
  }
  std::string name;
  const CLI::Option* option = option_in(scope, what, name);
  if (option && dynamic_cast<const CLI::ArgumentMismatch*>(&e))
    return i18n::Message("cli.missing-value", {{"option", name}});
  if (option && dynamic_cast<const CLI::ConversionError*>(&e))
    return i18n::Message(option->get_expected_min() == 0 ? "cli.flag-value" : "cli.bad-value", {{"option", name}});
  return i18n::Message("cli.other", {{"detail", i18n::Message::verbatim(what)}});
}

std::string usage_text(const CLI::App& app, const CLI::ParseError& e, i18n::Lang lang) {
  return l10n::tr(lang, "cmd.error", {{"message", usage_error(app, e)}}) + "\n" + l10n::tr(lang, "cli.help-hint") +
         "\n";
}

}  // namespace svcorg_cli
