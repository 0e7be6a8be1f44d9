// The finding path's shortcuts against the plain way: the banded edit
// distance against the full table, and findingLess walking pointers in place
// against the same order over split tokens.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "pointer_tokens.hpp"
#include "registration/suggest.hpp"
#include "smsreg/report.hpp"

namespace {

// The whole Levenshtein table, then the cap applied once at the end.
std::size_t fullDistance(const std::string& a, const std::string& b, std::size_t cap) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
  }
  return std::min(d[a.size()][b.size()], cap + 1);
}

std::string randomWord(std::mt19937& rng, std::size_t maxLength, const std::string& alphabet) {
  std::string out(rng() % (maxLength + 1), ' ');
  for (char& c : out) c = alphabet[rng() % alphabet.size()];
  return out;
}

// A neighbour of `w`: up to three random edits, so distances near the cap
// are common rather than rare.
std::string nearby(std::mt19937& rng, std::string w, const std::string& alphabet) {
  for (unsigned edits = rng() % 4; edits > 0; --edits) {
    const std::size_t at = w.empty() ? 0 : rng() % (w.size() + 1);
    const char c = alphabet[rng() % alphabet.size()];
    switch (rng() % 3) {
      case 0:
        w.insert(w.begin() + static_cast<std::ptrdiff_t>(at), c);
        break;
      case 1:
        if (at < w.size()) w.erase(at, 1);
        break;
      default:
        if (at < w.size()) w[at] = c;
    }
  }
  return w;
}

bool digits(const std::string& t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

int tokenOrder(const std::string& a, const std::string& b) {
  if (digits(a) != digits(b)) return digits(a) ? -1 : 1;
  if (!digits(a)) return sign(a.compare(b));
  const std::string va = a.substr(std::min(a.find_first_not_of('0'), a.size() - 1));
  const std::string vb = b.substr(std::min(b.find_first_not_of('0'), b.size() - 1));
  if (va.size() != vb.size()) return va.size() < vb.size() ? -1 : 1;
  const int c = sign(va.compare(vb));
  return c != 0 ? c : sign(a.compare(b));
}

// findingLess as it was first written: pointers split into token vectors.
bool splitLess(const smsreg::Finding& a, const smsreg::Finding& b) {
  const auto ta = pointerTokens(a.instanceLocation), tb = pointerTokens(b.instanceLocation);
  for (std::size_t i = 0; i < std::min(ta.size(), tb.size()); ++i) {
    const int c = tokenOrder(ta[i], tb[i]);
    if (c != 0) return c < 0;
  }
  if (ta.size() != tb.size()) return ta.size() < tb.size();
  return a.code < b.code;
}

}  // namespace

TEST_CASE("editDistance: the banded rows give the full table's distance, capped", "[suggest]") {
  std::mt19937 rng(12);
  const std::string alphabets[] = {"ab", "abcdefghij_ -", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"};
  std::size_t near = 0;
  for (int round = 0; round < 40000; ++round) {
    const std::string& alphabet = alphabets[round % 3];
    const std::string a = randomWord(rng, round % 7 == 0 ? 80 : 14, alphabet);
    const std::string b = rng() % 2 == 0 ? nearby(rng, a, alphabet) : randomWord(rng, 14, alphabet);
    const std::size_t cap = rng() % 4;
    const std::size_t want = fullDistance(a, b, cap);
    if (want <= cap) ++near;
    INFO("a=\"" << a << "\" b=\"" << b << "\" cap=" << cap);
    REQUIRE(smsreg::registration::editDistance(a, b, cap) == want);
  }
  CHECK(near > 10000);  // the comparison covered distances within the cap, not only refusals
}

TEST_CASE("closest: suggestions for near misses, none for ties or far words", "[suggest]") {
  using smsreg::registration::closest;
  const std::vector<std::string> verticals = {"HEALTHCARE", "RETAIL", "REAL_ESTATE", "TECHNOLOGY", "ENERGY"};
  CHECK(closest("real estate", verticals) == "REAL_ESTATE");
  CHECK(closest("TECHNOLOGGY", verticals) == "TECHNOLOGY");
  CHECK(closest("HEALTHCAR", verticals) == "HEALTHCARE");
  CHECK(closest("RETIAL", verticals) == "RETAIL");  // a swap is two edits
  CHECK(closest("FINANCE", verticals).empty());
  CHECK(closest("ab", {"ac", "ad"}).empty());  // a tie is no guess
}

TEST_CASE("findingLess: walking pointers in place orders as splitting them does", "[report]") {
  std::mt19937 rng(7);
  const std::vector<std::string> tokens = {"",  "0", "00",    "1",        "01",      "9",        "10", "1a",
                                           "a", "b", "brand", "campaign", "sample1", "sample10", "~0", "~1"};
  const std::vector<std::string> codes = {"A", "B", "FIELD_UNKNOWN"};
  std::vector<smsreg::Finding> findings;
  for (int i = 0; i < 600; ++i) {
    smsreg::Finding f;
    for (unsigned n = rng() % 4; n > 0; --n) f.instanceLocation += "/" + tokens[rng() % tokens.size()];
    if (rng() % 50 == 0) f.instanceLocation = tokens[rng() % tokens.size()];  // not a pointer at all
    f.code = codes[rng() % codes.size()];
    findings.push_back(f);
  }
  for (const auto& a : findings) {
    for (const auto& b : findings) {
      INFO("a=" << a.instanceLocation << " " << a.code << " b=" << b.instanceLocation << " " << b.code);
      REQUIRE(smsreg::findingLess(a, b) == splitLess(a, b));
    }
  }
}
