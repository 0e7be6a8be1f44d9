// The registration validator: bounded parse → schema stage → rule stage →
// findings routed by the catalogue's severities → sorted report.
#include "smsreg/validator.hpp"

#include <algorithm>
#include <forward_list>
#include <iterator>
#include <set>
#include <string_view>
#include <utility>

#include "input/bounded_json.hpp"
#include "input/recycled_tree.hpp"
#include "registration/field_catalogue.hpp"
#include "registration/schema_findings.hpp"
#include "registration/schema_stage_probe.hpp"
#include "report/finding_builder.hpp"
#include "rules/content_data.hpp"
#include "rules/pattern_rules.hpp"
#include "rules/rule_catalogue.hpp"
#include "rules/rule_context.hpp"
#include "rules/unicode_text.hpp"
#include "schema/compiled_schema.hpp"
#include "schema/embedded.hpp"
#include "schema/schema_evaluator.hpp"

namespace smsreg {

namespace {

using json = nlohmann::json;

// Findings of one code listed per document; the rest are counted in one
// summary finding of that code at "" (params.omitted), docs/limits.md.
constexpr std::size_t kMaxFindingsPerCode = 200;

thread_local registration::SchemaStageProbe* tSchemaStageProbe = nullptr;

Report inputError(const std::string& pointer, const std::string& code, const std::string& message) {
  Report r;
  r.status = Status::kNotVerified;
  r.errors.push_back(report::makeFinding(pointer, code, message));
  return r;
}

}  // namespace

struct Validator::Impl {
  ValidatorOptions options;
  rules::RuleCatalogue catalogue;
  std::unique_ptr<registration::FieldCatalogue> fields;
  std::unique_ptr<schema::CompiledSchema> schema;  // valijson: the reference, and the fallback
  // The schema compiled into small checks (schema_evaluator.hpp); null when
  // it declined the schema, and valijson runs instead.
  std::unique_ptr<schema::SchemaEvaluator> evaluator;
  std::string evaluatorDeclined;
  // The evaluator's lookup id of each of the brand's and the campaign's
  // property names (FieldCatalogue), for the members prepareSubmission kept.
  std::vector<std::uint32_t> partIds[2];
  const rules::ContentData* content = nullptr;
  std::string error;

  bool build() {
    if (!catalogue.load(options, error)) return false;
    content = rules::contentData(&error);
    if (content == nullptr) return false;
    json document;
    input::ParseError why;
    if (!input::parseBounded(embedded::find("registration.schema.json"), Limits{16u << 20, 64, 1u << 20}, document,
                             why)) {
      error = "registration.schema.json: " + why.message;
      return false;
    }
    fields = std::make_unique<registration::FieldCatalogue>(document);
    // One part alone: the other is neither required nor read.
    if (options.part == Part::kBrand) document["required"] = json::array({"brand"});
    if (options.part == Part::kCampaign) document["required"] = json::array({"campaign"});
    schema = schema::CompiledSchema::compile(document, error);
    if (!schema) {
      error = "registration.schema.json: " + error;
      return false;
    }
    evaluator = schema::SchemaEvaluator::compile(document, *schema, evaluatorDeclined);
    if (evaluator) {
      const registration::FieldCatalogue::Part parts[] = {registration::FieldCatalogue::kBrand,
                                                          registration::FieldCatalogue::kCampaign};
      for (std::size_t part = 0; part < 2; ++part) {
        const registration::FieldInfo* info = fields->part(parts[part]);
        if (info != nullptr) partIds[part] = evaluator->lookupIds(info->properties);
      }
    }
    return true;
  }

