#!/usr/bin/env python3
"""Misbehaving clients for bench/serve_load.sh, run alongside wrk: SLOW
clients each sending a request body one byte a second (a new one when the
service cuts it off), and a loop of oversized bodies (2 MiB announced and
sent) at RATE a second. Runs SECONDS, then prints a JSON line of what the
clients saw. usage: serve_abuse.py PORT SECONDS [SLOW=8] [RATE=5]"""
import json
import socket
import sys
import threading
import time

port, seconds = int(sys.argv[1]), float(sys.argv[2])
slow_count = int(sys.argv[3]) if len(sys.argv) > 3 else 8
rate = float(sys.argv[4]) if len(sys.argv) > 4 else 5
end = time.monotonic() + seconds
lock = threading.Lock()
seen = {"slow_started": 0, "slow_answers": {}, "oversized_sent": 0, "oversized_answers": {}}


def status(raw):
    return raw[9:12].decode() if raw.startswith(b"HTTP/1.1 ") else "none"


def read_answer(s):
    data = b""
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            data += b
    except OSError:
        pass
    return data


def slow_client():
    while time.monotonic() < end:
        with lock:
            seen["slow_started"] += 1
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=120)
            s.sendall(b"POST /v1/registrations/validate HTTP/1.1\r\nHost: bench\r\n"
                      b"Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n")
            s.setblocking(False)
            answer = b""
            while time.monotonic() < end:
                try:
                    s.send(b" ")
                except BlockingIOError:
                    pass
                except OSError:
                    break
                time.sleep(1)
                try:
                    answer = s.recv(65536)
                    if answer or answer == b"":
                        break
                except BlockingIOError:
                    continue
                except OSError:
                    break
            s.close()
            key = status(answer) if answer else ("open at end" if time.monotonic() >= end else "closed")
        except OSError as e:
            key = type(e).__name__
        with lock:
            seen["slow_answers"][key] = seen["slow_answers"].get(key, 0) + 1


def oversized():
    body = b" " * (2 * 1024 * 1024)
    while time.monotonic() < end:
        t0 = time.monotonic()
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            s.sendall(b"POST /v1/registrations/validate HTTP/1.1\r\nHost: bench\r\n"
                      b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body))
            try:
                s.sendall(body)
            except OSError:
                pass
            key = status(read_answer(s))
            s.close()
        except OSError as e:
            key = type(e).__name__
        with lock:
            seen["oversized_sent"] += 1
            seen["oversized_answers"][key] = seen["oversized_answers"].get(key, 0) + 1
        time.sleep(max(0.0, 1 / rate - (time.monotonic() - t0)))


threads = [threading.Thread(target=slow_client) for _ in range(slow_count)] + [threading.Thread(target=oversized)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps(seen))
