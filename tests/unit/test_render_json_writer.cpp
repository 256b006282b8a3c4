#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "svcorg/render/json_writer.hpp"

using svcorg::render::JsonWriter;
using ordered = nlohmann::ordered_json;

namespace {

// What dump(2) prints for `j`: the writer must print the same bytes.
std::string dumped(const ordered& j) {
  return j.dump(2, ' ', false, ordered::error_handler_t::replace);
}

std::string one(double d) {
  JsonWriter w;
  w.value(d);
  return w.take();
}

std::string one(std::string_view s) {
  JsonWriter w;
  w.value(s);
  return w.take();
}

}  // namespace

TEST_SUITE("render::JsonWriter") {
  TEST_CASE("nesting and empty containers are laid out as nlohmann's dump(2)") {
    JsonWriter w;
    w.begin_object().member("format", 1).member("name", "美丽园");
    w.key("empty_list").begin_array().end_array();
    w.key("empty_object").begin_object().end_object();
    w.key("list").begin_array().value(1).value(nullptr).value(true);
    w.begin_object().member("a", false).end_object();
    w.begin_array().end_array();
    w.begin_array().value("x").end_array();
    w.end_array();
    w.key("nested").begin_object().key("deeper").begin_object().member("z", -3).end_object().end_object();
    w.member("missing", std::optional<double>()).member("present", std::optional<double>(0.5));
    w.end_object();

    ordered j;
    j["format"] = 1;
    j["name"] = "美丽园";
    j["empty_list"] = ordered::array();
    j["empty_object"] = ordered::object();
    j["list"] = ordered::array({1, nullptr, true, ordered{{"a", false}}, ordered::array(), ordered::array({"x"})});
    j["nested"]["deeper"]["z"] = -3;
    j["missing"] = nullptr;
    j["present"] = 0.5;
    CHECK(w.str() == dumped(j));
    // A lone value, and an empty document of each kind.
    CHECK(one(2.5) == "2.5");
    CHECK(JsonWriter().begin_object().end_object().str() == "{}");
    CHECK(JsonWriter().begin_array().end_array().str() == "[]");
  }

  TEST_CASE("numbers are printed as dump() prints them") {
    const double fixed[] = {0.0,
                            -0.0,
                            1.0,
                            -1.0,
                            85.0,
                            100.0,
                            0.1,
                            0.0001,
                            0.00001,
                            1e-7,
                            12.34,
                            99.99,
                            0.6667,
                            1e15,
                            1e16,
                            1e17,
                            123456789012345678.0,
                            5e-324,
                            1.7976931348623157e308,
                            std::numeric_limits<double>::quiet_NaN(),
                            std::numeric_limits<double>::infinity(),
                            -std::numeric_limits<double>::infinity()};
    for (double d : fixed) {
      CAPTURE(d);
      CHECK(one(d) == ordered(d).dump());
    }
    // Scores and rates as svcorg rounds them, and arbitrary doubles.
    std::mt19937_64 rng(20261127);
    std::uniform_real_distribution<double> score(0, 100);
    for (int i = 0; i < 20000; ++i) {
      const double rounded = std::round(score(rng) * 100) / 100;
      const double rate = std::round(score(rng) / 100 * 10000) / 10000;
      uint64_t bits = rng();
      double any = 0;
      std::memcpy(&any, &bits, sizeof any);
      for (double d : {rounded, rate, any}) {
        CAPTURE(d);
        REQUIRE(one(d) == ordered(d).dump());
      }
    }
    JsonWriter w;
    w.begin_array().value(int64_t{-9223372036854775807 - 1}).value(uint64_t{18446744073709551615u});
    w.value(size_t{0}).value(static_cast<short>(-7)).value(static_cast<unsigned char>(200)).end_array();
    CHECK(w.str() == dumped(ordered::array({int64_t{-9223372036854775807 - 1}, uint64_t{18446744073709551615u},
                                            size_t{0}, static_cast<short>(-7), static_cast<unsigned char>(200)})));
  }

  TEST_CASE("strings: every control character, quotes, backslashes and UTF-8") {
    std::string all;
    for (int c = 0; c < 0x80; ++c) all += static_cast<char>(c);
    all += "中文 — “引号” \xF0\x9F\x98\x80 /";
    CHECK(one(all) == ordered(all).dump());
    for (const char* s : {"", "\"", "\\", "a\"b\\c", "\x7f", "line\nbreak\ttab\r\f\b"}) {
      CAPTURE(s);
      CHECK(one(s) == ordered(s).dump());
    }
    // Invalid UTF-8 (never in svcorg's records: the loader refuses it) is replaced as
    // nlohmann replaces it; keys are escaped like values.
    for (const char* s : {"a\xFF"
                          "b",
                          "\xC3", "\xE4\xB8", "ok\xED\xA0\x80", "\xC0\x80"}) {
      CAPTURE(s);
      CHECK(one(s) == ordered(s).dump(-1, ' ', false, ordered::error_handler_t::replace));
    }
    JsonWriter w;
    w.begin_object().member("k\"\n", "v").member("", "").end_object();
    CHECK(w.str() == dumped(ordered{{"k\"\n", "v"}, {"", ""}}));
  }
}
