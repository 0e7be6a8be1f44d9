"""Each error status of INTERFACE section 6 (400, 404, 405, 413, 415) as RFC 9457 problems."""
import json
import socket
import time
import unittest

from serve_fixture import SharedServerTest, Server, body_of, example, read_all, status_of

VALIDATE = "/v1/registrations/validate"
DIAGNOSE = "/v1/enablement/diagnose"


class Errors(SharedServerTest):
    def assertProblem(self, status, headers, data, want_status, want_code):
        self.assertEqual(status, want_status, data)
        self.assertEqual(headers["content-type"], "application/problem+json")
        p = json.loads(data)
        for key in ("type", "title", "status", "detail", "code"):
            self.assertIn(key, p)
        self.assertEqual(p["status"], want_status)
        self.assertEqual(p["code"], want_code)
        return p

    def test_400_for_each_kind_of_bad_registration_body(self):
        cases = [(b"", "INPUT_EMPTY"), (b"{\"brand\": ", "INPUT_MALFORMED"), (b"[1]", "INPUT_NOT_OBJECT"),
                 (b"{\"a\": \"\xff\"}", "INPUT_INVALID_UTF8"), (b"{\"a\":1,\"a\":2}", "INPUT_DUPLICATE_KEY"),
                 (b"{\"a\":" * 70 + b"1" + b"}" * 70, "INPUT_TOO_DEEP"),
                 (b"{\"brand\":{\"displayName\":\"" + b"x" * 70000 + b"\"}}", "INPUT_STRING_TOO_LONG")]
        for body, code in cases:
            with self.subTest(code=code):
                p = self.assertProblem(*self.server.request("POST", VALIDATE, body), 400, code)
                self.assertIn("instanceLocation", p)
        p = self.assertProblem(*self.server.request("POST", VALIDATE, cases[-1][0]), 400, "INPUT_STRING_TOO_LONG")
        self.assertEqual(p["instanceLocation"], "/brand/displayName")

    def test_400_for_enablement_that_breaks_its_shape(self):
        doc = json.loads(example("enablement-number-changed.json"))
        doc["events"][0]["at"] = "yesterday"
        status, headers, data = self.server.request("POST", DIAGNOSE, json.dumps(doc))
        p = self.assertProblem(status, headers, data, 400, json.loads(data).get("code"))
        self.assertEqual(p["instanceLocation"], "/events/0/at")
        self.assertRegex(p["code"], r"^[A-Z][A-Z0-9_]+$")
        self.assertProblem(*self.server.request("POST", DIAGNOSE, b"{"), 400, "INPUT_MALFORMED")

    def test_404_unknown_path(self):
        self.assertProblem(*self.server.request("GET", "/v2/nothing"), 404, "NOT_FOUND")
        self.assertProblem(*self.server.request("POST", "/v1/registrations", b"{}"), 404, "NOT_FOUND")

    def test_405_with_allow(self):
        status, headers, data = self.server.request("GET", VALIDATE)
        self.assertProblem(status, headers, data, 405, "METHOD_NOT_ALLOWED")
        self.assertEqual(headers["allow"], "POST")
        status, headers, data = self.server.request("DELETE", "/v1/rules")
        self.assertProblem(status, headers, data, 405, "METHOD_NOT_ALLOWED")
        self.assertEqual(headers["allow"], "GET, HEAD")
        status, headers, data = self.server.request("PUT", DIAGNOSE, b"{}")
        self.assertProblem(status, headers, data, 405, "METHOD_NOT_ALLOWED")

    def test_415_for_other_media_types_and_encodings(self):
        for ctype in ("text/plain", "application/x-www-form-urlencoded", "application/jsonx"):
            with self.subTest(ctype=ctype):
                self.assertProblem(*self.server.request("POST", VALIDATE, b"{}", {"Content-Type": ctype}), 415,
                                   "UNSUPPORTED_MEDIA_TYPE")
        raw = self.server.raw(b"POST " + VALIDATE.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                              b"Connection: close\r\n\r\n{}")
        self.assertEqual(status_of(raw), 415)
        self.assertProblem(*self.server.request("POST", VALIDATE, b"{}",
                                                {"Content-Type": "application/json", "Content-Encoding": "gzip"}),
                           415, "UNSUPPORTED_CONTENT_ENCODING")
        # Parameters and case do not matter.
        status, _, _ = self.server.request("POST", VALIDATE, example("registration-us.json"),
                                           {"Content-Type": "Application/JSON; charset=utf-8"})
        self.assertEqual(status, 200)

    def test_413_before_the_body_is_read(self):
        # Headers announce 2 MiB; not one byte of the body is sent, and the
        # answer comes anyway: the limit is applied to Content-Length.
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        s.sendall(b"POST " + VALIDATE.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 2097152\r\n\r\n")
        started = time.monotonic()
        raw = read_all(s)
        s.close()
        self.assertEqual(status_of(raw), 413)
        self.assertLess(time.monotonic() - started, 3)
        self.assertIn(b"Connection: close", raw)
        p = json.loads(body_of(raw))
        self.assertEqual(p["code"], "INPUT_TOO_LARGE")

    def test_413_for_enablement_only_over_64_mib(self):
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        s.sendall(b"POST " + DIAGNOSE.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: %d\r\n\r\n" % (64 * 1024 * 1024 + 1))
        raw = read_all(s)
        s.close()
        self.assertEqual(status_of(raw), 413)
        # 2 MiB is fine for enablement: the body is read and diagnosed (here: not valid JSON -> 400).
        status, _, _ = self.server.request("POST", DIAGNOSE, b" " * (2 * 1024 * 1024) + b"{")
        self.assertEqual(status, 400)

    def test_413_for_a_chunked_body_stops_at_the_limit(self):
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        s.sendall(b"POST " + VALIDATE.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"%x\r\n%s\r\n" % (65536, b" " * 65536)
        sent = 0
        try:
            for _ in range(40):  # 2.5 MiB offered; the service stops after 1 MiB
                s.sendall(chunk)
                sent += 1
        except (BrokenPipeError, ConnectionResetError):
            pass
        raw = read_all(s)
        s.close()
        self.assertEqual(status_of(raw), 413, raw[:200])

    def test_expect_100_continue_refused_unsent(self):
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        s.sendall(b"POST " + VALIDATE.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 5000000\r\nExpect: 100-continue\r\n\r\n")
        raw = read_all(s)
        s.close()
        self.assertEqual(status_of(raw), 413)
        self.assertNotIn(b"100 Continue", raw)


class ConfiguredLimits(unittest.TestCase):
    def test_max_bytes_bounds_both_endpoints(self):
        with Server("--max-bytes", "1000") as server:
            big = json.dumps({"brand": {"displayName": "x" * 2000}})
            status, _, data = server.request("POST", VALIDATE, big)
            self.assertEqual((status, json.loads(data)["code"]), (413, "INPUT_TOO_LARGE"))
            status, _, _ = server.request("POST", DIAGNOSE, big)
            self.assertEqual(status, 413)
            server.stop()


if __name__ == "__main__":
    unittest.main()
