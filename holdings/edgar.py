"""EDGAR over HTTP, politely: a declared User-Agent, at most ten requests a second across the
process, backing off when EDGAR asks, and every document kept on disk so that nothing is asked
for twice.

The SEC's fair access policy asks automated clients to say who they are, with a contact
(``Sample Company Name AdminContact@<sample company domain>.com``), and to stay under ten
requests per second; clients that do not are throttled or blocked. So the client refuses to
start without a User-Agent holding an e-mail address, shares one rate limiter among every
client of the process, and on 429 or 503 waits as long as ``Retry-After`` says (or backs off
exponentially) a bounded number of times.

Documents are cached by URL and content hash: ``objects/`` holds each body once under its
sha256, ``urls/`` maps a URL to the body it last gave. Both are written to a temporary file and
renamed, so a download killed halfway leaves nothing behind but a temporary file, and a
truncated body (fewer bytes than ``Content-Length``, or a compressed stream that stops short)
is an error, never a cache entry.

Hosts: ``HOLDINGS_SEC_WWW`` and ``HOLDINGS_SEC_DATA`` (default https://www.sec.gov and
https://data.sec.gov) let a mirror, or a test server, stand in.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import hashlib
import http.client
import json
import os
import re
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

DEFAULT_WWW = "https://www.sec.gov"
DEFAULT_DATA = "https://data.sec.gov"
WWW_ENV = "HOLDINGS_SEC_WWW"
DATA_ENV = "HOLDINGS_SEC_DATA"
USER_AGENT_ENV = "HOLDINGS_USER_AGENT"

MAX_REQUESTS_PER_SECOND = 10
"""The SEC's ceiling for one user, however many machines or threads it uses."""

_EMAIL = re.compile(r"[^\s@<>]+@[^\s@<>]+\.[A-Za-z]{2,}")


class UserAgentError(ValueError):
    """No usable User-Agent was declared: EDGAR's fair access policy requires one."""


