// The JSON Schemas in schemas/ (for editors) and the tool agree: every example, every
// fixture and every case below is rejected by both or by neither. "Rejected by the tool"
// means an error of a rule the schemas express (header, schema and the conditional
// requirements type-field, relay-target, declined-reason); "rejected by the schemas" means
// a document fails the schema of its kind, typed as svcorg types YAML (1.2 core schema).
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/util/date.hpp"
#include "svcorg/validate/validate.hpp"
#include "svcorg/yaml/parse.hpp"
#include "svcorg/yaml/tree.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using svcorg::yaml::Node;
using svcorg::yaml::ScalarKind;

const fs::path kRoot = SVCORG_SOURCE_DIR;
const std::vector<std::string> kKinds = {"District", "Branch", "Need", "Platform", "Plan"};
// The rules whose errors the schemas express.
const std::vector<std::string> kSchemaRules = {"header", "schema", "type-field", "relay-target", "declined-reason"};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot open " << path.string());
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return s;
}

fs::path schema_path(const std::string& kind) {
  return kRoot / "schemas" / (lower(kind) + ".schema.json");
}

json load_json(const fs::path& path) {
  return json::parse(read_file(path));
}

// The five schemas, parsed once.
class Schemas {
 public:
  static const Schemas& get() {
    static const Schemas instance;
    return instance;
  }
  const valijson::Schema* for_kind(const json& kind) const {
    if (!kind.is_string()) return nullptr;
    auto it = by_kind_.find(kind.get<std::string>());
    return it == by_kind_.end() ? nullptr : it->second.get();
  }

 private:
  Schemas() {
    for (const auto& kind : kKinds) {
      const json doc = load_json(schema_path(kind));
      auto schema = std::make_unique<valijson::Schema>();
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter adapter(doc);
      parser.populateSchema(adapter, *schema);
      by_kind_.emplace(kind, std::move(schema));
    }
  }
  std::map<std::string, std::unique_ptr<valijson::Schema>> by_kind_;
};

// A plain integer's value as reader.cpp reads it (sign, 0x, 0o), or nullopt when it does
// not fit in int64 (an error for the tool).
std::optional<int64_t> int_value(std::string s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.erase(0, 1);
  }
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
    base = s[1] == 'x' ? 16 : 8;
    s.erase(0, 2);
  }
  errno = 0;
  char* end = nullptr;
  const unsigned long long mag = std::strtoull(s.c_str(), &end, base);
  if (errno == ERANGE || *end != '\0' || mag > static_cast<unsigned long long>(INT64_MAX)) return std::nullopt;
  return negative ? -static_cast<int64_t>(mag) : static_cast<int64_t>(mag);
}

// A YAML tree as JSON, typed as svcorg types it. Values JSON cannot hold (integers beyond
// int64, non-finite numbers) become null: the tool rejects them wherever it reads them, and
// the schemas reject null everywhere but in `x-` extensions, which the tool does not read.
// A scalar tag other than `!!str` has no JSON form; outside extensions it is noted.
class ToJson {
 public:
  std::vector<std::string> unrepresentable;

  json operator()(const Node& n, bool in_extension = false) {
    switch (n.type) {
      case Node::Type::Null:
        return nullptr;
      case Node::Type::Scalar:
        return scalar(n, in_extension);
      case Node::Type::Seq: {
        json out = json::array();
        for (const auto& item : n.items) out.push_back((*this)(item, in_extension));
        return out;
      }
      case Node::Type::Map: {
        json out = json::object();
        for (const auto& [k, v] : n.entries) {
          const std::string key = k.is_scalar() ? k.value : "(a key that is not a scalar)";
          out[key] = (*this)(v, in_extension || key.rfind("x-", 0) == 0);
        }
        return out;
      }
    }
    return nullptr;
  }

