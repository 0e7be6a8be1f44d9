// schema::NameTable: every name found at its index, nothing else found.
#include "schema/name_table.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using smsreg::schema::NameTable;

TEST_CASE("NameTable: names at their index, others missing", "[unit][name_table]") {
  std::vector<std::string> names = {"sample1", "sample2",         "sample3",          "",
                                    "a",       "subscriberOptin", "subscriberOptout", "sample1"};
  for (int i = 0; i < 40; ++i) names.push_back("x" + std::to_string(i) + "y");
  const NameTable table(names);
  for (std::size_t i = 0; i < names.size(); ++i) {
    INFO(names[i]);
    CHECK(table.find(names[i]) == (names[i] == "sample1" ? 0u : i));  // a repeat keeps its first index
  }
  for (const char* other : {"sample", "sample4", "Sample1", "b", "x40y", "subscriberOpti", "sample1 "}) {
    CHECK(table.find(other) == NameTable::kMissing);
  }
  CHECK(table.find(std::string("sample1\0", 8)) == NameTable::kMissing);
  CHECK(NameTable().find("a") == NameTable::kMissing);
  CHECK(NameTable(std::vector<std::string>{}).find("") == NameTable::kMissing);
}
