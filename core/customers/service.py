"""Find or create the customer behind a phone number."""

from sqlmodel import Session, select

from core.customers.models import Customer
from core.phones import normalize_phone


def customer_by_phone(*, session: Session, phone: str, name: str = "", language: str | None = None) -> Customer:
    """Return the customer with this phone (any spelling of it), creating them on first contact."""
    e164 = normalize_phone(phone)
    customer = session.exec(select(Customer).where(Customer.phone == e164)).first()
    if customer is None:
        customer = Customer(phone=e164, name=name.strip()[:120], language=language or "fr")
        session.add(customer)
        session.flush()
    elif name and not customer.name:
        customer.name = name.strip()[:120]
        session.add(customer)
    return customer
