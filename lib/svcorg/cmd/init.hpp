// `svcorg init [DIR]`: a new records repository (SPEC 8): a District, one example of
// each kind, the JSON Schemas, a README for the secretaries, CI files and a pre-commit
// configuration. It overwrites nothing and writes all or nothing.
#pragma once

#include <optional>
#include <string>

#include "svcorg/cmd/common.hpp"
#include "svcorg/init/repository.hpp"

namespace svcorg::cmd {

struct InitOptions {
  std::string dir = ".";
  bool quiet = false;
  std::optional<i18n::Lang> lang;  // --lang: of what init says (the files it writes are as they are)
};

// Exit 2, writing nothing, when any target exists (each is listed on io.err) or a write
// fails (what was written is removed again).
int run_init(const InitOptions& o, const Io& io);

// The same with the file writer given (tests make it fail).
int run_init(const InitOptions& o, const Io& io, const init::Writer& write);

}  // namespace svcorg::cmd
