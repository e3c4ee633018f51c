"""NiceGUI's server-side storage in Redis when REDIS_URL is set, so every web process sees the same.

What a browser carries between web processes:
- the sign-in session: a random token in an HttpOnly cookie, resolved in the database (core/auth/sessions.py), so
  it is honoured by every process reading that database;
- `app.storage.browser`: NiceGUI's signed session cookie, valid on every process with the same STORAGE_SECRET;
- `app.storage.user` (the chosen language) and `app.storage.general`: kept by NiceGUI in files of the process's
  working directory by default, in Redis with REDIS_URL (NiceGUI's own RedisPersistentDict, `nicegui[redis]`).
A page's live state (its elements, the websocket) stays in the process that drew it: a load balancer must keep
a browser on one web process (sticky routing, deploy/nginx.conf); when that process goes, the page reconnects to
another one and is drawn again there, still signed in.
"""

from nicegui import app
from nicegui.storage import GENERAL_ID, Storage

from core.config import settings

KEY_PREFIX = "djobea:nicegui:"


def share() -> bool:
    """Put NiceGUI's user, tab and general storage in Redis when REDIS_URL is set; return whether it did."""
    if not settings.redis_url:
        return False
    Storage.redis_url = settings.redis_url
    Storage.redis_key_prefix = KEY_PREFIX
    # NiceGUI made its general storage (in a file) at import, before settings were read: make it again in Redis.
    app.storage._general = Storage._create_persistent_dict(GENERAL_ID)
    app.storage._general.initialize_sync()
    return True
