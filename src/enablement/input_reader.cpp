#include "enablement/input_reader.hpp"

#include <initializer_list>
#include <string>

#include "enablement/licenses.hpp"
#include "enablement/phone_numbers.hpp"

namespace smsreg::enablement {

namespace {

using nlohmann::json;

const char* typeName(const json& v) {
  switch (v.type()) {
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::null:
      return "null";
    default:
      return "a number";
  }
}

bool isBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Shape checks with the first error kept; every check returns false once an
// error is set so callers can chain them with &&.
class Reader {
 public:
  explicit Reader(EnablementError& error) : error_(error) {}

  bool fail(const std::string& pointer, const char* code, const std::string& message) {
    error_.instanceLocation = pointer;
    error_.code = code;
    error_.message = message;
    return false;
  }

  // The member `key` of `obj`, or nullptr when absent or null (null means absent).
  static const json* member(const json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return nullptr;
    return &*it;
  }

  bool object(const json* v, const std::string& pointer, bool required, const char* what) {
    if (v == nullptr) {
      return !required || fail(pointer, "FIELD_REQUIRED", std::string("Add ") + what + ".");
    }
    if (!v->is_object()) {
      return fail(pointer, "FIELD_TYPE", std::string(what) + " must be an object, not " + typeName(*v) + ".");
    }
    return true;
  }

  // A string member; absent, null or blank is "" (an error when required).
  bool string(const json& obj, const char* key, const std::string& pointer, bool required, std::string& out) {
    const json* v = member(obj, key);
    const std::string at = pointer + "/" + key;
    if (v != nullptr && !v->is_string()) {
      return fail(at, "FIELD_TYPE", std::string("`") + key + "` must be a string, not " + typeName(*v) + ".");
    }
    out = v != nullptr ? v->get<std::string>() : std::string();
    if (isBlank(out)) {
      out.clear();
      if (required) return fail(at, "FIELD_REQUIRED", std::string("Add `") + key + "`.");
    }
    return true;
  }

  bool oneOf(const std::string& value, std::initializer_list<const char*> allowed, const std::string& pointer,
             const char* key) {
    std::string list;
    for (const char* a : allowed) {
      if (value == a) return true;
      list += list.empty() ? "" : ", ";
      list += a;
    }
    return fail(pointer, "FIELD_ENUM", std::string("`") + key + "` is \"" + value + "\"; use one of " + list + ".");
  }

  bool time(const json& obj, const char* key, const std::string& pointer, bool required, bool& has, Instant& out,
            std::string* text = nullptr) {
    std::string s;
    if (!string(obj, key, pointer, required, s)) return false;
    has = !s.empty();
    if (!has) return true;
    if (!parseRfc3339(s, out)) {
      return fail(
          pointer + "/" + key, "FIELD_FORMAT",
          std::string("`") + key + "` \"" + s + "\" is not an RFC 3339 time; write it like 2026-11-20T08:00:00Z.");
    }
    if (text != nullptr) *text = s;
    return true;
  }

  // A phone number in any written form, read with `region` (the account's
  // country) and kept in E.164; absent, null or blank is "".
  bool number(const json& obj, const char* key, const std::string& pointer, bool required, const std::string& region,
              std::string& out, std::string* outRegion = nullptr) {
    std::string written;
    if (!string(obj, key, pointer, required, written)) return false;
    out.clear();
    return written.empty() || readNumber(written, pointer + "/" + key, key, region, out, outRegion);
  }

  bool readNumber(const std::string& written, const std::string& at, const char* key, const std::string& region,
                  std::string& out, std::string* outRegion = nullptr) {
    PhoneNumber n;
    if (!readPhoneNumber(written, region, n, outRegion != nullptr)) {
      return fail(at, "FIELD_FORMAT",
                  std::string("`") + key + "` \"" + written +
                      "\" is not a phone number that can be read; write it in E.164 form, such as +14155550123.");
    }
    out = std::move(n.e164);
    if (outRegion != nullptr) *outRegion = std::move(n.region);
    return true;
  }

