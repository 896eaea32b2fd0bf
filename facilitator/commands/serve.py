"""`facilitator serve`: the room display in a web browser, through textual-serve.

Each browser that connects gets its own `facilitator display`, which is read-only: nothing
typed in a browser can change the meeting or the records.
"""

import ipaddress
import shlex
import socket
import sys
from urllib.parse import urlsplit

from facilitator.core.clock import Clock
from facilitator.core import validate
from facilitator.core.errors import FacilitatorError, ValidationError
from facilitator.core.i18n import _, counted
from facilitator.store.named_paths import resolve_db_path

LOOPBACK_NAMES = {"localhost"}
DEFAULT_MAX_DISPLAYS = 8


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve", help=_("the room display in a web browser (read-only)"),
        description=_("Serves `facilitator display` to web browsers. Only this computer can "
                      "connect unless --host says otherwise (e.g. --host 0.0.0.0 for phones "
                      "and computers on the room's network)."),
    )
    parser.add_argument("--host", default="127.0.0.1",
                        help=_("address to listen on (default 127.0.0.1: this computer only)"))
    parser.add_argument("--port", type=int, default=8000, help=_("port (default 8000)"))
    parser.add_argument("--public-url", metavar="URL",
                        help=_("the address browsers open, when it is not http://HOST:PORT; "
                               "only pages from it (or from HOST) may show the display"))
    parser.add_argument("--max-displays", metavar="N", default=str(DEFAULT_MAX_DISPLAYS),
                        help=_("how many browsers may show the display at once (default "
                               "{n})").format(n=DEFAULT_MAX_DISPLAYS))
    parser.set_defaults(run=run)


def is_loopback(host: str) -> bool:
    """True when only this computer can reach `host`."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_address(url: str) -> bool:
    """True for an http(s) address with a host (and, if given, a valid port)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError when the port is not a number
    except ValueError:
        return False
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


def lan_address() -> str | None:
    """This computer's address on its network, if it has one (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
        except OSError:
            return None


def public_url(host: str, port: int) -> str:
    """Where a browser finds the display: a wildcard host is reached by this computer's address."""
    if host in {"0.0.0.0", "::", ""}:
        host = lan_address() or socket.gethostname()
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def notice(host: str, url: str, displays: int = DEFAULT_MAX_DISPLAYS) -> str:
    """What is exposed, said plainly once the server listens."""
    limit = counted("at most {n} display at once", "at most {n} displays at once", displays)
    if is_loopback(host):
        return _("Room display at {url} (this computer only, read-only, {limit}). "
                 "Add ?fontsize=32 to the address for larger text. Ctrl+C stops it.").format(
                     url=url, limit=limit)
    return "\n".join([
        _("NOTICE: the room display is open to every device that can reach this computer "
          "(listening on {host}), at {url}").format(host=host, url=url),
        "  " + _("It shows the meeting's name, the share timer, the section of the format, how "
                 "many are waiting"),
        "  " + _("and the meeting clock; first names only if the facilitator turns them on for "
                 "this meeting (ctrl+l)."),
        "  " + _("There is no password and the connection is not encrypted. It is read-only: "
                 "nothing can be changed through it."),
        "  " + _("Only pages from {url} may show it, {limit}.").format(url=url, limit=limit),
        "  " + _("Ctrl+C stops it."),
    ])


def display_command(db_path) -> str:
    """The shell command textual-serve runs for each browser."""
    return (f"{shlex.quote(sys.executable)} -m facilitator --db {shlex.quote(str(db_path))} "
            "display")


def run(args, clock: Clock) -> int:
    if not 1 <= args.port <= 65535:
        raise ValidationError("port", _("{port} is not from 1 to 65535").format(port=args.port))
    displays = validate.count("max displays", args.max_displays, maximum=1000)
    if displays < 1:
        raise ValidationError("max displays", _("must be at least 1"))
    if args.public_url is not None and not is_address(args.public_url):
        raise ValidationError("public url", _("{url} is not an address such as "
                                              "http://192.168.1.20:8000").format(
                                                  url=repr(args.public_url[:80])))
    from facilitator.commands.display_server import DisplayServer  # loads aiohttp: only here
    path = resolve_db_path(args.db)
    url = args.public_url or public_url(args.host, args.port)
    server = DisplayServer(display_command(path), host=args.host, port=args.port,
                           public_url=url, max_displays=displays, loopback=is_loopback(args.host),
                           announce=lambda: print(notice(args.host, url, displays), flush=True))
    try:
        server.serve()
    except OSError as error:
        raise FacilitatorError(_("port: cannot listen on {host}:{port}: {error}").format(
            host=args.host, port=args.port, error=error.strerror or error)) from None
    return 0
