// `svcorg need add`: recording a need without writing YAML. The records repository is
// edited in place, as text (edit/), validated as it would be after the edit, and written
// atomically only if the edit adds no error (docs/FORMAT.md, "Editing commands").
#pragma once

#include <optional>
#include <string>

#include "svcorg/cmd/common.hpp"

namespace svcorg::cmd {

struct NeedAddOptions {
  Common common;  // paths: the records repository (default: .)
  std::string branch, channel, category, summary, layer, disposal;
  std::optional<std::string> received, due, relayed_to, scope;
};

// Prints the new need's id. Exit 2 on a bad option value (an unknown branch, value or
// date, with what would be right) or an unreadable path; exit 1, with the new findings
// and nothing written, when the edit would add an error.
int run_need_add(const NeedAddOptions& o, const Io& io);

}  // namespace svcorg::cmd

namespace svcorg::cmd {

struct NeedMoveOptions {
  Common common;  // paths: the records repository (default: .)
  std::string id, to;
  std::optional<std::string> date, note, reason;
};

// `svcorg need move ID --to STATUS`: appends an event (dated --date, default today) and
// sets `status`; a move the lifecycle forbids is refused with validate's message. Exit
// codes as run_need_add's; prints nothing on success.
int run_need_move(const NeedMoveOptions& o, const Io& io);

struct NeedFeedbackOptions {
  Common common;  // paths: the records repository (default: .)
  std::string id;
  int satisfaction = 0;
  std::optional<std::string> date;
};

// `svcorg need feedback ID --satisfaction N`: sets the need's feedback (dated --date,
// default today). Exit codes as run_need_add's.
int run_need_feedback(const NeedFeedbackOptions& o, const Io& io);

}  // namespace svcorg::cmd
