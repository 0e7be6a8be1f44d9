#include "enablement/batch_reader.hpp"

#include "enablement/input_reader.hpp"

namespace smsreg::enablement {

namespace {

using json = nlohmann::json;

// "/users/0/user/id" → "/users/17/user/id": the one-user batch's pointer as
// the whole document's.
std::string atIndex(const std::string& pointer, std::size_t index) {
  const std::string first = "/users/0";
  if (pointer.compare(0, first.size(), first) != 0) return pointer;
  if (pointer.size() > first.size() && pointer[first.size()] != '/') return pointer;
  return "/users/" + std::to_string(index) + pointer.substr(first.size());
}

}  // namespace

bool readDocument(std::string_view text, const Limits& limits, EnablementInput& out, ReadFailure& failure,
                  const UserVisitor& onUser) {
  // Pass 1: everything but the users, which are parsed, checked against the
  // limits and dropped one by one.
  json root;
  const input::TreeGuard releaseRoot(root);
  const input::ElementVisitor drop;
  if (!input::parseBoundedStreaming(text, limits, "users", drop, root, failure.parseError)) {
    failure.parse = true;
    return false;
  }
  if (!readInput(root, out, failure.shapeError)) return false;
  auto users = root.find("users");
  if (!out.batch || users == root.end() || !users->is_array()) return true;  // one user: read whole above

  // Pass 2: each user as a one-user batch beside asOf and the account
  // (without the registration, which pass 1 read once).
  json frame = json::object();
  const input::TreeGuard releaseFrame(frame);
  frame["asOf"] = root["asOf"];
  if (root.contains("account")) {
    frame["account"] = root["account"];
    if (frame["account"].is_object()) {
      frame["account"].erase("registration");
      // Read once in pass 1 (in.account); re-reading 50,000 campaign numbers
      // for every user would make a batch quadratic.
      auto campaign = frame["account"].find("campaign");
      if (campaign != frame["account"].end() && campaign->is_object()) campaign->erase("numbers");
    }
  }
  frame["users"] = json::array({nullptr});
  input::releaseTree(root);
  bool shapeOk = true;
  const input::ElementVisitor keep = [&](json& element, std::size_t index) {
    std::swap(frame["users"][0], element);
    EnablementInput one;
    if (!readInput(frame, one, failure.shapeError)) {
      failure.shapeError.instanceLocation = atIndex(failure.shapeError.instanceLocation, index);
      shapeOk = false;
      return false;
    }
    onUser(one.users.at(0));
    return true;
  };
  input::ParseError again;
  if (!input::parseBoundedStreaming(text, limits, "users", keep, root, again)) {
    if (shapeOk) {  // pass 1 parsed this text; only memory can fail now
      failure.parse = true;
      failure.parseError = again;
    }
    return false;
  }
  return true;
}

}  // namespace smsreg::enablement
