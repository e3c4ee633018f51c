"""Each adapter against the fake API: what the SDK sends, and what comes back."""

import base64

import openai
import pytest

from core.llm.gpt import OpenAIProvider
from core.llm.prompts import ANALYSIS_SCHEMA, ANSWER_SCHEMA, REPLY_SCHEMA
from core.llm.provider import RejectedAnswer, Usage
from tests.fakes.llm_servers import Reply
from tests.llm.conftest import KEYS, build


def _auth(headers: dict[str, str], key: str) -> bool:
    return headers.get("x-api-key") == key or headers.get("authorization") == f"Bearer {key}"


def test_claude_asks_for_structured_output_and_reads_text_and_usage(llm_servers):
    """Shape: Messages API with output_config.format (anthropic SDK 2.16 types/output_config_param.py;
    platform.claude.com/docs/en/build-with-claude/structured-outputs)."""
    llm_servers.on("anthropic", Reply.json({"intent": "cancel", "confidence": 0.8}, input_tokens=321,
                                           output_tokens=45))
    raw, usage = build(llm_servers, "claude").complete_json("system words", "annule stp", ANALYSIS_SCHEMA)
    assert raw == {"intent": "cancel", "confidence": 0.8}
    assert usage == Usage(321, 45)
    [sent] = llm_servers.seen("anthropic")
    assert sent.path == "/v1/messages"
    assert sent.model == "claude-haiku-5-5"
    assert _auth(sent.headers, KEYS["claude"]) and "anthropic-version" in sent.headers
    assert sent.json["system"] == "system words"
    assert sent.json["messages"] == [{"role": "user", "content": "annule stp"}]
    assert sent.json["max_tokens"] > 0
    form = sent.json["output_config"]["format"]
    assert form["type"] == "json_schema" and form["schema"]["additionalProperties"] is False
    assert set(form["schema"]["properties"]) == set(ANALYSIS_SCHEMA["properties"])
    assert form["schema"]["properties"]["intent"]["enum"][0] == "new_request"


def test_openai_asks_for_a_strict_json_schema(llm_servers):
    """Shape: Chat Completions response_format json_schema, strict (openai SDK 3.60
    types/shared_params/response_format_json_schema.py; developers.openai.com/api/docs/guides/structured-outputs)."""
    llm_servers.on("openai", Reply.json({"answer": "ok"}, input_tokens=100, output_tokens=7))
    raw, usage = build(llm_servers, "openai").complete_json("sys", "question", ANSWER_SCHEMA)
    assert raw == {"answer": "ok"} and usage == Usage(100, 7)
    [sent] = llm_servers.seen("openai")
    assert sent.path == "/v1/chat/completions"
    assert sent.model == "gpt-6-luna"
    assert sent.headers["authorization"] == f"Bearer {KEYS['openai']}"
    assert sent.json["response_format"] == {"type": "json_schema", "json_schema": {
        "name": "answer", "strict": True, "schema": {"type": "object", "properties": {"answer": {"type": "string"}},
                                                     "required": ["answer"], "additionalProperties": False}}}
    assert [m["role"] for m in sent.json["messages"]] == ["system", "user"]


def test_gemini_asks_for_a_json_schema_with_the_json_mime_type(llm_servers):
    """Shape: generateContent generationConfig.responseJsonSchema + responseMimeType (google-genai 3.6
    GenerateContentConfig.response_json_schema; ai.google.dev/gemini-api/docs/structured-output)."""
    llm_servers.on("gemini", Reply.json({"reply": "Bonjour"}, input_tokens=80, output_tokens=9))
    raw, usage = build(llm_servers, "gemini").complete_json("be brief", "dis bonjour", REPLY_SCHEMA)
    assert raw == {"reply": "Bonjour"} and usage == Usage(80, 9)
    [sent] = llm_servers.seen("gemini")
    assert sent.path == "/v1beta/models/gemini-3.5-flash-lite:generateContent"
    assert sent.headers["x-goog-api-key"] == KEYS["gemini"]
    assert sent.json["systemInstruction"]["parts"][0]["text"] == "be brief"
    assert sent.json["contents"][0]["parts"][0]["text"] == "dis bonjour"
    config = sent.json["generationConfig"]
    assert config["responseMimeType"] == "application/json"
    assert config["responseJsonSchema"]["properties"] == {"reply": {"type": "string"}}
    assert "responseSchema" not in config


