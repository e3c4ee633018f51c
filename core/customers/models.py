"""Customer table."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from core.dbtypes import utc_field


class Customer(SQLModel, table=True):
    """A person asking for repairs; phone is a proven number (WhatsApp, or a code); web visitors and WhatsApp users
    with a username may have none."""

    id: int | None = Field(default=None, primary_key=True)
    phone: str | None = Field(default=None, unique=True, max_length=20)
    bsuid: str | None = Field(default=None, unique=True, index=True, max_length=140)  # WhatsApp business-scoped user id
    name: str = Field(default="", max_length=120)
    # A number given on the web chat to be called back on: never proven, so never used to find or join anyone.
    contact_phone: str | None = Field(default=None, max_length=20)
    language: str = Field(default="fr", max_length=2)
    is_demo: bool = Field(default=False, index=True)
    created_at: datetime = utc_field(default_now=True)
