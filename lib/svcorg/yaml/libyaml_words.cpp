// libyaml's problem and context texts as catalogue messages (yaml.libyaml.*), so a
// syntax error reads in one language throughout; a text not in the tables (a libyaml that
// words it otherwise) stays verbatim.
#include "svcorg/yaml/libyaml_words.hpp"

namespace svcorg::yaml {

namespace {

struct Words {
  std::string_view libyaml;
  const char* id;
};

constexpr Words kProblems[] = {
    {"block sequence entries are not allowed in this context", "yaml.libyaml.problem.block-sequence-here"},
    {"control characters are not allowed", "yaml.libyaml.problem.control-characters"},
    {"could not find expected ':'", "yaml.libyaml.problem.no-colon"},
    {"did not find expected ',' or ']'", "yaml.libyaml.problem.no-comma-bracket"},
    {"did not find expected ',' or '}'", "yaml.libyaml.problem.no-comma-brace"},
    {"did not find expected '-' indicator", "yaml.libyaml.problem.no-dash"},
    {"did not find expected <document start>", "yaml.libyaml.problem.no-document-start"},
    {"did not find expected alphabetic or numeric character", "yaml.libyaml.problem.no-alphanumeric"},
    {"did not find expected comment or line break", "yaml.libyaml.problem.no-comment-or-break"},
    {"did not find expected key", "yaml.libyaml.problem.no-key"},
    {"did not find expected node content", "yaml.libyaml.problem.no-content"},
    {"did not find expected whitespace or line break", "yaml.libyaml.problem.no-space-or-break"},
    {"did not find expected whitespace", "yaml.libyaml.problem.no-space"},
    {"found a tab character that violates indentation", "yaml.libyaml.problem.tab-indentation"},
    {"found a tab character where an indentation space is expected", "yaml.libyaml.problem.tab-for-space"},
    {"found character that cannot start any token", "yaml.libyaml.problem.cannot-start"},
    {"found undefined alias", "yaml.libyaml.problem.undefined-alias"},
    {"found unexpected ':'", "yaml.libyaml.problem.unexpected-colon"},
    {"found unexpected document indicator", "yaml.libyaml.problem.unexpected-document"},
    {"found unexpected end of stream", "yaml.libyaml.problem.unexpected-end"},
    {"found unknown escape character", "yaml.libyaml.problem.unknown-escape"},
    {"found invalid Unicode character escape code", "yaml.libyaml.problem.bad-unicode-escape"},
    {"found an indentation indicator equal to 0", "yaml.libyaml.problem.zero-indentation"},
    {"found unexpected non-alphabetical character", "yaml.libyaml.problem.non-alphabetical"},
    {"mapping values are not allowed in this context", "yaml.libyaml.problem.mapping-value-here"},
    {"found duplicate anchor; first occurrence", "yaml.libyaml.problem.duplicate-anchor"},
};

constexpr Words kContexts[] = {
    {"while parsing a block collection", "yaml.libyaml.context.block-collection"},
    {"while parsing a block mapping", "yaml.libyaml.context.block-mapping"},
    {"while parsing a block node", "yaml.libyaml.context.block-node"},
    {"while parsing a flow mapping", "yaml.libyaml.context.flow-mapping"},
    {"while parsing a flow node", "yaml.libyaml.context.flow-node"},
    {"while parsing a flow sequence", "yaml.libyaml.context.flow-sequence"},
    {"while parsing a node", "yaml.libyaml.context.node"},
    {"while scanning a block scalar", "yaml.libyaml.context.block-scalar"},
    {"while scanning a plain scalar", "yaml.libyaml.context.plain-scalar"},
    {"while scanning a quoted scalar", "yaml.libyaml.context.quoted-scalar"},
    {"while scanning a simple key", "yaml.libyaml.context.simple-key"},
    {"while scanning an alias", "yaml.libyaml.context.alias"},
    {"while scanning an anchor", "yaml.libyaml.context.anchor"},
    {"while scanning a tag", "yaml.libyaml.context.tag"},
    {"while parsing a tag", "yaml.libyaml.context.parse-tag"},
    {"while scanning for the next token", "yaml.libyaml.context.next-token"},
};

template <size_t N>
i18n::Message words(const Words (&table)[N], std::string_view text) {
  for (const auto& w : table)
    if (w.libyaml == text) return i18n::Message(w.id);
  return i18n::Message::verbatim(std::string(text));
}

}  // namespace

i18n::Message problem_words(std::string_view problem) {
  return words(kProblems, problem);
}

i18n::Message context_words(std::string_view context) {
  return words(kContexts, context);
}

}  // namespace svcorg::yaml
