// The records' codecs and the two sections of an entry (cache.hpp: encode, decode,
// decode_needs). A field added to a record must be added to its type's line below
// (SVCORG_CODEC_FIELDS), and the format number (frame.hpp) bumped;
// tests/unit/test_cache_codec.cpp fails until it is.
#include "svcorg/cache/codec.hpp"

#include <algorithm>
#include <new>
#include <unordered_map>

namespace svcorg::cache {

namespace codec {

// The fields of a type, in the order the codec writes them: one io() that hands them all to
// the archive (as NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE lists a type's fields for JSON).
#define SVCORG_CODEC_FIELDS(Type, ...) \
  template <class A>                   \
  void io(A& a, Type& v) {             \
    a(__VA_ARGS__);                    \
  }

SVCORG_CODEC_FIELDS(model::RecordBase, v.file, v.pos, v.doc, v.id)
SVCORG_CODEC_FIELDS(model::Street, v.pos, v.id, v.name)
SVCORG_CODEC_FIELDS(model::DistrictWaiver, v.pos, v.record, v.kind, v.rule, v.reason, v.until)
SVCORG_CODEC_FIELDS(model::District, static_cast<model::RecordBase&>(v), v.name, v.lang, v.streets, v.waivers,
                    v.scoring, v.rules)
SVCORG_CODEC_FIELDS(model::Secretary, v.pos, v.name, v.certified, v.competencies, v.has_competencies)
SVCORG_CODEC_FIELDS(model::Representative, v.pos, v.name, v.role)
SVCORG_CODEC_FIELDS(model::Branch, static_cast<model::RecordBase&>(v), v.name, v.type, v.street, v.established,
                    v.members, v.secretary, v.reserve_cadres, v.functions, v.units, v.representatives)
SVCORG_CODEC_FIELDS(model::Event, v.pos, v.date, v.status.v, v.status.has)
SVCORG_CODEC_FIELDS(model::Feedback, v.pos, v.satisfaction, v.date)
SVCORG_CODEC_FIELDS(model::Source, v.pos, v.system, v.number)
SVCORG_CODEC_FIELDS(model::Need, static_cast<model::RecordBase&>(v), v.branch, v.received, v.channel, v.category,
                    v.summary, v.scope, v.impact, v.layer, v.disposal, v.relayed_to, v.platform, v.due, v.status,
                    v.reason, v.events, v.feedback, v.source)
SVCORG_CODEC_FIELDS(model::Meeting, v.pos, v.date, v.attendees, v.needs, v.note)
SVCORG_CODEC_FIELDS(model::Platform, static_cast<model::RecordBase&>(v), v.name, v.owner, v.level, v.category,
                    v.cadence, v.established, v.participants, v.meetings, v.budget)
SVCORG_CODEC_FIELDS(model::MemberDevelopment, v.pos, v.planned, v.developed)
SVCORG_CODEC_FIELDS(model::BasePart, v.pos, v.dues_paid_rate, v.statistics_on_time, v.organizational_life,
                    v.member_development)
SVCORG_CODEC_FIELDS(model::Target, v.pos, v.metric, v.value)
SVCORG_CODEC_FIELDS(model::Outcome, v.pos, v.value, v.note)
SVCORG_CODEC_FIELDS(model::Item, v.pos, v.id, v.title, v.category, v.needs, v.platform, v.approval, v.target, v.weight,
                    v.budget, v.progress, v.due, v.outcome)
SVCORG_CODEC_FIELDS(model::Survey, v.pos, v.respondents, v.mean)
SVCORG_CODEC_FIELDS(model::Award, v.pos, v.kind, v.title, v.approved)
SVCORG_CODEC_FIELDS(model::Review, v.pos, v.member_survey, v.public_survey, v.awards)
SVCORG_CODEC_FIELDS(model::Plan, static_cast<model::RecordBase&>(v), v.branch, v.status, v.year, v.base, v.items,
                    v.review)
SVCORG_CODEC_FIELDS(model::Unusable, static_cast<model::Place&>(v), v.rule, v.ids, v.serves)
SVCORG_CODEC_FIELDS(model::Place, v.file, v.pos, v.doc)
template <class A>
void io(A& a, i18n::Arg& v) {
  io_enum(a, v.kind, static_cast<int>(i18n::Arg::Kind::Msg));
  a(v.or_list, v.text, v.group, v.items, v.msg);
}
SVCORG_CODEC_FIELDS(i18n::Message, v.id, v.args)
SVCORG_CODEC_FIELDS(diag::Location, v.file, v.pos)
SVCORG_CODEC_FIELDS(diag::Diagnostic::Waived, v.inline_comment, v.reason, v.until, v.at)
SVCORG_CODEC_FIELDS(diag::Diagnostic, v.file, v.pos, v.severity, v.rule, v.message, v.kind, v.id, v.has_related,
                    v.related, v.waived, v.waiver)
SVCORG_CODEC_FIELDS(waive::Waiver, v.inline_comment, v.file, v.pos, v.rules, v.reason, v.until, v.line, v.record,
                    v.kind, v.used)
#undef SVCORG_CODEC_FIELDS

namespace {

// The needs' cores (RecordSet::need_cores, in the first section): the texts they point
// at once each in a table, then each core with indexes into it (0: none), its id, dates
// and packed history.
struct CoreFlags {
  static constexpr uint8_t kId = 1, kSatisfaction = 2, kReceived = 4, kDue = 8, kFeedbackDate = 16;
};

void write_cores(Writer& w, const model::RecordList<model::NeedCore>& cores) {
  std::vector<std::string> texts;
  std::unordered_map<const std::string*, uint32_t> index;
  auto ref = [&](const std::string* t) -> uint32_t {
    if (!t) return 0;
    const auto [it, added] = index.emplace(t, static_cast<uint32_t>(texts.size() + 1));
    if (added) texts.push_back(*t);
    return it->second;
  };
  std::vector<std::array<uint32_t, 4>> refs;
  refs.reserve(cores.size());
  for (const auto& c : cores) refs.push_back({ref(c.branch.p), ref(c.category.p), ref(c.platform.p), ref(c.layer)});
  w(texts);
  auto n = static_cast<uint32_t>(cores.size());
  uint64_t steps = 0;
  for (const auto& c : cores) steps += c.step_count;
  w(n, steps);
  size_t k = 0;
  for (const auto& c : cores) {
    auto place = c;  // io() takes references
    uint8_t flags = (c.id ? CoreFlags::kId : 0) | (c.satisfaction ? CoreFlags::kSatisfaction : 0) |
                    (c.received ? CoreFlags::kReceived : 0) | (c.due ? CoreFlags::kDue : 0) |
                    (c.feedback_date ? CoreFlags::kFeedbackDate : 0);
    auto r = refs[k++];
    w(place.file, place.pos, place.doc, flags, r, place.branch.pos, place.category.pos, place.platform.pos);
    if (c.id) {  // as io() writes a string, without copying it into one
      auto len = static_cast<uint32_t>((*c.id).size());
      w(len);
      w.raw((*c.id).data(), len);
    }
    if (c.satisfaction) w(place.satisfaction.v);
    if (c.received) w(place.received.v);
    if (c.due) w(place.due.v);
    if (c.feedback_date) w(place.feedback_date.v);
    w(place.step_count);
    for (const auto* s = c.steps_begin(); s != c.steps_end(); ++s) {
      uint32_t bits = s->bits();
      w(bits);
    }
  }
}

void read_cores(Reader& r, model::RecordSet& set) {
  std::vector<std::string> texts;
  r(texts);
  model::CoreBuilder b(set.pool());
  std::vector<const std::string*> kept{nullptr};
  for (const auto& t : texts) kept.push_back(b.text(t));
  auto text = [&kept](uint32_t ref) {
    if (ref >= kept.size()) throw Bad{};
    return kept[ref];
  };
  uint32_t n = 0;
  uint64_t all_steps = 0;
  r(n, all_steps);
  if (n > r.left() || all_steps > r.left() / 4) throw Bad{};  // every core takes more than a byte, a step 4
  b.reserve(n, all_steps);
  std::vector<model::NeedCore> cores(n);
  for (auto& c : cores) {
    uint8_t flags = 0;
    std::array<uint32_t, 4> refs{};
    r(c.file, c.pos, c.doc, flags, refs, c.branch.pos, c.category.pos, c.platform.pos);
    if (c.file >= set.files.size() || flags > 31) throw Bad{};
    c.branch.p = text(refs[0]);
    c.category.p = text(refs[1]);
    c.platform.p = text(refs[2]);
    c.layer = text(refs[3]);
    if (flags & CoreFlags::kId) {
      uint32_t len = 0;
      r(len);
      const std::string_view id(r.take(len), len);
      b.begin(&id);
    } else {
      b.begin(nullptr);
    }
    auto value = [&r](auto& v) {
      r(v.v);
      v.has = true;
    };
    if (flags & CoreFlags::kSatisfaction) value(c.satisfaction);
    if (flags & CoreFlags::kReceived) value(c.received);
    if (flags & CoreFlags::kDue) value(c.due);
    if (flags & CoreFlags::kFeedbackDate) value(c.feedback_date);
    uint32_t steps = 0;
    r(steps);
    if (steps > r.left() / 4) throw Bad{};
    const char* bits = r.take(size_t{steps} * 4);
    for (uint32_t i = 0; i < steps; ++i) {
      const auto step = model::PackedStep::from_bits(get_raw<uint32_t>(bits + 4 * size_t{i}));
      if (!step) throw Bad{};
      b.step(*step);
    }
    b.end(c);
  }
  b.finish(cores.begin());
  set.need_cores.append(std::move(cores));
}

}  // namespace

}  // namespace codec

using namespace codec;

Sections encode(const Entry& entry) {
  auto& e = const_cast<Entry&>(entry);  // io() takes references; the Writer only reads them
  auto& rs = e.records;
  Sections out;
  Writer first;
  first(rs.files, rs.districts, rs.branches, rs.platforms, rs.plans, rs.unusable, e.findings, e.waivers,
        e.need_findings, e.latest);
  write_cores(first, rs.need_cores);
  out.cores = std::move(first.out);
  Writer second;
  second(rs.needs);
  out.needs = std::move(second.out);
  return out;
}

bool decode(std::string_view cores, Entry& out) {
  Reader r(cores.data(), cores.data() + cores.size());
  auto& rs = out.records;
  try {
    r(rs.files, rs.districts, rs.branches, rs.platforms, rs.plans, rs.unusable, out.findings, out.waivers,
      out.need_findings, out.latest);
    read_cores(r, rs);
  } catch (const Bad&) {
    return false;
  } catch (const std::bad_alloc&) {
    return false;
  }
  return r.done();
}

bool decode_needs(std::string_view needs, Entry& out) {
  Reader r(needs.data(), needs.data() + needs.size());
  auto& rs = out.records;
  bool sound = false;
  try {
    r(rs.needs);
    sound =
        r.done() && rs.needs.size() == rs.need_cores.size() &&
        std::all_of(rs.needs.begin(), rs.needs.end(), [&](const model::Need& n) { return n.file < rs.files.size(); });
  } catch (const Bad&) {
  } catch (const std::bad_alloc&) {
  }
  if (!sound) rs.needs.clear();  // as before the call
  return sound;
}

}  // namespace svcorg::cache
