"""``backchannel serve`` as a user runs it: a subprocess on a free loopback port."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from .conftest import TOKEN, free_port

pytestmark = pytest.mark.slow

BC = [str(Path(sys.executable).with_name("backchannel"))]  # the installed console script


def _serve(args: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("BACKCHANNEL_TOKEN", None)
    return subprocess.Popen([*BC, "serve", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _wait_up(url: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited: {proc.stderr.read()}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("serve did not answer within 30 s")


def _stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_serve_answers_on_loopback_and_is_read_only(writable_store: Path) -> None:
    port = free_port()
    proc = _serve(["--db", str(writable_store), "--port", str(port)])
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_up(url, proc)
        assert "Overview" in httpx.get(url).text
        assert httpx.get(f"{url}/api/tracks").status_code == 200
        r = httpx.post(f"{url}/api/articles", json={"articles": []}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 403
    finally:
        _stop(proc)
    out = proc.stdout.read()
    assert f"http://127.0.0.1:{port}/" in out and "read-only" in out


def test_serve_with_a_token_accepts_it(writable_store: Path) -> None:
    port = free_port()
    proc = _serve(["--db", str(writable_store), "--port", str(port), "--token", TOKEN])
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_up(url, proc)
        bad = httpx.post(f"{url}/api/articles", json={"articles": []}, headers={"Authorization": "Bearer nope"})
        assert bad.status_code == 401
        good = httpx.post(f"{url}/api/articles", json={"articles": []}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert good.status_code == 422  # authorised; an empty batch is invalid
    finally:
        _stop(proc)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--db", "/nonexistent/folder/x.db"], "no database at"),
        (["--token", "short"], "at least 12 characters"),
        (["--port", "70000"], "65535"),
    ],
)
def test_serve_refuses_bad_options_with_one_line(args: list[str], message: str, store_path: Path) -> None:
    if "--db" not in args:
        args = [*args, "--db", str(store_path)]
    proc = subprocess.run([*BC, "serve", *args], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert message in proc.stderr + proc.stdout
    assert "Traceback" not in proc.stderr