  // The schema stage: the evaluator, or valijson when it declined the schema
  // or a probe (the differential test) asks for the reference.
  // `kept` is prepareSubmission's record of the brand and the campaign.
  void validateSchema(const json& doc, std::vector<schema::RawError>& raw,
                      const registration::KeptMembers& kept) const {
    registration::SchemaStageProbe* probe = tSchemaStageProbe;
    if (probe == nullptr) {
      if (evaluator) {
        schema::WalkedObject walked[2];
        std::size_t count = 0;
        for (std::size_t part = 0; part < 2; ++part) {
          // A part walked in full, whose names the evaluator's ids cover.
          if (kept.objects[part] == nullptr || kept.count[part] > registration::KeptMembers::kMaxMembers ||
              kept.names[part] == nullptr || partIds[part].size() != kept.names[part]->size()) {
            continue;
          }
          walked[count++] = {kept.objects[part], kept.members[part].data(), kept.count[part], partIds[part].data()};
        }
        evaluator->validate(doc, &raw, false, walked, count);
      } else {
        schema->validate(doc, &raw);
      }
      return;
    }
    probe->usedEvaluator = evaluator && probe->path == registration::SchemaPath::kEvaluator;
    probe->declined = evaluatorDeclined;
    if (probe->usedEvaluator) {
      evaluator->validate(doc, &raw, probe->wrappers);
    } else {
      schema->validate(doc, &raw);
    }
    if (probe->raw != nullptr) *probe->raw = raw;
  }

  Report run(std::string_view text) const {
    // The tree of this thread's last document, updated in place; released
    // without allocating if memory runs out below (as TreeGuard).
    input::RecycledTree recycled;
    json& doc = recycled.tree();
    input::ParseError why;
    if (!recycled.parse(text, options.limits, why)) return inputError(why.pointer, why.code, why.message);
    // Whether normalising would change no string of the document, known
    // when the parse listed the strings that are not plain ASCII (at once:
    // the list views the parser's buffer). Until the rules read it the tree
    // only loses members and elements (the part's erase, prepareSubmission),
    // which changes no string, and gains a string only where a keyword list
    // is tidied: one that is plain ASCII changes on normalising no more than
    // the document's others; any other drops what the parse knew. The schema
    // stage reads the tree const. Else normalizedDocument walks it.
    const input::NonPlainStrings* nonPlain = recycled.nonPlainStrings();
    bool unchanged = nonPlain != nullptr && !rules::normalizingChangesAny(*nonPlain);
    if (options.part == Part::kBrand) {
      doc.erase("campaign");
      doc.erase("phoneNumbers");
    } else if (options.part == Part::kCampaign) {
      doc.erase("brand");
    }
    std::vector<Finding> findings, unknownKeys;
    // Tidies the keyword lists in the same pass (registration::tidyKeywordLists).
    registration::KeptMembers kept;
    registration::prepareSubmission(doc, *fields, findings, unknownKeys, kept);
    if (kept.wroteNonPlain) unchanged = false;
    std::vector<schema::RawError> raw;
    validateSchema(doc, raw, kept);
    registration::translateSchemaErrors(raw, doc, *fields, findings);
    // After the schema's findings, as always: routing sorts them, but keeps
    // the first of two at one place with one code.
    std::move(unknownKeys.begin(), unknownKeys.end(), std::back_inserter(findings));

    std::set<std::string, std::less<>> flagged;
    for (const Finding& f : findings) flagged.insert(f.instanceLocation);
    // Rules read the text normalised (spaces, accents, zero-width, quotes);
    // messages that quote a name quote the user's own.
    json copy;
    const json& normalized = unchanged ? doc : rules::normalizedDocument(doc, copy);
    // The pass above found the brand's and the campaign's members; the rules
    // read them from there unless normalising made a copy of the document.
    rules::MemberIndex::Known known;
    for (std::size_t part = 0; part < 2; ++part) {
      known.names[part] = kept.names[part];
      known.byId[part] = kept.byId[part].data();
    }
    rules::RuleContext ctx(normalized, doc, std::move(flagged), *content, findings,
                           &normalized == &doc ? &known : nullptr);
    rules::checkBrand(ctx);
    rules::checkCampaign(ctx);
    rules::checkContent(ctx);
    rules::checkUsecaseContent(ctx);
    rules::checkConsent(ctx);
    rules::checkPatterns(catalogue, ctx);
    return route(std::move(findings));
  }

