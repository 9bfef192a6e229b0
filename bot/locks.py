"""The conversation lock store: Redis when ``CANDOR_LOCK_STORE_URL`` is set, in memory otherwise.

Rasa takes one lock per conversation while it handles a message, so two messages for one
conversation are never processed at once. With one Rasa server an in-memory lock is enough;
with several behind a load balancer the lock must be shared, or two servers could each load
the tracker, each append their events, and one server's events would be lost (Rasa's SQL
tracker store writes only the events beyond the count already stored).

``bot/endpoints.yml`` always names :class:`ConfiguredLockStore`, which picks the store from
Candor's settings, so one endpoints file serves both set-ups and no ``${VAR}`` has to be set.

Rasa's own RedisLockStore issues tickets by reading the lock, changing it and writing it
back; two servers doing that at the same moment can hand out the same ticket. Ours does each
read-modify-write under a short Redis mutex, so tickets stay unique across servers.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Any, Iterator
from urllib.parse import urlsplit

import redis
from rasa.core.lock_store import (
    DEFAULT_SOCKET_TIMEOUT_IN_SECONDS,
    LOCK_LIFETIME,
    InMemoryLockStore,
    LockStore,
    RedisLockStore,
)

from guardrails import config

logger = logging.getLogger(__name__)

MUTEX_SECONDS = 10  # the longest a ticket update may hold the mutex (it takes a few ms)


class AtomicRedisLockStore(RedisLockStore):
    """Rasa's Redis lock store with each ticket update made atomic across servers."""

    @classmethod
    def from_url(cls, url: str) -> "AtomicRedisLockStore":
        parts = urlsplit(url)
        if parts.scheme not in ("redis", "rediss") or not parts.hostname:
            raise config.ConfigError("CANDOR_LOCK_STORE_URL must look like redis://host:6379/0")
        store = cls(key_prefix="candor")
        # Rasa builds its client from host/port/db; from_url also takes passwords and TLS.
        store.red = redis.StrictRedis.from_url(url, socket_timeout=DEFAULT_SOCKET_TIMEOUT_IN_SECONDS)
        return store

    @contextmanager
    def _mutex(self, conversation_id: str) -> Iterator[None]:
        with self.red.lock(f"{self.key_prefix}{conversation_id}:mutex", timeout=MUTEX_SECONDS,
                           blocking_timeout=MUTEX_SECONDS):
            yield

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._mutex(conversation_id):
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: str) -> None:
        with self._mutex(conversation_id):
            super().update_lock(conversation_id)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        with self._mutex(conversation_id):
            super().cleanup(conversation_id, ticket_number)


class ConfiguredLockStore(LockStore):
    """Named in endpoints.yml; builds the lock store Candor's settings ask for."""

    def __new__(cls, endpoint_config: Any = None) -> LockStore:  # type: ignore[misc]
        # Rasa instantiates the class it is given; returning another LockStore from __new__
        # hands Rasa the real store (Python then skips __init__, which has nothing to do).
        url = config.settings().lock_store_url
        store = AtomicRedisLockStore.from_url(url) if url else InMemoryLockStore()
        logger.info("Conversation lock store: %s", type(store).__name__)
        return store
