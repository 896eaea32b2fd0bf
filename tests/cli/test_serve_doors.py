"""`facilitator serve` on loopback, a real server on a free port: only its own pages may open
the display, only under its own name, at most --max-displays at once; the banner comes once
the port is bound."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import aiohttp
import pytest

START_LIMIT = 15.0  # seconds for the banner
# A closed display frees its place when its process has exited; nine Textual processes on a
# loaded 2-core machine can take long to start and stop, so this only bounds the wait.
FREED_LIMIT = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    """A running `facilitator serve`; its output goes to files (never a full pipe)."""

    def __init__(self, folder: Path, *options: str) -> None:
        self.port = free_port()
        self.out, self.err = folder / "serve.out", folder / "serve.err"
        home = folder / "home"
        env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "share")}
        with open(self.out, "wb") as out, open(self.err, "wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "facilitator", "--db", str(folder / "facilitator.json"),
                 "serve", "--port", str(self.port), *options],
                stdout=out, stderr=err, env=env, cwd=folder, start_new_session=True)

    def banner(self) -> str:
        """The first line on stdout, waited for up to START_LIMIT seconds."""
        deadline = time.monotonic() + START_LIMIT
        while b"\n" not in self.out.read_bytes():
            if self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"no banner: {self.err.read_text()}")
            time.sleep(0.02)
        return self.out.read_text().splitlines()[0]

    @property
    def page(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self, *, graceful: bool = True) -> None:
        """SIGTERM (the server closes each display), or at once with every display."""
        if graceful:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
                return
            except subprocess.TimeoutExpired:
                pass
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    server = Served(tmp_path_factory.mktemp("serve"))
    server.banner()
    yield server
    server.stop()


async def handshake(url: str, *, origin: str | None, host: str | None = None) -> int:
    """The status the server answers a websocket with (101 when it is opened)."""
    headers = {"Host": host} if host else {}
    async with aiohttp.ClientSession() as client:
        try:
            async with client.ws_connect(f"{url}/ws?width=80&height=24", origin=origin,
                                         headers=headers):
                return 101
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status


def page_status(url: str, host: str) -> int:
    request = urllib.request.Request(url + "/", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as refused:
        return refused.code


def test_the_banner_comes_once_the_port_is_bound(tmp_path):
    """The moment the banner is printed, a connection is accepted: no retry needed."""
    server = Served(tmp_path)
    try:
        banner = server.banner()
        assert banner.startswith(f"Room display at {server.page} (this computer only")
        assert "at most 8 displays at once" in banner
        socket.create_connection(("127.0.0.1", server.port), timeout=2).close()
    finally:
        server.stop()


@pytest.mark.parametrize("origin", [
    "http://evil.example",
    "https://127.0.0.1:{port}",  # another scheme is another page
    "http://127.0.0.1:1",  # another port on this computer is another page
    "http://127.0.0.1.evil.example:{port}",
    "null",
    None,  # no Origin at all
])
def test_a_websocket_from_a_foreign_page_is_refused(served, origin):
    """403 before any display process starts; the server says why on stderr."""
    origin = origin.format(port=served.port) if origin else origin
    assert asyncio.run(handshake(served.page, origin=origin)) == 403
    assert "refused a display: the page" in served.err.read_text()


@pytest.mark.parametrize("origin", ["http://127.0.0.1:{port}", "http://localhost:{port}",
                                    "HTTP://LOCALHOST:{port}"])
def test_the_display_s_own_page_may_open_it(served, origin):
    assert asyncio.run(handshake(served.page, origin=origin.format(port=served.port))) == 101


@pytest.mark.parametrize("host, status", [
    ("evil.example", 403),
    ("evil.example:{port}", 403),
    ("127.0.0.1.nip.io:{port}", 403),  # a name that resolves to this computer
    ("", 403),
    ("127.0.0.1:{port}", 200),
    ("localhost:{port}", 200),
])
def test_the_page_answers_only_under_its_own_name(served, host, status):
    assert page_status(served.page, host.format(port=served.port)) == status


def test_a_websocket_under_a_foreign_name_is_refused(served):
    """The Origin is right, the Host is not (a rebound name): refused."""
    status = asyncio.run(handshake(served.page, origin=served.page, host="evil.example"))
    assert status == 403


def test_the_ninth_display_is_refused_until_one_leaves(tmp_path):
    """Eight displays run; the ninth gets 503; once one closes, a new one is let in."""
    server = Served(tmp_path)
    server.banner()

    async def scenario() -> tuple[int, int]:
        async with aiohttp.ClientSession() as client:
            url = f"{server.page}/ws?width=80&height=24"
            displays = [await client.ws_connect(url, origin=server.page) for _ in range(8)]
            try:
                await client.ws_connect(url, origin=server.page)
                ninth = 101
            except aiohttp.WSServerHandshakeError as refused:
                ninth = refused.status
            await displays.pop().close()
            deadline = time.monotonic() + FREED_LIMIT
            while True:
                try:
                    displays.append(await client.ws_connect(url, origin=server.page))
                    return ninth, 101
                except aiohttp.WSServerHandshakeError as refused:
                    if time.monotonic() > deadline:
                        return ninth, refused.status
                    await asyncio.sleep(0.1)

    try:
        ninth, after_one_left = asyncio.run(scenario())
    finally:
        server.stop(graceful=False)  # eight displays need not be closed one by one
    assert ninth == 503
    assert after_one_left == 101
    assert "refused a display: all 8 displays are in use" in server.err.read_text()


@pytest.mark.parametrize("value, message", [
    ("0", "max displays: must be at least 1"),
    ("many", "max displays: must be a whole number"),
    ("1001", "max displays: 1001 is more than 1,000"),
])
def test_a_bad_display_limit_is_one_line(run_cli, value, message):
    """In a child process with a time limit: a server that starts anyway fails the test."""
    code, out, err = run_cli("serve", "--port", free_port(), "--max-displays", value,
                             timeout=START_LIMIT)
    assert (code, out) == (1, "") and err.startswith(f"facilitator: {message}")


def test_a_public_url_must_be_an_address(run_cli):
    code, _, err = run_cli("serve", "--port", free_port(), "--public-url", "display",
                           timeout=START_LIMIT)
    assert code == 1 and err.startswith("facilitator: public url: 'display' is not an address")
