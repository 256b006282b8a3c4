// Rules about the working systems: required-platform, platform-cadence, and for
// meetings foreign-need and future-date.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "svcorg/ledger/adherence.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/validate/checks.hpp"

namespace svcorg::validate::detail {

namespace {

using model::Platform;

bool listed(const Platform& p, std::string_view id) {
  if (!p.participants) return false;
  return std::any_of(p.participants->begin(), p.participants->end(),
                     [&](const model::Text& t) { return t && *t == id; });
}

// Platform categories each branch owns (by level, SPEC 2.1) or joins (is listed by id in
// `participants` of).
std::map<std::string, std::set<std::string>> memberships(const Context& c) {
  std::map<std::string, std::set<std::string>> out;
  for (const Platform* p : c.platforms) {
    if (!p->category) continue;
    if (p->owner && p->level && model::vocab::branch_owned_level(*p->level)) out[*p->owner].insert(*p->category);
    if (p->participants)
      for (const auto& t : *p->participants)
        if (t) out[*t].insert(*p->category);
  }
  return out;
}

void required_platforms(Context& c) {
  const auto joined = memberships(c);
  for (const model::Branch* b : c.branches) {
    const rules::TypeRules* tr = c.type_rules(b);
    if (!tr || !b->id) continue;
    auto it = joined.find(*b->id);
    for (const auto& k : tr->required_platforms) {
      if (it != joined.end() && it->second.count(k)) continue;
      c.warning(
          *b, b->pos, "required-platform",
          i18n::Message("validate.required-platform.missing",
                        {{"category", k}, {"type", *b->type}, {"categories", i18n::codes(tr->required_platforms)}}));
      // A Platform of an unusable file or document names the branch: it may be the one.
      if (const auto served = c.ix.would_serve.find(*b->id); served != c.ix.would_serve.end())
        c.hold_last(served->second, Depends::RequiredPlatform, model::Kind::Branch, model::Kind::Platform, "", *b);
    }
  }
}

// SPEC 4.2 rev 2 and 6.4: held < the whole periods the cadence has had in the window
// [max(Jan 1 of Y, established), min(A, Dec 31 of Y)] (ledger::Adherence::due, ⌊expected⌋
// with expected = cadence count × (days in window / days in Y)); scoring keeps expected
// unrounded, so a
// quarterly platform that met once by mid-May has no warning here yet and adherence
// below 1 in its score. Platforms with an empty window are skipped.
void cadence(Context& c, const Platform& p) {
  if (!p.cadence) return;
  const ledger::Adherence a = ledger::adherence(p, c.options);
  if (!a.value || a.held >= a.due) return;
  c.warning(p, p.pos, "platform-cadence",
            i18n::Message(a.held == 1 ? "validate.platform-cadence.one" : "validate.platform-cadence.other",
                          {{"held", a.held},
                           {"from", i18n::date(a.from.str())},
                           {"to", i18n::date(a.to.str())},
                           {"periods", a.due},
                           {"cadence", *p.cadence},
                           {"per_year", model::vocab::cadence_per_year(*p.cadence)}}));
}

// Whose needs a platform's meetings may take up: its owner's and its participants'; a
// street's platform, the needs of the street's branches too; the District's, any need.
// A platform whose owner names nothing known is not judged.
bool serves(const Context& c, const Platform& p, std::string_view branch_id) {
  if (!p.owner || !p.level || listed(p, branch_id)) return true;
  const std::string& owner = *p.owner;
  if (model::vocab::branch_owned_level(*p.level)) return owner == branch_id || !c.branch_by_id.count(owner);
  if (c.district && c.district->id && *c.district->id == owner) return true;
  if (!c.street_ids.count(owner)) return true;
  const model::Branch* b = c.branch_by_id.find(branch_id);
  return b && b->street && *b->street == owner;
}

void meeting(Context& c, const Platform& p, const model::Meeting& m, size_t index) {
  if (m.date && *m.date > c.options.today)
    c.warning(p, m.date.pos, "future-date",
              future_date(fmt::format("meetings[{}].date", index), *m.date, c.options.today));
  if (!m.needs) return;
  for (const auto& ref : *m.needs) {
    const model::NeedCore* n = c.need(ref);
    if (!n || !c.branch(n->branch) || serves(c, p, *n->branch)) continue;  // an unknown branch: `reference`
    c.warning(p, ref.pos, "foreign-need",
              i18n::Message("validate.foreign-need.meeting",
                            {{"need", *ref}, {"owner", *n->branch}, {"platform_owner", *p.owner}}));
  }
}

}  // namespace

void check_platforms(Context& c) {
  required_platforms(c);
  for (const Platform* p : c.platforms) {
    cadence(c, *p);
    if (!p->meetings) continue;
    for (size_t i = 0; i < p->meetings->size(); ++i) meeting(c, *p, (*p->meetings)[i], i);
  }
}

}  // namespace svcorg::validate::detail
