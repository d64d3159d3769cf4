"""The public API is small, explicit and matches the installed metadata."""

from __future__ import annotations

from importlib.metadata import version

import policytext


def test_all_names_resolve():
    for name in policytext.__all__:
        assert getattr(policytext, name) is not None, name


def test_version_matches_installed_metadata():
    assert policytext.__version__ == version("policytext")


def test_unknown_attribute_raises():
    import pytest

    with pytest.raises(AttributeError):
        policytext.no_such_thing  # noqa: B018
