// Editing a records file as text (`svcorg need add`): the new text is made here, byte for
// byte, and every byte of the old text is kept (comments, order, quoting, line ends).
// Pure functions: no disk; cmd/ reads, validates and writes (docs/FORMAT.md, "Editing
// commands").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace svcorg::edit {

// The line end a text uses: "\r\n" when its first line ends so, else "\n".
std::string line_end(std::string_view text);

// `old` with `document` (lines ending "\n") appended as a new YAML document: after a
// `---` line when `old` holds anything but blank lines and comments, with `old`'s last
// line ended first when it was not, and with `old`'s line end throughout.
std::string append_document(std::string_view old, std::string_view document);

// `text` as a YAML scalar that reads back as exactly `text`: plain when that is safe (no
// YAML indicator, not a word or number YAML would read as something else), else
// double-quoted with escapes.
std::string scalar(std::string_view text);

// The id of a new need of `branch` received in `year`, after `existing` (the ids of the
// branch's needs, any year): PREFIX-YEAR-NNN with the prefix and the number's width of the
// branch's ids of that pattern (those of `year` first, else of any year; the number after
// the highest of `year`), else BRANCH-YEAR-001. `taken` holds every need id (never
// reused).
std::string next_need_id(const std::vector<std::string>& existing, const std::string& branch, int year,
                         const std::vector<std::string>& taken);
// The ids of `count` new needs of `branch` received in `year`, in order, as next_need_id
// gives them one after the other (`import needs`).
std::vector<std::string> next_need_ids(const std::vector<std::string>& existing, const std::string& branch, int year,
                                       const std::vector<std::string>& taken, size_t count);

struct NewNeed {
  std::string id, branch, received, channel, category, summary, layer, disposal;
  std::optional<std::string> scope, relayed_to, due;
  std::optional<std::pair<std::string, std::string>> source;  // x-source: system, case (import)
};

// The YAML document of a new need (status `received`, its one event dated `received`),
// fields in the order of the records reference (`x-source` last), lines ending "\n".
std::string need_document(const NewNeed& n);

}  // namespace svcorg::edit

namespace svcorg::edit {

// Why an edit of an existing need could not be made as text.
enum class Refusal {
  None,
  NotFound,    // no document of the text is the Need `id`
  FlowEvents,  // its `events` is not a block list (`- {date: …}` lines) with an item
  NoStatus,    // it has no `status` scalar
};

struct Edited {
  std::string text;  // the whole new text, when refusal is None
  Refusal refusal = Refusal::None;
};

struct Event {
  std::string date, status;
  std::optional<std::string> note;
};

// `need move`: the Need `id` of `text` with `event` appended to its block list of events
// (a line `- {date: …, status: …, note: …}` at the items' indentation, after the last
// item's lines), its `status` value replaced by the event's status, and, when `reason` is
// given, its `reason` value replaced (or a `reason:` line added after `status`).
Edited move_need(std::string_view text, const std::string& id, const Event& event,
                 const std::optional<std::string>& reason);

// `need feedback`: the Need `id` of `text` with `feedback: {satisfaction: N, date: D}` in
// place of its `feedback` entry (its lines), or added after its last entry.
Edited set_feedback(std::string_view text, const std::string& id, int satisfaction,
                    const std::optional<std::string>& date);

}  // namespace svcorg::edit
