#include "input/bounded_json.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "input/fast_json.hpp"
#include "input/utf8.hpp"

namespace smsreg::input {

std::string escapePointerToken(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string elide(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a code point
  return std::string(text.substr(0, cut)) + "... (" + std::to_string(text.size()) + " bytes)";
}

void releaseTree(nlohmann::json& tree) noexcept {
  // Nested containers are emptied first, so nlohmann's destroy() meets only
  // scalars and empty containers and reserves nothing; clear() then frees
  // the members at once (no rebalancing of the map one erase at a time).
  if (tree.is_array()) {
    auto& items = *tree.get_ptr<nlohmann::json::array_t*>();
    for (nlohmann::json& item : items) {
      if (item.is_structured()) releaseTree(item);
    }
    items.clear();
  } else if (tree.is_object()) {
    auto& members = *tree.get_ptr<nlohmann::json::object_t*>();
    for (auto& member : members) {
      if (member.second.is_structured()) releaseTree(member.second);
    }
    members.clear();
  }
  tree = nullptr;
}

namespace {

using json = nlohmann::json;

// Finds the first byte that is not well-formed UTF-8 (RFC 3629: no overlongs,
// no surrogates, nothing above U+10FFFF). Returns text.size() when clean.
std::size_t firstInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {  // the common case, without a call
      ++i;
      continue;
    }
    const std::size_t len = utf8SequenceLength(s + i, n - i);
    if (len == 0) return i;
    i += len;
  }
  return n;
}

// Builds the DOM from SAX events while counting depth, checking string and
// key lengths, refusing duplicate keys and tracking the pointer of the value
// being read, so a breach is reported where it happens.
class BoundedBuilder {
 public:
  BoundedBuilder(const Limits& limits, json& root, ParseError& error) : limits_(limits), root_(root), error_(error) {}

  // Elements of the array at root member `key` are built one at a time,
  // handed to `visit` (may be empty) and freed (see parseBoundedStreaming).
  void streamMember(std::string_view key, const ElementVisitor* visit) {
    streamKey_ = key;
    visit_ = visit;
    streaming_ = true;
  }
  bool stoppedByVisitor() const { return stopped_; }

