"""Settings for a developer's machine and `make run`: a generated secret, debug on."""

import os
import secrets
from pathlib import Path

_var = Path(__file__).resolve().parents[3] / "var"
_key_file = _var / "secret_key"
if "SECRET_KEY" not in os.environ:
    _var.mkdir(exist_ok=True)
    if not _key_file.exists():
        _key_file.write_text(secrets.token_urlsafe(50))
    os.environ["SECRET_KEY"] = _key_file.read_text().strip()
os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F403

ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]  # noqa: F405
