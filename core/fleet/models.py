"""Heartbeats of the worker processes, so readiness checks see which workers are alive, and each scheduled job's
last run per process."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from core.dbtypes import utc_field


class WorkerHeartbeat(SQLModel, table=True):
    """One row per `djobea worker` process: when it started and last showed it was working."""

    process: str = Field(primary_key=True, max_length=120)  # host:pid
    started_at: datetime = utc_field(default_now=True)
    seen_at: datetime = utc_field(default_now=True, index=True)
    stopping: bool = False  # set at SIGTERM: the process finishes its turns and takes no new work


class JobRun(SQLModel, table=True):
    """The last run of one scheduled job in one process (one row per job and process, overwritten each run)."""

    job: str = Field(primary_key=True, max_length=40)
    process: str = Field(primary_key=True, max_length=120)  # host:pid
    started_at: datetime = utc_field()
    seconds: float = 0.0
    ok: bool = True
    count: int | None = None
    error: str = Field(default="", max_length=300)
