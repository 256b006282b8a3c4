// What every command shares: exit codes (SPEC 8), the common options, and loading +
// validating the inputs once.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/i18n/message.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/render/sheet.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/util/date.hpp"
#include "svcorg/validate/validate.hpp"

namespace svcorg::cmd {

// SPEC 8.
enum Exit : int { kOk = 0, kFindings = 1, kUsage = 2 };

enum class Color { Auto, Always, Never };

struct Io {
  std::ostream& out;
  std::ostream& err;
  std::istream& in;
  bool out_is_tty = false;
  bool no_color_env = false;  // NO_COLOR is set
  util::Date today;
  // When set, every error line written (error()) is kept here too, as a message: validate
  // makes the failures of its reports from them.
  std::vector<i18n::Message>* errors = nullptr;
};

// `svcorg: error: {message}` (cmd.error), a line on io.err in `lang`.
void error(const Io& io, i18n::Lang lang, const i18n::Message& message);
// `svcorg: note: {message}` (cmd.note), a line on io.err in `lang`.
void note(const Io& io, i18n::Lang lang, const i18n::Message& message);
// A message of its own (one that starts `svcorg: `), a line on `to` in `lang`.
void say(std::ostream& to, i18n::Lang lang, const i18n::Message& message);
// "; did you mean `x`?" (cmd.did-you-mean) when `value` is a plausible typo of one of
// `allowed`, else nothing.
i18n::Arg did_you_mean(const std::string& value, const std::vector<std::string>& allowed);
// Items joined with commas (", " / "、"): lists of ids and values, not prose.
i18n::Arg joined(const std::vector<std::string>& items);

// An enumerated option's value: one of `allowed`, or the zh-CN label (or alias) of one in
// the label table's `groups` (then replaced by the value, as records read it; the first
// group that has a label for it gives it). Otherwise an error that names the value it most
// likely means and every allowed value with its label, and false.
bool enum_value(const char* option, std::optional<std::string>& value, const std::vector<std::string>& allowed,
                std::initializer_list<std::string_view> groups, const Io& io, i18n::Lang lang);
// A filter naming something the records do not have is a typo, not an empty listing: false
// (and `message`, one of cmd.no-such.*, with the closest of `known`) when `value` is set and
// not among `known`.
bool names_known(const char* option, const char* message, const std::optional<std::string>& value,
                 const std::set<std::string>& known, const Io& io, i18n::Lang lang);
// What --branch or --street may name: the ids, and the names the records give them.
struct Known {
  std::set<std::string> ids;
  std::map<std::string, std::set<std::string>> named;  // a name -> the ids that have it
  void add(const std::string& id, const std::string& name = "");
  void add(const model::Text& id, const model::Text& name = {});
  // `value` as an id: itself when it is one (an id wins over another record's name), else
  // the id of the one record with that name.
  std::optional<std::string> id_of(const std::string& value) const;
};
// The branches and streets the records have: every Branch's id (and name) and street, and
// every street of a District (and its name).
struct KnownIds {
  Known branches, streets;
};
KnownIds known_ids(const model::RecordSet& records);
// `value` (when set) as an id of `known`: an id stays as it is, and a name that one branch
// or street has becomes its id (`--street 南京西路街道` is `--street nanjingxi`, as the
// tables show streets by name). Otherwise false, with `message` (cmd.no-such.*) and the
// closest id or name, or cmd.named-several when more than one has that name.
bool known_id(const char* option, const char* message, std::optional<std::string>& value, const Known& known,
              const Io& io, i18n::Lang lang);

bool use_color(Color c, const Io& io);

struct Common {
  std::vector<std::string> paths;
  std::optional<int> year;
  std::optional<std::string> as_of;  // as given; checked by checked_dates()
  Color color = Color::Auto;
  bool quiet = false;
  bool strict = false;             // warnings fail (exit 1)
  unsigned jobs = 0;               // threads parsing files; 0: one per core
  bool no_cache = false;           // bypass the parse cache (read nothing, write nothing)
  std::string cache_dir;           // "" : cache::default_dir()
  uint64_t cache_size_mib = 512;   // the cache folder's size bound
  load::Limits limits;             // --max-file-size, --max-depth, --max-records
  std::optional<i18n::Lang> lang;  // --lang
};

// The language of what a command writes before its inputs are read: --lang, else English.
inline i18n::Lang early_lang(const Common& c) {
  return c.lang.value_or(i18n::Lang::En);
}

// The threads a command uses: --jobs, or one per core.
unsigned threads(const Common& c);

// Everything loaded and checked: records, the effective rules, findings (sorted).
struct Checked {
  model::RecordSet records;
  rules::Rules rules;
  ledger::Window dates;
  std::vector<diag::Diagnostic> findings;
  std::vector<i18n::Message> fatal;  // unreadable paths
  // The language of every text the command writes: --lang, else the District's `lang`,
  // else English (SPEC 8, rev 2).
  i18n::Lang lang = i18n::Lang::En;
};

// Parses --as-of; nullopt (and a message on io.err, in early_lang) when it is not a date.
std::optional<ledger::Window> checked_dates(const Common& c, const Io& io);

// --lang, else the District's `lang` among `records` (a value the schema accepts), else
// English (Checked::lang).
i18n::Lang language(const Common& c, const model::RecordSet& records);

// What the command reads of the needs: whole records (reports, listings), or only what
// validation and scoring read (their cores: Checked::records.needs is then empty; each
// need is checked alone as its file is loaded and dropped, so a large ledger's memory is
// its cores).
enum class Needs { Whole, Cores };
// How the paths given are read: as given, or (validate) each file given in the records
// repository it belongs to (load::records_roots): the whole repository is loaded and
// checked, and the result holds the files given only (their records and findings, under
// their paths as given), with a line on io.err (unless --quiet) naming the repository. A
// file in no repository is read alone; with a directory or `-` among the paths, every
// path is read as given (SPEC 8, rev 2; docs/FORMAT.md).
enum class Inputs { AsGiven, InRepository };
// Loads every input, merges the rules, runs every validation rule.
Checked load_and_check(const Common& c, const ledger::Window& dates, const Io& io, Needs needs,
                       Inputs inputs = Inputs::AsGiven);

// Loads and checks files held in memory (the inputs at a git revision, under the display
// paths they have now) as load_and_check does the paths of `c` (cores only, unless
// `needs` asks for whole records): the same limits, threads and parse cache, where a file
// unchanged since is a hit.
Checked check_held(const std::vector<load::Held>& files, const Common& c, const ledger::Window& dates, const Io& io,
                   Needs needs = Needs::Cores);

// For the commands that refuse inputs with errors (or, with --strict, warnings): prints
// the findings and what to do on io.err; returns the exit code to stop with, or 0.
int refuse_bad_inputs(const Checked& checked, const Common& c, const Io& io);

// svcorg never writes to its inputs: an output file (`-o`) that exists and is one of the
// files the inputs name is refused before any work. Returns 0 or kUsage (with a message).
int refuse_outputs_over_inputs(const std::vector<std::string>& outputs, const Common& c, const Io& io);

// Writes `content` to `output` atomically, or to io.out; returns 0 or kUsage (with a
// message in `lang`).
int emit(const std::optional<std::string>& output, const std::string& content, const Io& io,
         i18n::Lang lang = i18n::Lang::En);

// `--format xlsx` needs `-o FILE` (a workbook is binary: never written to a terminal or
// standard output). Returns 0, or kUsage with cmd.xlsx.no-output on io.err.
int refuse_xlsx_without_output(const std::string& format, const std::optional<std::string>& output, const Common& c,
                               const Io& io);
// Writes `sheets` as a workbook to `output` atomically (render::write_xlsx through a
// temporary file in the same folder); `as_of` fixes its creation time. Returns 0 or kUsage
// (with a message in `lang`), as emit does for a write that fails.
int emit_xlsx(const std::string& output, const std::vector<render::Sheet>& sheets, util::Date as_of, const Io& io,
              i18n::Lang lang);

}  // namespace svcorg::cmd
