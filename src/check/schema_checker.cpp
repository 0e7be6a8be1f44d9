// smsreg::SchemaChecker: a user's draft-07 schema over the shared schema engine.
#include <nlohmann/json.hpp>

#include "check/error_messages.hpp"
#include "check/keyword_locator.hpp"
#include "check/ref_resolver.hpp"
#include "check/remote_loader.hpp"
#include "check/valijson_errors.hpp"
#include "input/bounded_json.hpp"
#include "input/json_pointer.hpp"
#include "schema/compiled_schema.hpp"
#include "smsreg/schema_check.hpp"

namespace smsreg {

namespace {

// The last reference token of a JSON Pointer: the keyword of a keywordLocation.
std::string lastToken(const std::string& pointer) {
  auto slash = pointer.rfind('/');
  return slash == std::string::npos ? pointer : pointer.substr(slash + 1);
}

std::string ownMessage(const schema::KeywordSpec& spec, const std::string& detail) {
  using Kind = schema::KeywordSpec::Kind;
  switch (spec.kind) {
    case Kind::kPattern:
      return "does not match the pattern \"" + spec.text + "\"";
    case Kind::kFormat:
      return "is not a valid " + spec.text;
    case Kind::kMinLength:
      return "is " + detail + " characters long, shorter than " + std::to_string(spec.limit);
    case Kind::kMaxLength:
      return "is " + detail + " characters long, longer than " + std::to_string(spec.limit);
    case Kind::kUniqueItems:
      return "item " + detail + " repeats an earlier item";
    case Kind::kForbidden:
      return "property \"" + detail + "\" is not allowed";
    case Kind::kPatternProperties:
      return "property \"" + detail + "\" fails the schema of a pattern it matches";
    case Kind::kAdditionalProperties:
      return "property \"" + detail + "\" is not allowed by additionalProperties";
    case Kind::kAnyOf:
      return "The value matches none of the schemas under \"anyOf\".";
    case Kind::kOneOf:
      return "The value must match exactly one of the schemas under \"oneOf\".";
    default:
      return detail;
  }
}

}  // namespace

struct SchemaChecker::Impl {
  SchemaCheckOptions options;
  std::string error;
  std::unique_ptr<schema::CompiledSchema> compiled;
  std::unique_ptr<check::KeywordLocator> locator;
};

SchemaChecker::SchemaChecker(std::string_view schemaJson, const SchemaCheckOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  nlohmann::json document;
  input::ParseError parseError;
  if (!input::parseBounded(schemaJson, options.limits, document, parseError, false)) {
    impl_->error = "the schema is not usable JSON: " + parseError.message;
    return;
  }
  try {
    std::vector<schema::SchemaDocument> documents;
    if (!check::resolveReferences(std::move(document), check::makeRemoteLoader(options), documents, impl_->error)) {
      return;
    }
    impl_->locator = std::make_unique<check::KeywordLocator>(documents);
    impl_->compiled = schema::CompiledSchema::compileDocuments(std::move(documents), impl_->error);
  } catch (const std::exception& e) {
    impl_->compiled.reset();
    impl_->error = std::string("the schema cannot be loaded: ") + e.what();
  }
  if (!impl_->compiled && impl_->error.empty()) impl_->error = "the schema cannot be loaded";
}

SchemaChecker::~SchemaChecker() = default;

bool SchemaChecker::ok() const { return impl_->compiled != nullptr; }
const std::string& SchemaChecker::error() const { return impl_->error; }

SchemaCheckResult SchemaChecker::check(std::string_view instanceJson) const noexcept {
  SchemaCheckResult result;
  try {
    if (!impl_->compiled) {
      result.errors.push_back({"", "", "SCHEMA_UNUSABLE", impl_->error});
      return result;
    }
    nlohmann::json instance;
    const input::TreeGuard release(instance);  // no allocating teardown if memory runs out below
    input::ParseError parseError;
    if (!input::parseBounded(instanceJson, impl_->options.limits, instance, parseError, false)) {
      result.errors.push_back({parseError.pointer, "", parseError.code, parseError.message});
      return result;
    }
    std::vector<schema::RawError> raw;
    result.valid = impl_->compiled->validate(instance, &raw);
    for (const schema::RawError& r : raw) {
      SchemaError e;
      e.instanceLocation = r.instanceLocation;
      if (r.spec != nullptr) {
        e.keywordLocation = r.spec->keywordLocation;
        e.code = check::codeOfKeyword(lastToken(r.spec->keywordLocation));
        e.message = ownMessage(*r.spec, r.detail);
      } else if (!r.keywordLocation.empty()) {  // smsreg's "type" and "multipleOf"
        e.keywordLocation = r.keywordLocation;
        e.code = check::codeOfKeyword(lastToken(r.keywordLocation));
        e.message =
            check::messageFor(lastToken(r.keywordLocation), r.detail, impl_->locator->valueAt(r.keywordLocation),
                              input::findPointer(instance, r.instanceLocation));
      } else {
        const std::string keyword = check::keywordOfDescription(r.detail);
        e.code = check::codeOfKeyword(keyword);
        e.keywordLocation = impl_->locator->locate(r.instanceLocation, keyword);
        e.message = check::messageFor(keyword, r.detail, impl_->locator->valueAt(e.keywordLocation),
                                      input::findPointer(instance, r.instanceLocation));
      }
      result.errors.push_back(std::move(e));
    }
  } catch (const std::bad_alloc&) {
    result.valid = false;
    result.errors.clear();
    result.errors.push_back({"", "", "INPUT_TOO_LARGE", "The instance needs more memory than is available to check."});
  } catch (...) {
    result.valid = false;
    result.errors.push_back({"", "", "SCHEMA_UNUSABLE", "the instance could not be checked"});
  }
  return result;
}

}  // namespace smsreg
