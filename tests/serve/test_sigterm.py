"""SIGTERM during load: the service stops accepting, answers every request it
accepted (including one whose body is still arriving), and exits 0."""
import http.client
import re
import signal
import socket
import threading
import time
import unittest

from serve_fixture import Server, example, read_all, status_of

VALIDATE = "/v1/registrations/validate"


class Sigterm(unittest.TestCase):
    def test_sigterm_during_load_answers_every_accepted_request(self):
        body = example("registration-broken.json")
        with Server("--threads", "4") as server:
            stop = threading.Event()
            results = {"ok": 0, "bad_status": [], "refused": 0, "dropped_after_send": 0}
            lock = threading.Lock()

            def client():
                while not stop.is_set():
                    # One connection per request (Connection: close): a request
                    # the service accepted is one it must answer.
                    try:
                        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=15)
                        conn.connect()
                    except OSError:
                        with lock:
                            results["refused"] += 1
                        time.sleep(0.01)
                        continue
                    try:
                        conn.request("POST", VALIDATE, body=body,
                                     headers={"Content-Type": "application/json", "Connection": "close"})
                        r = conn.getresponse()
                        r.read()
                        with lock:
                            if r.status == 200:
                                results["ok"] += 1
                            else:
                                results["bad_status"].append(r.status)
                    except (OSError, http.client.HTTPException):
                        with lock:
                            results["dropped_after_send"] += 1
                    finally:
                        conn.close()

            workers = [threading.Thread(target=client) for _ in range(8)]
            for w in workers:
                w.start()
            # A request whose body is still arriving when the signal comes.
            slow = socket.create_connection(("127.0.0.1", server.port), timeout=15)
            slow.sendall(b"POST " + VALIDATE.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: %d\r\n\r\n" % len(body) + body[:100])
            time.sleep(1.0)
            server.proc.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            slow.sendall(body[100:])
            slow_answer = read_all(slow)
            slow.close()
            code = server.proc.wait(timeout=30)
            stop.set()
            for w in workers:
                w.join(timeout=30)
            server._drain.join(timeout=5)
            stderr = "".join(server.stderr_lines)

        self.assertEqual(code, 0, stderr)
        self.assertEqual(status_of(slow_answer), 200, slow_answer[:200])
        self.assertEqual(results["bad_status"], [])
        self.assertGreater(results["ok"], 20)
        # The service's own count: every connection it accepted was answered.
        m = re.search(r"accepted (\d+) connections?, answered (\d+) requests?", stderr)
        self.assertIsNotNone(m, stderr)
        accepted, answered = int(m.group(1)), int(m.group(2))
        self.assertEqual(accepted, answered)
        # Clients saw every answer the service gave (+1: the slow request).
        self.assertEqual(answered, results["ok"] + 1)


if __name__ == "__main__":
    unittest.main()
