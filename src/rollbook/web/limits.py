"""Rate limits kept in memory, per client address: failed log-ins, public searches."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque


class RateLimit:
    """At most `most` events per client in any `seconds`; one lock, so the server's
    threads count alike."""

    def __init__(self, most: int, seconds: float) -> None:
        self.most = most
        self.seconds = seconds
        self._seen: defaultdict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def allows(self, client: str) -> bool:
        """Whether a client may have another event now (it is not counted)."""
        with self._lock:
            return len(self._recent(client)) < self.most

    def count(self, client: str) -> None:
        """Count an event of a client."""
        with self._lock:
            self._recent(client).append(time.monotonic())

    def _recent(self, client: str) -> deque[float]:
        held = self._seen[client]
        since = time.monotonic() - self.seconds
        while held and held[0] < since:
            held.popleft()
        return held
