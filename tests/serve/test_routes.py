"""Every row of INTERFACE section 6's table, over real HTTP on loopback."""
import json
import os
import re
import subprocess
import time
import unittest

from serve_fixture import SharedServerTest, BIN, SOURCE_DIR, Server, example


class Routes(SharedServerTest):
    def test_validate_valid_example_is_verified(self):
        status, headers, report = self.server.json("POST", "/v1/registrations/validate",
                                                   example("registration-us.json"))
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "application/json")
        self.assertEqual(report, {"status": "VERIFIED", "errors": [], "warnings": []})

    def test_validate_broken_example_is_200_not_verified(self):
        status, _, report = self.server.json("POST", "/v1/registrations/validate", example("registration-broken.json"))
        self.assertEqual(status, 200)
        self.assertEqual(report["status"], "NOT_VERIFIED")
        where = {(e["instanceLocation"], e["code"]) for e in report["errors"]}
        self.assertIn(("/brand/ein", "EIN_PREFIX_INVALID"), where)
        phone = [e for e in report["errors"] if e["instanceLocation"] == "/brand/phone"]
        self.assertEqual(phone[0]["params"]["suggestion"], "+13125478810")

    def test_validate_same_report_as_cli(self):
        body = example("registration-broken.json")
        cli = subprocess.run([BIN, "validate", "--format", "json", "-"], input=body, capture_output=True)
        _, _, data = self.server.request("POST", "/v1/registrations/validate", body)
        self.assertEqual(json.loads(data), json.loads(cli.stdout))

    def test_validate_part_brand_and_campaign(self):
        full = json.loads(example("registration-us.json"))
        brand_only = json.dumps({"brand": full["brand"]})
        status, _, report = self.server.json("POST", "/v1/registrations/validate?part=brand", brand_only)
        self.assertEqual((status, report["status"]), (200, "VERIFIED"))
        status, _, report = self.server.json("POST", "/v1/registrations/validate", brand_only)
        self.assertEqual(report["status"], "NOT_VERIFIED")
        self.assertIn("/campaign", [e["instanceLocation"] for e in report["errors"]])
        campaign_only = json.dumps({"campaign": full["campaign"]})
        status, _, report = self.server.json("POST", "/v1/registrations/validate?part=campaign", campaign_only)
        self.assertEqual((status, report["status"]), (200, "VERIFIED"))
        status, _, problem = self.server.json("POST", "/v1/registrations/validate?part=bogus", brand_only)
        self.assertEqual((status, problem["code"]), (400, "QUERY_PART_INVALID"))

    def test_diagnose_one_user(self):
        status, _, d = self.server.json("POST", "/v1/enablement/diagnose", example("enablement-number-changed.json"))
        self.assertEqual(status, 200)
        self.assertEqual(d["state"], "DISABLED")
        self.assertFalse(d["canSend"])
        self.assertEqual([c["code"] for c in d["causes"]], ["PHONE_NUMBER_CHANGED"])
        self.assertEqual(d["actions"][0]["code"], "RE_ENABLE_SMS")

    def test_diagnose_batch(self):
        one = json.loads(example("enablement-number-changed.json"))
        ok_user = json.loads(json.dumps(one["user"]))
        ok_user.update({"id": "u-ok", "phoneNumber": one["user"]["sms"]["number"]})
        ok_user["sms"]["state"] = "ENABLED"
        batch = {"asOf": one["asOf"], "account": one["account"],
                 "users": [{"user": one["user"], "events": one["events"]}, {"user": ok_user, "events": []}]}
        status, _, out = self.server.json("POST", "/v1/enablement/diagnose", json.dumps(batch))
        self.assertEqual(status, 200)
        self.assertEqual([r["userId"] for r in out["results"]], ["u-204", "u-ok"])
        self.assertEqual(out["summary"]["users"], 2)
        self.assertEqual(out["summary"]["canSend"], 1)

    def test_rules_as_cli_writes_them(self):
        status, _, rules = self.server.json("GET", "/v1/rules")
        cli = subprocess.run([BIN, "rules", "--format", "json"], capture_output=True, check=True)
        self.assertEqual(status, 200)
        self.assertEqual(rules, json.loads(cli.stdout))
        self.assertIn("EIN_PREFIX_INVALID", [r["code"] for r in rules["rules"]])

    def test_schema_is_the_shipped_registration_schema(self):
        status, _, schema = self.server.json("GET", "/v1/schemas/registration")
        with open(os.path.join(SOURCE_DIR, "schemas", "registration.schema.json"), encoding="utf-8") as f:
            self.assertEqual(schema, json.load(f))
        self.assertEqual(status, 200)

    def test_healthz(self):
        status, _, body = self.server.json("GET", "/healthz")
        self.assertEqual((status, body), (200, {"status": "ok"}))

    def test_head_has_no_body(self):
        status, headers, data = self.server.request("HEAD", "/healthz")
        self.assertEqual((status, data), (200, b""))

    def test_metrics_count_requests_latency_and_verdicts(self):
        self.server.request("POST", "/v1/registrations/validate", example("registration-us.json"))
        self.server.request("POST", "/v1/registrations/validate", example("registration-broken.json"))
        self.server.request("GET", "/no/such/path")
        # A request is counted once its answer is written, just after the
        # client may have read it: poll briefly.
        for _ in range(50):
            status, headers, data = self.server.request("GET", "/metrics")
            text = data.decode()
            count = re.search(r'smsreg_http_requests_total\{path="/v1/registrations/validate",method="POST",'
                              r'status="200"\} (\d+)', text)
            if count and int(count.group(1)) >= 2 and 'path="other",method="GET",status="404"' in text:
                break
            time.sleep(0.05)
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/plain; version=0.0.4"))
        self.assertGreaterEqual(int(count.group(1)), 2)
        self.assertRegex(text, r'smsreg_http_requests_total\{path="other",method="GET",status="404"\} [1-9]')
        self.assertRegex(text, r'smsreg_http_request_duration_seconds_bucket\{path="/v1/registrations/validate",'
                               r'le="\+Inf"\} [1-9]')
        self.assertRegex(text, r'smsreg_registration_verdicts_total\{status="VERIFIED"\} [1-9]')
        self.assertRegex(text, r'smsreg_registration_verdicts_total\{status="NOT_VERIFIED"\} [1-9]')
        self.assertRegex(text, r"process_resident_memory_bytes [1-9]\d*")

    def test_pages_and_their_assets_carry_the_csp(self):
        for page in ("/", "/enablement"):
            status, headers, data = self.server.request("GET", page)
            self.assertEqual(status, 200, page)
            self.assertEqual(headers["content-type"], "text/html; charset=utf-8")
            csp = headers["content-security-policy"]
            self.assertIn("default-src 'none'", csp)
            self.assertIn("script-src 'self'", csp)
            self.assertIn("style-src 'self'", csp)
            self.assertNotIn("unsafe-inline", csp)
            html = data.decode()
            # No inline script or style: every script has a src, no style attributes or blocks.
            self.assertNotRegex(html, r"<script(?![^>]*\bsrc=)")
            self.assertNotRegex(html, r"<style|\sstyle=")
            for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
                s, h, _ = self.server.request("GET", asset)
                self.assertEqual(s, 200, asset)
                self.assertIn("content-security-policy", h)
                self.assertEqual(h["x-content-type-options"], "nosniff")
            self.assertNotRegex(html, r'(?:src|href)="(?:https?:)?//')


if __name__ == "__main__":
    unittest.main()