 private:
  json scalar(const Node& n, bool in_extension) {
    if (!n.tag.empty() && n.tag != "!!str" && !in_extension)
      unrepresentable.push_back(std::to_string(n.pos.line) + ":" + std::to_string(n.pos.col) + ": tag " + n.tag);
    switch (svcorg::yaml::resolve(n)) {
      case ScalarKind::Null:
        return nullptr;
      case ScalarKind::Bool:
        return n.value[0] == 't' || n.value[0] == 'T';
      case ScalarKind::Int:
        if (auto i = int_value(n.value)) return *i;
        return nullptr;
      case ScalarKind::Float: {
        if (n.value.find_first_of("iInN") != std::string::npos) return nullptr;  // .inf, .nan
        const double d = std::strtod(n.value.c_str(), nullptr);
        if (!std::isfinite(d)) return nullptr;
        // A number with no fractional part is the integer it equals, as an editor's
        // validator sees it (JSON numbers do not keep `2.0` apart from `2`; JSON Schema's
        // `integer` is any number with a zero fractional part).
        if (std::trunc(d) == d && std::fabs(d) <= 9.0e15) return static_cast<int64_t>(d);
        return d;
      }
      case ScalarKind::String:
        break;
    }
    return n.value;
  }
};

struct Verdict {
  bool rejected = false;
  std::string detail;  // why, for the failure message
};

std::string verdict_word(bool rejected) {
  return rejected ? "rejected" : "accepted";
}

// Validates every document against the schema of its kind.
Verdict schema_verdict(const std::vector<Node>& docs, std::vector<std::string>& unrepresentable) {
  Verdict out;
  for (size_t i = 0; i < docs.size(); ++i) {
    ToJson to_json;
    const json doc = to_json(docs[i]);
    unrepresentable.insert(unrepresentable.end(), to_json.unrepresentable.begin(), to_json.unrepresentable.end());
    const std::string where = "document " + std::to_string(i + 1) + " (line " + std::to_string(docs[i].pos.line) + ")";
    const valijson::Schema* schema =
        doc.is_object() && doc.contains("kind") ? Schemas::get().for_kind(doc["kind"]) : nullptr;
    if (!schema) {
      out.rejected = true;
      out.detail += "  " + where + ": no schema for its kind\n";
      continue;
    }
    valijson::Validator validator;  // strict types: 1.0 is not an integer, "12" not a number
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(doc);
    if (validator.validate(*schema, target, &results)) continue;
    out.rejected = true;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
      std::string context;
      for (const auto& part : error.context) context += part;
      out.detail += "  " + where + ": " + context + ": " + error.description + "\n";
    }
  }
  return out;
}

// Loads and validates the file alone, as `svcorg validate FILE` does.
Verdict tool_verdict(const std::string& name, const std::string& bytes) {
  svcorg::model::RecordSet records;
  svcorg::diag::Sink sink;
  svcorg::load::load_bytes(name, bytes, records, sink);
  const Node* overrides = nullptr;
  if (records.districts.size() == 1 && records.districts.front().rules)
    overrides = records.districts.front().rules.get();
  const auto rules = svcorg::rules::effective_rules(overrides);
  const auto today = svcorg::util::Date::from_ymd(2026, 12, 31);
  const auto options = svcorg::validate::resolve_dates(2026, std::nullopt, today);
  svcorg::validate::run(records, rules, options, sink);
  Verdict out;
  for (const auto& d : sink.items()) {
    if (d.severity != svcorg::diag::Severity::Error) continue;
    if (std::find(kSchemaRules.begin(), kSchemaRules.end(), d.rule) == kSchemaRules.end()) continue;
    out.rejected = true;
    out.detail += "  " + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": " +
                  svcorg::l10n::render(d.message) + " [" + d.rule + "]\n";
  }
  return out;
}

struct Outcome {
  bool checked = false;  // false when the input has no JSON form
  bool schema_rejected = false;
  bool tool_rejected = false;
  std::string message;
};

