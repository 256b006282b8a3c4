#include "svcorg/export/write.hpp"

namespace svcorg::dbexport {

std::optional<Target> parse_target(const std::string& to) {
  const std::string sqlite = "sqlite:";
  if (to.rfind(sqlite, 0) == 0 && to.size() > sqlite.size())
    return Target{Target::Kind::Sqlite, to.substr(sqlite.size())};
  for (const char* scheme : {"postgresql://", "postgres://"})
    if (to.rfind(scheme, 0) == 0) return Target{Target::Kind::Postgres, to};
  return std::nullopt;
}

}  // namespace svcorg::dbexport
