"""Modules that verification defers (reports/verification/deferred.py) stay unrun while pyHanko's
reader imports them, and once a name is asked for they are exactly what a normal import
gives: signing in the same process (the window verifies, then issues) finds everything."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
import reports.verification
from reports.verification.deferred import _DeferredPackage
import pyhanko.pdf_utils.reader
names = ("cryptography.hazmat.primitives.serialization",
         "cryptography.hazmat.primitives.serialization.pkcs12", "tzlocal", "pyhanko_certvalidator")
before = {n: type(sys.modules[n]) is _DeferredPackage for n in names}
x509_before = "cryptography.x509" in sys.modules
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives._serialization import Encoding
from cryptography.hazmat.primitives.serialization import pkcs12, load_pem_private_key
import tzlocal
from pyhanko_certvalidator import ValidationContext
import pyhanko.pdf_utils.crypt.pubkey as pubkey
used = {
    "same_encoding": serialization.Encoding is Encoding
    and pubkey.serialization.Encoding is Encoding,
    "pkcs12": callable(pkcs12.load_key_and_certificates)
    and serialization.pkcs12 is pkcs12,
    "private": callable(load_pem_private_key),
    "context": ValidationContext.__name__, "zone": bool(str(tzlocal.get_localzone())),
}
after = {n: type(sys.modules[n]) is _DeferredPackage for n in names}
print(json.dumps({"before": before, "after": after, "x509_before": x509_before, **used}))
"""


def test_deferred_modules_run_on_first_use_and_then_are_whole() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    seen = json.loads(result.stdout.splitlines()[-1])
    assert all(seen["before"].values()), seen["before"]
    assert not seen["x509_before"]
    assert not any(seen["after"].values()), seen["after"]
    assert seen["same_encoding"] and seen["pkcs12"] and seen["private"]
    assert seen["context"] == "ValidationContext" and seen["zone"]
