"""smsreg: is this 10DLC registration ready, and why can't this user send SMS?

    import smsreg
    validator = smsreg.Validator()          # once: schemas and rules compiled
    report = validator.validate(request_body)  # str, bytes or dict; any thread
    if not report.verified:
        for f in report.errors:
            print(f.instance_location, f.code, f.message, f.params)
"""
from ._core import Error, Finding, Report, Validator, __version__, diagnose

__all__ = ["Error", "Finding", "Report", "Validator", "diagnose", "__version__"]
