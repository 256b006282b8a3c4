// A small YAML document tree of our own: positions on every node, the scalar's
// style (plain or quoted) for typing, mapping entries in file order (duplicates
// already reported and dropped). One document lives at a time; records are built
// from it and it is dropped.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "svcorg/i18n/message.hpp"
#include "svcorg/util/pos.hpp"

namespace svcorg::yaml {

struct Node {
  enum class Type { Null, Scalar, Seq, Map };
  Type type = Type::Null;
  Pos pos;
  bool plain = true;                           // scalar written without quotes and without a tag (subject to typing)
  std::string tag;                             // explicit tag, if any ("!!str", "!foo"); empty otherwise
  std::string value;                           // scalar text
  std::vector<Node> items;                     // Seq
  std::vector<std::pair<Node, Node>> entries;  // Map: key, value

  bool is_null() const { return type == Type::Null; }
  bool is_scalar() const { return type == Type::Scalar; }
  bool is_seq() const { return type == Type::Seq; }
  bool is_map() const { return type == Type::Map; }

  // The value of a scalar key in a mapping, or nullptr.
  const Node* find(std::string_view key) const;
  // The position of a mapping's first key (or the node itself when empty / not a mapping).
  Pos first_key_pos() const;
};

// How a plain scalar resolves under the YAML 1.2 core schema.
enum class ScalarKind { Null, Bool, Int, Float, String };
ScalarKind resolve(const Node& scalar);
// The text of a plain scalar that the core schema reads as null: empty, `~`, `null`,
// `Null` or `NULL`.
bool is_null_text(std::string_view text);

// The value of a scalar that resolves to an integer or a number under the core schema
// (decimal, 0x, 0o; floats); nullopt otherwise or on overflow.
std::optional<int64_t> int_value(const Node& scalar);
std::optional<double> number_value(const Node& scalar);

// Whether a mapping key is an extension (`x-…`), ignored wherever it appears.
bool is_extension(const Node& key);

// What kind of value a node is, in words for messages ("a mapping", "the integer `12`",
// ...: yaml.value.*), to nest in a message.
i18n::Message describe(const Node& node);

}  // namespace svcorg::yaml
