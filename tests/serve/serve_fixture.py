"""Starts `smsreg serve` on a free loopback port for a test, and small HTTP helpers.

The binary and the source tree come from the environment ctest sets:
SMSREG_BIN (the smsreg executable) and SMSREG_SOURCE_DIR.
"""
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
import unittest

BIN = os.environ.get("SMSREG_BIN", "smsreg")
SOURCE_DIR = os.environ.get("SMSREG_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
OUT_DIR = os.environ.get("SMSREG_TEST_OUT", os.getcwd())


def example(name):
    with open(os.path.join(SOURCE_DIR, "examples", name), "rb") as f:
        return f.read()


class Server:
    """One `smsreg serve --listen 127.0.0.1:0 ARGS…`; the port is read from its stderr."""

    def __init__(self, *args):
        self.args = list(args)
        self.proc = None
        self.port = None
        self.stderr_lines = []

    def __enter__(self):
        self.proc = subprocess.Popen([BIN, "serve", "--listen", "127.0.0.1:0", *self.args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while self.port is None:
            line = self.proc.stderr.readline().decode()
            if not line:
                raise RuntimeError("smsreg serve exited: " + "".join(self.stderr_lines))
            self.stderr_lines.append(line)
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
            if m:
                self.port = int(m.group(1))
            if time.monotonic() > deadline:
                raise RuntimeError("smsreg serve did not start")
        # Keep draining stderr so the service never blocks on a full pipe.
        self._drain = threading.Thread(target=self._read_rest, daemon=True)
        self._drain.start()
        return self

    def _read_rest(self):
        for line in self.proc.stderr:
            self.stderr_lines.append(line.decode())

    def stop(self, sig=signal.SIGTERM, timeout=30):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        code = self.proc.wait(timeout=timeout)
        self._drain.join(timeout=5)
        return code

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()

    def url(self, path="/"):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def request(self, method, path, body=None, headers=None, timeout=10):
        """(status, headers dict with lower-case names, body bytes)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            hdrs = dict(headers or {})
            if body is not None and "Content-Type" not in hdrs:
                hdrs["Content-Type"] = "application/json"
            conn.request(method, path, body=body, headers=hdrs)
            r = conn.getresponse()
            data = r.read()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, data
        finally:
            conn.close()

    def json(self, method, path, body=None, headers=None):
        status, hdrs, data = self.request(method, path, body, headers)
        return status, hdrs, json.loads(data)

    def raw(self, payload, read_timeout=10, shut_write=False):
        """Sends raw bytes on a new connection; returns everything read until close."""
        s = socket.create_connection(("127.0.0.1", self.port), timeout=read_timeout)
        try:
            s.sendall(payload)
            if shut_write:
                s.shutdown(socket.SHUT_WR)
            return read_all(s)
        finally:
            s.close()


def read_all(sock):
    chunks = []
    while True:
        try:
            b = sock.recv(65536)
        except (ConnectionResetError, socket.timeout):
            break
        if not b:
            break
        chunks.append(b)
    return b"".join(chunks)


def status_of(raw_response):
    m = re.match(rb"HTTP/1\.1 (\d{3})", raw_response)
    return int(m.group(1)) if m else None


def body_of(raw_response):
    return raw_response.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in raw_response else b""


class SharedServerTest(unittest.TestCase):
    """Test classes that share one default server for all their tests."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server.__exit__(None, None, None)
