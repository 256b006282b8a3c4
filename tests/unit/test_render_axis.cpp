// render::axis: numbers in charts, and the value axis every writer draws (nice steps, an
// axis that shows the differences).
#include <doctest/doctest.h>

#include "svcorg/render/axis.hpp"

namespace render = svcorg::render;

namespace {

std::string axis_text(const render::Axis& a) {
  return render::number(a.lo, a.decimals) + ".." + render::number(a.hi, a.decimals) + " by " +
         render::number(a.step, a.decimals);
}

}  // namespace

TEST_SUITE("render::axis") {
  TEST_CASE("numbers: fixed decimals, a point, never -0") {
    CHECK(render::number(86.125, 2) == "86.12");  // binary 86.125 rounds to even
    CHECK(render::number(3, 0) == "3");
    CHECK(render::number(-0.0001, 2) == "0.00");
    CHECK(render::number(-1.5, 1) == "-1.5");
    CHECK(render::number(1234567.0, 1) == "1234567.0");
  }

  TEST_CASE("close scores get an axis that shows their differences") {
    CHECK(axis_text(render::value_axis({86, 88.5, 91}, false)) == "85..92 by 1");
    CHECK(axis_text(render::value_axis({86.3, 90.8}, false)) == "86..91 by 1");
    CHECK(axis_text(render::value_axis({70, 95}, false)) == "65..100 by 5");
    CHECK(axis_text(render::value_axis({0.52, 0.55}, false)) == "0.51..0.56 by 0.01");
  }

  TEST_CASE("spread values, counts and values at 0 start at 0") {
    CHECK(axis_text(render::value_axis({20, 90}, false)) == "0..100 by 20");
    CHECK(axis_text(render::value_axis({86, 91}, true)) == "0..100 by 20");
    CHECK(axis_text(render::value_axis({0, 3}, true)) == "0..3 by 1");
    CHECK(axis_text(render::value_axis({7, 12, 23}, true)) == "0..25 by 5");
    CHECK(axis_text(render::value_axis({0, 0}, true)) == "0..1 by 1");
    CHECK(axis_text(render::value_axis({}, true)) == "0..1 by 1");
    CHECK(axis_text(render::value_axis({0.1, 0.3}, true)) == "0.00..0.30 by 0.05");
  }

  TEST_CASE("one value or equal values start at 0") {
    CHECK(axis_text(render::value_axis({88}, false)) == "0..100 by 20");
    CHECK(axis_text(render::value_axis({88, 88}, true)) == "0..100 by 20");
  }
}
