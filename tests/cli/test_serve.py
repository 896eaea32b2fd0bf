"""`facilitator serve`: answers on loopback, runs the display for a browser, stops; the notice."""

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.commands.serve import display_command, is_loopback, notice, public_url

START_LIMIT = 15.0  # seconds for the server to answer
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=2) as response:
        return response.status, response.read().decode()


def wait_for_page(url: str, server: subprocess.Popen) -> tuple[int, str, float]:
    start = time.monotonic()
    while True:
        try:
            status, body = get(url)
            return status, body, time.monotonic() - start
        except (urllib.error.URLError, ConnectionError):
            if server.poll() is not None:
                pytest.fail(f"serve exited early: {server.communicate()}")
            if time.monotonic() - start > START_LIMIT:
                pytest.fail(f"serve did not answer within {START_LIMIT} s")
            time.sleep(0.1)


async def first_screen(port: int, limit: float = 20.0) -> str:
    """What a browser receives over the websocket until the waiting screen shows."""
    import aiohttp

    received = b""
    async with aiohttp.ClientSession() as client:
        async with client.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24",
                                     origin=f"http://127.0.0.1:{port}") as ws:
            deadline = time.monotonic() + limit
            while b"No meeting in progress" not in ANSI.sub(b"", received):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                try:
                    message = await ws.receive(timeout=left)
                except asyncio.TimeoutError:
                    break
                if message.type == aiohttp.WSMsgType.BINARY:
                    received += message.data
                elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    break
    return ANSI.sub(b"", received).decode("utf-8", "replace")


@pytest.fixture
def serve_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    return {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "share")}


def test_serve_answers_on_loopback_runs_the_display_and_stops(data_dir, db_path, serve_env,
                                                              tmp_path):
    port = free_loopback_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "--db", str(db_path), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=serve_env, cwd=tmp_path,
        start_new_session=True)
    try:
        status, body, waited = wait_for_page(f"http://127.0.0.1:{port}/", server)
        assert status == 200 and "<html" in body.lower()
        assert waited < START_LIMIT
        assert f"ws://127.0.0.1:{port}/ws" in body  # the page connects back to loopback
        screen = asyncio.run(first_screen(port))
        assert "No meeting in progress" in screen  # the browser got a working display
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            out, err = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            out, err = server.communicate()
    assert server.returncode == 0, err
    assert "this computer only, read-only" in out.decode()
    assert list(data_dir.iterdir()) == []  # nothing was created beside the database


def test_a_bad_port_is_one_line_and_status_1(capsys):
    assert main(["serve", "--port", "70000"]) == 1
    assert capsys.readouterr().err == "facilitator: port: 70000 is not from 1 to 65535\n"


@pytest.mark.parametrize("host,loopback", [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
    ("0.0.0.0", False), ("192.168.1.20", False), ("::", False), ("room-laptop", False),
])
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_the_notice_says_what_is_exposed_beyond_this_computer():
    text = notice("0.0.0.0", "http://192.168.1.20:8000")
    assert text.startswith("NOTICE: the room display is open to every device")
    assert "http://192.168.1.20:8000" in text
    assert "first names only if the facilitator turns them on" in text
    assert "read-only" in text and "no password" in text
    assert "Only pages from http://192.168.1.20:8000 may show it, at most 8 displays" in text
    local = notice("127.0.0.1", "http://127.0.0.1:8000", 3)
    assert "NOTICE" not in local and "this computer only" in local
    assert "at most 3 displays at once" in local


def test_urls_and_the_command_served(tmp_path):
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert public_url("::1", 9000) == "http://[::1]:9000"
    assert not public_url("0.0.0.0", 8000).startswith("http://0.0.0.0")
    command = display_command(tmp_path / "my data" / "f.json")
    assert command.endswith(f"-m facilitator --db '{tmp_path}/my data/f.json' display")


def test_a_port_in_use_is_one_line_and_status_1(db_path, serve_env, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "facilitator", "--db", str(db_path), "serve", "--port",
             str(port)], capture_output=True, text=True, env=serve_env, cwd=tmp_path, timeout=30)
    assert done.returncode == 1
    assert done.stderr.startswith(f"facilitator: port: cannot listen on 127.0.0.1:{port}: ")
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert done.stdout == ""  # no banner: the port was never bound
