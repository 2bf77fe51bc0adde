"""The secrets a phone holds: its seat token (a cookie) and the CSRF token every form carries.

The server keeps only a token's hash: a copy of the server's memory (or a log) cannot take a seat.
A form's CSRF token is derived from the browser's token with the server's own key, so the server
keeps nothing per visitor and a page from elsewhere, which can read neither, cannot forge one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_key() -> bytes:
    """The server's key for CSRF tokens: new each time joining starts, so a stopped server's pages are stale."""
    return secrets.token_bytes(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def csrf_token(key: bytes, token: str) -> str:
    return hmac.new(key, b"csrf:" + token.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def csrf_matches(key: bytes, token: str, given: str) -> bool:
    return bool(token) and hmac.compare_digest(csrf_token(key, token), given)
