"""The machine's addresses a phone in the room could reach, each named for the facilitator to choose from.

The console asks which one to serve on (DESIGN.md, Phones): the server binds that one address, never
every address unless the facilitator types ``0.0.0.0``. IPv4 only: a phone types an IPv4 address
from the wall more easily, and room networks hand them out. Pure Python (ifaddr), no server.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from dataclasses import dataclass

from bootcamp.errors import UserError

EVERY_ADDRESS = "0.0.0.0"
ANY_PORT = 0  # the system picks a free one: joining never fails for a port in use unless one was asked for

# What an interface's name says it is, by the names Linux, macOS and Windows give them.
_ETHERNET = ("eth", "eno", "ens", "enp", "enx", "em", "ethernet")
_VIRTUAL = ("br", "bridge", "docker", "veth", "virbr", "vbox", "vmnet", "utun", "tun", "tap", "wg", "tailscale", "zt")


@dataclass(frozen=True)
class Candidate:
    """One address to serve on: ``label`` is what the console lists, e.g. ``192.168.1.20 (Wi-Fi, wlan0)``."""

    address: str
    interface: str
    kind: str  # "Wi-Fi", "Ethernet", "loopback", "virtual" or "network"

    @property
    def label(self) -> str:
        return (
            f"{self.address} ({self.kind}, {self.interface})"
            if self.kind != "loopback"
            else f"{self.address} (loopback: this machine only)"
        )

    @property
    def loopback(self) -> bool:
        return self.kind == "loopback"


def kind_of(interface: str, address: str) -> str:
    if ipaddress.ip_address(address).is_loopback:
        return "loopback"
    name = interface.lower()
    if name.startswith("wl") or "wi-fi" in name or "wireless" in name:  # wlan0, wlp2s0; Windows' "Wi-Fi"
        return "Wi-Fi"
    if name.startswith(_ETHERNET):
        return "Ethernet"
    if name.startswith("en") and name[2:].isdigit():  # macOS calls both en0, en1 …
        return "Wi-Fi or Ethernet"
    if name.startswith(_VIRTUAL):
        return "virtual"
    return "network"


_ORDER = {"Wi-Fi": 0, "Wi-Fi or Ethernet": 1, "Ethernet": 2, "network": 3, "virtual": 4, "loopback": 5}


def candidates() -> list[Candidate]:
    """The machine's IPv4 addresses, the room networks first (Wi-Fi, Ethernet), loopback last."""
    import ifaddr  # only when the console asks

    found: dict[str, Candidate] = {}
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if not isinstance(ip.ip, str):  # an IPv6 address comes as a tuple
                continue
            address = ipaddress.ip_address(ip.ip)
            if address.is_link_local or address.is_unspecified:
                continue
            name = str(adapter.nice_name or adapter.name)
            found.setdefault(ip.ip, Candidate(ip.ip, name, kind_of(name, ip.ip)))
    if "127.0.0.1" not in found:
        found["127.0.0.1"] = Candidate("127.0.0.1", "lo", "loopback")
    return sorted(found.values(), key=lambda c: (_ORDER.get(c.kind, 9), ipaddress.ip_address(c.address)))


def own_addresses() -> set[str]:
    """Every address of this machine's interfaces, IPv6 ones too: what the server may bind."""
    import ifaddr

    return {ip.ip if isinstance(ip.ip, str) else ip.ip[0] for adapter in ifaddr.get_adapters() for ip in adapter.ips}


def is_here(host: str, own: set[str] | None = None) -> bool:
    """Whether the server can bind ``host``: every address, a loopback one, or one of this machine's interfaces."""
    address = ipaddress.ip_address(host)
    if address.is_unspecified or address.is_loopback:
        return True
    return str(address) in (own_addresses() if own is None else own)


def not_here(host: str, found: list[Candidate] | None = None) -> str:
    """``192.0.2.77 is not an address of this laptop (its addresses: 10.0.0.5 Wi-Fi, 127.0.0.1 loopback)``."""
    listed = ", ".join(f"{c.address} {c.kind}" for c in (candidates() if found is None else found))
    return f"{host} is not an address of this laptop (its addresses: {listed})"


def port_in_use(port: int) -> str:
    return f"port {port} is in use by another program"


def check_can_serve(address: JoinAddress) -> None:
    """Refuse, in one sentence, an address that is not this machine's or a port another program holds, before the
    app starts (``--join``): the server would say the same only once the console is open. Nothing stays bound."""
    if not address.host:
        return
    if not is_here(address.host):
        raise UserError(not_here(address.host) + "; leave it out (--join alone) to choose one in the console")
    if not address.port:
        return
    family = socket.AF_INET6 if ipaddress.ip_address(address.host).version == 6 else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: TIME_WAIT is no owner
        try:
            probe.bind((address.host, address.port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise UserError(port_in_use(address.port) + ": give another port or leave it out") from None
            if error.errno == errno.EADDRNOTAVAIL:
                raise UserError(not_here(address.host) + "; leave it out (--join alone) to choose one in the console")
            raise UserError(f"cannot serve the phone page on {address.host}:{address.port}: {error.strerror}") from None


@dataclass(frozen=True)
class JoinAddress:
    """Where to serve the phone page, as ``--join [ADDRESS][:PORT]`` or the console's address picker gives it.

    No host: the console asks which of the machine's addresses to serve on. No port: any free one.
    """

    host: str = ""
    port: int | None = None

    def or_port(self, port: int | None) -> JoinAddress:
        """This address with ``port`` where it gives none."""
        return self if self.port is not None else JoinAddress(self.host, port)

    @property
    def bound_port(self) -> int:
        return self.port if self.port is not None else ANY_PORT


def parse_join_address(text: str) -> JoinAddress:
    """``192.168.1.20``, ``192.168.1.20:8765``, ``:8765``, ``[::1]:8765`` or nothing; one sentence if none of these.

    An address, never a name: the server checks every request's Host against the address it is bound to.
    """
    given = text.strip()
    host, port = given, ""
    if given.startswith("["):  # [IPv6]:PORT
        host, _, rest = given[1:].partition("]")
        if rest and not rest.startswith(":"):
            raise UserError(f"{text!r} is not ADDRESS[:PORT]: write an IPv6 address as [ADDRESS]:PORT")
        port = rest[1:]
    elif given.count(":") == 1:
        host, port = given.split(":")
    if host:
        try:
            ipaddress.ip_address(host)
        except ValueError:
            raise UserError(
                f"{host!r} is not an IP address of this machine: give one like 192.168.1.20 (see the console's j)"
            ) from None
    if not port:
        return JoinAddress(host)
    if not port.isdigit() or not 0 <= int(port) <= 65535:
        raise UserError(f"{port!r} is not a port: give a number from 1 to 65535, or 0 for any free one")
    return JoinAddress(host, int(port))
