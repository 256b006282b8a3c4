// The enumerated values of the file format (SPEC 2). Per-type rules are data
// (rules/defaults.yaml); these are the format's own words.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/model/records.hpp"

namespace svcorg::model::vocab {

using List = std::vector<std::string>;

inline const List kBranchTypes = {"residential", "social-service", "building", "enterprise", "organ"};
inline const List kLangs = {"en", "zh-CN"};
inline const List kFunctions = {"medical", "social-security", "sanitation", "city-management", "education", "other"};
inline const List kRepresentativeRoles = {"npc-deputy", "party-congress-deputy", "cppcc-member"};
inline const List kChannels = {"member-contact", "reception", "social-group", "hotline",
                               "online",         "survey",    "meeting",      "visit"};
inline const List kScopes = {"individual", "group", "area"};
inline const List kImpacts = {"overall", "public-sentiment"};
inline const List kLayers = {"branch", "street", "district"};
inline const List kDisposals = {"solve", "relay", "mobilize"};
// Need statuses: a constant table (usable during static initialization, unlike the
// lists), the list made from it.
inline constexpr std::array<std::string_view, 6> kNeedStatusNames = {"received", "assessed", "in-progress",
                                                                     "resolved", "closed",   "declined"};
inline const List kNeedStatuses(kNeedStatusNames.begin(), kNeedStatusNames.end());
// A need status's code and name: NeedStatus values are the indexes of kNeedStatuses.
std::optional<NeedStatus> need_status(std::string_view name);
std::string_view need_status_name(NeedStatus s);  // a literal: data() ends with NUL
inline const List kPlatformLevels = {"grassroots", "horizontal", "superior", "service-center"};
inline const List kPlatformCategories = {"information", "liaison", "participation", "coordination"};
inline const List kCadences = {"weekly", "biweekly", "monthly", "quarterly", "half-yearly", "yearly"};
inline const List kPlanStatuses = {"draft", "submitted", "approved", "reviewed"};
inline const List kApprovals = {"self", "superior"};
inline const List kAwardKinds = {"stability-incident", "complex-conflict", "hard-problem"};
inline const List kKinds = {"District", "Branch", "Need", "Platform", "Plan"};
// Branch fields a type may require (rules: types.T.required_fields).
inline const List kTypeFields = {"functions", "units", "established", "reserve_cadres", "representatives"};

// SPEC 2.1/2.5: a platform's owner is looked up by its level: a branch for grassroots
// and horizontal, a street or the District for superior and service-center.
inline bool branch_owned_level(const std::string& level) {
  return level == "grassroots" || level == "horizontal";
}

// Meetings a year a cadence expects (SPEC 2.5), by index in kCadences.
int cadence_per_year(const std::string& cadence);

}  // namespace svcorg::model::vocab
