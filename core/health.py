"""GET /health: is the process up and the database reachable."""

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from core import clock
from core.db import ping, run_io

router = APIRouter()


@router.get("/health")
async def health() -> JSONResponse:
    """Return status and database reachability (503 when the database does not answer)."""
    database = await run_io(ping)
    body = {"status": "ok" if database else "degraded", "database": "ok" if database else "unreachable",
            "time": clock.now().isoformat()}
    return JSONResponse(body, status_code=200 if database else 503)
