// Rules about a branch itself: type-field, competency-gap, not-certified,
// no-reserve-cadre.
#include "svcorg/validate/checks.hpp"

namespace svcorg::validate::detail {

namespace {

using model::Branch;

template <class T>
bool missing_list(const model::F<std::vector<T>>& f) {
  return absent(f) || (f.has && f->empty());
}

// Whether a field a type may require (vocab::kTypeFields) is missing, and what it holds
// (`hint`: a message id, or nullptr).
bool missing(const Branch& b, const std::string& field, const char*& hint) {
  hint = nullptr;
  if (field == "functions") {
    hint = "validate.type-field.functions";
    return missing_list(b.functions);
  }
  if (field == "units") {
    hint = "validate.type-field.units";
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
    const char* hint = nullptr;
    if (!missing(b, field, hint)) continue;
    c.error(b, b.pos, "type-field",
            i18n::Message(
                "validate.type-field.missing",
                {{"type", *b.type}, {"field", field}, {"hint", hint ? i18n::Arg(i18n::Message(hint)) : i18n::Arg()}}));
  }
}

void secretary(Context& c, const Branch& b) {
  if (!b.secretary) return;
  const model::Secretary& s = *b.secretary;
  for (size_t i = 0; i < s.competencies.size(); ++i) {
    const auto& rating = s.competencies[i];
    if (!rating || *rating > 2) continue;
    c.warning(b, rating.pos, "competency-gap",
              i18n::Message("validate.competency-gap.rated",
                            {{"ability", model::Secretary::kAbilities[i]}, {"rating", *rating}}));
  }
  if (s.certified && !*s.certified)
    c.warning(b, b.pos, "not-certified",
              s.name ? i18n::Message("validate.not-certified.named", {{"name", *s.name}})
                     : i18n::Message("validate.not-certified.unnamed"));
}

void reserve_cadres(Context& c, const Branch& b) {
  if (b.reserve_cadres.has ? *b.reserve_cadres != 0 : !absent(b.reserve_cadres)) return;
  c.warning(b, b.pos, "no-reserve-cadre",
            i18n::Message(b.reserve_cadres ? "validate.no-reserve-cadre.zero" : "validate.no-reserve-cadre.missing"));
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
