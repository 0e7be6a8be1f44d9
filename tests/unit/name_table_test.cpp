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

TEST_CASE("NameTable: names of every length told apart by any one byte", "[unit][name_table]") {
  for (std::size_t length = 0; length <= 40; ++length) {
    std::string name;
    for (std::size_t i = 0; i < length; ++i) name += static_cast<char>('a' + i % 26);
    const NameTable table(std::vector<std::string>{name});
    INFO(name);
    CHECK(table.find(name) == 0u);
    CHECK(table.find(name + "x") == NameTable::kMissing);
    if (length > 0) CHECK(table.find(name.substr(0, length - 1)) == NameTable::kMissing);
    for (std::size_t i = 0; i < length; ++i) {
      for (char other : {'A', '\0', '\xff'}) {
        std::string changed = name;
        changed[i] = other;
        INFO(i);
        CHECK(table.find(changed) == NameTable::kMissing);
      }
    }
  }
}
