"""The shared no-network fixture in tests/conftest.py really cuts the machine off."""

from __future__ import annotations

import importlib.util
import socket
import threading
from pathlib import Path

import pytest

OFF = "network disabled in tests"


@pytest.mark.parametrize("address", [("1.1.1.1", 443), ("8.8.8.8", 53), ("2606:4700::1111", 443)])
def test_connecting_to_a_public_address_fails(address: tuple[str, int]) -> None:
    family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s, pytest.raises(OSError, match=OFF):
        s.connect(address)
    with socket.socket(family, socket.SOCK_STREAM) as s, pytest.raises(OSError, match=OFF):
        s.connect_ex(address)
    with pytest.raises(OSError, match=OFF):
        socket.create_connection(address, timeout=1)


def test_names_are_refused_before_any_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []

    def spy(*a: object, **_k: object) -> list[object]:
        asked.append(a)
        return []

    monkeypatch.setattr(socket, "getaddrinfo", spy)
    with pytest.raises(OSError, match=OFF):
        socket.create_connection(("example.com", 80), timeout=1)
    with socket.socket() as s, pytest.raises(OSError, match=OFF):
        s.connect(("ocsp.example.net", 80))
    assert asked == []


def test_higher_level_clients_are_cut_off_too() -> None:
    import http.client
    import urllib.request

    with pytest.raises(OSError, match=OFF):
        urllib.request.urlopen("http://93.184.215.14/", timeout=1)
    conn = http.client.HTTPSConnection("1.1.1.1", timeout=1)
    with pytest.raises(OSError, match=OFF):
        conn.request("GET", "/")


def test_this_machine_is_still_reachable() -> None:
    """Local sockets (a test server, Qt's local IPC) must keep working."""
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    accepted: list[bytes] = []

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            accepted.append(conn.recv(5))

    t = threading.Thread(target=serve)
    t.start()
    with socket.create_connection(("localhost", port), timeout=5) as c:
        c.sendall(b"hello")
    t.join(5)
    server.close()
    assert accepted == [b"hello"]


REPORTS = Path(__file__).resolve().parents[1] / "reports"


@pytest.mark.skipif(
    importlib.util.find_spec("reports.verify") is None, reason="reports.verify does not exist yet"
)
def test_pyhanko_is_configured_never_to_fetch() -> None:
    """Signing and verifying in reports/ must not reach for OCSP, CRLs, AIA or a TSA.

    pyHanko's ValidationContext fetches only with `allow_fetching=True` (its default is
    False); a timestamp from an HTTP TSA or an explicit fetcher backend also means network.
    Checked on the source so it holds for every code path, not just the ones a test reaches.
    """
    import ast

    offending: list[str] = []
    for path in sorted(REPORTS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(REPORTS.parent)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call):
                for k in node.keywords:
                    if k.arg == "allow_fetching" and not (
                        isinstance(k.value, ast.Constant) and k.value.value is False
                    ):
                        offending.append(f"{where} allow_fetching is not False")
                    if k.arg in ("fetcher_backend", "fetchers"):
                        offending.append(f"{where} passes {k.arg}")
            name = getattr(node, "id", None) or getattr(node, "attr", None)
            if name in ("HTTPTimeStamper", "RequestsFetcherBackend", "AIOHttpFetcherBackend"):
                offending.append(f"{where} uses {name}")
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                modules = [a.name for a in node.names] + [getattr(node, "module", "") or ""]
                for m in modules:
                    if m.split(".")[0] in ("requests", "aiohttp", "urllib3", "httpx"):
                        offending.append(f"{where} imports {m}")
    assert not offending, "; ".join(offending)


@pytest.mark.skipif(
    importlib.util.find_spec("reports.verify") is None
    or importlib.util.find_spec("reports.statements.service") is None,
    reason="statement signing and verification do not exist yet",
)
def test_a_signed_statement_verifies_offline_without_fetching(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The real path: sign, then verify with the network cut off. Verification builds no
    pyHanko validation context at all (it checks the signature itself), so nothing can fetch."""
    import pyhanko_certvalidator

    from reports import verify
    from tests.fuzz.seeds import signed_statement

    contexts: list[dict[str, object]] = []
    real = pyhanko_certvalidator.ValidationContext

    class Spy(real):  # type: ignore[misc,valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            contexts.append(dict(kwargs))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(pyhanko_certvalidator, "ValidationContext", Spy)
    result = verify.verify_statement(signed_statement())
    assert result.valid, result
    assert contexts == []
