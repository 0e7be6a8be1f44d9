// JSON forms of findings and reports, shared by the report writer and the
// enablement diagnosis (which carries registration errors in its actions).
#ifndef SMSREG_REPORT_REPORT_JSON_HPP
#define SMSREG_REPORT_REPORT_JSON_HPP

#include <nlohmann/json.hpp>

#include "smsreg/report.hpp"

namespace smsreg::report {

nlohmann::ordered_json findingToJson(const Finding& finding);
nlohmann::ordered_json findingsToJson(const std::vector<Finding>& findings);
nlohmann::ordered_json reportToJson(const Report& report);

}  // namespace smsreg::report

#endif  // SMSREG_REPORT_REPORT_JSON_HPP
