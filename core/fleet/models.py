"""Heartbeats of the worker processes, so readiness checks see which workers are alive."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from core.dbtypes import utc_field


class WorkerHeartbeat(SQLModel, table=True):
    """One row per `djobea worker` process: when it started and last showed it was working."""

    process: str = Field(primary_key=True, max_length=120)  # host:pid
    started_at: datetime = utc_field(default_now=True)
    seen_at: datetime = utc_field(default_now=True, index=True)
    stopping: bool = False  # set at SIGTERM: the process finishes its turns and takes no new work
