"""GET /api/openapi.json and /api/docs: the JSON API described from its pydantic models.

The docs are a plain page written on the server from the schema: Swagger UI loads its scripts from a CDN, which
the Content-Security-Policy (default-src 'self') and an offline server both refuse.
"""

from html import escape
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

router = APIRouter()

PUBLIC_PREFIXES = ("/api/", "/health")  # the JSON API; webhooks and pages are not documented here


@router.get("/api/openapi.json", include_in_schema=False)
async def openapi(request: Request) -> JSONResponse:
    """Return the OpenAPI schema of the JSON API."""
    return JSONResponse(api_schema(request.app.openapi()))


@router.get("/api/docs", include_in_schema=False)
async def docs(request: Request) -> HTMLResponse:
    """Return the JSON API's endpoints, bodies and fields as a plain page."""
    schema = api_schema(request.app.openapi())
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Djobea API</title></head><body>",
             "<h1>Djobea JSON API</h1><p><a href='/api/openapi.json'>openapi.json</a></p>"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            parts.append(f"<h2>{escape(method.upper())} {escape(path)}</h2>"
                         f"<p>{escape(operation.get('description') or operation.get('summary') or '')}</p>")
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body:
                parts.append("<h3>Request body</h3>" + _fields(body, schema))
            for status, response in operation.get("responses", {}).items():
                found = response.get("content", {}).get("application/json", {}).get("schema")
                if found:
                    parts.append(f"<h3>Response {escape(str(status))}</h3>" + _fields(found, schema))
    return HTMLResponse("".join(parts) + "</body></html>")


def api_schema(full: dict[str, Any]) -> dict[str, Any]:
    """Return the schema narrowed to the JSON API's paths."""
    paths = {p: ops for p, ops in full.get("paths", {}).items() if p.startswith(PUBLIC_PREFIXES)}
    return {**full, "info": {**full.get("info", {}), "title": "Djobea"}, "paths": paths}


def _fields(node: dict[str, Any], schema: dict[str, Any]) -> str:
    node = _resolved(node, schema)
    if node.get("type") == "array":
        return "<p>a list of:</p>" + _fields(node.get("items", {}), schema)
    rows = []
    for name, field in node.get("properties", {}).items():
        field = _resolved(field, schema)
        kind = field.get("type") or " or ".join(
            _resolved(o, schema).get("title") or _resolved(o, schema).get("type", "?") for o in field.get("anyOf", []))
        about = escape(field.get("description", ""))
        rows.append(f"<li><code>{escape(name)}</code> ({escape(str(kind))}) {about}</li>")
    return "<ul>" + "".join(rows) + "</ul>"


def _resolved(node: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref", "")
    if ref.startswith("#/components/schemas/"):
        return schema.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[1], {})
    return node
