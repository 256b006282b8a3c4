// model::RecordList: a list kept in parts, read like the concatenation of its parts.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "svcorg/model/record_list.hpp"

using svcorg::model::RecordList;

namespace {

template <class L>
std::vector<int> items(const L& list) {
  std::vector<int> out;
  for (const int& x : list) out.push_back(x);
  return out;
}

}  // namespace

TEST_SUITE("model") {
  TEST_CASE("an empty record list has nothing to visit") {
    RecordList<int> l;
    CHECK(l.empty());
    CHECK(l.size() == 0);
    CHECK(l.begin() == l.end());
    l.append(std::vector<int>{});  // an empty part is not kept
    CHECK(l.empty());
    CHECK(l.begin() == l.end());
  }

  TEST_CASE("parts are visited in order, as one list") {
    RecordList<int> l;
    l.push_back(1);
    l.push_back(2);
    l.append(std::vector<int>{3, 4, 5});
    l.append(std::vector<int>{});
    l.append(std::vector<int>{6});
    l.push_back(7);  // grows the last part
    CHECK(items(l) == std::vector<int>{1, 2, 3, 4, 5, 6, 7});
    CHECK(l.size() == 7);
    CHECK_FALSE(l.empty());
    CHECK(l.front() == 1);
    CHECK(l.back() == 7);
    for (size_t i = 0; i < l.size(); ++i) CHECK(l[i] == static_cast<int>(i) + 1);
    CHECK_THROWS(l[7]);
  }

  TEST_CASE("appending a record list splices its parts and leaves it empty") {
    RecordList<std::string> a, b;
    a.push_back("a");
    b.append(std::vector<std::string>{"b", "c"});
    b.push_back("d");
    const std::string* c_before = &b[1];
    a.append(std::move(b));
    CHECK(b.empty());  // NOLINT(bugprone-use-after-move): append leaves it empty on purpose
    CHECK(a.size() == 4);
    CHECK(&a[2] == c_before);  // the record itself did not move
    std::vector<std::string> seen(a.begin(), a.end());
    CHECK(seen == std::vector<std::string>{"a", "b", "c", "d"});
  }

  TEST_CASE("records can be changed in place and found with the standard algorithms") {
    RecordList<int> l;
    l.append(std::vector<int>{1, 2});
    l.append(std::vector<int>{3});
    for (auto& x : l) x *= 10;
    CHECK(items(l) == std::vector<int>{10, 20, 30});
    const RecordList<int>& cl = l;
    auto it = std::find_if(cl.begin(), cl.end(), [](int x) { return x > 15; });
    REQUIRE(it != cl.end());
    CHECK(*it == 20);
    RecordList<int>::const_iterator from_mutable = l.begin();  // iterator converts to const_iterator
    CHECK(*from_mutable == 10);
    CHECK(std::count_if(cl.begin(), cl.end(), [](int x) { return x >= 20; }) == 2);
    l.shrink_to_fit();
    CHECK(items(l) == std::vector<int>{10, 20, 30});
    l.clear();
    CHECK(l.empty());
  }
}
