"""GET /health: is the process up and the database reachable."""

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from core import clock
from core.db import ping, run_io

router = APIRouter()


class Health(BaseModel):
    """Whether the process is up and the database answers."""

    status: str = Field(description="ok or degraded")
    database: str = Field(description="ok or unreachable")
    time: str = Field(description="ISO 8601, UTC")


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
async def health() -> JSONResponse:
    """Return status and database reachability (503 when the database does not answer)."""
    database = await run_io(ping)
    body = {"status": "ok" if database else "degraded", "database": "ok" if database else "unreachable",
            "time": clock.now().isoformat()}
    return JSONResponse(body, status_code=200 if database else 503)
