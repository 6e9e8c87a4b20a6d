"""Run `consent-desk statement verify --no-register FILE` on each file named on the command
line, in this one process, and print what each run gave as JSON (exit code, stdout, stderr).

The corpus test starts this in a child process under a generous timeout, so a file that made
verification spin would fail the test instead of hanging it. Python warnings are set to show
every time, so anything a library prints to stderr for a later file is seen too.
"""

from __future__ import annotations

import io
import json
import sys
import warnings
from contextlib import redirect_stderr, redirect_stdout

from main import main


def run(paths: list[str]) -> list[dict[str, object]]:
    results: list[dict[str, object]] = []
    for path in paths:
        warnings.resetwarnings()
        warnings.simplefilter("always")
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code: object = main(["statement", "verify", "--no-register", path])
            except BaseException as e:
                code = f"raised {e!r}"
        results.append(
            {"path": path, "code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}
        )
    return results


if __name__ == "__main__":
    json.dump(run(sys.argv[1:]), sys.stdout)
