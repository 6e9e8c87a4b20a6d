"""Which language the command line speaks to people: Chinese when the environment asks for it.

`--lang en|zh` wins, then `CONSENT_DESK_LANG` (so a script can pin it), then the usual POSIX
order: LC_ALL, then LC_MESSAGES, then LANG. Only messages meant for people change language
(success and progress lines, findings, help summaries, errors); JSON output, field names and
exit codes never do, so scripts keep working whatever the locale.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Mapping
from functools import cache

from models.errors import UserError
from models.messages import render
from models.resources import resource_path

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import Any

LANGUAGE_ENV = "CONSENT_DESK_LANG"
_ORDER = (LANGUAGE_ENV, "LC_ALL", "LC_MESSAGES", "LANG")
_chosen: str | None = None  # set by --lang


def set_language(language: str | None) -> None:
    """The language `--lang` asked for (None: follow the environment)."""
    global _chosen
    _chosen = language if language in ("en", "zh") else None


def wants_chinese(env: Mapping[str, str] | None = None) -> bool:
    """True when --lang zh, or the first language variable that is set names Chinese."""
    if env is None and _chosen is not None:
        return _chosen == "zh"
    env = os.environ if env is None else env
    for name in _ORDER:
        value = env.get(name, "").strip()
        if value:
            return value.lower().replace("-", "_").startswith("zh")
    return False


def language(env: Mapping[str, str] | None = None) -> str:
    return "zh" if wants_chinese(env) else "en"


def say(code: str, **params: Any) -> str:
    """A catalogue message in the command line's language."""
    return render(code, language(), params)


def pick(english: str, chinese: str) -> str:
    return chinese if wants_chinese() else english


def kind_words(kind: Any) -> str:
    """A statement kind: its value in English output, its title in Chinese."""
    value = str(getattr(kind, "value", kind))
    if not wants_chinese():
        return value  # scripts read the kind's value in English output
    from reports.statements.templates import load_texts

    texts = load_texts("zh")
    key = f"title.{value}"
    return texts.raw(key) if key in texts.texts else value


def user_message(error: UserError, env: Mapping[str, str] | None = None) -> str:
    return error.text("zh" if wants_chinese(env) else "en")


@cache
def _help_zh() -> dict[str, str]:
    data = json.loads(resource_path("messages", "zh.json").read_text("utf-8"))
    return {str(k): str(v) for k, v in data.get("help", {}).items()}


def localize_parser(parser: argparse.ArgumentParser) -> None:
    """Help summaries in Chinese when the command line speaks Chinese (argparse's own words
    stay as they are); the English help is the key, so registering a command is unchanged."""
    if not wants_chinese():
        return
    words = _help_zh()

    def walk(p: argparse.ArgumentParser) -> None:
        if p.description in words:
            p.description = words[p.description]
        for action in p._actions:
            if isinstance(action.help, str) and action.help in words:
                action.help = words[action.help]
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if isinstance(choice.help, str) and choice.help in words:
                        choice.help = words[choice.help]
                for child in dict.fromkeys(action.choices.values()):
                    walk(child)

    walk(parser)
