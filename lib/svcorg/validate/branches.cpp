// Rules about a branch itself: type-field, competency-gap, not-certified,
// no-reserve-cadre.
#include <fmt/format.h>

#include "svcorg/validate/checks.hpp"

namespace svcorg::validate::detail {

namespace {

using model::Branch;

template <class T>
bool missing_list(const model::F<std::vector<T>>& f) {
  return absent(f) || (f.has && f->empty());
}

// Whether a field a type may require (vocab::kTypeFields) is missing, and what it holds.
bool missing(const Branch& b, const std::string& field, const char*& hint) {
  hint = "";
  if (field == "functions") {
    hint = " (the unit's functions, e.g. `functions: [medical]`)";
    return missing_list(b.functions);
  }
  if (field == "units") {
    hint = " (the number of companies in the building cluster, at least 2)";
    return absent(b.units);
  }
  if (field == "established") return absent(b.established);
  if (field == "reserve_cadres") return absent(b.reserve_cadres);
  if (field == "representatives") return missing_list(b.representatives);
  return false;
}

void type_fields(Context& c, const Branch& b) {
  const rules::TypeRules* tr = c.type_rules(&b);
  if (!tr) return;
  for (const auto& field : tr->required_fields) {
    const char* hint = "";
    if (!missing(b, field, hint)) continue;
    c.error(b, b.pos, "type-field",
            fmt::format("a {} branch requires the field `{}`; add it{}", *b.type, field, hint));
  }
}

void secretary(Context& c, const Branch& b) {
  if (!b.secretary) return;
  const model::Secretary& s = *b.secretary;
  for (size_t i = 0; i < s.competencies.size(); ++i) {
    const auto& rating = s.competencies[i];
    if (!rating || *rating > 2) continue;
    c.warning(b, rating.pos, "competency-gap",
              fmt::format("the secretary's `{}` is rated {} of 5; an ability rated 1 or 2 is a gap to plan "
                          "training for",
                          model::Secretary::kAbilities[i], *rating));
  }
  if (s.certified && !*s.certified)
    c.warning(b, b.pos, "not-certified",
              fmt::format("the secretary{} does not hold the qualification certificate (`certified: false`); plan "
                          "the certification",
                          s.name ? fmt::format(" {}", *s.name) : std::string()));
}

void reserve_cadres(Context& c, const Branch& b) {
  if (b.reserve_cadres.has ? *b.reserve_cadres != 0 : !absent(b.reserve_cadres)) return;
  c.warning(b, b.pos, "no-reserve-cadre",
            fmt::format("the branch has no reserve cadre (`reserve_cadres` is {}); train at least one to succeed "
                        "the secretary",
                        b.reserve_cadres ? "0" : "missing"));
}

}  // namespace

void check_branches(Context& c) {
  for (const Branch* b : c.branches) {
    type_fields(c, *b);
    secretary(c, *b);
    reserve_cadres(c, *b);
  }
}

}  // namespace svcorg::validate::detail
