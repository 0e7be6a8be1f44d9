"""Timeouts, header cap, connection cap, CORS, the access log, keep-alive."""
import http.client
import json
import os
import socket
import tempfile
import threading
import time
import unittest

from serve_fixture import Server, body_of, example, read_all, status_of

VALIDATE = "/v1/registrations/validate"


class Hardening(unittest.TestCase):
    def test_slow_client_is_cut_off_and_costs_others_nothing(self):
        with Server("--threads", "2", "--read-timeout", "1", "--request-timeout", "2") as server:
            s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            s.sendall(b"POST " + VALIDATE.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 100\r\n\r\n")
            started = time.monotonic()
            answered = []

            def trickle():  # one byte every 0.4 s: never idle long enough for the read timeout
                try:
                    for _ in range(100):
                        s.sendall(b" ")
                        time.sleep(0.4)
                except OSError:
                    pass
            t = threading.Thread(target=trickle, daemon=True)
            t.start()
            # Meanwhile, another client is served at once.
            t0 = time.monotonic()
            status, _, _ = server.request("POST", VALIDATE, example("registration-us.json"))
            answered.append(time.monotonic() - t0)
            self.assertEqual(status, 200)
            self.assertLess(answered[0], 1.0)
            raw = read_all(s)
            elapsed = time.monotonic() - started
            s.close()
            self.assertEqual(status_of(raw), 408, raw[:200])
            self.assertEqual(json.loads(body_of(raw))["code"], "REQUEST_TIMEOUT")
            self.assertLess(elapsed, 5)
            server.stop()

    def test_header_cap(self):
        with Server() as server:
            headers = b"".join(b"X-Filler-%d: %s\r\n" % (i, b"y" * 1000) for i in range(20))
            raw = server.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n")
            self.assertEqual(status_of(raw), 431, raw[:200])
            self.assertEqual(json.loads(body_of(raw))["code"], "HEADERS_TOO_LARGE")
            # A long Range header (httplib parses it with std::regex) is answered, not a crash.
            rng = b"bytes=" + b",".join(b"0-1" for _ in range(2000))
            raw = server.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nRange: " + rng + b"\r\n\r\n")
            self.assertIsNotNone(status_of(raw))
            self.assertEqual(server.request("GET", "/healthz")[0], 200)
            server.stop()

    def test_connection_cap_answers_503(self):
        with Server("--threads", "1", "--max-connections", "2") as server:
            held = [socket.create_connection(("127.0.0.1", server.port), timeout=10) for _ in range(2)]
            time.sleep(0.3)
            raw = server.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            self.assertEqual(status_of(raw), 503, raw[:200])
            self.assertEqual(json.loads(body_of(raw))["code"], "TOO_MANY_CONNECTIONS")
            for s in held:
                s.close()
            time.sleep(0.3)
            deadline = time.monotonic() + 10
            while server.request("GET", "/healthz")[0] != 200 and time.monotonic() < deadline:
                time.sleep(0.2)
            self.assertEqual(server.request("GET", "/healthz")[0], 200)
            server.stop()

    def test_keep_alive_serves_several_requests_on_one_connection(self):
        with Server() as server:
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            for _ in range(3):
                conn.request("POST", VALIDATE, body=example("registration-us.json"),
                             headers={"Content-Type": "application/json"})
                r = conn.getresponse()
                r.read()
                self.assertEqual(r.status, 200)
            sock = conn.sock
            conn.close()
            self.assertIsNotNone(sock)
            server.stop()

    def test_no_cors_unless_asked(self):
        with Server() as server:
            _, headers, _ = server.request("GET", "/v1/rules", headers={"Origin": "https://forms.example"})
            self.assertNotIn("access-control-allow-origin", headers)
            status, _, _ = server.request("OPTIONS", VALIDATE, headers={"Origin": "https://forms.example"})
            self.assertEqual(status, 405)
            server.stop()
        with Server("--allow-origin", "https://forms.example") as server:
            _, headers, _ = server.request("POST", VALIDATE, example("registration-us.json"),
                                           {"Origin": "https://forms.example", "Content-Type": "application/json"})
            self.assertEqual(headers["access-control-allow-origin"], "https://forms.example")
            _, headers, _ = server.request("GET", "/v1/rules", headers={"Origin": "https://evil.example"})
            self.assertNotIn("access-control-allow-origin", headers)
            status, headers, _ = server.request("OPTIONS", VALIDATE, headers={
                "Origin": "https://forms.example", "Access-Control-Request-Method": "POST"})
            self.assertEqual(status, 204)
            self.assertEqual(headers["access-control-allow-methods"], "POST")
            self.assertEqual(headers["access-control-allow-origin"], "https://forms.example")
            server.stop()

    def test_access_log_is_json_without_bodies(self):
        with tempfile.TemporaryDirectory() as tmp:
            log = os.path.join(tmp, "access.log")
            with Server("--access-log", log) as server:
                secret = "Sekret-Plumbing-Display-Name"
                doc = json.loads(example("registration-us.json"))
                doc["brand"]["displayName"] = secret
                server.request("POST", VALIDATE + "?part=both", json.dumps(doc))
                server.request("GET", "/nowhere")
                self.assertEqual(server.stop(), 0)
            with open(log, encoding="utf-8") as f:
                text = f.read()
            self.assertNotIn(secret, text)
            lines = [json.loads(line) for line in text.splitlines()]
            self.assertEqual(len(lines), 2)
            for line in lines:
                self.assertEqual(list(line), ["time", "method", "path", "status", "bytes", "micros"])
            # A line is written once its response has gone, by the worker that
            # sent it: two requests' lines may land in either order.
            by_path = {line["path"]: line for line in lines}
            self.assertEqual(sorted(by_path), sorted([VALIDATE, "/nowhere"]))
            self.assertEqual((by_path[VALIDATE]["method"], by_path[VALIDATE]["status"]), ("POST", 200))
            self.assertGreater(by_path[VALIDATE]["bytes"], 0)
            self.assertEqual((by_path["/nowhere"]["method"], by_path["/nowhere"]["status"]), ("GET", 404))

    def test_loopback_by_default_and_bad_listen_is_usage_error(self):
        import subprocess
        from serve_fixture import BIN
        r = subprocess.run([BIN, "serve", "--listen", "nonsense"], capture_output=True, timeout=30)
        self.assertEqual(r.returncode, 2)
        r = subprocess.run([BIN, "serve", "--help"], capture_output=True, timeout=30)
        self.assertIn(b"127.0.0.1:8080", r.stdout)
        r = subprocess.run([BIN, "serve", "--listen", "127.0.0.1:0", "--disable", "NO_SUCH_RULE"],
                           capture_output=True, timeout=30)
        self.assertEqual(r.returncode, 2)
        r = subprocess.run([BIN, "serve", "--listen", "127.0.0.1:0", "--profile", "no-such-provider"],
                           capture_output=True, timeout=30)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"no-such-provider", r.stderr)


if __name__ == "__main__":
    unittest.main()