@pytest.mark.parametrize("name", ["claude", "openai", "gemini"])
def test_every_schema_passes_each_apis_structured_output_rules(llm_servers, name):
    """The fake refuses (400) what the real API refuses; every schema we send must go through."""
    api = {"claude": "anthropic", "openai": "openai", "gemini": "gemini"}[name]
    llm_servers.on(api, Reply.json({"x": 1}))
    adapter = build(llm_servers, name)
    for schema in (ANALYSIS_SCHEMA, REPLY_SCHEMA, ANSWER_SCHEMA):
        assert adapter.complete_json("s", "u", schema)[0] == {"x": 1}
    assert adapter.describe_image(b"jpeg", "image/jpeg", "what?")[0] == {"x": 1}


def test_the_fake_refuses_what_the_real_api_refuses(llm_servers):
    """An open object under strict mode is a 400 invalid_request_error at OpenAI: the fake must say so too."""
    open_schema = {"title": "loose", "type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}
    with pytest.raises(openai.BadRequestError):
        build(llm_servers, "openai").complete_json("s", "u", open_schema)


def test_gemini_gets_the_image_inline(llm_servers):
    photo = b"\xff\xd8\xff\xe0fake-jpeg-bytes"
    llm_servers.on("gemini", Reply.json({"service_type": "plumbing", "severity": "high", "description": "fuite"}))
    raw, _ = build(llm_servers, "gemini").describe_image(photo, "image/jpeg", "what is broken?")
    assert raw["severity"] == "high"
    parts = llm_servers.seen("gemini")[0].json["contents"][0]["parts"]
    inline = next(p for p in parts if "inlineData" in p)["inlineData"]
    assert base64.urlsafe_b64decode(inline["data"].replace("+", "-").replace("/", "_")) == photo
    assert (inline.get("mimeType") or inline.get("mime_type")) == "image/jpeg"


def test_claude_and_openai_send_the_image_as_base64(llm_servers):
    photo = b"\x89PNG-fake"
    report = {"service_type": "electrical", "severity": "medium", "description": "prise brûlée"}
    llm_servers.on("anthropic", Reply.json(report))
    llm_servers.on("openai", Reply.json(report))
    build(llm_servers, "claude").describe_image(photo, "image/png", "what?")
    build(llm_servers, "openai").describe_image(photo, "image/png", "what?")
    block = llm_servers.seen("anthropic")[0].json["messages"][0]["content"][0]
    assert block["source"] == {"type": "base64", "media_type": "image/png", "data": base64.b64encode(photo).decode()}
    url = llm_servers.seen("openai")[0].json["messages"][1]["content"][1]["image_url"]["url"]
    assert url == "data:image/png;base64," + base64.b64encode(photo).decode()


def test_openai_transcribes_a_voice_note_billed_by_the_second(llm_servers):
    llm_servers.on("transcribe", Reply(text=" Mon tuyau a pété à Makepe ", audio_seconds=7.5))
    text, usage = build(llm_servers, "openai").transcribe(b"OggS-voice", "audio/ogg; codecs=opus")
    assert text == "Mon tuyau a pété à Makepe" and usage == Usage(audio_seconds=7.5)
    [sent] = llm_servers.seen("transcribe")
    assert sent.path == "/v1/audio/transcriptions"
    assert sent.model == "gpt-transcribe"
    assert b"OggS-voice" in sent.body and b'filename="voice.ogg"' in sent.body


def test_the_transcription_model_is_a_setting(llm_servers):
    """A token-billed transcription model (gpt-4o-mini-transcribe until its 2027-02-26 shutdown) still works."""
    llm_servers.on("transcribe", Reply.answer("abeg come fix am", input_tokens=50, output_tokens=8))
    adapter = OpenAIProvider(api_key=KEYS["openai"], model="gpt-6-luna", base_url=llm_servers.base_url("openai"),
                             timeout=0.5, max_retries=0, transcribe_model="gpt-4o-mini-transcribe")
    text, usage = adapter.transcribe(b"OggS", "audio/ogg")
    assert text == "abeg come fix am" and usage == Usage(50, 8)
    assert llm_servers.seen("transcribe")[0].model == "gpt-4o-mini-transcribe"


def test_prose_around_json_is_repaired_as_a_last_resort(llm_servers):
    llm_servers.on("anthropic", Reply.answer('Voici:\n```json\n{"intent": "info", "confidence": 0.7,}\n```\nVoilà'))
    raw, _ = build(llm_servers, "claude").complete_json("s", "u", ANALYSIS_SCHEMA)
    assert raw == {"intent": "info", "confidence": 0.7}


def test_answer_without_json_is_rejected_with_its_usage(llm_servers):
    llm_servers.on("openai", Reply.answer("Je ne sais pas.", input_tokens=30, output_tokens=5))
    with pytest.raises(RejectedAnswer) as caught:
        build(llm_servers, "openai").complete_json("s", "u", ANSWER_SCHEMA)
    assert caught.value.usage == Usage(30, 5)
