"""A Flask backend for the registration form: POST /registrations answers
200 with the report when VERIFIED; 422 application/problem+json (RFC 9457)
with one entry per error when NOT_VERIFIED; 400 the same way when the body is
not a submission at all (an INPUT_* code). Run: flask --app flask_app run"""
from urllib.parse import quote

from flask import Flask, Response, json, request

import smsreg

app = Flask(__name__)
validator = smsreg.Validator()  # built once, shared by every request and thread


def problem(report):
    not_a_submission = any(e.code.startswith("INPUT_") for e in report.errors)
    status = 400 if not_a_submission else 422
    body = {
        "type": "about:blank",
        "title": "Bad Request" if not_a_submission else "Unprocessable Content",
        "status": status,
        "detail": f"The registration is NOT_VERIFIED: {len(report.errors)} error(s) to fix.",
        # RFC 9457 section 3: a JSON Pointer into the request body, as a URI fragment.
        "errors": [{"pointer": "#" + quote(e.instance_location, safe="/~!$&'()*+,;=:@"),
                    "code": e.code, "detail": e.message} for e in report.errors],
        "warnings": [{"pointer": "#" + quote(w.instance_location, safe="/~!$&'()*+,;=:@"),
                      "code": w.code, "detail": w.message} for w in report.warnings],
    }
    return Response(json.dumps(body), status, mimetype="application/problem+json")


@app.post("/registrations")
def register():
    report = validator.validate(request.get_data())  # bytes as sent; the GIL is released meanwhile
    if not report.verified:
        return problem(report)
    return Response(report.to_json(), 200, mimetype="application/json")
