"""Fixtures of the runner tests (helpers live in runner_helpers.py)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from runner_helpers import Warehouse


@pytest.fixture
def warehouse(tmp_path, monkeypatch) -> Warehouse:
    return Warehouse(tmp_path, monkeypatch)


class _Recorder(BaseHTTPRequestHandler):
    """Records the alerts; answers 500 to the first `failures` POSTs (a flaky endpoint)."""

    received: list = []
    attempts: int = 0
    failures: int = 0

    def do_POST(self):  # noqa: N802 (http.server API)
        length = int(self.headers["Content-Length"])
        body = json.loads(self.rfile.read(length))
        type(self).attempts += 1
        if type(self).attempts <= type(self).failures:
            self.send_response(500)
            self.end_headers()
            return
        type(self).received.append(body)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook(monkeypatch):
    """The alerts posted to $CATWALK_ALERT_WEBHOOK during the test (a list of JSON bodies)."""
    _Recorder.received, _Recorder.attempts, _Recorder.failures = [], 0, 0
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("CATWALK_ALERT_WEBHOOK", f"http://127.0.0.1:{server.server_port}/alerts")
    yield _Recorder.received
    server.shutdown()
    server.server_close()


@pytest.fixture
def flaky_webhook(webhook):
    """The same endpoint, failing its first two POSTs."""
    _Recorder.failures = 2
    return _Recorder
