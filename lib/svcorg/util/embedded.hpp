// Files embedded in the binary at build time (cmake/Embed.cmake, svcorg_embed_files):
// the JSON Schemas of schemas/, the templates of `svcorg init` and the message catalogue.
#pragma once

#include <cstddef>
#include <string_view>

namespace svcorg::embedded {

struct File {
  const char* path;   // relative to the embedded folder, `/`-separated
  const char* bytes;  // the file's text, NUL-terminated
};

// schemas/*.schema.json, by file name ("plan.schema.json").
extern const File schemas[];
extern const std::size_t schemas_count;

// lib/svcorg/init/templates/**, by path inside the new repository ("plans/2026/hehua.yaml").
extern const File init_templates[];
extern const std::size_t init_templates_count;

// lib/svcorg/i18n/messages/*.yaml: the message catalogue, by file name ("validate.yaml").
extern const File messages[];
extern const std::size_t messages_count;

// The file at `path` of a table, or nullptr.
inline const File* find(const File* table, std::size_t count, std::string_view path) {
  for (std::size_t i = 0; i < count; ++i)
    if (table[i].path == path) return &table[i];
  return nullptr;
}

}  // namespace svcorg::embedded
