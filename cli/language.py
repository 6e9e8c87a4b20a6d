"""Which language the command line speaks to people: Chinese when the environment asks for it.

`CONSENT_DESK_LANG` wins (so a script can pin it); otherwise the usual POSIX order applies:
LC_ALL, then LC_MESSAGES, then LANG. Only messages meant for people change language; JSON
output, field names and exit codes never do, so scripts keep working whatever the locale.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from models.errors import UserError

LANGUAGE_ENV = "CONSENT_DESK_LANG"
_ORDER = (LANGUAGE_ENV, "LC_ALL", "LC_MESSAGES", "LANG")


def wants_chinese(env: Mapping[str, str] | None = None) -> bool:
    """True when the first language variable that is set names Chinese (zh, zh_CN.UTF-8, …)."""
    env = os.environ if env is None else env
    for name in _ORDER:
        value = env.get(name, "").strip()
        if value:
            return value.lower().replace("-", "_").startswith("zh")
    return False


def user_message(error: UserError, env: Mapping[str, str] | None = None) -> str:
    return error.message_zh if wants_chinese(env) else error.message
