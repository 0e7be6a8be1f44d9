#include "check/uri.hpp"

#include <cctype>

namespace smsreg::check {

namespace {

struct Uri {
  std::string scheme, authority, path, query, fragment;
  bool hasScheme = false, hasAuthority = false, hasQuery = false, hasFragment = false;
};

Uri parse(const std::string& s) {
  Uri u;
  std::size_t i = 0;
  std::size_t colon = s.find(':');
  if (colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(s[0]))) {
    bool scheme = true;
    for (std::size_t k = 0; k < colon; ++k) {
      const char c = s[k];
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') scheme = false;
    }
    if (scheme) {
      u.hasScheme = true;
      u.scheme = s.substr(0, colon);
      i = colon + 1;
    }
  }
  if (s.compare(i, 2, "//") == 0) {
    u.hasAuthority = true;
    std::size_t end = s.find_first_of("/?#", i + 2);
    if (end == std::string::npos) end = s.size();
    u.authority = s.substr(i + 2, end - i - 2);
    i = end;
  }
  std::size_t end = s.find_first_of("?#", i);
  if (end == std::string::npos) end = s.size();
  u.path = s.substr(i, end - i);
  i = end;
  if (i < s.size() && s[i] == '?') {
    u.hasQuery = true;
    end = s.find('#', i);
    if (end == std::string::npos) end = s.size();
    u.query = s.substr(i + 1, end - i - 1);
    i = end;
  }
  if (i < s.size() && s[i] == '#') {
    u.hasFragment = true;
    u.fragment = s.substr(i + 1);
  }
  return u;
}

std::string removeDotSegments(std::string in) {
  std::string out;
  while (!in.empty()) {
    if (in.rfind("../", 0) == 0) {
      in.erase(0, 3);
    } else if (in.rfind("./", 0) == 0) {
      in.erase(0, 2);
    } else if (in.rfind("/./", 0) == 0) {
      in.replace(0, 3, "/");
    } else if (in == "/.") {
      in = "/";
    } else if (in.rfind("/../", 0) == 0 || in == "/..") {
      in = in.size() == 3 ? "/" : in.substr(3);
      auto slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") {
      in.clear();
    } else {
      std::size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      if (next == std::string::npos) next = in.size();
      out += in.substr(0, next);
      in.erase(0, next);
    }
  }
  return out;
}

std::string toString(const Uri& u) {
  std::string s;
  if (u.hasScheme) s += u.scheme + ":";
  if (u.hasAuthority) s += "//" + u.authority;
  s += u.path;
  if (u.hasQuery) s += "?" + u.query;
  if (u.hasFragment) s += "#" + u.fragment;
  return s;
}

}  // namespace

std::string resolveUri(const std::string& baseText, const std::string& reference) {
  const Uri base = parse(baseText);
  const Uri r = parse(reference);
  Uri t;
  if (r.hasScheme) {
    t = r;
    t.path = removeDotSegments(r.path);
  } else {
    if (r.hasAuthority) {
      t.hasAuthority = true;
      t.authority = r.authority;
      t.path = removeDotSegments(r.path);
      t.hasQuery = r.hasQuery;
      t.query = r.query;
    } else {
      if (r.path.empty()) {
        t.path = base.path;
        t.hasQuery = r.hasQuery || base.hasQuery;
        t.query = r.hasQuery ? r.query : base.query;
      } else {
        if (r.path[0] == '/') {
          t.path = removeDotSegments(r.path);
        } else if (base.hasAuthority && base.path.empty()) {
          t.path = removeDotSegments("/" + r.path);
        } else {
          auto slash = base.path.rfind('/');
          t.path = removeDotSegments((slash == std::string::npos ? "" : base.path.substr(0, slash + 1)) + r.path);
        }
        t.hasQuery = r.hasQuery;
        t.query = r.query;
      }
      t.hasAuthority = base.hasAuthority;
      t.authority = base.authority;
    }
    t.hasScheme = base.hasScheme;
    t.scheme = base.scheme;
  }
  t.hasFragment = r.hasFragment;
  t.fragment = r.fragment;
  return toString(t);
}

void splitFragment(const std::string& uri, std::string& document, std::string& fragment) {
  auto hash = uri.find('#');
  document = uri.substr(0, hash);
  fragment = hash == std::string::npos ? "" : uri.substr(hash + 1);
}

std::string percentDecode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace smsreg::check
