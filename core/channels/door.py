"""The answer path's own PostgreSQL connections: a psycopg pool of autocommit async connections on the web event loop.

Statements the webhook waits for (storing a message) or sends after its answer (waking workers, timings) run
here, awaited on the loop: no thread hop and no hand-over of the GIL per message, where the slow tail was.
"""

import asyncio
from typing import ClassVar

import psycopg
from psycopg_pool import AsyncConnectionPool

from core.config import settings
from core.logs import log

POOL = 8  # at 300 messages/s two or three are ever busy


class AsyncDoor:
    """Up to POOL autocommit async connections (psycopg_pool), opened on first need, owned by one event loop.

    A connection the server dropped (restart) is replaced and the statement tried once more; a connection left
    in doubt (cancelled mid-statement) is closed rather than reused. Close it (close_running) before its loop
    ends: a connection the pool is opening in the background when the loop stops would hold the loop's end.
    """

    _doors: ClassVar[dict[tuple[str, int], "AsyncDoor"]] = {}

    def __init__(self, url: str, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._pool = AsyncConnectionPool(url, min_size=0, max_size=POOL, kwargs={"autocommit": True}, open=False,
                                         name="answer-path")
        self._opened = False

    async def execute(self, sql: str, params: tuple = (), *, fetch: bool = False,
                      many: list[tuple] | None = None) -> tuple | None:
        """Run one statement (or one per row of many); with fetch, return the first row."""
        if not self._opened:
            await self._pool.open()
            self._opened = True
        for attempt in range(2):
            try:
                return await self._run(sql, params, fetch, many)
            except psycopg.OperationalError:
                if attempt:
                    raise
                log.warning("answer-path connection lost; checking the pool and trying once more")
                await self._pool.check()  # a restart drops every idle connection, not only the one that failed
        return None

    async def _run(self, sql: str, params: tuple, fetch: bool, many: list[tuple] | None) -> tuple | None:
        async with self._pool.connection() as connection:
            try:
                if many is not None:
                    async with connection.cursor() as cursor:
                        await cursor.executemany(sql, many)
                    return None
                cursor = await connection.execute(sql, params or None)
                return await cursor.fetchone() if fetch else None
            except BaseException as exc:
                if not isinstance(exc, psycopg.Error):
                    connection.pgconn.finish()  # cancelled mid-statement: in doubt, so never reused
                raise

    def _abandon(self) -> None:
        """Drop the connections of a loop that has ended (nothing can be awaited on it any more)."""
        for connection in list(getattr(self._pool, "_pool", ())):
            connection.pgconn.finish()


async def close_running() -> None:
    """Close the door of the running event loop, if it has one (at shutdown, before the loop ends)."""
    door = AsyncDoor._doors.pop(_key(asyncio.get_running_loop()), None)
    if door is not None and door._opened:
        await door._pool.close()


def _key(loop: asyncio.AbstractEventLoop) -> tuple[str, int]:
    return settings.resolved_database_url.replace("postgresql+psycopg://", "postgresql://", 1), id(loop)


def of_running_loop() -> AsyncDoor:
    """Return the door of the running event loop (doors of loops that have ended are closed)."""
    loop = asyncio.get_running_loop()
    key = _key(loop)
    found = AsyncDoor._doors.get(key)
    if found is None or found._loop is not loop:
        for other, old in list(AsyncDoor._doors.items()):  # tests run one loop after another
            if old._loop.is_closed() or other == key:
                old._abandon()
                del AsyncDoor._doors[other]
        found = AsyncDoor._doors[key] = AsyncDoor(key[0], loop)
    return found
