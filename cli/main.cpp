// svcorg: option parsing and wiring only; every command lives in libsvcorg (lib/svcorg/cmd).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>
#ifdef SVCORG_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include "svcorg/cmd/export.hpp"
#include "svcorg/cmd/import.hpp"
#include "svcorg/cmd/init.hpp"
#include "svcorg/cmd/need.hpp"
#include "svcorg/cmd/needs.hpp"
#include "svcorg/cmd/report.hpp"
#include "svcorg/cmd/rules.hpp"
#include "svcorg/cmd/schema.hpp"
#include "svcorg/cmd/score.hpp"
#include "svcorg/cmd/validate.hpp"
#include "svcorg/i18n/message.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "usage.hpp"
#include "version.hpp"

namespace {

using svcorg::cmd::Color;
using svcorg::cmd::Common;

const std::map<std::string, Color> kColors = {
    {"auto", Color::Auto}, {"always", Color::Always}, {"never", Color::Never}};

// The values options take are checked by svcorg_cli's checks (usage.hpp), which refuse in
// svcorg's words and language.
void add_lang(CLI::App& app, std::optional<svcorg::i18n::Lang>& lang, const char* what) {
  app.add_option_function<std::string>(
         "--lang", [&lang](const std::string& v) { lang = svcorg::i18n::parse_lang(v); }, what)
      ->check(svcorg_cli::one_of({"en", "zh-CN"}));
}

void add_common(CLI::App& app, Common& c) {
  app.add_option("paths", c.paths, "Files or directories (recursive *.yaml, *.yml); - for stdin; default: .");
  app.add_option("--year", c.year, "Year Y of the evaluation (default: the as-of date's year)")
      ->check(svcorg_cli::whole_number(1, 9999));
  app.add_option("--as-of", c.as_of, "As-of date YYYY-MM-DD (default: today, or Dec 31 of a past --year)");
  app.add_option_function<std::string>(
         "--color",
         [&c](std::string v) {
           std::transform(v.begin(), v.end(), v.begin(),
                          [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
           c.color = kColors.at(v);
         },
         "Colour: auto, always or never (auto respects NO_COLOR)")
      ->check(svcorg_cli::one_of({"auto", "always", "never"}, true));
  add_lang(app, c.lang, "Language of messages and output: en or zh-CN (default: the District's lang, else en)");
  app.add_flag("-q,--quiet", c.quiet, "Print errors only");
  app.add_flag("--strict", c.strict, "Warnings fail too (exit 1)");
  app.add_option("--jobs", c.jobs, "Threads reading, validating and scoring the records (default: one per core)")
      ->check(svcorg_cli::whole_number(1, 1024));
  app.add_option("--max-file-size", c.limits.max_file_size, "Largest input file read, in bytes (default: 256 MiB)")
      ->check(svcorg_cli::whole_number(1));
  app.add_option("--max-depth", c.limits.max_depth, "Deepest nesting of lists and mappings (default: 1000)")
      ->check(svcorg_cli::whole_number(1));
  app.add_option("--max-records", c.limits.max_records, "Most records in all inputs (default: 10000000)")
      ->check(svcorg_cli::whole_number(1));
  app.add_flag("--no-cache", c.no_cache, "Parse every file again; read and write no parse cache");
  app.add_option("--cache-dir", c.cache_dir, "Parse cache folder (default: $XDG_CACHE_HOME/svcorg or ~/.cache/svcorg)");
  app.add_option("--cache-size", c.cache_size_mib,
                 "Parse cache size bound in MiB; least recently used entries go "
                 "first (default: 512)")
      ->check(svcorg_cli::whole_number(1, uint64_t{1} << 20));
}

// `--excel` (score, needs): the CSV as Excel opens it (UTF-8 with a BOM, CRLF line
// ends). It implies --format csv; another --format is a usage error.
void add_excel(CLI::App& app, std::string& format, bool& excel) {
  app.add_flag("--excel", excel, "Write CSV for Excel: UTF-8 with a BOM, CRLF line ends (implies --format csv)");
  app.parse_complete_callback([&app, &format, &excel] {
    if (!excel) return;
    if (app.count("--format") > 0 && format != "csv")
      throw CLI::ValidationError("--excel", svcorg_cli::refused(svcorg::i18n::Message("cli.excel-format")));
    format = "csv";
  });
}

// Today's date: SVCORG_TODAY (YYYY-MM-DD) when set, so tests and reruns of an old day get
// the same output (docs/FORMAT.md), else the local calendar date. nullopt: not a date.
std::optional<svcorg::util::Date> run_date() {
  const char* forced = std::getenv("SVCORG_TODAY");
  if (forced == nullptr || *forced == '\0') return svcorg::util::today();
  return svcorg::util::Date::parse(forced);
}

svcorg::cmd::Io make_io(svcorg::util::Date today) {
  const char* no_color = std::getenv("NO_COLOR");
  return svcorg::cmd::Io{
      std::cout, std::cerr, std::cin, isatty(STDOUT_FILENO) != 0, no_color != nullptr && *no_color != '\0', today};
}

}  // namespace

int main(int argc, char** argv) {
#ifdef SVCORG_WITH_MIMALLOC
  // Transparent huge pages for the allocator's segments (Linux with THP set to "madvise",
  // Debian's default): a large run's records no longer take one page fault per 4 KiB
  // (docs/PERFORMANCE.md). MIMALLOC_LARGE_OS_PAGES=0 in the environment turns it off.
  if (!std::getenv("MIMALLOC_LARGE_OS_PAGES")) mi_option_enable(mi_option_large_os_pages);
#endif
  CLI::App app{"svcorg: records, scores and reports of service-oriented grassroots organizations"};
  // Errors of the command line read like every other error of svcorg, in --lang's language.
  const svcorg::i18n::Lang lang = svcorg_cli::lang_in_args(argc, argv);
  app.set_version_flag("--version",
                       std::string("svcorg ") + SVCORG_VERSION + " (commit " + svcorg_cli::kBuildCommit + ")");
  app.require_subcommand(1);

  svcorg::cmd::ValidateOptions validate;
  CLI::App* v = app.add_subcommand("validate", "Check records against the schema and every rule");
  add_common(*v, validate.common);
  v->add_option("--since", validate.since,
                "Report only findings of records changed since git revision REV and the records they reference or "
                "that reference them");
  v->add_option("--format", validate.format, "Output format: text, json, sarif, junit, github or gitlab")
      ->check(svcorg_cli::one_of(svcorg::cmd::validate_formats()));
  v->add_option("-o,--output", validate.outputs,
                "Also write a report to FILE (atomically), as FORMAT=FILE, e.g. sarif=svcorg.sarif; repeatable");

  svcorg::cmd::NeedsOptions needs;
  CLI::App* n = app.add_subcommand("needs", "List the needs ledger of a year as of a date, with its metrics");
  add_common(*n, needs.common);
  n->add_option("--format", needs.format, "Output format: table, json, csv or xlsx (with -o)");
  add_excel(*n, needs.format, needs.excel);
  n->add_option("-o,--output", needs.output, "Write to FILE (atomically) instead of standard output");
  n->add_option("--status", needs.filters.status,
                "As-of status: received, assessed, in-progress, resolved, closed, declined, open or overdue");
  n->add_option("--branch", needs.filters.branch, "Needs of this branch (its id or its name)");
  n->add_option("--street", needs.filters.street, "Needs of the branches of this street (its id or its name)");
  n->add_option("--channel", needs.filters.channel, "Needs learned through this channel");
  n->add_option("--category", needs.filters.category, "Needs of this category");
  n->add_option("--layer", needs.filters.layer, "Needs of this responsible layer: branch, street or district");
  n->add_flag("--received-in-year", needs.filters.received_in_year,
              "Only the needs received in the year, without those carried over from earlier years");

  // svcorg need add [DIR]: the common options that read inputs, DIR the records repository.
  CLI::App* need = app.add_subcommand("need", "Record a need in the records repository without writing YAML");
  need->require_subcommand(1);
  svcorg::cmd::NeedAddOptions need_add;
  CLI::App* na = need->add_subcommand("add", "Append a new need to its branch's needs file of the year; print its id");
  add_common(*na, need_add.common);
  na->remove_option(na->get_option("paths"));
  na->add_option("dir", need_add.common.paths, "The records repository (default: .)")->expected(0, 1);
  na->add_option("--branch", need_add.branch, "The branch that received it (its id or its name)")->required();
  na->add_option("--channel", need_add.channel, "How it was learned (value or Chinese label)")->required();
  na->add_option("--category", need_add.category, "Its category (value or Chinese label)")->required();
  na->add_option("--summary", need_add.summary, "What is needed, in one line")->required();
  na->add_option("--layer", need_add.layer, "Responsible layer: branch, street or district")->required();
  na->add_option("--disposal", need_add.disposal, "Disposal direction: solve, relay or mobilize")->required();
  na->add_option("--received", need_add.received, "Date received YYYY-MM-DD (default: today)");
  na->add_option("--due", need_add.due, "Due date YYYY-MM-DD (default: received + the layer's resolve days)");
  na->add_option("--relayed-to", need_add.relayed_to, "The department it was relayed to (disposal relay)");
  na->add_option("--scope", need_add.scope, "Scope: individual, group or area");
  svcorg::cmd::NeedMoveOptions need_move;
  CLI::App* nm = need->add_subcommand("move", "Append an event to a need and set its status");
  add_common(*nm, need_move.common);
  nm->remove_option(nm->get_option("paths"));
  nm->add_option("id", need_move.id, "The need's id")->required();
  nm->add_option("dir", need_move.common.paths, "The records repository (default: .)")->expected(0, 1);
  nm->add_option("--to", need_move.to, "The new status (value or Chinese label)")->required();
  nm->add_option("--date", need_move.date, "The event's date YYYY-MM-DD (default: today)");
  nm->add_option("--note", need_move.note, "A note on the event");
  nm->add_option("--reason", need_move.reason, "Why it was declined (the need's reason)");
  svcorg::cmd::NeedFeedbackOptions need_feedback;
  CLI::App* nf = need->add_subcommand("feedback", "Record the requester's satisfaction with a need (1-5)");
  add_common(*nf, need_feedback.common);
  nf->remove_option(nf->get_option("paths"));
  nf->add_option("id", need_feedback.id, "The need's id")->required();
  nf->add_option("dir", need_feedback.common.paths, "The records repository (default: .)")->expected(0, 1);
  nf->add_option("--satisfaction", need_feedback.satisfaction, "The rating, 1 to 5")
      ->required()
      ->check(svcorg_cli::whole_number(1, 5));
  nf->add_option("--date", need_feedback.date, "The rating's date YYYY-MM-DD (default: today)");

  // svcorg import needs FILE --map MAP [DIR]: DIR the records repository.
  CLI::App* imp = app.add_subcommand("import", "Append the rows of a CSV export (e.g. 12345 hotline) as new needs");
  imp->require_subcommand(1);
  svcorg::cmd::ImportOptions import_needs;
  CLI::App* in_needs =
      imp->add_subcommand("needs", "Append each row of FILE as a new need, mapped by the map file; all rows or none");
  add_common(*in_needs, import_needs.common);
  in_needs->remove_option(in_needs->get_option("paths"));
  in_needs->add_option("file", import_needs.file, "The CSV export (UTF-8 with or without a BOM, or GB18030/GBK)")
      ->required();
  in_needs->add_option("dir", import_needs.common.paths, "The records repository (default: .)")->expected(0, 1);
  in_needs->add_option("--map", import_needs.map, "The map file: which column or value gives each field")->required();
  in_needs
      ->add_option("--encoding", import_needs.encoding,
                   "The export's encoding: auto (UTF-8 if valid, else GB18030), utf-8 or gb18030 (default: auto)")
      ->check(svcorg_cli::one_of({"auto", "utf-8", "gb18030"}));
  in_needs->add_flag("--dry-run", import_needs.dry_run, "Print the documents each file would get; write nothing");

  svcorg::cmd::ScoreOptions score;
  CLI::App* s = app.add_subcommand("score", "Score every branch with a plan for the year");
  add_common(*s, score.common);
  s->add_option("--format", score.format, "Output format: table, json, csv, xlsx (with -o); markdown for deltas")
      ->check(svcorg_cli::one_of({"table", "json", "csv", "xlsx", "markdown"}));
  add_excel(*s, score.format, score.excel);
  s->add_option("--branch", score.branch, "Show this branch only (its id or its name)");
  s->add_option("--type", score.type, "Show branches of this type only");
  s->add_option("--street", score.street, "Show branches (and the roll-up) of this street only (its id or its name)");
  s->add_option("--explain", score.explain,
                "Print one branch's score (its id or its name) as a tree: parts, weights, inputs");
  s->add_option("--fail-under", score.fail_under, "Exit 1 when a shown branch's total is under N (a CI gate)")
      ->check(svcorg_cli::number());
  s->add_option("-o,--output", score.output, "Write to FILE (atomically) instead of standard output");
  s->add_option("--since", score.since,
                "Show only branches changed since git revision REV or related to a change, and those whose total, "
                "grade or rank moved since REV");
  // --baseline with --compare: refused by run_score.
  s->add_option("--baseline", score.baseline,
                "Show the change in total, grade and rank since FILE (a score --format json output)");
  s->add_option("--compare", score.compare, "Show the change in total, grade and rank since the inputs at git REV");

  svcorg::cmd::ExportOptions exporting;
  CLI::App* ex = app.add_subcommand("export", "Write the records, the ledger and the scores to SQLite or PostgreSQL");
  add_common(*ex, exporting.common);
  ex->add_option("--to", exporting.to,
                 "The database: sqlite:FILE, or a PostgreSQL connection string postgresql://USER@HOST/DATABASE")
      ->required();

  svcorg::cmd::ReportOptions report;
  CLI::App* r = app.add_subcommand("report", "Write a Markdown or HTML report: district, street or branch");
  add_common(*r, report.common);
  r->add_option("--scope", report.scope, "district, street:ID or branch:ID, by id or name (default: district)");
  r->add_option("--format", report.format,
                "Output format: markdown (the default) or html (one self-contained file, printable on A4)")
      ->check(svcorg_cli::one_of(svcorg::cmd::report_formats()));
  r->add_option("-o,--output", report.output, "Write to FILE (atomically) instead of standard output");
  r->add_flag("--detail", report.detail, "Every row of the long tables (else 10 and a count of the rest)");
  r->add_flag("--brief", report.brief,
              "District and street reports: what needs attention, the rankings and the streets only");

  svcorg::cmd::InitOptions init;
  CLI::App* in = app.add_subcommand("init", "Create a records repository: a District, examples, schemas, CI files");
  in->add_option("dir", init.dir, "Folder to create it in (default: .); no existing file is overwritten");
  in->add_flag("-q,--quiet", init.quiet, "Print nothing on success");
  add_lang(*in, init.lang, "Language of what init says: en or zh-CN (default: en)");

  svcorg::cmd::SchemaOptions schema;
  CLI::App* sc = app.add_subcommand("schema", "Print the JSON Schema of a kind; without KIND, list the kinds");
  sc->add_option("kind", schema.kind, "district, branch, need, platform or plan (any case)");
  add_lang(*sc, schema.lang, "Language of its error: en or zh-CN (default: en)");

  // svcorg rules [TYPE] [PATH...]: the common options that read inputs; TYPE comes first.
  svcorg::cmd::RulesOptions rules;
  CLI::App* ru = app.add_subcommand("rules", "Print the rules in effect: per type, and the scoring model");
  add_common(*ru, rules.common);
  for (const char* unused : {"paths", "--year", "--as-of", "--color", "--strict"})
    ru->remove_option(ru->get_option(unused));
  ru->add_option("type_and_paths", rules.words,
                 "TYPE (a branch type id or its Chinese label; default: every type), then files or directories "
                 "(default: .)");
  ru->add_option("--format", rules.format, "Output format: text, markdown or json")
      ->check(svcorg_cli::one_of(svcorg::cmd::rules_formats()));
  ru->add_flag("--builtin", rules.builtin, "Print the built-in rules; read no inputs");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << svcorg_cli::usage_text(app, e, lang);
    return svcorg::cmd::kUsage;
  }

  try {
    const std::optional<svcorg::util::Date> today = run_date();
    if (!today) {
      std::cerr << svcorg::l10n::tr(
                       lang, "cmd.error",
                       {{"message", svcorg::i18n::Message("cli.today-env", {{"value", std::getenv("SVCORG_TODAY")}})}})
                << "\n";
      return svcorg::cmd::kUsage;
    }
    const svcorg::cmd::Io io = make_io(*today);
    if (v->parsed()) return svcorg::cmd::run_validate(validate, io);
    if (n->parsed()) return svcorg::cmd::run_needs(needs, io);
    if (s->parsed()) return svcorg::cmd::run_score(score, io);
    if (ex->parsed()) return svcorg::cmd::run_export(exporting, io);
    if (na->parsed()) return svcorg::cmd::run_need_add(need_add, io);
    if (nm->parsed()) return svcorg::cmd::run_need_move(need_move, io);
    if (nf->parsed()) return svcorg::cmd::run_need_feedback(need_feedback, io);
    if (in_needs->parsed()) return svcorg::cmd::run_import_needs(import_needs, io);
    if (r->parsed()) return svcorg::cmd::run_report(report, io);
    if (in->parsed()) return svcorg::cmd::run_init(init, io);
    if (sc->parsed()) return svcorg::cmd::run_schema(schema, io);
    if (ru->parsed()) return svcorg::cmd::run_rules(rules, io);
  } catch (const std::exception& e) {
    std::cerr << svcorg::l10n::tr(lang, "cmd.error", {{"message", svcorg::i18n::Message::verbatim(e.what())}}) << "\n";
    return svcorg::cmd::kUsage;
  }
  return svcorg::cmd::kUsage;
}
