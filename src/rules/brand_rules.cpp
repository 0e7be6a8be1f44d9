// Brand checks a schema cannot express: tax IDs, regions, postal codes,
// NANP numbers, email domains, website scheme, entity type by country.
#include "report/finding_builder.hpp"
#include "rules/domain_checks.hpp"
#include "rules/rule_context.hpp"

namespace smsreg::rules {

// Comparisons with a literal as a view: inline, not std::string::compare
// and strlen a call.
using namespace std::string_view_literals;

namespace {

using report::makeFinding;
using report::withList;
using report::withText;

void checkUsTaxId(RuleContext& ctx, const std::string& ein) {
  const std::string p = "/brand/ein";
  if (looksLikeSsn(ein)) {
    ctx.add(makeFinding(p, "EIN_LOOKS_LIKE_SSN",
                        "\"" + ein +
                            "\" is written like a Social Security number (NNN-NN-NNNN); TCR rejects SSNs "
                            "as tax IDs. Enter the business's EIN from its IRS letter (NN-NNNNNNN)."));
  }
  EinCheck check = checkUsEin(ein);
  if (check.result == EinCheck::Result::kFormat) {
    ctx.add(makeFinding(p, "EIN_FORMAT",
                        "Write the EIN as 9 digits, NN-NNNNNNN (for example 12-3456789), as on the IRS letter."));
  } else if (check.result == EinCheck::Result::kPrefix) {
    Finding f =
        makeFinding(p, "EIN_PREFIX_INVALID",
                    "EIN prefix " + check.prefix + " is not issued by the IRS; check the number on your IRS letter.");
    withText(f, "prefix", check.prefix);
    ctx.add(std::move(f));
  }
}

void checkCanadianTaxId(RuleContext& ctx, const std::string& bn) {
  const std::string p = "/brand/ein";
  BnCheck check = checkCanadianBn(bn);
  if (check.result == BnCheck::Result::kFormat) {
    ctx.add(makeFinding(p, "BN_FORMAT",
                        "Write the Canadian Business Number as 9 digits (BN9, e.g. 123026635) or as BN15 "
                        "(e.g. 123026635RC0001), as on the CRA registration."));
  } else if (check.result == BnCheck::Result::kChecksum) {
    Finding f =
        makeFinding(p, "BN_CHECKSUM",
                    "Business Number " + check.normalized +
                        " fails its check digit: a digit is mistyped. Copy it again from the CRA registration.");
    withText(f, "value", check.normalized);
    ctx.add(std::move(f));
  }
}

void checkTaxId(RuleContext& ctx) {
  const std::string& ein = ctx.clean("/brand/ein");
  if (ein.empty() || ctx.text("/brand/entityType") == "SOLE_PROPRIETOR"sv) return;
  std::string_view issuer = ctx.clean("/brand/einIssuingCountry");
  if (issuer.empty()) issuer = ctx.text("/brand/country");
  if (issuer == "CA"sv) {
    checkCanadianTaxId(ctx, ein);
  } else if (issuer == "US"sv) {
    checkUsTaxId(ctx, ein);
  }
}

void checkRegion(RuleContext& ctx) {
  const std::string& country = ctx.text("/brand/country");
  const std::string& state = ctx.clean("/brand/state");
  if (state.empty() || (country != "US"sv && country != "CA"sv)) return;
  bool known = country == "US"sv ? isUsState(state) : isCaProvince(state);
  if (known) return;
  std::string suggestion = suggestRegion(state, country);
  std::string kind = country == "US"sv ? "US state" : "Canadian province or territory";
  std::string message = "\"" + state.substr(0, 60) + "\" is not a " + kind + " code; ";
  message += suggestion.empty() ? "use the two-letter code, e.g. " + std::string(country == "US"sv ? "IL." : "ON.")
                                : "use " + suggestion + " (" + regionName(suggestion, country) + ").";
  Finding f = makeFinding("/brand/state", "STATE_UNKNOWN", message);
  withText(f, "country", country);
  if (!suggestion.empty()) withText(f, "suggestion", suggestion);
  ctx.add(std::move(f));
}

void checkCanadianPostalCode(RuleContext& ctx) {
  if (ctx.text("/brand/country") != "CA"sv) return;
  const std::string& postal = ctx.clean("/brand/postalCode");
  if (postal.empty()) return;
  std::string province = ctx.text("/brand/state");
  if (!isCaProvince(province)) province = suggestRegion(province, "CA");
  CaPostalCheck check = checkCanadianPostal(postal, province);
  const std::string p = "/brand/postalCode";
  switch (check.result) {
    case CaPostalCheck::Result::kOk:
      return;
    case CaPostalCheck::Result::kFormat:
      ctx.add(makeFinding(p, "POSTAL_CODE_FORMAT",
                          "Write the Canadian postal code as letter-digit-letter digit-letter-digit, e.g. K1A 0B1."));
      return;
    case CaPostalCheck::Result::kLetters: {
      Finding f = makeFinding(p, "POSTAL_CODE_LETTERS",
                              "Canadian postal codes never use the letter " + check.badLetter +
                                  " there; check the code on the brand's mail.");
      withText(f, "letter", check.badLetter);
      ctx.add(std::move(f));
      return;
    }
    case CaPostalCheck::Result::kProvinceMismatch: {
      Finding f = makeFinding(p, "POSTAL_CODE_PROVINCE_MISMATCH",
                              "Postal code " + check.normalized + " belongs to " +
                                  report::joinWords(check.provincesForLetter, " or ") + ", not " + province +
                                  "; correct the postal code or the province.");
      withText(f, "province", province);
      withList(f, "expected", check.provincesForLetter);
      ctx.add(std::move(f));
      return;
    }
  }
}

void checkPhone(RuleContext& ctx, const std::string& p) {
  const std::string& number = ctx.clean(p);
  if (number.size() != 12 || number.compare(0, 2, "+1") != 0) return;
  NanpProblem problem = checkNanp(number);
  if (problem != NanpProblem::kNone) {
    Finding f =
        makeFinding(p, "PHONE_NANP_INVALID",
                    number + " is not a dialable North American number: " + describe(problem) + ". Check the number.");
    withText(f, "reason", describe(problem));
    ctx.add(std::move(f));
  } else if (isFictional555(number)) {
    ctx.add(makeFinding(p, "PHONE_FICTIONAL",
                        number + " is in the 555-0100 to 555-0199 range reserved for fiction; give a real number."));
  }
}

void checkPhones(RuleContext& ctx) {
  checkPhone(ctx, "/brand/phone");
  checkPhone(ctx, "/brand/mobilePhone");
  const nlohmann::json* numbers = ctx.value("/phoneNumbers");
  if (numbers != nullptr && numbers->is_array()) {
    for (std::size_t i = 0; i < numbers->size(); ++i) checkPhone(ctx, "/phoneNumbers/" + std::to_string(i));
  }
}

void checkEmailDomains(RuleContext& ctx) {
  for (const char* p : {"/brand/email", "/brand/businessContactEmail"}) {
    const std::string& email = ctx.clean(p);
    if (email.empty() || !isEmailSyntax(email)) continue;
    const std::string domain = emailDomain(email);
    if (!isFreeMailDomain(domain)) continue;
    Finding f = makeFinding(p, "EMAIL_FREE_DOMAIN",
                            "Use an address on the brand's own domain; carriers reject free-mail support "
                            "addresses such as @" +
                                domain + ".");
    withText(f, "domain", domain);
    ctx.add(std::move(f));
  }
}

void checkWebsite(RuleContext& ctx) {
  const std::string& site = ctx.clean("/brand/website");
  if (site.rfind("http://", 0) != 0) return;
  Finding f =
      makeFinding("/brand/website", "WEBSITE_NOT_HTTPS", "Serve the website over https and give its https:// address.");
  withText(f, "suggestion", "https://" + site.substr(7));
  ctx.add(std::move(f));
}

void checkEntityCountry(RuleContext& ctx) {
  const std::string& type = ctx.text("/brand/entityType");
  if (ctx.text("/brand/country") != "CA"sv || (type != "NON_PROFIT"sv && type != "GOVERNMENT"sv)) return;
  Finding f = makeFinding("/brand/entityType", "ENTITY_TYPE_US_ONLY",
                          type +
                              " brands are verified against US records only (IRS 501(c), US government); a "
                              "Canadian " +
                              (type == "NON_PROFIT"sv ? "non-profit" : "public body") +
                              " will likely fail vetting. Consider PRIVATE_PROFIT or ask the provider.");
  withText(f, "entityType", type);
  ctx.add(std::move(f));
}

}  // namespace

void checkBrand(RuleContext& ctx) {
  if (ctx.has("brand")) {
    checkTaxId(ctx);
    checkRegion(ctx);
    checkCanadianPostalCode(ctx);
    checkEmailDomains(ctx);
    checkWebsite(ctx);
    checkEntityCountry(ctx);
  }
  checkPhones(ctx);
}

}  // namespace smsreg::rules