Outcome compare(const std::string& name, const std::string& bytes) {
  Outcome out;
  std::vector<svcorg::yaml::ParseIssue> issues;
  const std::vector<Node> docs = svcorg::yaml::parse_all(bytes, issues);
  // An empty file holds no document for a schema to judge (svcorg reports it: `header`).
  if (docs.empty() && issues.empty()) return out;
  std::vector<std::string> unrepresentable;
  const Verdict schema = schema_verdict(docs, unrepresentable);
  const Verdict tool = tool_verdict(name, bytes);
  out.schema_rejected = schema.rejected;
  out.tool_rejected = tool.rejected;
  std::ostringstream msg;
  msg << name << ": the schemas " << verdict_word(schema.rejected) << " it, the tool " << verdict_word(tool.rejected)
      << " it\nschema errors:\n"
      << (schema.detail.empty() ? "  (none)\n" : schema.detail) << "tool errors:\n"
      << (tool.detail.empty() ? "  (none)\n" : tool.detail);
  if (!unrepresentable.empty()) {
    MESSAGE(name, ": skipped, a YAML tag has no JSON form: ", unrepresentable.front());
    return out;
  }
  out.checked = true;
  out.message = msg.str();
  return out;
}

// Every *.yaml under examples/, tests/fixtures/ and svcorg init's templates, but those
// that JSON cannot represent and, as svcorg skips them, hidden ones (.pre-commit-config.yaml).
std::vector<fs::path> corpus() {
  std::vector<fs::path> files;
  for (const char* dir : {"examples", "tests/fixtures", "lib/svcorg/init/templates"}) {
    const fs::path root = kRoot / dir;
    if (!fs::is_directory(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
      if (entry.path().filename().string()[0] == '.') continue;
      // A fixture of yaml-syntax or duplicate-key (in its name or its folder's) has no JSON form.
      const std::string name = fs::relative(entry.path(), root).generic_string();
      if (name.find("yaml-syntax") != std::string::npos || name.find("duplicate-key") != std::string::npos) continue;
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string date_pattern(const std::string& kind) {
  return load_json(schema_path(kind))["definitions"]["date"]["pattern"].get<std::string>();
}

const char* const kBranch = R"(apiVersion: svcorg/v1
kind: Branch
id: mly
name: 美丽园居民区党总支
type: residential
street: s1
members: 12
secretary: {name: 王芳, certified: true}
)";

const char* const kNeed = R"(apiVersion: svcorg/v1
kind: Need
id: n1
branch: mly
received: 2026-03-02
channel: member-contact
category: elderly-care
summary: 加装电梯
layer: street
disposal: solve
status: received
events: [{date: 2026-03-02, status: received}]
)";

const char* const kPlatform = R"(apiVersion: svcorg/v1
kind: Platform
id: p1
name: 联席会议
owner: mly
level: grassroots
category: coordination
cadence: monthly
)";

const char* const kPlan = R"(apiVersion: svcorg/v1
kind: Plan
id: plan1
branch: mly
year: 2026
status: draft
base: {dues_paid_rate: 0.95, statistics_on_time: true, organizational_life: 12}
items: [{id: i1, title: 加装电梯, category: elderly-care, approval: self}]
)";

const char* const kDistrict = R"(apiVersion: svcorg/v1
kind: District
id: d1
name: 静安区
streets: [{id: s1, name: 静安寺街道}]
)";

struct Case {
  const char* base;
  const char* extra;  // appended lines
  bool rejected;
};

