// The need lifecycle (SPEC 2.4) and the dates the ledger metrics read off a need's
// events (SPEC 5): shared by validation (which checks the lifecycle) and scoring
// (which measures it).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/model/core.hpp"
#include "svcorg/util/date.hpp"

namespace svcorg::ledger {

// In lifecycle order; `Declined` stands apart from the forward order.
using Status = model::NeedStatus;

std::optional<Status> parse_status(std::string_view name);
const char* status_name(Status s);

bool is_resolved(Status s);  // resolved or closed (the set R of SPEC 5)
bool is_final(Status s);     // closed or declined: nothing may follow but a repeat

// Whether a need may go from `from` to `to` in its next event (SPEC 2.4): a repeat of
// the current status (a progress note); a forward move in received < assessed <
// in-progress < resolved < closed, skipping allowed; `declined` from received or
// assessed; the reopening resolved -> in-progress. Nothing leaves closed or declined.
bool can_move(Status from, Status to);

// The statuses that may follow `from` other than itself, in lifecycle order.
std::vector<Status> next_statuses(Status from);

// One event of a need with a valid date and status.
struct Step {
  util::Date date;
  Status status;
};

// A need's events as steps, in file order (which is date order in valid records).
// Events without a valid date or status are left out; with `as_of`, so are events
// dated after it (SPEC 5: the ledger as of A).
std::vector<Step> history(const std::vector<model::Event>& events, std::optional<util::Date> as_of = std::nullopt);
std::vector<Step> history(const model::Need& need, std::optional<util::Date> as_of = std::nullopt);
// The same into `out` (cleared first), for callers that reuse one buffer over many needs.
void history(const model::Need& need, std::optional<util::Date> as_of, std::vector<Step>& out);
// The same from a need's core (whose steps are its events with a valid date and status).
void history(const model::NeedCore& need, std::optional<util::Date> as_of, std::vector<Step>& out);

// The status after the last step (the as-of status when the history was cut at A).
std::optional<Status> current_status(const std::vector<Step>& steps);

// r(n): the date of the first step whose status is not `received`.
std::optional<util::Date> first_response(const std::vector<Step>& steps);

// s(n): the date of the first resolved/closed step after the last step that is
// neither (the final resolution, after any reopening); none when the need is not
// resolved or closed at the end of `steps`.
std::optional<util::Date> resolution_date(const std::vector<Step>& steps);

bool ever_resolved(const std::vector<Step>& steps);  // some step is resolved or closed
bool reopened(const std::vector<Step>& steps);       // some move resolved -> in-progress

}  // namespace svcorg::ledger
