// URL hosts and domain lists take shortcuts (one table lookup a byte, one walk
// that finds a URL's "@" and ":", lists asked only for names of a length they
// hold): each must answer as the plain definition does, whatever byte sits
// wherever.
#include <catch2/catch.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>
#include <vector>

#include "rules/domain_checks.hpp"
#include "schema/embedded.hpp"
#include "url_host_reference.hpp"

namespace rules = smsreg::rules;

namespace {

using url_host_reference::hostNameByDefinition;
using url_host_reference::lowered;
using url_host_reference::urlHostByDefinition;

std::unordered_set<std::string> listed(const char* path) {
  const std::string_view text = smsreg::embedded::find(path);
  std::unordered_set<std::string> out;
  const nlohmann::json json = nlohmann::json::parse(text.data(), text.data() + text.size());
  for (const auto& d : json.at("domains")) out.insert(lowered(d.get<std::string>()));
  return out;
}

// The host or one of its parents is listed, every suffix hashed.
bool listedByDefinition(const std::unordered_set<std::string>& domains, std::string_view host) {
  if (host.size() > 254) return false;
  std::string rest = lowered(host);
  if (!rest.empty() && rest.back() == '.') rest.pop_back();
  while (!rest.empty()) {
    if (domains.count(rest) != 0) return true;
    const std::size_t dot = rest.find('.');
    if (dot == std::string::npos) break;
    rest.erase(0, dot + 1);
  }
  return false;
}

const std::vector<std::string> kSpecials = {"",  ".", "..", "-",    "@",    ":",        "/",  "?",  "#",
                                            "A", "z", "0",  "9",    "_",    " ",        "\t", "\n", "%",
                                            "[", "`", "{",  "\x7F", "\x80", "\xC3\xA9", ":8", "@x", "WWW."};

}  // namespace

TEST_CASE("urlHost answers as the plain walk, whatever byte sits wherever", "[shortcut][domain]") {
  const std::string bases[] = {"https://www.Bit.ly:8080/abc?x#y",
                               "user@shop.acme.com",
                               "http://a@b:c@host.com:12/path",
                               " WWW.GMAIL.COM. ",
                               "sub.tinyurl.com/x",
                               "http://x.co",
                               "HTTPS://my-site.example.org?q=1",
                               "brightside-plumbing.com#top",
                               "http://192.168.0.1:80/",
                               "www.caf\xC3\xA9.fr"};
  for (const std::string& base : bases) {
    for (const std::string& special : kSpecials) {
      for (std::size_t at = 0; at <= base.size(); ++at) {
        for (std::size_t cut = 0; cut <= 1; ++cut) {
          // The special inserted, or put in place of the byte there.
          const std::size_t drop = cut != 0 && at < base.size() ? 1 : 0;
          const std::string url = base.substr(0, at) + special + base.substr(at + drop);
          INFO(url);
          REQUIRE(rules::urlHost(url) == urlHostByDefinition(url));
        }
      }
    }
  }
  std::uint32_t seed = 11;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  const std::string alphabet = "abcXYZ019-._@:/?#  w\xC3\xA9";
  for (int round = 0; round < 30000; ++round) {
    std::string url = next() % 3 == 0 ? "https://" : next() % 2 == 0 ? "http://" : "";
    for (unsigned n = next() % 24; n > 0; --n) url += alphabet[next() % alphabet.size()];
    INFO(url);
    REQUIRE(rules::urlHost(url) == urlHostByDefinition(url));
  }
}

TEST_CASE("email hosts are checked as by the plain walk", "[shortcut][domain]") {
  // isEmailSyntax's domain goes through the same host check, without
  // non-ASCII bytes; an address is the plain host check of its domain when
  // its local part is plain.
  for (const std::string& special : kSpecials) {
    const std::string domain = "mail.example.com";
    for (std::size_t at = 0; at <= domain.size(); ++at) {
      const std::string host = domain.substr(0, at) + special + domain.substr(at);
      const bool ascii = host.find_first_of("\x80\xC3\xA9") == std::string::npos;
      INFO(host);
      REQUIRE(rules::isEmailSyntax("ann@" + host) ==
              (host.find('@') == std::string::npos && ascii && hostNameByDefinition(host, true)));
    }
  }
}

TEST_CASE("shortener and free-mail lists answer as hashing every parent", "[shortcut][domain]") {
  const auto shorteners = listed("data/url-shorteners.json");
  const auto freeMail = listed("data/free-mail-domains.json");
  REQUIRE(shorteners.size() > 20);
  REQUIRE(freeMail.size() > 20);
  std::vector<std::string> hosts = {
      "", ".", "com", "co", "ly", "a.b.c.d.e.f", std::string(254, 'a'), std::string(255, 'a')};
  for (const auto* list : {&shorteners, &freeMail}) {
    for (const std::string& d : *list) {
      for (const std::string& host :
           {d, "www." + d, "a.b." + d, d + ".", "x" + d, d.substr(1), d + "x", "." + d, d + ".." + d}) {
        hosts.push_back(host);
        std::string shouted = host;
        for (char& c : shouted) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        hosts.push_back(shouted);
      }
    }
  }
  for (const std::string& host : hosts) {
    INFO(host);
    REQUIRE(rules::isUrlShortener(host) == listedByDefinition(shorteners, host));
    REQUIRE(rules::isFreeMailDomain(host) == listedByDefinition(freeMail, host));
  }
}
