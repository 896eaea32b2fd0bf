"""The web server behind `facilitator serve`: textual-serve's, with its doors checked.

- A request whose `Host` is not this server (the bound host, the --public-url host, or a
  loopback name when it listens on this computer) is refused: a web page cannot reach the
  display by pointing a name of its own at this computer (DNS rebinding).
- The websocket refuses an `Origin` that is not one of the display's own pages, so a web
  page open in a browser on this laptop cannot read the meeting.
- At most `max_displays` displays run at once (each is a `facilitator display` process);
  the next is refused until one disconnects.
- The banner is printed once the port is bound: a port in use gives only the error.
"""

import asyncio
import sys
from collections.abc import Callable
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

from facilitator.core.i18n import _
from facilitator.tui.platform_terminal import stop_on_signals

WILDCARD_HOSTS = {"0.0.0.0", "::", ""}
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
DEFAULT_PORTS = {"http": 80, "https": 443}


def _host_and_port(text: str, scheme: str = "http") -> tuple[str, int] | None:
    """("name", port) of `name:port` or of a URL's host; None when it does not parse."""
    try:
        parts = urlsplit(text if "//" in text else f"//{text}")
        port = parts.port or DEFAULT_PORTS.get(parts.scheme or scheme)
    except ValueError:
        return None
    if not parts.hostname or port is None:
        return None
    return parts.hostname.rstrip("."), port


class DisplayServer(Server):
    """textual-serve's Server, refusing foreign hosts and origins and extra displays."""

    def __init__(self, command: str, *, host: str, port: int, public_url: str,
                 max_displays: int, announce: Callable[[], None], loopback: bool) -> None:
        super().__init__(command, host=host, port=port, title=_("facilitator room display"),
                         public_url=public_url)
        self.max_displays = max_displays
        self.displays = 0
        self._announce = announce
        names = {host.lower()} - WILDCARD_HOSTS
        if loopback or host in WILDCARD_HOSTS:
            names |= LOOPBACK_NAMES
        origins = set()
        public = _host_and_port(public_url)
        if public:
            names.add(public[0].lower())
            origins.add((urlsplit(public_url).scheme.lower(), public[0].lower(), public[1]))
        self.hosts = frozenset(names)
        self.origins = frozenset(origins | {("http", name, port) for name in names})

    # -- the checks ---------------------------------------------------------------------

    def host_allowed(self, header: str | None) -> bool:
        found = _host_and_port(header or "")
        return found is not None and found[0].lower() in self.hosts

    def origin_allowed(self, header: str | None) -> bool:
        if not header:
            return False  # a browser always sends it; a page it ran would name itself
        scheme = urlsplit(header).scheme.lower() if "://" in header else ""
        found = _host_and_port(header, scheme)
        return found is not None and (scheme, found[0].lower(), found[1]) in self.origins

    def _refuse(self, status: type[web.HTTPException], reason: str) -> web.HTTPException:
        print(_("refused a display: {reason}").format(reason=reason), file=sys.stderr,
              flush=True)
        return status(text=_("facilitator room display: {reason}").format(reason=reason) + "\n")

    # -- textual-serve's hooks ----------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()

        @web.middleware
        async def check_host(request: web.Request, handler):
            header = request.headers.get("Host")
            if not self.host_allowed(header):
                raise self._refuse(web.HTTPForbidden, _(
                    "the address {address} is not this display's ({url})").format(
                        address=repr(str(header)[:80]), url=self.public_url))
            return await handler(request)

        app.middlewares.append(check_host)
        return app

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        origin = request.headers.get("Origin")
        if not self.origin_allowed(origin):
            raise self._refuse(web.HTTPForbidden, _(
                "the page {page} is not this display's ({url})").format(
                    page=repr(str(origin)[:80]), url=self.public_url))
        if self.displays >= self.max_displays:
            raise self._refuse(web.HTTPServiceUnavailable, _(
                "all {n} displays are in use (see --max-displays)").format(n=self.max_displays))
        self.displays += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.displays -= 1

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints its banner here, before the port is bound: not here."""

    def serve(self, debug: bool = False) -> None:
        """textual-serve's serve(), announcing once every socket is bound."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        stop_on_signals(loop, self.request_exit, "SIGINT", "SIGTERM")  # none on Windows
        web.run_app(self._make_app(), host=self.host, port=self.port, handle_signals=False,
                    loop=loop, print=lambda *_: self._announce())
