"""The Flask example answers a valid, an invalid and a malformed registration."""
import json
import os
from pathlib import Path

from flask_app import app

EXAMPLES = Path(os.environ.get("SMSREG_EXAMPLES", Path(__file__).resolve().parents[1]))
client = app.test_client()


def post(body):
    return client.post("/registrations", data=body, content_type="application/json")


def test_verified_registration_gets_200_and_the_report():
    response = post((EXAMPLES / "registration-us.json").read_bytes())
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.get_json() == {"status": "VERIFIED", "errors": [], "warnings": []}


def test_invalid_registration_gets_422_problem_with_every_error():
    response = post((EXAMPLES / "registration-broken.json").read_bytes())
    assert response.status_code == 422 and response.mimetype == "application/problem+json"
    problem = json.loads(response.data)
    assert problem["status"] == 422 and problem["type"] == "about:blank"
    errors = {(e["pointer"], e["code"]) for e in problem["errors"]}
    assert ("#/brand/ein", "EIN_PREFIX_INVALID") in errors and ("#/brand/phone", "FIELD_FORMAT") in errors
    assert len(problem["errors"]) == 12 and all(e["detail"] for e in problem["errors"])


def test_body_that_is_not_a_submission_gets_400():
    response = post(b"{not json")
    assert response.status_code == 400 and response.mimetype == "application/problem+json"
    assert [(e["pointer"], e["code"]) for e in json.loads(response.data)["errors"]] == [("#", "INPUT_MALFORMED")]