// Edge cases of every kind of constraint, each with the verdict both sides must reach.
const std::vector<Case> kCases = {
    {kBranch, "", false},
    {kBranch, "x-note: {anything: [1, ~]}\nestablished: 2024-02-29\nreserve_cadres: 0\n", false},
    {kBranch, "established: '2026-03-02'\nrepresentatives: []\n", false},
    {kBranch, "established: 2026-02-29\n", true},
    {kBranch, "established: 2026-13-01\n", true},
    {kBranch, "established: 20260302\n", true},
    {kBranch, "reserve_cadres: '2'\n", true},
    {kBranch, "reserve_cadres: 2.0\n", false},
    {kBranch, "reserve_cadres: 2.5\n", true},
    {kBranch, "members: 68.0\n", false},
    {kBranch, "members: 6.8e1\n", false},
    {kBranch, "reserve_cadres: -1\n", true},
    {kBranch, "reserve_cadres: 0x10\n", false},
    {kBranch, "reserve_cadres: 99999999999999999999\n", true},
    {kBranch, "reserve_cadres:\n", true},
    {kBranch, "colour: red\n", true},
    {kBranch, "units: 1\n", true},
    {kBranch, "functions: []\n", true},
    {kBranch, "representatives: [{name: 李, role: npc-deputy, x-since: 2020}]\n", false},
    {kBranch, "representatives: [{name: 李}]\n", true},
    {"apiVersion: svcorg/v1\nkind: Branch\nid: b\nname: n\ntype: organ\nstreet: s1\nmembers: 1\n",
     "secretary: {name: 王, certified: yes}\n", true},  // `yes` is text in YAML 1.2
    {"apiVersion: svcorg/v1\nkind: Branch\nid: b\nname: n\ntype: organ\nstreet: s1\nmembers: 1\n",
     "secretary: {name: 王, certified: True, x-since: 2020-01-01}\n", false},
    {R"(apiVersion: svcorg/v1
kind: Branch
id: b2
name: 某大楼
type: building
street: s1
members: 3
secretary: {name: 王, certified: false, competencies: {orientation: 1, planning: 2, organizing: 3,
            coordination: 4, adaptability: 5, communication: 5}}
)",
     "units: 2\n", false},
    {R"(apiVersion: svcorg/v1
kind: Branch
id: b2
name: 某大楼
type: building
street: s1
members: 3
secretary: {name: 王, certified: false}
)",
     "", true},
    {R"(apiVersion: svcorg/v1
kind: Branch
id: b3
name: 社区卫生服务中心
type: social-service
street: s1
members: 3
secretary: {name: 王, certified: true, competencies: {orientation: 3}}
functions: [medical]
)",
     "", true},
    {kNeed, "", false},
    {kNeed, "impact: [overall, public-sentiment]\nfeedback: {satisfaction: 5, date: 2026-03-03}\n", false},
    {kNeed, "feedback: {date: 2026-03-03}\n", true},
    {kNeed, "reason: ''\n", true},
    {kNeed, "scope: everyone\n", true},
    {kNeed, "platform: -p1\n", true},
    {kNeed, "x-source: {system: \"12345\", case: \"2026030200001\"}\n", false},
    {kNeed, "x-source: {system: \"12345\", case: \"1\", x-note: 转办}\n", false},
    {kNeed, "x-source: {system: \"12345\"}\n", true},
    {kNeed, "x-source: {system: \"12345\", case: 2026030200001}\n", true},
    {kNeed, "x-source: {system: \"12345\", case: \"\"}\n", true},
    {kNeed, "x-source: {system: a, case: b, note: c}\n", true},
    {kNeed, "x-source: 12345\n", true},
    {kNeed, "x-contact: {anything: [1, 2]}\n", false},
    {"apiVersion: svcorg/v1\nkind: Need\nid: n2\nbranch: mly\nreceived: 2026-03-02\nchannel: hotline\n"
     "category: Elderly\nsummary: x\nlayer: branch\ndisposal: solve\nstatus: received\n"
     "events: [{date: 2026-03-02, status: received}]\n",
     "", true},
    {"apiVersion: svcorg/v1\nkind: Need\nid: n3\nbranch: mly\nreceived: 2026-03-02\nchannel: hotline\n"
     "category: housing\nsummary: x\nlayer: branch\ndisposal: relay\nstatus: received\n"
     "events: [{date: 2026-03-02, status: received}]\n",
     "", true},
    {"apiVersion: svcorg/v1\nkind: Need\nid: n4\nbranch: mly\nreceived: 2026-03-02\nchannel: hotline\n"
     "category: housing\nsummary: x\nlayer: branch\ndisposal: mobilize\nstatus: declined\n"
     "events: [{date: 2026-03-02, status: received}, {date: 2026-03-03, status: declined}]\n",
     "", true},
    {kPlatform, "participants: [mly, 街道办]\nmeetings: [{date: 2026-01-05, attendees: 9, needs: [n1]}]\nbudget: 0\n",
     false},
    {kPlatform, "budget: 1.5e3\n", false},
    {kPlatform, "budget: .inf\n", true},
    {kPlatform, "budget: 1e400\n", true},
    {kPlatform, "meetings: [{attendees: 9}]\n", true},
    {kPlatform, "cadence2: weekly\n", true},
    {kPlan, "", false},
    {kPlan,
     "review: {member_survey: {respondents: 40, mean: 4.5}, awards: [{kind: hard-problem, title: x, "
     "approved: true}]}\n",
     false},
    {kPlan, "review: {public_survey: {respondents: 40, mean: 0.5}}\n", true},
    {kPlan, "review: {awards: [{kind: medal, title: x, approved: true}]}\n", true},
    {"apiVersion: svcorg/v1\nkind: Plan\nid: p\nbranch: mly\nyear: 0\nstatus: draft\n"
     "base: {dues_paid_rate: 1, statistics_on_time: false, organizational_life: 0}\nitems: []\n",
     "", true},
    {"apiVersion: svcorg/v1\nkind: Plan\nid: p\nbranch: mly\nyear: 2026\nstatus: draft\n"
     "base: {dues_paid_rate: 1, statistics_on_time: false, organizational_life: 0,\n"
     "       member_development: {planned: 2, developed: 1}}\n"
     "items: [{id: i1, title: t, category: discipline, approval: superior, weight: 0.5, progress: 1,\n"
     "         target: {metric: m, value: 3}, outcome: {note: ok}, needs: [n1], platform: p1, due: 2026-06-30}]\n",
     "", false},
    {"apiVersion: svcorg/v1\nkind: Plan\nid: p\nbranch: mly\nyear: 2026\nstatus: draft\n"
     "base: {dues_paid_rate: 1.1, statistics_on_time: false, organizational_life: 0}\nitems: []\n",
     "", true},
    {"apiVersion: svcorg/v1\nkind: Plan\nid: p\nbranch: mly\nyear: 2026\nstatus: draft\n"
     "base: {dues_paid_rate: 1, statistics_on_time: false, organizational_life: 0}\n"
     "items: [{id: i1, title: t, category: x, approval: self, weight: 0}]\n",
     "", true},
    {"apiVersion: svcorg/v1\nkind: Plan\nid: p\nbranch: mly\nyear: 2026\nstatus: draft\n"
     "base: {dues_paid_rate: 1, statistics_on_time: false, organizational_life: 0}\n"
     "items: [{id: i1, title: t, category: x, approval: self, target: {metric: m}}]\n",
     "", true},
    {kDistrict,
     "lang: zh-CN\nscoring: {base_weight: {default: 0.5, by_year: {2027: 0.3}}, satisfaction: {members: 0},\n"
     "  awards: {points: 1, cap: 3}, grades: {excellent: 95}}\n",
     false},
    {kDistrict, "scoring: {satisfaction: {members: 0, public: 0}}\n", true},
    {kDistrict, "scoring: {base_weight: {by_year: {27: 0.3}}}\n", true},
    {kDistrict, "scoring: {base_weight: {default: 1.5}}\n", true},
    {kDistrict, "scoring: {grades: {fair: 101}}\n", true},
    {kDistrict,
     "rules: {defaults: {min_plan_items: 2, resolve_days: {street: 20}}, negative_list: [discipline],\n"
     "  types: {residential: {required_platforms: [information], need_categories: [housing],\n"
     "  required_fields: [established], organizational_life_per_year: 6}}}\n",
     false},
    {kDistrict, "rules: {types: {school: {}}}\n", true},
    {kDistrict, "rules: {defaults: {organizational_life_per_year: 0}}\n", true},
    {kDistrict, "rules: {defaults: {min_plan_quality: 0.75}, types: {organ: {min_plan_quality: 1}}}\n", false},
    {kDistrict, "rules: {defaults: {min_plan_quality: 0}}\n", false},
    {kDistrict, "rules: {defaults: {min_plan_quality: 1.5}}\n", true},
    {kDistrict, "rules: {types: {building: {min_plan_quality: -0.1}}}\n", true},
    {kDistrict, "rules: {defaults: {min_plan_quality: high}}\n", true},
    {kDistrict, "rules: {types: {organ: {required_fields: [name]}}}\n", true},
    {kDistrict, "lang: fr\n", true},
    // Labels and aliases (SPEC 2.1 rev 2) are values on both sides; an unknown label is not.
    {kDistrict, "lang: 简体中文\n", false},
    {kDistrict, "lang: 中文\n", false},
    {kDistrict, "lang: 法文\n", true},
    {kDistrict,
     "rules: {negative_list: [纪律检查], types: {organ: {required_platforms: [信息类], need_categories: "
     "[履职尽责]}}}\n",
     false},
    {kDistrict, "rules: {types: {organ: {required_platforms: [信息]}}}\n", true},
    {kBranch, "functions: [医疗卫生]\nrepresentatives: [{name: 李, role: 政协委员}]\n", false},
    {kBranch, "representatives: [{name: 李, role: 委员}]\n", true},
    {"apiVersion: svcorg/v1\nkind: Branch\nid: b\nname: n\ntype: 社会服务类单位\nstreet: s1\nmembers: 1\n",
     "secretary: {name: 王, certified: true}\n", true},  // type-field: its functions are missing
    {"apiVersion: svcorg/v1\nkind: Branch\nid: b\nname: n\ntype: 楼宇联合党组织\nstreet: s1\nmembers: 1\n",
     "secretary: {name: 王, certified: true}\nunits: 3\n", false},
    {"apiVersion: svcorg/v1\nkind: Branch\nid: b\nname: n\ntype: 居名区\nstreet: s1\nmembers: 1\n",
     "secretary: {name: 王, certified: true}\n", true},
    {"apiVersion: svcorg/v1\nkind: Need\nid: n5\nbranch: mly\nreceived: 2026-03-02\nchannel: 热线\n"
     "category: 住房\nsummary: x\nscope: 个人\nimpact: [民心]\nlayer: 街道\ndisposal: 动员\nstatus: 处理中\n"
     "events: [{date: 2026-03-02, status: 已受理}, {date: 2026-03-03, status: 处置中}]\n",
     "", false},
    {"apiVersion: svcorg/v1\nkind: Need\nid: n6\nbranch: mly\nreceived: 2026-03-02\nchannel: hotline\n"
     "category: 住房\nsummary: x\nlayer: branch\ndisposal: 传递\nstatus: received\n"
     "events: [{date: 2026-03-02, status: received}]\n",
     "", true},  // relay-target: relayed_to is missing
    {"apiVersion: svcorg/v1\nkind: Need\nid: n7\nbranch: mly\nreceived: 2026-03-02\nchannel: hotline\n"
     "category: housing\nsummary: x\nlayer: branch\ndisposal: solve\nstatus: 不予受理\n"
     "events: [{date: 2026-03-02, status: received}, {date: 2026-03-03, status: declined}]\n",
     "", true},  // declined-reason: the reason is missing
    {"apiVersion: svcorg/v1\nkind: Need\nid: n8\nbranch: mly\nreceived: 2026-03-02\nchannel: hotline\n"
     "category: 屋顶花园\nsummary: x\nlayer: branch\ndisposal: solve\nstatus: received\n"
     "events: [{date: 2026-03-02, status: received}]\n",
     "", false},  // perhaps the label of a District's category: need-category judges it
    {kDistrict,
     "rules: {category_labels: {rooftop-garden: 屋顶花园, x-note: 1}, types: {residential: {need_categories: "
     "[rooftop-garden, 住房]}}}\n",
     false},
    {kDistrict, "rules: {category_labels: {housing: 房屋}}\n", true},
    {kDistrict, "rules: {category_labels: {Rooftop: 屋顶}}\n", true},
    {kDistrict, "rules: {category_labels: {rooftop: Roof}}\n", true},
    {kDistrict, "rules: {category_labels: {rooftop: 住房}}\n", true},
    {kDistrict, "rules: {category_labels: {rooftop: ''}}\n", true},
    {kDistrict, "rules: {category_labels: [屋顶花园]}\n", true},
    {kDistrict, "rules: {negative_list: [屋顶花园]}\n", true},
    {"apiVersion: svcorg/v1\nkind: Platform\nid: p2\nname: 议事会\nowner: mly\nlevel: 横向联络平台\n",
     "category: 联络类\ncadence: 每两周\n", false},
    {"apiVersion: svcorg/v1\nkind: Platform\nid: p2\nname: 议事会\nowner: mly\nlevel: 横向联络平台\n",
     "category: 联络\ncadence: 每两周\n", true},
    {"apiVersion: svcorg/v1\nkind: Plan\nid: p\nbranch: mly\nyear: 2026\nstatus: 已提交\n"
     "base: {dues_paid_rate: 1, statistics_on_time: false, organizational_life: 0}\n"
     "items: [{id: i1, title: t, category: 组织建设, approval: 自主决定}]\n"
     "review: {awards: [{kind: 协调复杂矛盾, title: x, approved: true}]}\n",
     "", false},
    {"apiVersion: svcorg/v1\nkind: Plan\nid: p\nbranch: mly\nyear: 2026\nstatus: 草案\n"
     "base: {dues_paid_rate: 1, statistics_on_time: false, organizational_life: 0}\nitems: []\n",
     "", true},
    {"apiVersion: svcorg/v1\nkind: District\nid: d1\nname: x\nstreets: []\n", "", true},
    {"apiVersion: svcorg/v2\nkind: Branch\n", "", true},
    {"apiVersion: svcorg/v1\nkind: Branchh\n", "", true},
    {"just text\n", "", true},
    {"- a list\n", "", true},
};

}  // namespace

