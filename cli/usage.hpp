// The command line's own errors in svcorg's words: CLI11 refuses a command line in its
// English; these name the option and the value, in the language `--lang` names on the
// command line (the District is not read yet: docs/FORMAT.md), and say what is right.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "svcorg/i18n/message.hpp"

namespace svcorg_cli {

// The language `--lang X` or `--lang=X` names among the arguments (before a `--`); English
// when none does, or when X is no language (that --lang is then refused, in English).
svcorg::i18n::Lang lang_in_args(int argc, const char* const* argv);

// Checks of option values that refuse in svcorg's words (usage_error() finds the words):
// a value among `allowed` (ignore_case: in any case, taken in lower case), a whole number
// from `min` to `max` (or `min` or more), a number.
CLI::Validator one_of(std::vector<std::string> allowed, bool ignore_case = false);
CLI::Validator whole_number(uint64_t min, std::optional<uint64_t> max = std::nullopt);
CLI::Validator number();

// For a check of our own that throws CLI::ValidationError(NAME, refused(m)): `m` (with the
// option as `{option}`) is what usage_error() then reports.
std::string refused(svcorg::i18n::Message m);

// What is wrong with the command line `app` refused with `e` (not a CLI::Success).
svcorg::i18n::Message usage_error(const CLI::App& app, const CLI::ParseError& e);

// The lines written for it on standard error: the error, and where help is.
std::string usage_text(const CLI::App& app, const CLI::ParseError& e, svcorg::i18n::Lang lang);

}  // namespace svcorg_cli
