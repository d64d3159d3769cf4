"""Exceptions policytext raises. Every one names the file it is about, when there is one."""

from __future__ import annotations


class PolicyTextError(Exception):
    """Base class of every error policytext raises on purpose."""


class ReadError(PolicyTextError):
    """A file could not be read or decoded: empty, binary, truncated, unreadable."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ConfigError(PolicyTextError, ValueError):
    """An option or argument has a value policytext does not know; the message lists valid ones."""
