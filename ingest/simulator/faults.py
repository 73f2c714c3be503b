"""Fault injection plan of the simulator: which paths misbehave, how, and for how many requests."""

from __future__ import annotations

import fnmatch
import threading
from dataclasses import dataclass, field
from typing import Any

# kind → (default parameters). Unknown kinds or parameters are a clear error at `add` time.
FAULT_KINDS: dict[str, dict[str, Any]] = {
    "status": {"code": 500},
    "retry_after": {"code": 429, "seconds": 1, "http_date": False},
    "slow": {"delay_s": 3.0, "mode": "before"},  # mode: before (nothing sent) | during (headers + part)
    "truncate": {"fraction": 0.5},  # Content-Length of the whole body, only this fraction sent, then close
    "redirect_loop": {"code": 302},
    "redirect_offsite": {"code": 302, "target": "http://127.0.0.2:{port}{path}"},
    "oversize": {"mb": 20.0, "gzip": False, "content_length": True},
    "wrong_charset": {"body_charset": "windows-1258", "header_charset": "utf-8", "meta_charset": None},
    "robots_disallow": {},
    "empty": {},
    "malformed": {"fraction": 0.8},
}


@dataclass
class Fault:
    """One misbehaviour. `times=None` forever, else only for the first `times` matching requests."""

    kind: str
    times: int | None = None
    params: dict[str, Any] = field(default_factory=dict)
    hits: int = 0  # requests this fault has answered so far

    def __init__(self, kind: str, times: int | None = None, **params: Any) -> None:
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; known: {', '.join(FAULT_KINDS)}")
        unknown = set(params) - set(FAULT_KINDS[kind])
        if unknown:
            raise ValueError(
                f"fault {kind!r} has no parameter(s) {sorted(unknown)}; known: {sorted(FAULT_KINDS[kind])}"
            )
        if times is not None and times < 0:
            raise ValueError("times must be None or >= 0")
        self.kind = kind
        self.times = times
        self.params = {**FAULT_KINDS[kind], **params}
        self.hits = 0

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["params"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.hits >= self.times


def robots_pattern(glob: str) -> str:
    """A path glob as a robots.txt path pattern (`*` wildcard, `$` end anchor)."""
    pattern = glob.replace("?", "*")
    return pattern if pattern.endswith("*") else pattern + "$"


class FaultPlan:
    """Faults keyed by path glob (fnmatch on the request path, also tried with its query string)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[tuple[str, Fault]] = []

    def add(self, path_glob: str, fault: Fault) -> Fault:
        """Make requests matching `path_glob` (e.g. `/xuanphu/web/trang-chu/*/*.html`) misbehave."""
        if not path_glob.startswith(("/", "*")):
            raise ValueError(f"path glob must start with '/' or '*', got {path_glob!r}")
        with self._lock:
            self._faults.append((path_glob, fault))
        return fault

    def clear(self, path_glob: str | None = None) -> None:
        """Remove every fault, or only those added with exactly `path_glob`."""
        with self._lock:
            self._faults = [(g, f) for g, f in self._faults if path_glob is not None and g != path_glob]

    def active(self) -> list[tuple[str, Fault]]:
        with self._lock:
            return [(g, f) for g, f in self._faults if not f.exhausted]

    def __len__(self) -> int:
        return len(self.active())

    def take(self, path: str, query: str = "") -> Fault | None:
        """The first live request fault matching the path, counted as used (robots faults excluded)."""
        full = f"{path}?{query}" if query else path
        with self._lock:
            for glob, fault in self._faults:
                if fault.kind == "robots_disallow" or fault.exhausted:
                    continue
                if fnmatch.fnmatchcase(path, glob) or fnmatch.fnmatchcase(full, glob):
                    fault.hits += 1
                    return fault
        return None

    def take_robots(self) -> list[str]:
        """Globs that robots.txt must disallow now; each live `robots_disallow` fault is counted."""
        out = []
        with self._lock:
            for glob, fault in self._faults:
                if fault.kind == "robots_disallow" and not fault.exhausted:
                    fault.hits += 1
                    out.append(glob)
        return out