class FetchError(Exception):
    """A URL could not be read: the message names it and says why."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class Hosts:
    """Where EDGAR is: the www host (documents, tickers, data sets) and the data host (the
    submissions listings)."""

    www: str = DEFAULT_WWW
    data: str = DEFAULT_DATA

    @classmethod
    def from_env(cls) -> Hosts:
        www = os.environ.get(WWW_ENV) or DEFAULT_WWW
        data = os.environ.get(DATA_ENV) or DEFAULT_DATA
        return cls(www.rstrip("/"), data.rstrip("/"))


def check_user_agent(value: str | None) -> str:
    """The declared User-Agent, or ``UserAgentError`` saying why EDGAR needs one."""
    text = (value or "").strip()
    why = (
        "EDGAR's fair access policy requires every automated request to declare who makes it, "
        'with a contact e-mail; give --user-agent "Your Name you@example.com" '
        f"(or set {USER_AGENT_ENV})"
    )
    if not text:
        raise UserAgentError(f"no User-Agent declared: {why}")
    if any(ord(c) < 32 or ord(c) > 126 for c in text):
        raise UserAgentError("the User-Agent must be printable ASCII on one line")
    if not _EMAIL.search(text):
        raise UserAgentError(f"the User-Agent '{text}' has no contact e-mail: {why}")
    return text


class RateLimiter:
    """Requests spaced at least ``per / rate`` seconds apart (plus a small margin), for every
    thread sharing it, and a pause every one of them honours after EDGAR asks to slow down.

    Even spacing rather than bursts of ten: any second then holds at most ``rate`` requests
    however it is measured (a sliding window at the server, or an average over the run). The
    margin (0.11 s between starts by default, about 9 a second) keeps up to a tenth of a second
    of jitter on the way, or in a busy machine's scheduler, from putting an eleventh request
    into the server's second."""

    def __init__(
        self,
        rate: int = MAX_REQUESTS_PER_SECOND,
        per: float = 1.0,
        *,
        margin: float = 0.01,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = per / rate + margin
        self.clock = clock
        self.sleep = sleep
        self.next_at = 0.0
        self.paused_until = 0.0
        self.lock = threading.Lock()

    def acquire(self) -> None:
        """Block until one more request may start, and count it."""
        with self.lock:
            now = self.clock()
            start = max(now, self.next_at, self.paused_until)
            if start > now:
                self.sleep(start - now)
            self.next_at = start + self.interval

    def pause(self, seconds: float) -> None:
        """No request of the process starts for ``seconds`` (EDGAR said Retry-After)."""
        with self.lock:
            self.paused_until = max(self.paused_until, self.clock() + seconds)


LIMITER = RateLimiter()
"""The process's one limiter: every ``EdgarClient`` shares it unless a test gives its own."""


@dataclass(frozen=True)
class Fetched:
    """A body on disk: where it came from, where it lies, its hash, and whether this run had to
    ask the network for it."""

    url: str
    path: Path
    sha256: str
    size: int
    from_cache: bool

    def read_bytes(self) -> bytes:
        return self.path.read_bytes()


class DocumentCache:
    """Bodies by URL and content hash under ``root`` (see the module's docstring)."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        for sub in ("objects", "urls", "tmp"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        self._sweep()

    def _sweep(self) -> None:
        """Temporary files a killed run left behind (older than an hour: another run may be
        writing the younger ones)."""
        limit = time.time() - 3600
        for leftover in (self.root / "tmp").iterdir():
            with contextlib.suppress(OSError):
                if leftover.stat().st_mtime < limit:
                    leftover.unlink()

    def _entry_path(self, url: str) -> Path:
        key = hashlib.sha256(url.encode()).hexdigest()
        return self.root / "urls" / key[:2] / f"{key}.json"

    def object_path(self, sha256: str) -> Path:
        return self.root / "objects" / sha256[:2] / sha256

    def lookup(
        self, url: str, *, tag: str | None = None, max_age: float | None = None
    ) -> Fetched | None:
        """The body last fetched from ``url``, if it is still whole (its hash is checked), was
        stored with the same ``tag`` and is younger than ``max_age`` seconds."""
        try:
            entry = json.loads(self._entry_path(url).read_text())
        except (OSError, ValueError):
            return None
        if entry.get("url") != url or entry.get("tag") != tag:
            return None
        if max_age is not None and time.time() - float(entry.get("stored", 0)) > max_age:
            return None
        sha = str(entry.get("sha256", ""))
        path = self.object_path(sha)
        if not sha or not path.is_file() or _file_sha256(path) != sha:
            return None
        return Fetched(url, path, sha, path.stat().st_size, True)

    def temporary(self) -> tuple[Path, IO[bytes]]:
        fd, name = tempfile.mkstemp(dir=self.root / "tmp", prefix="part-")
        return Path(name), os.fdopen(fd, "wb")

    def store(self, url: str, tmp: Path, sha256: str, size: int, tag: str | None = None) -> Fetched:
        """Move a complete body into place, then point ``url`` at it (in that order, so that an
        entry never names a body that is not there)."""
        target = self.object_path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, target)
        entry = {"url": url, "sha256": sha256, "size": size, "tag": tag, "stored": time.time()}
        path = self._entry_path(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        part, handle = self.temporary()
        with handle:
            handle.write(json.dumps(entry).encode())
        os.replace(part, path)
        return Fetched(url, target, sha256, size, False)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _Truncated(Exception):
    pass


class EdgarClient:
    """GET from EDGAR through the cache, the shared rate limiter and the retry policy.

    ``requests`` counts what went to the network (retries included): what a test or a user
    can check against the fair access policy."""

    def __init__(
        self,
        user_agent: str | None,
        cache: DocumentCache,
        *,
        hosts: Hosts | None = None,
        limiter: RateLimiter | None = None,
        retries: int = 5,
        transport_retries: int = 2,
        backoff: float = 1.0,
        max_wait: float = 600.0,
        timeout: float = 30.0,
    ) -> None:
        self.user_agent = check_user_agent(user_agent)
        self.cache = cache
        self.hosts = hosts or Hosts.from_env()
        self.limiter = limiter or LIMITER
        self.retries = retries
        self.transport_retries = transport_retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.timeout = timeout
        self.requests = 0
        self._opener = urllib.request.build_opener()

    def get(
        self,
        url: str,
        *,
        use_cache: bool = True,
        tag: str | None = None,
        max_age: float | None = None,
    ) -> Fetched:
        """The body at ``url``: from the cache where it holds it (and ``use_cache``), else from
        the network, then cached. Raises ``FetchError``."""
        if use_cache:
            hit = self.cache.lookup(url, tag=tag, max_age=max_age)
            if hit is not None:
                return hit
        return self._download(url, tag)

    def get_json(self, url: str, **kwargs: Any) -> Any:
        fetched = self.get(url, **kwargs)
        try:
            return json.loads(fetched.read_bytes())
        except ValueError as exc:
            raise FetchError(url, f"not JSON: {exc}") from None

    def _download(self, url: str, tag: str | None) -> Fetched:
        throttled = 0
        broken = 0
        while True:
            self.limiter.acquire()
            self.requests += 1
            try:
                request = urllib.request.Request(
                    url,
                    headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"},
                )
                with self._opener.open(request, timeout=self.timeout) as response:
                    return self._save(url, response, tag)
            except urllib.error.HTTPError as exc:
                status, headers = exc.code, exc.headers
                exc.close()
                if status not in (429, 503):
                    raise FetchError(url, f"HTTP {status} {exc.reason}", status) from None
                if throttled >= self.retries:
                    raise FetchError(
                        url, f"HTTP {status}: still refused after {throttled} retries", status
                    ) from None
                wait = retry_after(headers.get("Retry-After")) if headers else None
                if wait is None:
                    wait = self.backoff * 2**throttled
                if wait > self.max_wait:
                    raise FetchError(
                        url,
                        f"HTTP {status}: EDGAR asks to wait {wait:.0f} s, over the "
                        f"{self.max_wait:.0f} s this client waits",
                        status,
                    ) from None
                throttled += 1
                self.limiter.pause(wait)
            except (_Truncated, http.client.IncompleteRead, zlib.error) as exc:
                reason = f"truncated body ({exc})" if str(exc) else "truncated body"
                broken = self._transport_retry(url, broken, reason)
            except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
                broken = self._transport_retry(url, broken, _describe(exc))

    def _transport_retry(self, url: str, broken: int, reason: str) -> int:
        if broken >= self.transport_retries:
            raise FetchError(url, reason)
        time.sleep(self.backoff * 2**broken)
        return broken + 1

    def _save(self, url: str, response: http.client.HTTPResponse, tag: str | None) -> Fetched:
        encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
        declared = response.headers.get("Content-Length")
        inflate: Any = None
        if encoding in ("gzip", "x-gzip"):
            inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            inflate = zlib.decompressobj()
        digest = hashlib.sha256()
        raw = size = 0
        tmp, handle = self.cache.temporary()
        try:
            with handle:
                while block := response.read(1 << 16):
                    raw += len(block)
                    data = inflate.decompress(block) if inflate is not None else block
                    digest.update(data)
                    size += len(data)
                    handle.write(data)
                if inflate is not None:
                    tail = inflate.flush()
                    digest.update(tail)
                    size += len(tail)
                    handle.write(tail)
                    if not inflate.eof:
                        raise _Truncated("the compressed stream stops short")
                if declared is not None and declared.isdigit() and raw != int(declared):
                    raise _Truncated(f"{raw} of {declared} bytes")
                handle.flush()
                os.fsync(handle.fileno())
            return self.cache.store(url, tmp, digest.hexdigest(), size, tag)
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _describe(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None)
    return f"{type(exc).__name__}: {reason or exc}"


__all__ = [
    "DATA_ENV",
    "DEFAULT_DATA",
    "DEFAULT_WWW",
    "LIMITER",
    "MAX_REQUESTS_PER_SECOND",
    "USER_AGENT_ENV",
    "WWW_ENV",
    "DocumentCache",
    "EdgarClient",
    "FetchError",
    "Fetched",
    "Hosts",
    "RateLimiter",
    "UserAgentError",
    "check_user_agent",
    "retry_after",
]
