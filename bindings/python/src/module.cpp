// smsreg for Python (INTERFACE section 7): pybind11 over the C++ API.
// Validation runs with the GIL released, so threads validate in parallel.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <string_view>

#include "smsreg/enablement.hpp"
#include "smsreg/validator.hpp"
#include "smsreg/version.hpp"

namespace py = pybind11;

namespace {

// A rule file or an option the library refuses: smsreg.Error.
struct BuildError {
  std::string message;
};

smsreg::Part parsePart(const std::string& part) {
  if (part == "both") return smsreg::Part::kBoth;
  if (part == "brand") return smsreg::Part::kBrand;
  if (part == "campaign") return smsreg::Part::kCampaign;
  throw py::value_error("part must be \"both\", \"brand\" or \"campaign\", not \"" + part + "\"");
}

std::size_t positiveLimit(const char* name, long long value) {
  if (value < 1) throw py::value_error(std::string(name) + " must be at least 1");
  return static_cast<std::size_t>(value);
}

// The document as UTF-8 JSON text: str and bytes as they are, anything else
// (a dict from a web framework) through json.dumps.
std::string documentText(const py::handle& input) {
  if (py::isinstance<py::bytes>(input)) return input.cast<std::string>();
  if (py::isinstance<py::str>(input)) {
    // A lone surrogate cannot be UTF-8: let the library report INPUT_INVALID_UTF8.
    py::object encoded = input.attr("encode")("utf-8", "surrogatepass");
    return encoded.cast<std::string>();
  }
  if (py::isinstance<py::bytearray>(input) || py::isinstance<py::memoryview>(input)) {
    return py::bytes(py::reinterpret_borrow<py::object>(input)).cast<std::string>();
  }
  py::object dumps = py::module_::import("json").attr("dumps");
  return dumps(input, py::arg("ensure_ascii") = false, py::arg("allow_nan") = false).cast<std::string>();
}

py::object paramValue(const smsreg::Param& p) {
  switch (p.kind) {
    case smsreg::Param::Kind::kList:
      return py::cast(p.list);
    case smsreg::Param::Kind::kNumber:
      // Integers stay int; anything else with a point or exponent is a float.
      if (p.value.find_first_of(".eE") == std::string::npos) return py::int_(py::str(p.value));
      return py::float_(std::stod(p.value));
    case smsreg::Param::Kind::kString:
      break;
  }
  return py::str(p.value);
}

py::dict paramsDict(const smsreg::Finding& f) {
  py::dict d;
  for (const smsreg::Param& p : f.params) d[py::str(p.name)] = paramValue(p);
  return d;
}

std::string findingRepr(const smsreg::Finding& f) { return "Finding(" + f.instanceLocation + " " + f.code + ")"; }

// The registration validator used for account.registration by diagnose().
const smsreg::Validator& defaultValidator() {
  static const smsreg::Validator validator;
  return validator;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "smsreg: is this 10DLC registration ready, and why can't this user send SMS?";
  m.attr("__version__") = SMSREG_VERSION_STRING;
  static py::exception<BuildError> error(m, "Error");
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const BuildError& e) {
      error(e.message.c_str());
    }
  });

  py::class_<smsreg::Finding>(m, "Finding", "One problem at one field.")
      .def_readonly("instance_location", &smsreg::Finding::instanceLocation, "RFC 6901 pointer of the field to edit")
      .def_readonly("code", &smsreg::Finding::code, "stable UPPER_SNAKE_CASE code")
      .def_readonly("message", &smsreg::Finding::message, "English: what is wrong and how to fix it")
      .def_property_readonly("params", &paramsDict, "machine-readable values the message uses")
      .def("__repr__", &findingRepr);

  py::class_<smsreg::Report>(m, "Report", "VERIFIED or NOT_VERIFIED, and every finding.")
      .def_property_readonly("status",
                             [](const smsreg::Report& r) { return r.verified() ? "VERIFIED" : "NOT_VERIFIED"; })
      .def_property_readonly("verified", &smsreg::Report::verified)
      .def_readonly("errors", &smsreg::Report::errors)
      .def_readonly("warnings", &smsreg::Report::warnings)
      .def(
          "to_json", [](const smsreg::Report& r) { return r.toJson(); }, "The report as INTERFACE section 2 writes it.")
      .def("__repr__", [](const smsreg::Report& r) {
        return std::string("Report(") + (r.verified() ? "VERIFIED" : "NOT_VERIFIED") + ", " +
               std::to_string(r.errors.size()) + " errors, " + std::to_string(r.warnings.size()) + " warnings)";
      });

  py::class_<smsreg::Validator>(m, "Validator",
                                "Built once (schemas and rules compiled); safe to share between threads.")
      .def(py::init([](const std::string& part, const std::vector<std::string>& disable, const py::object& rules,
                       long long maxBytes, long long maxDepth, long long maxString, const std::string& profile) {
             smsreg::ValidatorOptions options;
             options.part = parsePart(part);
             options.disabledRules = disable;
             options.profile = profile;
             if (!rules.is_none()) options.extraRulesJson = documentText(rules);
             options.limits = smsreg::Limits{positiveLimit("max_bytes", maxBytes), positiveLimit("max_depth", maxDepth),
                                             positiveLimit("max_string", maxString)};
             std::unique_ptr<smsreg::Validator> v;
             {
               py::gil_scoped_release release;  // compiling the schemas takes a while
               v = std::make_unique<smsreg::Validator>(options);
             }
             if (!v->ok()) throw BuildError{v->error()};
             return v;
           }),
           py::kw_only(), py::arg("part") = "both", py::arg("disable") = std::vector<std::string>(),
           py::arg("rules") = py::none(), py::arg("max_bytes") = smsreg::Limits().maxBytes,
           py::arg("max_depth") = smsreg::Limits().maxDepth, py::arg("max_string") = smsreg::Limits().maxString,
           py::arg("profile") = "")
      .def(
          "validate",
          [](const smsreg::Validator& v, const py::handle& input) {
            std::string text = documentText(input);
            py::gil_scoped_release release;
            return v.validate(text);
          },
          py::arg("document"), "Validates a submission given as str, bytes or dict.");

  m.def(
      "diagnose",
      [](const py::handle& input, int recentDays, int pendingHours, int clockSkewSeconds) {
        if (recentDays < 0 || pendingHours < 0 || clockSkewSeconds < 0) {
          throw py::value_error("recent_days, pending_hours and clock_skew_seconds must be >= 0");
        }
        smsreg::EnablementOptions options;
        options.recentDays = recentDays;
        options.pendingHours = pendingHours;
        options.clockSkewSeconds = clockSkewSeconds;
        std::string text = documentText(input);
        std::string json;
        {
          py::gil_scoped_release release;
          const smsreg::EnablementDiagnoser diagnoser(options, &defaultValidator());
          json = diagnoser.diagnose(text).toJson();
        }
        return py::module_::import("json").attr("loads")(json);
      },
      py::arg("document"), py::kw_only(), py::arg("recent_days") = smsreg::EnablementOptions().recentDays,
      py::arg("pending_hours") = smsreg::EnablementOptions().pendingHours,
      py::arg("clock_skew_seconds") = smsreg::EnablementOptions().clockSkewSeconds,
      "Why can't this user send SMS? The diagnosis (or {'error': ...}) as a dict.");
}
