// JSON form of findings for the enablement diagnosis, which carries
// registration errors in its actions.
#ifndef SMSREG_REPORT_REPORT_JSON_HPP
#define SMSREG_REPORT_REPORT_JSON_HPP

#include <nlohmann/json.hpp>

#include "smsreg/report.hpp"

namespace smsreg::report {

// The findings as Report::toJson writes them, as a JSON array value.
nlohmann::ordered_json findingsToJson(const std::vector<Finding>& findings);

}  // namespace smsreg::report

#endif  // SMSREG_REPORT_REPORT_JSON_HPP