TEST_SUITE("schema_agreement") {
  TEST_CASE("the date pattern accepts exactly the calendar dates") {
    const std::regex date(date_pattern("Need"));
    for (const auto& kind : kKinds) CHECK_MESSAGE(date_pattern(kind) == date_pattern("Need"), kind);
    CHECK(std::regex_search("2024-02-29", date));
    CHECK(std::regex_search("2000-02-29", date));
    CHECK(std::regex_search("0001-01-01", date));
    CHECK(std::regex_search("9999-12-31", date));
    CHECK_FALSE(std::regex_search("2026-02-29", date));
    CHECK_FALSE(std::regex_search("2026-02-30", date));
    CHECK_FALSE(std::regex_search("2026-13-01", date));
    CHECK_FALSE(std::regex_search("1900-02-29", date));
    CHECK_FALSE(std::regex_search("0000-02-29", date));
    CHECK_FALSE(std::regex_search("0000-01-01", date));
    CHECK_FALSE(std::regex_search("2026-3-02", date));
    CHECK_FALSE(std::regex_search("2026-03-02 ", date));
    // The same verdict as the tool's own date parser, day by day around the edge years.
    char text[16];
    for (int y : {0, 1, 4, 100, 400, 1900, 2000, 2024, 2025, 2026, 2100, 9996, 9999})
      for (int m = 0; m <= 13; ++m)
        for (int d = 0; d <= 32; ++d) {
          std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
          CHECK_MESSAGE(std::regex_search(text, date) == svcorg::util::Date::parse(text).has_value(), text);
        }
  }

  TEST_CASE("the schemas and the tool agree on edge cases") {
    for (size_t i = 0; i < kCases.size(); ++i) {
      const std::string bytes = std::string(kCases[i].base) + kCases[i].extra;
      const Outcome out = compare("case " + std::to_string(i), bytes);
      INFO("case ", i, ":\n", bytes);
      REQUIRE(out.checked);
      CHECK_MESSAGE(out.schema_rejected == out.tool_rejected, out.message);
      CHECK_MESSAGE(out.tool_rejected == kCases[i].rejected, out.message);
    }
  }

  TEST_CASE("the schemas and the tool agree on every example and fixture") {
    const std::vector<fs::path> files = corpus();
    CHECK_MESSAGE(!files.empty(), "no examples or fixtures found under ", kRoot.string());
    for (const auto& path : files) {
      const std::string name = fs::relative(path, kRoot).generic_string();
      const Outcome out = compare(name, read_file(path));
      if (out.checked) CHECK_MESSAGE(out.schema_rejected == out.tool_rejected, out.message);
    }
  }
}
