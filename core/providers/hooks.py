"""What happens when a provider is suspended: other domains' reactions, run in the same transaction.

The reactions live above this package (auth ends the provider's sign-ins); core.wiring subscribes them, so this
package never imports upward.
"""

from collections.abc import Callable

from sqlmodel import Session

from core.providers.models import Provider

Hook = Callable[..., None]

ON_SUSPENDED: list[Hook] = []  # called in this order with hook(session=, provider=)


def subscribe_suspended(hook: Hook) -> None:
    """Call hook whenever a provider is suspended; subscribing twice changes nothing."""
    if hook not in ON_SUSPENDED:
        ON_SUSPENDED.append(hook)


def suspended(*, session: Session, provider: Provider) -> None:
    """Run every reaction to this provider's suspension."""
    for hook in ON_SUSPENDED:
        hook(session=session, provider=provider)