  // Applies severities and disabled codes, drops repeats, caps each code
  // at kMaxFindingsPerCode with one summary finding for the rest, sorts.
  Report route(std::vector<Finding> findings) const {
    Report r;
    std::sort(findings.begin(), findings.end(), findingLess);
    // Repeats are adjacent once sorted; the first of each is kept. Dropping
    // them first lets every kept finding move into the report.
    findings.erase(std::unique(findings.begin(), findings.end(),
                               [](const Finding& a, const Finding& b) {
                                 return a.instanceLocation == b.instanceLocation && a.code == b.code;
                               }),
                   findings.end());
    if (findings.empty()) {
      r.status = Status::kVerified;
      return r;
    }
    // Each code's count, in the order first met: a document has a few codes,
    // so a short list, not a map of copied strings. A code the catalogue
    // knows is its rule's (which outlives this call); another is copied into
    // `unlisted`, whose nodes never move.
    std::vector<std::pair<std::string_view, std::size_t>> perCode;
    std::forward_list<std::string> unlisted;
    for (Finding& f : findings) {
      const rules::Rule* rule = catalogue.find(f.code);
      if (rule != nullptr && !rule->enabled) continue;
      auto counted =
          std::find_if(perCode.begin(), perCode.end(),
                       [&f](const std::pair<std::string_view, std::size_t>& c) { return c.first == f.code; });
      if (counted == perCode.end()) {
        const std::string_view code =
            rule != nullptr ? std::string_view(rule->code) : std::string_view(unlisted.emplace_front(f.code));
        counted = perCode.insert(perCode.end(), {code, 0});
      }
      if (++counted->second > kMaxFindingsPerCode) continue;
      bool warning = rule != nullptr && rule->severity == rules::Severity::kWarning;
      (warning ? r.warnings : r.errors).push_back(std::move(f));
    }
    // The summaries in code order, as the map gave them.
    std::sort(perCode.begin(), perCode.end());
    for (const auto& [codeView, count] : perCode) {
      if (count <= kMaxFindingsPerCode) continue;
      const std::string code(codeView);
      const std::size_t more = count - kMaxFindingsPerCode;
      Finding f = report::makeFinding("", code,
                                      std::to_string(more) + " more " + code + " findings are not listed; fix the " +
                                          std::to_string(kMaxFindingsPerCode) + " above and validate again.");
      report::withNumber(f, "omitted", static_cast<long long>(more));
      const rules::Rule* rule = catalogue.find(code);
      const bool warning = rule != nullptr && rule->severity == rules::Severity::kWarning;
      auto& list = warning ? r.warnings : r.errors;
      list.insert(std::upper_bound(list.begin(), list.end(), f, findingLess), std::move(f));
    }
    r.status = r.errors.empty() ? Status::kVerified : Status::kNotVerified;
    return r;
  }
};

Validator::Validator(const ValidatorOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  try {
    if (!impl_->build()) impl_->schema.reset();
  } catch (const std::exception& e) {
    impl_->schema.reset();
    if (impl_->error.empty()) impl_->error = e.what();
  }
}

Validator::~Validator() = default;

bool Validator::ok() const { return impl_->schema != nullptr; }
const std::string& Validator::error() const { return impl_->error; }

Report Validator::validate(std::string_view text) const noexcept {
  try {
    if (!ok()) return inputError("", "INPUT_MALFORMED", "The validator could not be built: " + impl_->error);
    return impl_->run(text);
  } catch (const std::bad_alloc&) {
    // Everything the attempt held is freed by now (the DOM without
    // allocating, see TreeGuard), so this small report can be built.
    return inputError("", "INPUT_TOO_LARGE", "The document needs more memory than is available; send a smaller one.");
  } catch (...) {
    return inputError("", "INPUT_MALFORMED", "The document could not be validated; check that it is a submission.");
  }
}

namespace registration {

SchemaStageProbeScope::SchemaStageProbeScope(SchemaStageProbe& probe) : outer_(tSchemaStageProbe) {
  tSchemaStageProbe = &probe;
}
SchemaStageProbeScope::~SchemaStageProbeScope() { tSchemaStageProbe = outer_; }
SchemaStageProbe* currentSchemaStageProbe() { return tSchemaStageProbe; }

}  // namespace registration

std::vector<RuleInfo> Validator::rules() const { return rules::describe(impl_->catalogue); }

std::string rulesVersion() {
  rules::RuleCatalogue catalogue;
  std::string error;
  catalogue.load(ValidatorOptions(), error);
  return catalogue.version();
}

}  // namespace smsreg
