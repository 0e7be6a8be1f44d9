"""The Python binding's contract (INTERFACE section 7)."""
import json
import os
import threading
import time
from pathlib import Path

import pytest
import smsreg

EXAMPLES = Path(os.environ.get("SMSREG_EXAMPLES", Path(__file__).resolve().parents[3] / "examples"))
VALID = (EXAMPLES / "registration-us.json").read_text(encoding="utf-8")
BROKEN = (EXAMPLES / "registration-broken.json").read_text(encoding="utf-8")
ENABLEMENT = (EXAMPLES / "enablement-number-changed.json").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def validator():
    return smsreg.Validator()


def by_code(findings):
    return {(f.instance_location, f.code): f for f in findings}


def test_valid_submission_as_str_bytes_and_dict(validator):
    for document in (VALID, VALID.encode("utf-8"), json.loads(VALID)):
        report = validator.validate(document)
        assert report.status == "VERIFIED" and report.verified
        assert report.errors == [] and report.warnings == []


def test_findings_carry_pointer_code_message_params(validator):
    report = validator.validate(BROKEN)
    assert report.status == "NOT_VERIFIED" and not report.verified
    errors = by_code(report.errors)
    ein = errors[("/brand/ein", "EIN_PREFIX_INVALID")]
    assert ein.params == {"prefix": "07"} and "07" in ein.message
    assert errors[("/brand/phone", "FIELD_FORMAT")].params["suggestion"] == "+13125478810"
    assert ("/brand/email", "EMAIL_FREE_DOMAIN") in by_code(report.warnings)


def test_to_json_is_the_contract_report(validator):
    report = validator.validate(BROKEN)
    parsed = json.loads(report.to_json())
    assert parsed["status"] == "NOT_VERIFIED"
    assert [e["code"] for e in parsed["errors"]] == [f.code for f in report.errors]


def test_number_params_are_numbers(validator):
    doc = json.loads(VALID)
    doc["campaign"]["description"] = "Too short."
    finding = by_code(validator.validate(doc).errors)[("/campaign/description", "FIELD_TOO_SHORT")]
    assert all(isinstance(v, int) for k, v in finding.params.items() if k != "suggestion")


def test_bad_input_is_a_report_not_an_exception(validator):
    for document, code in ((b"", "INPUT_EMPTY"), ("{", "INPUT_MALFORMED"), (b"\xff{}", "INPUT_INVALID_UTF8"),
                           ("[1]", "INPUT_NOT_OBJECT"), ("\ud800", "INPUT_INVALID_UTF8")):
        report = validator.validate(document)
        assert [(f.instance_location, f.code) for f in report.errors] == [("", code)], document


def test_options_part_disable_limits():
    doc = json.loads(BROKEN)
    brand = smsreg.Validator(part="brand", disable=("EIN_PREFIX_INVALID",))
    locations = [f.instance_location for f in brand.validate(doc).errors]
    assert locations and all(loc.startswith("/brand") for loc in locations)
    assert ("/brand/ein", "EIN_PREFIX_INVALID") not in by_code(brand.validate(doc).errors)
    tiny = smsreg.Validator(max_bytes=100)
    assert tiny.validate(BROKEN).errors[0].code == "INPUT_TOO_LARGE"
    with pytest.raises(ValueError):
        smsreg.Validator(part="everything")
    with pytest.raises(ValueError):
        smsreg.Validator(max_depth=0)


def test_profile_turns_provider_rules_into_errors():
    doc = json.loads(VALID)
    del doc["campaign"]["termsAndConditionsLink"]
    neutral = smsreg.Validator().validate(doc)
    assert neutral.verified and ("/campaign/termsAndConditionsLink", "TERMS_LINK_MISSING") in by_code(neutral.warnings)
    strict = smsreg.Validator(profile="twilio-2026").validate(doc)
    assert not strict.verified and ("/campaign/termsAndConditionsLink", "TERMS_LINK_MISSING") in by_code(strict.errors)
    with pytest.raises(smsreg.Error, match="no-such-provider"):
        smsreg.Validator(profile="no-such-provider")


def test_unusable_rule_file_raises_smsreg_error():
    with pytest.raises(smsreg.Error):
        smsreg.Validator(rules='{"rules": 3')
    with pytest.raises(smsreg.Error, match="NO_SUCH_CODE"):
        smsreg.Validator(disable=["NO_SUCH_CODE"])


def test_diagnose_returns_a_dict():
    diagnosis = smsreg.diagnose(ENABLEMENT)
    assert diagnosis["state"] == "DISABLED" and diagnosis["canSend"] is False
    assert [c["code"] for c in diagnosis["causes"]] == ["PHONE_NUMBER_CHANGED"]
    assert smsreg.diagnose(json.loads(ENABLEMENT), recent_days=1, pending_hours=1)["userId"] == "u-204"
    assert "error" in smsreg.diagnose('{"asOf": 1}')
    assert smsreg.diagnose(ENABLEMENT, clock_skew_seconds=0)["state"] == "DISABLED"
    with pytest.raises(ValueError):
        smsreg.diagnose(ENABLEMENT, clock_skew_seconds=-1)


def test_four_threads_give_the_sequential_results(validator):
    docs = [VALID, BROKEN] * 20
    expected = [validator.validate(d).to_json() for d in docs]
    results = [None] * 4

    def work(i):
        results[i] = [validator.validate(d).to_json() for d in docs]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


def test_gil_is_released_while_validating(validator):
    # With the switch interval far longer than the test, another thread runs
    # during validate() only if validate() releases the GIL.
    big = json.loads(VALID)
    big["phoneNumbers"] = ["+1312547%04d" % i for i in range(9000)]
    document = json.dumps(big)
    ticks = 0
    started = threading.Event()
    stop = False

    def ticker():
        nonlocal ticks
        started.set()
        while not stop:
            ticks += 1
            time.sleep(0)  # releases the GIL, so the main thread can start validate()

    previous = __import__("sys").getswitchinterval()
    __import__("sys").setswitchinterval(100.0)
    try:
        t = threading.Thread(target=ticker)
        t.start()
        started.wait()
        before = ticks
        for _ in range(20):  # twenty windows, so a loaded machine still schedules the ticker in some
            validator.validate(document)
        during = ticks - before
        stop = True
        t.join()
    finally:
        __import__("sys").setswitchinterval(previous)
    assert during > 10, f"the other thread ran {during} times during 20 calls of validate()"


def test_version_and_type_stubs():
    assert smsreg.__version__.count(".") == 2
    assert Path(smsreg.__file__).with_name("__init__.pyi").exists()
    assert Path(smsreg.__file__).with_name("py.typed").exists()