  bool null() { return put(json(nullptr)); }
  bool boolean(bool v) { return put(json(v)); }
  bool number_integer(json::number_integer_t v) { return put(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
  bool number_float(json::number_float_t v, const std::string& /*text*/) { return put(json(v)); }
  bool binary(json::binary_t& /*unused*/) { return fail("INPUT_MALFORMED", "binary values are not JSON"); }

  bool string(std::string& v) {
    if (v.size() > limits_.maxString) {
      return failString(v.size());
    }
    return put(json(std::move(v)));
  }

  bool start_object(std::size_t /*unknown size*/) {
    if (!enter()) return false;
    return open(json::object());
  }
  bool key(std::string& k) {
    Frame& f = stack_.back();
    if (k.size() > limits_.maxString) {
      f.key = k.substr(0, 0);
      return failString(k.size(), /*isKey=*/true);
    }
    if (f.value->contains(k)) {
      f.key = std::move(k);
      error_.code = "INPUT_DUPLICATE_KEY";
      error_.pointer = pointer();
      error_.message =
          "The key \"" + f.key + "\" appears twice in one object; keep one of them so the value is not ambiguous.";
      return false;
    }
    f.key = std::move(k);
    return true;
  }
  bool end_object() {
    stack_.pop_back();
    return delivered();
  }
  bool start_array(std::size_t /*unknown size*/) {
    if (!enter()) return false;
    return open(json::array());
  }
  bool end_array() {
    stack_.pop_back();
    return delivered();
  }

  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) {
    error_.offset = position == 0 ? 0 : position - 1;
    const std::string what = ex.what();
    if (ex.id == 406) {  // out_of_range: number overflow such as 1e400
      error_.code = "INPUT_MALFORMED";
      error_.pointer = pointer();
      error_.message =
          "The number " + elide(last_token) + " is too large to represent; send a number within double range.";
      return false;
    }
    if (what.find("surrogate") != std::string::npos || what.find("UTF-8") != std::string::npos ||
        what.find("code point") != std::string::npos) {
      error_.code = "INPUT_INVALID_UTF8";
      error_.message = "The document has an invalid Unicode escape or byte near byte " + std::to_string(error_.offset) +
                       "; send UTF-8 text and pair every \\uD8xx escape.";
      return false;
    }
    error_.code = "INPUT_MALFORMED";
    error_.message = "The document is not valid JSON near byte " + std::to_string(error_.offset) +
                     "; check for a missing comma, quote or bracket.";
    return false;
  }

 private:
  struct Frame {
    json* value;
    std::string key;            // current key when value is an object
    bool streamed = false;      // the array whose elements are handed out one by one
    std::size_t delivered = 0;  // elements handed out so far
  };

  bool enter() {
    const std::size_t maxDepth = std::min(limits_.maxDepth, kMaxDepthCeiling);
    if (stack_.size() + 1 > maxDepth) {
      error_.code = "INPUT_TOO_DEEP";
      error_.pointer = "";
      error_.message = "The document nests deeper than " + std::to_string(maxDepth) + " levels; flatten it.";
      return false;
    }
    return true;
  }

  // Places `v` in the open container (or as the root) and returns its slot.
  json* place(json&& v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Frame& f = stack_.back();
    if (f.streamed) {
      element_ = std::move(v);
      return &element_;
    }
    if (f.value->is_object()) {
      return &((*f.value)[f.key] = std::move(v));
    }
    f.value->push_back(std::move(v));
    return &f.value->back();
  }

  bool put(json&& v) {
    place(std::move(v));
    return delivered();
  }

  bool open(json&& container) {
    const bool streamed = streaming_ && container.is_array() && stack_.size() == 1 && stack_[0].value->is_object() &&
                          stack_[0].key == streamKey_;
    json* slot = place(std::move(container));
    stack_.push_back(Frame{slot, {}, streamed, 0});
    return true;
  }

  // When the innermost open container is the streamed array, the element
  // just completed is handed out and freed.
  bool delivered() {
    if (stack_.empty() || !stack_.back().streamed) return true;
    Frame& f = stack_.back();
    bool go = true;
    if (visit_ != nullptr && *visit_) go = (*visit_)(element_, f.delivered);
    releaseTree(element_);
    ++f.delivered;
    if (!go) stopped_ = true;
    return go;
  }

  // The pointer of the value being read. An enclosing array already holds
  // the container being read (open() places it first), so its index is the
  // last one; in the innermost array the value is not placed yet.
  std::string pointer() const {
    std::string p;
    for (std::size_t i = 0; i < stack_.size(); ++i) {
      const Frame& f = stack_[i];
      p += '/';
      if (f.value->is_object()) {
        p += escapePointerToken(f.key);
      } else if (f.streamed) {
        p += std::to_string(f.delivered);  // the element being built
      } else {
        const bool innermost = i + 1 == stack_.size();
        p += std::to_string(innermost ? f.value->size() : f.value->size() - 1);
      }
    }
    return p;
  }

  bool failString(std::size_t size, bool isKey = false) {
    error_.code = "INPUT_STRING_TOO_LONG";
    error_.pointer = isKey ? parentPointer() : pointer();
    error_.message = std::string(isKey ? "A key" : "The text") + " is " + std::to_string(size) +
                     " bytes long; the limit is " + std::to_string(limits_.maxString) + " bytes.";
    return false;
  }

  std::string parentPointer() const {
    std::string p = pointer();
    auto slash = p.rfind('/');
    return slash == std::string::npos ? std::string() : p.substr(0, slash);
  }

  bool fail(const char* code, const std::string& message) {
    error_.code = code;
    error_.message = message;
    return false;
  }

  const Limits& limits_;
  json& root_;
  ParseError& error_;
  std::vector<Frame> stack_;
  bool streaming_ = false;
  std::string_view streamKey_;
  const ElementVisitor* visit_ = nullptr;
  json element_;  // the streamed element being built
  bool stopped_ = false;
};

bool isBlank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

}  // namespace

namespace {

bool parseImpl(std::string_view text, const Limits& limits, nlohmann::json& out, ParseError& error, bool requireObject,
               std::string_view streamKey, const ElementVisitor* visit) noexcept {
  releaseTree(out);
  try {
    error = ParseError{};
    if (text.size() > limits.maxBytes) {
      error.code = "INPUT_TOO_LARGE";
      // Callers may read only limit + 1 bytes, so the size is a lower bound.
      error.message =
          "The document is over the limit of " + std::to_string(limits.maxBytes) + " bytes; send a smaller one.";
      error.offset = limits.maxBytes;
      return false;
    }
    if (isBlank(text)) {
      error.code = "INPUT_EMPTY";
      error.message = "The document is empty; send one JSON object.";
      return false;
    }
    std::size_t bad = firstInvalidUtf8(text);
    if (bad != text.size()) {
      error.code = "INPUT_INVALID_UTF8";
      error.offset = bad;
      error.message = "Byte " + std::to_string(bad) + " is not valid UTF-8; send the document as UTF-8 text.";
      return false;
    }
    // nlohmann's lexer takes a NUL byte for the end of input and would
    // ignore whatever follows it; JSON allows no raw NUL anywhere (inside a
    // string it is written \u0000), so one is malformed input.
    const std::size_t nul = text.find('\0');
    if (nul != std::string_view::npos) {
      error.code = "INPUT_MALFORMED";
      error.offset = nul;
      error.message = "Byte " + std::to_string(nul) +
                      " is a NUL character, which JSON does not allow; write \\u0000 inside a string if you mean it.";
      return false;
    }
    BoundedBuilder builder(limits, out, error);
    if (!streamKey.empty()) builder.streamMember(streamKey, visit);
    bool ok = json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json,
                              /*strict=*/true);
    if (!ok) {
      if (builder.stoppedByVisitor()) {
        releaseTree(out);
        return false;  // the visitor says why
      }
      if (error.code.empty()) {
        error.code = "INPUT_MALFORMED";
        error.message = "The document is not valid JSON; check its brackets and quotes.";
      }
      releaseTree(out);
      return false;
    }
    if (requireObject && !out.is_object()) {
      error.code = "INPUT_NOT_OBJECT";
      error.message = std::string("The document is a JSON ") + out.type_name() + "; send one JSON object.";
      releaseTree(out);
      return false;
    }
    return true;
  } catch (const std::bad_alloc&) {
    // Free the partial tree first, without allocating, so the message below
    // has memory to be written in.
    releaseTree(out);
    return outOfMemory(error);
  } catch (const std::exception& e) {
    releaseTree(out);
    error.code = "INPUT_MALFORMED";
    error.message = "The document could not be read; check that it is valid JSON.";
    return false;
  }
}

}  // namespace

bool parseBounded(std::string_view text, const Limits& limits, nlohmann::json& out, ParseError& error,
                  bool requireObject) noexcept {
  if (parseFast(text, limits, out, requireObject)) {
    error = ParseError{};  // as the reference parser leaves it on success
    return true;
  }
  return parseImpl(text, limits, out, error, requireObject, {}, nullptr);
}

bool parseBoundedReference(std::string_view text, const Limits& limits, nlohmann::json& out, ParseError& error,
                           bool requireObject) noexcept {
  return parseImpl(text, limits, out, error, requireObject, {}, nullptr);
}

bool parseBoundedStreaming(std::string_view text, const Limits& limits, std::string_view key,
                           const ElementVisitor& visit, nlohmann::json& out, ParseError& error) noexcept {
  return parseImpl(text, limits, out, error, true, key, &visit);
}

bool outOfMemory(ParseError& error) noexcept {
  try {
    error.pointer.clear();
    error.code = "INPUT_TOO_LARGE";
    error.message = "The document needs more memory than is available; send a smaller one.";
  } catch (...) {
    // The strings above fit in their small-string buffers but for the
    // message; a report with the code alone still says what happened.
    error.message.clear();
  }
  return false;
}

}  // namespace smsreg::input
