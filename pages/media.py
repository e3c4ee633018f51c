"""/media/{id}: a photo, voice note or file a customer sent, for the team and for the provider who has the job."""

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response

from core.auth import sessions
from core.config import settings
from core.db import session_scope, storable
from core.providers import photos
from core.service_requests.models import RequestMedia, ServiceRequest
from ui.frame import current_admin, current_provider

# Shown in the page as they are; anything else (an HTML or SVG file could carry a script) is only downloaded.
INLINE = ("image/jpeg", "image/png", "image/webp", "image/gif", "audio/", "video/")
router = APIRouter()  # included by main.py, like the other routers, so it is there whenever the app is built


def _allowed(media: RequestMedia, account, provider) -> bool:
    if account is not None and sessions.has_role(account, "operator"):
        return True
    if provider is None or media.request_id is None:
        return False
    with session_scope() as session:
        request = session.get(ServiceRequest, media.request_id)
        return request is not None and request.provider_id == provider.id


@router.get("/media/providers/{token}")
def provider_photo(token: str, request: Request) -> Response:
    """Serve a provider's profile photo to signed-in staff and providers."""
    if current_admin(request) is None and current_provider(request) is None:
        return Response("sign in first: /login", status_code=401, media_type="text/plain")
    path = photos.path_of(token)
    if path is None:
        return Response("not found", status_code=404, media_type="text/plain")
    found = photos.kind_of(path.read_bytes()[:16])
    return FileResponse(path, media_type=found[0] if found else "application/octet-stream",
                        headers={"Cache-Control": "private, max-age=86400", "X-Content-Type-Options": "nosniff"})


@router.get("/media/{media_id}")
def media_file(media_id: int, request: Request) -> Response:
    """Serve one stored attachment to whoever may see it: 404 to anyone else, as for a file that is not there."""
    account, provider = current_admin(request), current_provider(request)
    if account is None and provider is None:
        return Response("sign in first: /login", status_code=401, media_type="text/plain")
    if not storable(media_id):
        return Response("not found", status_code=404, media_type="text/plain")
    with session_scope() as session:
        media = session.get(RequestMedia, media_id)
    path = (settings.data_dir / media.path).resolve() if media is not None and media.path else None
    shown = path is not None and _allowed(media, account, provider)
    if not shown or (settings.data_dir / "media").resolve() not in path.parents or not path.is_file():
        return Response("not found", status_code=404, media_type="text/plain")
    inline = media.content_type.startswith(INLINE)
    return FileResponse(path, media_type=media.content_type if inline else "application/octet-stream",
                        content_disposition_type="inline" if inline else "attachment", filename=Path(path).name,
                        headers={"Cache-Control": "private, max-age=86400", "X-Content-Type-Options": "nosniff"})
