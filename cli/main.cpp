// svcorg: option parsing and wiring only; every command lives in libsvcorg (lib/svcorg/cmd).
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "svcorg/cmd/needs.hpp"
#include "svcorg/cmd/report.hpp"
#include "svcorg/cmd/score.hpp"
#include "svcorg/cmd/validate.hpp"

namespace {

using svcorg::cmd::Color;
using svcorg::cmd::Common;

const std::map<std::string, Color> kColors = {
    {"auto", Color::Auto}, {"always", Color::Always}, {"never", Color::Never}};

void add_common(CLI::App& app, Common& c) {
  app.add_option("paths", c.paths, "Files or directories (recursive *.yaml, *.yml); - for stdin; default: .");
  app.add_option("--year", c.year, "Year Y of the evaluation (default: the as-of date's year)");
  app.add_option("--as-of", c.as_of, "As-of date YYYY-MM-DD (default: today, or Dec 31 of a past --year)");
  app.add_option("--color", c.color, "Colour: auto, always or never (auto respects NO_COLOR)")
      ->transform(CLI::CheckedTransformer(kColors, CLI::ignore_case));
  app.add_flag("-q,--quiet", c.quiet, "Print errors only");
  app.add_flag("--strict", c.strict, "Warnings fail too (exit 1)");
  app.add_option("--jobs", c.jobs, "Threads parsing files (default: one per core)")->check(CLI::Range(1u, 1024u));
}

svcorg::cmd::Io make_io() {
  const char* no_color = std::getenv("NO_COLOR");
  return svcorg::cmd::Io{std::cout, std::cerr, std::cin, isatty(STDOUT_FILENO) != 0,
                         no_color != nullptr && *no_color != '\0', svcorg::util::today()};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"svcorg: records, scores and reports of service-oriented grassroots organizations"};
  app.set_version_flag("--version", std::string("svcorg ") + SVCORG_VERSION);
  app.require_subcommand(1);

  svcorg::cmd::ValidateOptions validate;
  CLI::App* v = app.add_subcommand("validate", "Check records against the schema and every rule (SPEC 4)");
  add_common(*v, validate.common);
  v->add_option("--format", validate.format, "Output format")->check(CLI::IsMember({"text", "json"}));

  svcorg::cmd::NeedsOptions needs;
  CLI::App* n = app.add_subcommand("needs", "List the needs ledger of a year as of a date, with its metrics (SPEC 5)");
  add_common(*n, needs.common);
  n->add_option("--format", needs.format, "Output format: table, json or csv");
  n->add_option("--status", needs.filters.status,
                "As-of status: received, assessed, in-progress, resolved, closed, declined, open or overdue");
  n->add_option("--branch", needs.filters.branch, "Needs of this branch");
  n->add_option("--street", needs.filters.street, "Needs of the branches of this street");
  n->add_option("--channel", needs.filters.channel, "Needs learned through this channel");
  n->add_option("--category", needs.filters.category, "Needs of this category");
  n->add_option("--layer", needs.filters.layer, "Needs of this responsible layer: branch, street or district");

  svcorg::cmd::ScoreOptions score;
  CLI::App* s = app.add_subcommand("score", "Score every branch with a plan for the year (SPEC 6)");
  add_common(*s, score.common);
  s->add_option("--format", score.format, "Output format")->check(CLI::IsMember({"table", "json", "csv"}));
  s->add_option("--branch", score.branch, "Show this branch only");
  s->add_option("--type", score.type, "Show branches of this type only");
  s->add_option("--street", score.street, "Show branches (and the roll-up) of this street only");
  s->add_option("--explain", score.explain, "Print one branch's score as a tree: parts, weights, inputs");
  s->add_option("--fail-under", score.fail_under, "Exit 1 when a shown branch's total is under N (a CI gate)");
  s->add_option("-o,--output", score.output, "Write to FILE (atomically) instead of standard output");

  svcorg::cmd::ReportOptions report;
  CLI::App* r = app.add_subcommand("report", "Write a Markdown report: district, street or branch (SPEC 7)");
  add_common(*r, report.common);
  r->add_option("--scope", report.scope, "district, street:ID or branch:ID (default: district)");
  r->add_option("--lang", report.lang, "en or zh-CN (default: the District's lang, else en)");
  r->add_option("-o,--output", report.output, "Write to FILE (atomically) instead of standard output");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : svcorg::cmd::kUsage;
  }

  try {
    const svcorg::cmd::Io io = make_io();
    if (v->parsed()) return svcorg::cmd::run_validate(validate, io);
    if (n->parsed()) return svcorg::cmd::run_needs(needs, io);
    if (s->parsed()) return svcorg::cmd::run_score(score, io);
    if (r->parsed()) return svcorg::cmd::run_report(report, io);
  } catch (const std::exception& e) {
    std::cerr << "svcorg: error: " << e.what() << "\n";
    return svcorg::cmd::kUsage;
  }
  return svcorg::cmd::kUsage;
}
