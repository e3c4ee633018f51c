"""The answer path's own PostgreSQL connections: a few autocommit async connections on the web event loop.

Statements the webhook waits for (storing a message) or sends after its answer (waking workers, timings) run
here, awaited on the loop: no thread hop and no hand-over of the GIL per message, where the slow tail was.
"""

import asyncio
from typing import ClassVar

import psycopg

from core.config import settings

POOL = 8  # at 300 messages/s two or three are ever busy


class AsyncDoor:
    """POOL autocommit async connections, opened on first need, owned by one event loop.

    Last in, first out: the connection just used is the next one taken, so a quiet server holds one or two.
    A connection the server dropped (restart) is replaced and the statement tried once more; a connection left
    in doubt (cancelled mid-statement) is closed rather than reused.
    """

    _doors: ClassVar[dict[tuple[str, int], "AsyncDoor"]] = {}

    def __init__(self, url: str, loop: asyncio.AbstractEventLoop) -> None:
        self._url, self._loop = url, loop
        self._slots: asyncio.LifoQueue[psycopg.AsyncConnection | None] = asyncio.LifoQueue()
        for _ in range(POOL):
            self._slots.put_nowait(None)

    async def execute(self, sql: str, params: tuple = (), *, fetch: bool = False,
                      many: list[tuple] | None = None) -> tuple | None:
        """Run one statement (or one per row of many); with fetch, return the first row."""
        for attempt in range(2):
            connection = await self._slots.get()
            try:
                if connection is None:
                    connection = await psycopg.AsyncConnection.connect(self._url, autocommit=True)
                found = None
                if many is not None:
                    async with connection.cursor() as cursor:
                        await cursor.executemany(sql, many)
                else:
                    cursor = await connection.execute(sql, params or None)
                    found = await cursor.fetchone() if fetch else None
            except BaseException as exc:
                if connection is not None:
                    connection.pgconn.finish()  # dropped by the server, or left in doubt: never reused
                self._slots.put_nowait(None)
                if attempt or not isinstance(exc, psycopg.OperationalError):
                    raise
                continue
            self._slots.put_nowait(connection)
            return found
        return None

    def _abandon(self) -> None:
        while not self._slots.empty():
            connection = self._slots.get_nowait()
            if connection is not None:
                connection.pgconn.finish()


def of_running_loop() -> AsyncDoor:
    """Return the door of the running event loop (doors of loops that have ended are closed)."""
    loop = asyncio.get_running_loop()
    url = settings.resolved_database_url.replace("postgresql+psycopg://", "postgresql://", 1)
    key = (url, id(loop))
    found = AsyncDoor._doors.get(key)
    if found is None or found._loop is not loop:
        for other, old in list(AsyncDoor._doors.items()):  # tests run one loop after another
            if old._loop.is_closed() or other == key:
                old._abandon()
                del AsyncDoor._doors[other]
        found = AsyncDoor._doors[key] = AsyncDoor(url, loop)
    return found
