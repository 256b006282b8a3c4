// Renderings of a score::Result: SPEC 8 JSON, an aligned table, CSV, and the
// --explain tree. They format; they compute nothing.
#pragma once

#include <string>
#include <vector>

#include "svcorg/i18n/message.hpp"
#include "svcorg/render/names.hpp"
#include "svcorg/render/sheet.hpp"
#include "svcorg/render/table.hpp"
#include "svcorg/score/score.hpp"

namespace svcorg::render {

// Which branches (and streets) are shown; roll-ups and ranks always cover everything.
struct ScoreSelection {
  std::vector<const score::BranchScore*> branches;
  std::vector<const score::Unscored*> unscored;
  std::vector<const score::Rollup*> streets;
};
ScoreSelection select_all(const score::Result& r);

std::string score_json(const score::Result& r, const ScoreSelection& sel);
// The table, the CSV and the tree are for people, in `lang` (enumerated values as their
// labels in Chinese); JSON is for scripts, the same in every language.
std::string score_table(const score::Result& r, const ScoreSelection& sel, const Names& names, i18n::Lang lang);
std::string score_csv(const score::Result& r, const ScoreSelection& sel, const Names& names, i18n::Lang lang,
                      const CsvOptions& options = {});
// The CSV's table with typed cells (the XLSX scores sheet), and the roll-ups of the
// streets shown with the District's last (the XLSX streets sheet).
Sheet score_sheet(const ScoreSelection& sel, const Names& names, i18n::Lang lang);
Sheet streets_sheet(const score::Result& r, const ScoreSelection& sel, const Names& names, i18n::Lang lang);
std::string score_explain(const score::Result& r, const score::BranchScore& s, const score::Model& m,
                          const Names& names, i18n::Lang lang);

// Shared number formatting: fixed decimals, `—` (or `null` in JSON) for undefined.
std::string fixed(double v, int decimals);
std::string fixed(const std::optional<double>& v, int decimals, const char* undefined = "—");

}  // namespace svcorg::render
