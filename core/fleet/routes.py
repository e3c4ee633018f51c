"""GET /ready (can this web process serve?) and GET /metrics (Prometheus text format, guarded)."""

import asyncio

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from core.fleet import guard, metrics, readiness

router = APIRouter()


@router.get("/ready")
async def ready() -> JSONResponse:
    """Return 200 when this web process can serve, else 503 with the reasons."""
    result = await asyncio.to_thread(readiness.check, role="web")
    return JSONResponse(result.body(), status_code=200 if result.ready else 503)


@router.get("/metrics")
async def metrics_text(request: Request) -> Response:
    """Return the metrics in Prometheus text format to an allowed scraper (401 or 404 otherwise)."""
    status = guard.verdict(peer=request.client.host if request.client else None,
                           headers={k.lower(): v for k, v in request.headers.items()})
    if status == 401:
        return Response("a Bearer token is required\n", status_code=401, media_type="text/plain",
                        headers={"WWW-Authenticate": 'Bearer realm="metrics"'})
    if status != 200:
        return Response("Not Found\n", status_code=404, media_type="text/plain")
    return Response(await asyncio.to_thread(metrics.render), media_type=metrics.CONTENT_TYPE)
