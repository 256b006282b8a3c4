#include "svcorg/cmd/rules.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <ostream>

#include "svcorg/diag/render.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/l10n/labels.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/render/rules.hpp"
#include "svcorg/score/model.hpp"
#include "svcorg/util/text.hpp"

namespace svcorg::cmd {

namespace {

const std::vector<std::string>& types() {
  return model::vocab::kBranchTypes;
}

// The type a word names: its id or its zh-CN label (or an older label); nullopt else.
std::optional<std::string> type_of(const std::string& word) {
  if (std::find(types().begin(), types().end(), word) != types().end()) return word;
  if (const std::string* v = l10n::labels::value_of("type", word)) return *v;
  return std::nullopt;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Whether the first word is the TYPE: a type's id or label always is; otherwise a word
// that names no file or folder and does not look like a path (`-`, a `/`, a YAML file's
// name), so that a typo of a type gets a suggestion and a missing path its own error.
bool is_type_word(const std::string& word) {
  if (type_of(word)) return true;
  if (word == "-" || word.find('/') != std::string::npos || ends_with(word, ".yaml") || ends_with(word, ".yml"))
    return false;
  std::error_code ec;
  return !std::filesystem::exists(word, ec);
}

int unknown_type(const std::string& word, i18n::Lang lang, const Io& io) {
  std::vector<std::string> forms = types();
  for (const auto& w : l10n::labels::written_forms("type")) forms.push_back(w.text);
  i18n::Arg hint;
  if (const auto near = util::closest(word, forms)) hint = i18n::Message("cmd.did-you-mean", {{"value", *near}});
  std::vector<i18n::Arg> listed;
  for (const auto& t : types())
    listed.emplace_back(i18n::Message("rules.value", {{"label", i18n::label("type", t)}, {"value", '`' + t + '`'}}));
  const i18n::Message why("rules.error.unknown-type",
                          {{"type", word}, {"hint", hint}, {"types", i18n::list(std::move(listed), true)}});
  error(io, lang, why);
  return kUsage;
}

// Errors that leave the rules in effect unknown: the District's own, a second District,
// and those of a file that could not be read as records (it may hold the District).
bool touches_district(const diag::Diagnostic& d) {
  return d.severity == diag::Severity::Error && (d.kind == "District" || d.rule == "district" || d.kind.empty());
}

}  // namespace

const std::vector<std::string>& rules_formats() {
  static const std::vector<std::string> formats = {"text", "markdown", "json"};
  return formats;
}

int run_rules(const RulesOptions& o, const Io& io) {
  Common common = o.common;
  common.paths = o.words;
  std::optional<std::string> type;
  if (!common.paths.empty() && is_type_word(common.paths.front())) {
    type = type_of(common.paths.front());
    if (!type) return unknown_type(common.paths.front(), early_lang(common), io);
    common.paths.erase(common.paths.begin());
  }
  if (o.builtin && !common.paths.empty()) {
    error(io, early_lang(common), i18n::Message("rules.error.type-and-builtin"));
    return kUsage;
  }

  rules::Rules builtin_rules;
  std::optional<Checked> checked;
  const yaml::Node* scoring = nullptr;
  render::RulesView view;
  i18n::Lang lang = early_lang(common);
  if (o.builtin) {
    builtin_rules = rules::effective_rules(nullptr);
    view.rules = &builtin_rules;
  } else {
    const auto dates = checked_dates(common, io);
    if (!dates) return kUsage;
    checked = load_and_check(common, *dates, io, Needs::Cores);
    lang = checked->lang;
    for (const auto& f : checked->fatal) error(io, lang, f);
    if (!checked->fatal.empty()) return kUsage;
    std::vector<diag::Diagnostic> district_errors;
    size_t other_errors = 0;
    for (const auto& d : checked->findings) {
      if (touches_district(d))
        district_errors.push_back(d);
      else if (d.severity == diag::Severity::Error)
        ++other_errors;
    }
    if (!district_errors.empty()) {
      io.err << diag::render_text(district_errors, false, lang);
      error(io, lang, i18n::Message("rules.error.district"));
      return kFindings;
    }
    if (other_errors > 0 && !common.quiet)
      io.err << l10n::tr(lang, "rules.note.other-errors", {{"errors", diag::count(other_errors, "errors", lang)}})
             << "\n";
    view.rules = &checked->rules;
    if (!checked->records.districts.empty()) {
      const model::District& d = checked->records.districts.front();
      scoring = d.scoring.get();
      if (d.rules || d.scoring) view.district = std::make_pair(std::string(*d.id), std::string(*d.name));
    }
  }
  const score::Model model = score::effective_model(scoring);
  view.model = &model;
  view.all_types = !type;
  view.types = type ? std::vector<std::string>{*type} : types();
  view.command = "svcorg rules" + (type ? " " + *type : std::string()) + (o.builtin ? " --builtin" : "") +
                 " --format markdown --lang " + i18n::code(lang);

  std::string content;
  if (o.format == "json")
    content = render::rules_json(view);
  else if (o.format == "markdown")
    content = render::rules_markdown(view, lang);
  else
    content = render::rules_text(view, lang);
  return emit(std::nullopt, content, io);
}

}  // namespace svcorg::cmd
