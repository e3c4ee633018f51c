"""Customer table."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from core.dbtypes import utc_field


class Customer(SQLModel, table=True):
    """A person asking for repairs; web-chat visitors and WhatsApp users with a username may have no phone."""

    id: int | None = Field(default=None, primary_key=True)
    phone: str | None = Field(default=None, unique=True, max_length=20)
    bsuid: str | None = Field(default=None, unique=True, index=True, max_length=140)  # WhatsApp business-scoped user id
    name: str = Field(default="", max_length=120)
    language: str = Field(default="fr", max_length=2)
    is_demo: bool = Field(default=False, index=True)
    created_at: datetime = utc_field(default_now=True)
