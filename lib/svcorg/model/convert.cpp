#include "svcorg/model/convert.hpp"

#include <algorithm>

#include "svcorg/model/reader.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/util/text.hpp"

namespace svcorg::model {

namespace {

using yaml::Node;
namespace v = vocab;

constexpr bool kReq = true;
constexpr bool kOpt = false;

auto id_reader() {
  return [](Context& c, const Node& n, const std::string& path) { return read_id(c, n, path); };
}
auto text_reader() {
  return [](Context& c, const Node& n, const std::string& path) { return read_text(c, n, path); };
}
auto enum_reader(const v::List& allowed, const char* group) {
  return [&allowed, group](Context& c, const Node& n, const std::string& path) {
    return read_enum(c, n, path, allowed, group);
  };
}

void read_base(MapReader& r, RecordBase& rec, uint32_t file, uint32_t doc) {
  rec.file = file;
  rec.doc = doc;
  rec.pos = r.pos();
  r.id("id", rec.id, kReq);
}

void district(MapReader& r, District& d) {
  r.text("name", d.name, kReq);
  r.enumeration("lang", d.lang, kOpt, v::kLangs, "lang");
  F<std::vector<Street>> streets;
  r.objects("streets", streets, kReq, 1, [](MapReader& s, Street& st) {
    s.id("id", st.id, kReq);
    s.text("name", st.name, kReq);
  });
  d.streets = std::move(streets.v);
  F<std::vector<DistrictWaiver>> waivers;
  r.objects("waivers", waivers, kOpt, 0, [](MapReader& w, DistrictWaiver& dw) {
    w.id("record", dw.record, kReq);
    w.enumeration("kind", dw.kind, kOpt, v::kKinds, "");
    w.text("rule", dw.rule, kReq);
    w.text("reason", dw.reason, kReq);
    w.date("until", dw.until, kOpt);
  });
  d.waivers = std::move(waivers.v);
  // An override is kept only when it is free of errors: a broken one is reported and
  // the built-in model applies.
  // Labels in it are kept as their values.
  auto keep = [&r](const char* key, auto check, void (*values)(Node&)) -> std::shared_ptr<const Node> {
    const Node* n = r.get(key);
    if (!n) return nullptr;
    const size_t before = r.context().sink.errors();
    check(r.context(), *n, key);
    if (r.context().sink.errors() != before) return nullptr;
    auto kept = std::make_shared<Node>(*n);
    if (values) values(*kept);
    return kept;
  };
  d.scoring = keep("scoring", check_scoring_override, nullptr);
  d.rules = keep("rules", check_rules_override, rules_override_values);
}

void secretary(MapReader& r, Secretary& s) {
  r.text("name", s.name, kReq);
  r.boolean("certified", s.certified, kReq);
  const Node* comp = r.get("competencies");
  if (!comp) return;
  MapReader cr(r.context(), *comp, r.sub("competencies"));
  if (!cr.ok()) return;
  for (size_t i = 0; i < Secretary::kAbilities.size(); ++i)
    cr.integer(Secretary::kAbilities[i], s.competencies[i], kReq, 1, 5);
  cr.finish();
  s.has_competencies = true;
}

void branch(MapReader& r, Branch& b) {
  r.text("name", b.name, kReq);
  r.enumeration("type", b.type, kReq, v::kBranchTypes, "type");
  r.id("street", b.street, kReq);
  r.date("established", b.established, kOpt);
  r.integer("members", b.members, kReq, 0);
  r.object("secretary", b.secretary, kReq, secretary);
  r.integer("reserve_cadres", b.reserve_cadres, kOpt, 0);
  r.list("functions", b.functions, kOpt, 1, enum_reader(v::kFunctions, "function"));
  r.integer("units", b.units, kOpt, 2);
  r.objects("representatives", b.representatives, kOpt, 0, [](MapReader& m, Representative& rep) {
    m.text("name", rep.name, kReq);
    m.enumeration("role", rep.role, kReq, v::kRepresentativeRoles, "role");
  });
}

void need(MapReader& r, Need& n) {
  r.id("branch", n.branch, kReq);
  r.date("received", n.received, kReq);
  r.enumeration("channel", n.channel, kReq, v::kChannels, "channel");
  r.category("category", n.category, kReq);
  r.text("summary", n.summary, kReq);
  r.enumeration("scope", n.scope, kOpt, v::kScopes, "scope");
  r.list("impact", n.impact, kOpt, 0, enum_reader(v::kImpacts, "impact"));
  r.enumeration("layer", n.layer, kReq, v::kLayers, "layer");
  r.enumeration("disposal", n.disposal, kReq, v::kDisposals, "disposal");
  r.text("relayed_to", n.relayed_to, kOpt);
  r.id("platform", n.platform, kOpt);
  r.date("due", n.due, kOpt);
  r.enumeration("status", n.status, kReq, v::kNeedStatuses, "status");
  r.text("reason", n.reason, kOpt);
  r.objects("events", n.events, kReq, 1, [](MapReader& m, Event& e) {
    m.date("date", e.date, kReq);
    F<model::NeedStatus> status;
    m.enumeration("status", status, kReq);
    if (status) e.status.set(*status);
    UnkeptText note;
    m.text("note", note, kOpt);
  });
  r.object("feedback", n.feedback, kOpt, [](MapReader& m, Feedback& f) {
    m.integer("satisfaction", f.satisfaction, kReq, 1, 5);
    m.date("date", f.date, kOpt);
  });
  r.object("x-source", n.source, kOpt, [](MapReader& m, Source& s) {
    m.text("system", s.system, kReq);
    m.text("case", s.number, kReq);
  });
}

void platform(MapReader& r, Platform& p) {
  r.text("name", p.name, kReq);
  r.id("owner", p.owner, kReq);
  r.enumeration("level", p.level, kReq, v::kPlatformLevels, "level");
  r.enumeration("category", p.category, kReq, v::kPlatformCategories, "platform_category");
  r.enumeration("cadence", p.cadence, kReq, v::kCadences, "cadence");
  r.date("established", p.established, kOpt);
  r.list("participants", p.participants, kOpt, 0, text_reader());
  r.objects("meetings", p.meetings, kOpt, 0, [](MapReader& m, Meeting& mt) {
    m.date("date", mt.date, kReq);
    m.integer("attendees", mt.attendees, kOpt, 0);
    m.list("needs", mt.needs, kOpt, 0, id_reader());
    m.text("note", mt.note, kOpt);
  });
  r.number("budget", p.budget, kOpt, {0.0, std::nullopt, false});
}

void survey(MapReader& m, Survey& s) {
  m.integer("respondents", s.respondents, kReq, 0);
  m.number("mean", s.mean, kReq, {1.0, 5.0, false});
}

void item(MapReader& m, Item& it) {
  m.id("id", it.id, kReq);
  m.text("title", it.title, kReq);
  m.category("category", it.category, kReq);
  m.list("needs", it.needs, kOpt, 0, id_reader());
  m.id("platform", it.platform, kOpt);
  m.enumeration("approval", it.approval, kReq, v::kApprovals, "approval");
  m.object("target", it.target, kOpt, [](MapReader& t, Target& tg) {
    t.text("metric", tg.metric, kReq);
    t.number("value", tg.value, kReq);
  });
  m.number("weight", it.weight, kOpt, {0.0, std::nullopt, true});
  m.number("budget", it.budget, kOpt, {0.0, std::nullopt, false});
  m.date("due", it.due, kOpt);
  m.number("progress", it.progress, kOpt, {0.0, 1.0, false});
  m.object("outcome", it.outcome, kOpt, [](MapReader& o, Outcome& oc) {
    o.number("value", oc.value, kOpt);
    o.text("note", oc.note, kOpt);
  });
}

void plan(MapReader& r, Plan& p) {
  r.id("branch", p.branch, kReq);
  r.integer("year", p.year, kReq, 1, 9999);
  r.enumeration("status", p.status, kReq, v::kPlanStatuses, "plan_status");
  r.object("base", p.base, kReq, [](MapReader& b, BasePart& bp) {
    b.number("dues_paid_rate", bp.dues_paid_rate, kReq, {0.0, 1.0, false});
    b.boolean("statistics_on_time", bp.statistics_on_time, kReq);
    b.integer("organizational_life", bp.organizational_life, kReq, 0);
    b.object("member_development", bp.member_development, kOpt, [](MapReader& m, MemberDevelopment& md) {
      m.integer("planned", md.planned, kReq, 0);
      m.integer("developed", md.developed, kReq, 0);
    });
  });
  r.objects("items", p.items, kReq, 0, item);
  r.object("review", p.review, kOpt, [](MapReader& m, Review& rv) {
    m.object("member_survey", rv.member_survey, kOpt, survey);
    m.object("public_survey", rv.public_survey, kOpt, survey);
    m.objects("awards", rv.awards, kOpt, 0, [](MapReader& a, Award& aw) {
      a.enumeration("kind", aw.kind, kReq, v::kAwardKinds, "award");
      a.text("title", aw.title, kReq);
      a.boolean("approved", aw.approved, kReq);
    });
  });
}

template <class T, class Fill>
void add(MapReader& r, RecordList<T>& out, uint32_t file, uint32_t doc, Fill fill) {
  T rec;
  read_base(r, rec, file, doc);
  fill(r, rec);
  r.finish();
  out.push_back(std::move(rec));
}

// The record's kind, or nullopt after a `header` error.
std::optional<std::string> header(Context& c, MapReader& r) {
  const Node* api = r.get("apiVersion");
  const Node* kind = r.get("kind");
  bool ok = true;
  if (!api) {
    c.report(r.pos(), "header", i18n::Message("model.no-api-version"));
    ok = false;
  } else if (!api->is_scalar() || api->value != "svcorg/v1") {
    c.report(api->pos, "header",
             api->is_scalar() ? i18n::Message("model.unsupported-api-version", {{"value", api->value}})
                              : i18n::Message("model.api-version-type", {{"found", yaml::describe(*api)}}));
    ok = false;
  }
  if (!kind) {
    c.report(r.pos(), "header", i18n::Message("model.no-kind", {{"kinds", i18n::codes(v::kKinds, true)}}));
    return std::nullopt;
  }
  const bool known = kind->is_scalar() && std::find(v::kKinds.begin(), v::kKinds.end(), kind->value) != v::kKinds.end();
  if (!known) {
    if (!kind->is_scalar())
      c.report(
          kind->pos, "header",
          i18n::Message("model.wrong-type",
                        {{"path", "kind"},
                         {"expected", i18n::Message("model.expect.one-of", {{"values", i18n::codes(v::kKinds, true)}})},
                         {"found", yaml::describe(*kind)}}));
    else if (auto near = util::did_you_mean(kind->value, v::kKinds))
      c.report(kind->pos, "header",
               i18n::Message("model.unknown-kind.near", {{"value", kind->value}, {"suggestion", std::move(*near)}}));
    else
      c.report(kind->pos, "header",
               i18n::Message("model.unknown-kind", {{"value", kind->value}, {"kinds", i18n::codes(v::kKinds, true)}}));
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  return kind->value;
}

}  // namespace

// v::kKinds lists the kinds' names in Kind's order (test_convert.cpp checks it).
const char* kind_name(Kind k) {
  const auto i = static_cast<size_t>(k);
  return i < v::kKinds.size() ? v::kKinds[i].c_str() : "?";
}

std::optional<Kind> kind_named(std::string_view name) {
  const auto at = std::find(v::kKinds.begin(), v::kKinds.end(), name);
  if (at == v::kKinds.end()) return std::nullopt;
  return static_cast<Kind>(at - v::kKinds.begin());
}

void convert_document(const Node& doc, uint32_t file, uint32_t index, RecordSet& set, diag::Sink& sink) {
  Context c{sink, set.files[file], "", "", false};
  MapReader r(c, doc, "");
  if (!r.ok()) return;
  const auto kind = header(c, r);
  if (!kind) return;
  c.kind = *kind;
  if (const Node* id = doc.find("id"); id && id->is_scalar()) c.id = id->value;
  const std::optional<Kind> k = kind_named(*kind);  // header() accepts only kinds
  if (k == Kind::District)
    add(r, set.districts, file, index, district);
  else if (k == Kind::Branch)
    add(r, set.branches, file, index, branch);
  else if (k == Kind::Need)
    add(r, set.needs, file, index, need);
  else if (k == Kind::Platform)
    add(r, set.platforms, file, index, platform);
  else
    add(r, set.plans, file, index, plan);
}

}  // namespace svcorg::model