  // An optional array of strings, each passed to `item(text, pointer)`;
  // absent or null calls nothing. Blank items are errors: an export that
  // writes "" in a list lost a value.
  template <typename Item>
  bool stringList(const json& obj, const char* key, const std::string& pointer, Item item) {
    const json* v = member(obj, key);
    if (v == nullptr) return true;
    const std::string at = pointer + "/" + key;
    if (!v->is_array()) {
      return fail(at, "FIELD_TYPE",
                  std::string("`") + key + "` must be an array of strings, not " + typeName(*v) + ".");
    }
    std::size_t i = 0;
    for (const json& e : *v) {
      const std::string ip = at + "/" + std::to_string(i++);
      if (!e.is_string()) {
        return fail(ip, "FIELD_TYPE",
                    std::string("Each item of `") + key + "` must be a string, not " + typeName(e) + ".");
      }
      const std::string& text = e.get_ref<const std::string&>();
      if (isBlank(text)) return fail(ip, "FIELD_REQUIRED", std::string("An item of `") + key + "` is blank.");
      if (!item(text, ip)) return false;
    }
    return true;
  }

 private:
  EnablementError& error_;
};

// account.campaign.numbers and maxNumbers (INTERFACE 3.1).
bool readCampaignCapacity(Reader& r, const json& campaign, AccountInput& account) {
  const std::string p = "/account/campaign";
  account.hasNumbers = Reader::member(campaign, "numbers") != nullptr;
  if (!r.stringList(campaign, "numbers", p, [&](const std::string& text, const std::string& at) {
        std::string e164;
        if (!r.readNumber(text, at, "numbers", account.country, e164)) return false;
        account.numbers.insert(std::move(e164));  // duplicates in an export count once
        return true;
      })) {
    return false;
  }
  const json* max = Reader::member(campaign, "maxNumbers");
  if (max == nullptr) return true;
  if (!max->is_number_integer()) {
    return r.fail(p + "/maxNumbers", "FIELD_TYPE",
                  std::string("`maxNumbers` must be a whole number, not ") + typeName(*max) + ".");
  }
  if (!max->is_number_unsigned()) {
    return r.fail(p + "/maxNumbers", "FIELD_FORMAT", "`maxNumbers` must be 0 or more.");
  }
  account.hasMaxNumbers = true;
  account.maxNumbers = max->get<std::size_t>();
  return true;
}

// account.smsLicenses: the licenses that include SMS (INTERFACE 3.1).
bool readSmsLicenses(Reader& r, const json& a, AccountInput& account) {
  account.hasSmsLicenses = Reader::member(a, "smsLicenses") != nullptr;
  return r.stringList(a, "smsLicenses", "/account", [&](const std::string& text, const std::string&) {
    if (account.smsLicenses.insert(normalizeLicense(text)).second) account.smsLicensesWritten.push_back(text);
    return true;
  });
}

bool readAccount(Reader& r, const json& root, AccountInput& account) {
  const json* a = Reader::member(root, "account");
  if (!r.object(a, "/account", true, "`account`")) return false;
  if (!r.string(*a, "country", "/account", true, account.country)) return false;
  const std::string& c = account.country;
  if (c.size() != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z') {
    return r.fail("/account/country", "FIELD_FORMAT",
                  "`country` \"" + c + "\" is not an ISO 3166 code of two capital letters, such as US.");
  }
  const json* campaign = Reader::member(*a, "campaign");
  if (!r.object(campaign, "/account/campaign", false, "`campaign`")) return false;
  if (campaign != nullptr) {
    account.hasCampaign = true;
    if (!r.string(*campaign, "status", "/account/campaign", true, account.campaignStatus) ||
        !r.oneOf(account.campaignStatus, {"VERIFIED", "PENDING", "FAILED", "SUSPENDED", "EXPIRED", "DEACTIVATED"},
                 "/account/campaign/status", "status") ||
        !r.time(*campaign, "statusChangedAt", "/account/campaign", false, account.hasStatusChangedAt,
                account.statusChangedAt) ||
        !readCampaignCapacity(r, *campaign, account)) {
      return false;
    }
  }
  if (!readSmsLicenses(r, *a, account)) return false;
  const json* registration = Reader::member(*a, "registration");
  if (!r.object(registration, "/account/registration", false, "`registration`")) return false;
  if (registration != nullptr) {
    account.hasRegistration = true;
    account.registrationJson = registration->dump(-1, ' ', false, json::error_handler_t::replace);
  }
  return true;
}

bool readEvent(Reader& r, const json& e, const std::string& p, int index, const std::string& region, Event& ev) {
  if (!r.object(&e, p, true, "an event")) return false;
  ev.index = index;
  bool hasAt = false;
  std::string type;
  if (!r.time(e, "at", p, true, hasAt, ev.at, &ev.atText) || !r.string(e, "type", p, true, type)) return false;
  if (type == "PHONE_NUMBER_CHANGED" || type == "PORT_IN_COMPLETED") {
    ev.type = type == "PORT_IN_COMPLETED" ? EventType::kPortInCompleted : EventType::kPhoneNumberChanged;
    return r.number(e, "from", p, true, region, ev.from) && r.number(e, "to", p, true, region, ev.to);
  }
  if (type == "LICENSE_REMOVED" || type == "LICENSE_ASSIGNED") {
    ev.type = type == "LICENSE_REMOVED" ? EventType::kLicenseRemoved : EventType::kLicenseAssigned;
    std::string license;
    if (!r.string(e, "license", p, false, license)) return false;
    ev.license = licenseName(std::move(license));
    return true;
  }
  if (type == "SMS_DISABLED") {
    ev.type = EventType::kSmsDisabled;
    return r.string(e, "by", p, true, ev.by) && r.oneOf(ev.by, {"ADMIN", "SYSTEM"}, p + "/by", "by");
  }
  if (type == "SMS_ENABLED") {
    ev.type = EventType::kSmsEnabled;
    return r.number(e, "number", p, true, region, ev.number);
  }
  if (type == "SMS_ENABLE_FAILED" || type == "SMS_DISABLE_FAILED") {
    ev.type = type == "SMS_ENABLE_FAILED" ? EventType::kSmsEnableFailed : EventType::kSmsDisableFailed;
    return true;
  }
  if (type == "CAMPAIGN_STATUS_CHANGED") {
    ev.type = EventType::kCampaignStatusChanged;
    static const std::initializer_list<const char*> kStatuses = {"VERIFIED",  "PENDING", "FAILED",
                                                                 "SUSPENDED", "EXPIRED", "DEACTIVATED"};
    return r.string(e, "from", p, true, ev.from) && r.oneOf(ev.from, kStatuses, p + "/from", "from") &&
           r.string(e, "to", p, true, ev.to) && r.oneOf(ev.to, kStatuses, p + "/to", "to");
  }
  return r.oneOf(type,
                 {"PHONE_NUMBER_CHANGED", "LICENSE_REMOVED", "LICENSE_ASSIGNED", "SMS_DISABLED", "SMS_ENABLED",
                  "SMS_ENABLE_FAILED", "CAMPAIGN_STATUS_CHANGED", "SMS_DISABLE_FAILED", "PORT_IN_COMPLETED"},
                 p + "/type", "type");
}

// The numbers the user holds (INTERFACE 3.1): phoneNumber (absent or null:
// none now), otherNumbers, numberType.
bool readUserNumbers(Reader& r, const json& u, const std::string& up, const std::string& region, UserInput& user) {
  if (!r.number(u, "phoneNumber", up, false, region, user.phoneNumber, &user.phoneRegion) ||
      !r.stringList(u, "otherNumbers", up, [&](const std::string& text, const std::string& at) {
        std::string e164;
        if (!r.readNumber(text, at, "otherNumbers", region, e164)) return false;
        user.otherNumbers.push_back(std::move(e164));
        return true;
      })) {
    return false;
  }
  std::string type;
  if (!r.string(u, "numberType", up, false, type)) return false;
  if (type.empty() || type == "LOCAL") return true;
  if (type == "TOLL_FREE")
    user.numberType = NumberType::kTollFree;
  else if (type == "VIRTUAL")
    user.numberType = NumberType::kVirtual;
  else if (type == "TEMPORARY")
    user.numberType = NumberType::kTemporary;
  else
    return r.oneOf(type, {"LOCAL", "TOLL_FREE", "VIRTUAL", "TEMPORARY"}, up + "/numberType", "numberType");
  return true;
}

// `holder` has `user` and optional `events`; `p` is its pointer ("" or /users/N).
bool readUser(Reader& r, const json& holder, const std::string& p, const std::string& region, UserInput& user) {
  const json* u = Reader::member(holder, "user");
  const std::string up = p + "/user";
  if (!r.object(u, up, true, "`user`")) return false;
  std::string license;
  if (!r.string(*u, "id", up, true, user.id) || !readUserNumbers(r, *u, up, region, user) ||
      !r.string(*u, "license", up, false, license)) {
    return false;
  }
  user.license = licenseName(std::move(license));
  const json* sms = Reader::member(*u, "sms");
  if (!r.object(sms, up + "/sms", false, "`sms`")) return false;
  if (sms != nullptr) {
    user.hasSms = true;
    const std::string sp = up + "/sms";
    std::string smsLicense;
    if (!r.string(*sms, "state", sp, true, user.sms.state) ||
        !r.oneOf(user.sms.state, {"ENABLED", "PENDING", "DISABLED", "FAILED", "DISABLE_PENDING", "DISABLE_FAILED"},
                 sp + "/state", "state") ||
        !r.number(*sms, "number", sp, false, region, user.sms.number) ||
        !r.string(*sms, "license", sp, false, smsLicense) ||
        !r.time(*sms, "enabledAt", sp, false, user.sms.hasEnabledAt, user.sms.enabledAt)) {
      return false;
    }
    user.sms.license = licenseName(std::move(smsLicense));
  }
  const json* events = Reader::member(holder, "events");
  if (events == nullptr) return true;
  if (!events->is_array()) {
    return r.fail(p + "/events", "FIELD_TYPE",
                  std::string("`events` must be an array, not ") + typeName(*events) + ".");
  }
  user.events.reserve(events->size());
  int index = 0;
  for (const json& e : *events) {
    Event ev;
    if (!readEvent(r, e, p + "/events/" + std::to_string(index), index, region, ev)) return false;
    user.events.push_back(std::move(ev));
    ++index;
  }
  return true;
}

}  // namespace

bool readInput(const json& root, EnablementInput& out, EnablementError& error) {
  Reader r(error);
  bool hasAsOf = false;
  if (!r.time(root, "asOf", "", true, hasAsOf, out.asOf) || !readAccount(r, root, out.account)) return false;
  const json* users = Reader::member(root, "users");
  const json* user = Reader::member(root, "user");
  if (users == nullptr) {
    out.batch = false;
    out.users.resize(1);
    return readUser(r, root, "", out.account.country, out.users[0]);
  }
  if (user != nullptr) {
    return r.fail("/user", "FIELD_FORBIDDEN", "Give either one `user` or a `users` batch, not both.");
  }
  if (!users->is_array()) {
    return r.fail("/users", "FIELD_TYPE", std::string("`users` must be an array, not ") + typeName(*users) + ".");
  }
  out.batch = true;
  out.users.resize(users->size());
  for (std::size_t i = 0; i < users->size(); ++i) {
    const std::string p = "/users/" + std::to_string(i);
    if (!r.object(&(*users)[i], p, true, "a batch entry") ||
        !readUser(r, (*users)[i], p, out.account.country, out.users[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace smsreg::enablement
