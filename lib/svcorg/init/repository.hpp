// What `svcorg init` writes, and writing it all or nothing: the templates embedded from
// lib/svcorg/init/templates and the JSON Schemas embedded from schemas/.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/i18n/message.hpp"
#include "svcorg/util/result.hpp"

namespace svcorg::init {

struct File {
  std::string path;  // relative, `/`-separated: "plans/2026/hehua.yaml", "schemas/plan.schema.json"
  std::string_view content;
};

// Every file of a new records repository, sorted by path.
std::vector<File> repository_files();

// The paths under `root` that stop `files` from being written without overwriting
// anything: an existing file (or symbolic link, or directory) at a target, or something
// that is not a directory where a target's folder would be. Shown as root/path.
std::vector<std::string> conflicts(const std::filesystem::path& root, const std::vector<File>& files);

// Writes one file, or fails saying what went wrong (util::write_file).
using Writer = std::function<util::Result<void>(const std::string& path, std::string_view content)>;

// Writes every file under `root`, creating the folders they need (and `root`). On the
// first failure, removes every file and folder this call created and fails with its
// message. Call after conflicts() found none.
util::Result<void> write_all(const std::filesystem::path& root, const std::vector<File>& files, const Writer& write);

}  // namespace svcorg::init
