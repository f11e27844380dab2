"""Cross-app tests use the same fixtures as the apps' own tests (assure/conftest.py)."""

from assure.conftest import *  # noqa: F403
