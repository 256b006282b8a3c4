// The District's own category labels in the loaded records (the label table itself is
// l10n/labels.hpp).
#pragma once

namespace svcorg::rules {
struct Rules;
}

namespace svcorg::model {
struct RecordSet;
}

namespace svcorg::model::labels {

// Each need's and plan item's category written as the label of one of the District's
// categories (`rules.category_labels`, in `rules`) replaced by its name, in the whole
// needs, their cores and the plans. Run once every record is loaded, before validation;
// Chinese text that is no category's label stays as written, and need-category or
// item-category reports it.
void use_district_labels(RecordSet& set, const rules::Rules& rules);

}  // namespace svcorg::model::labels
