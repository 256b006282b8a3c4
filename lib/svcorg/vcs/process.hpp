// Running a program without a shell: argv elements are passed as they are, so nothing in
// them (a revision, a path) is ever interpreted by a shell.
#pragma once

#include <string>
#include <vector>

#include "svcorg/i18n/message.hpp"

namespace svcorg::vcs {

struct ProcessResult {
  bool started = false;  // false: the program could not be run (`error` says why)
  int exit_code = -1;    // -1: killed by a signal
  std::string out, err;
  i18n::Message error;  // the OS's words, verbatim (or vcs.no-program)
};

// Runs argv[0] (looked up in PATH) with `input` on its standard input; collects its
// standard output and error. Never throws for the program's own failures.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {});

}  // namespace svcorg::vcs
