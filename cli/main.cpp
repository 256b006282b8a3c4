// svcorg: option parsing and wiring only; every command lives in libsvcorg (lib/svcorg/cmd).
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>

#include <unistd.h>

#include <CLI/CLI.hpp>

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
  v->add_flag("--strict", validate.strict, "Warnings fail too (exit 1)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : svcorg::cmd::kUsage;
  }

  try {
    const svcorg::cmd::Io io = make_io();
    if (v->parsed()) return svcorg::cmd::run_validate(validate, io);
  } catch (const std::exception& e) {
    std::cerr << "svcorg: error: " << e.what() << "\n";
    return svcorg::cmd::kUsage;
  }
  return svcorg::cmd::kUsage;
}
