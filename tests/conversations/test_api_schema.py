"""The JSON API's schema at /api/openapi.json names its bodies' fields; /api/docs shows them under the CSP."""

from nicegui.testing import User


def _body(operation: dict, schema: dict) -> dict:
    found = operation["requestBody"]["content"]["application/json"]["schema"]
    return _resolved(found, schema)


def _resolved(node: dict, schema: dict) -> dict:
    ref = node.get("$ref")
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]] if ref else node


def _response(operation: dict, status: str, schema: dict) -> dict:
    return _resolved(operation["responses"][status]["content"]["application/json"]["schema"], schema)


async def test_the_schema_names_the_fields_of_every_body(user: User):
    response = await user.http_client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert set(schema["paths"]) == {"/api/chat", "/api/chat/{session_id}/messages", "/health"}
    chat = schema["paths"]["/api/chat"]["post"]
    assert set(_body(chat, schema)["properties"]) == {"session_id", "message", "phone", "name"}
    turn = _response(chat, "200", schema)
    assert set(turn["properties"]) == {"replies", "request"}
    request = _resolved(next(o for o in turn["properties"]["request"]["anyOf"] if "$ref" in o), schema)
    assert set(request["properties"]) == {"id", "reference", "service_type", "location", "urgency", "status"}
    assert set(_response(chat, "429", schema)["properties"]) == {"error"}
    messages = _response(schema["paths"]["/api/chat/{session_id}/messages"]["get"], "200", schema)
    assert set(_resolved(messages["items"], schema)["properties"]) == {
        "id", "direction", "author", "body", "created_at", "status"}
    health = _response(schema["paths"]["/health"]["get"], "200", schema)
    assert set(health["properties"]) == {"status", "database", "time"}


async def test_the_docs_page_lists_the_bodies_and_loads_nothing_from_elsewhere(user: User):
    response = await user.http_client.get("/api/docs")
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page = response.text
    assert "POST /api/chat" in page and "<code>session_id</code>" in page and "<code>replies</code>" in page
    assert "<script" not in page and "http" not in page.replace("/api/openapi.json", "")
