"""The team page and one's own account page, used by an admin and an operator, each in their own browser."""

import asyncio

import pytest
from nicegui.testing import User
from sqlmodel import Session, select

from core.auth.models import Account
from core.auth.passwords import verify_password
from core.auth.service import set_role
from core.db import get_engine
from core.rules.models import AuditEntry
from tests.messaging.helpers import fetch
from tests.pages.helpers import PASSWORD, eventually, make_account, sign_in_admin, text_of

SAVED = "Enregistré ✅"


async def _sign_in(user: User, email: str, password: str) -> None:
    """Sign in with an existing account on /login, as a person would (in a browser of its own, see _apart)."""

    async def sign_in() -> None:
        await user.open("/login")
        user.find(marker="login-email").type(email)
        user.find(marker="login-password").type(password)
        user.find(marker="login-submit").click()
        await user.should_see(marker="kpi-requests", retries=100)

    await _apart(sign_in())


async def _apart(work):
    """Run one browser's requests in a task of their own and return the result.

    NiceGUI keeps the current request in a context variable; simulated clicks in the other browser would
    otherwise run with this browser's request, and so with its sign-in.
    """
    return await asyncio.create_task(work)


async def _answer(user: User, action, *, reloads: bool = True) -> str:
    """Do something on the page; return the message it answers with, once it shows the team as it is now."""
    user.notify.messages.clear()
    before = user.client
    action()
    message = await eventually(lambda: user.notify.messages[-1] if user.notify.messages else None, tries=400)
    if reloads:
        await eventually(lambda: user.client is not before, tries=400)
    return message


def _click(user: User, marker: str):
    return lambda: user.find(marker=marker).click()


async def _status(user: User, path: str) -> int:
    return (await _apart(user.http_client.get(path, follow_redirects=False))).status_code


@pytest.mark.parametrize("path", ["/admin/team", "/admin/account"])
async def test_anonymous_visitors_are_sent_to_the_login(user: User, path: str):
    response = await user.http_client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next={path}"


async def test_operators_are_refused_the_team_page_and_reach_their_own_account(user: User, session):
    await sign_in_admin(user, session, role="operator")
    assert await _status(user, "/admin/team") == 403
    user.find(marker="my-account").click()
    await user.should_see(marker="own-password", retries=100)
    await user.should_see("operator@djobea.cm")


async def test_an_admin_creates_an_operator_who_can_then_sign_in(user: User, create_user, session):
    admin = await sign_in_admin(user, session)
    await user.open("/admin/team")
    user.find(marker="new-email").type("aline@djobea.cm")
    user.find(marker="new-name").type("Aline")
    user.find(marker="new-password").type("short")
    error = await _answer(user, _click(user, "new-submit"), reloads=False)
    assert error == "Le mot de passe a au moins 10 caractères."
    assert fetch(select(Account).where(Account.email == "aline@djobea.cm")) == []
    user.find(marker="new-password").clear().type("aline-first-password")  # the form kept what was typed
    assert await _answer(user, _click(user, "new-submit")) == SAVED
    [aline] = fetch(select(Account).where(Account.email == "aline@djobea.cm"))
    assert (aline.name, aline.role, aline.active) == ("Aline", "operator", True)
    [entry] = fetch(select(AuditEntry).where(AuditEntry.action == "account.create"))
    assert (entry.actor, entry.target) == (admin.email, f"account:{aline.id}")
    await user.should_see(marker=f"account-{aline.id}")
    colleague = create_user()
    await _sign_in(colleague, "aline@djobea.cm", "aline-first-password")
    assert await _status(colleague, "/admin/team") == 403


async def test_an_admin_promotes_and_demotes_with_the_role_select(user: User, create_user, session):
    await sign_in_admin(user, session)
    aline = make_account(session, role="operator", email="aline@djobea.cm")
    colleague = create_user()
    await _sign_in(colleague, aline.email, PASSWORD)
    assert await _status(colleague, "/admin/team") == 403
    await user.open("/admin/team")

    def choose(label: str):
        def action() -> None:
            user.find(marker=f"role-{aline.id}").click()  # opens the list
            with user.scope(marker=f"account-{aline.id}"):
                user.find(label).click()
        return action

    assert await _answer(user, choose("Administrateur")) == SAVED
    assert fetch(select(Account.role).where(Account.id == aline.id)) == ["admin"]
    assert await _status(colleague, "/admin/team") == 200  # the same session, now with the admin role
    assert await _answer(user, choose("Opérateur")) == SAVED
    assert fetch(select(Account.role).where(Account.id == aline.id)) == ["operator"]
    assert await _status(colleague, "/admin/team") == 403
    assert len(fetch(select(AuditEntry).where(AuditEntry.action == "account.role"))) == 2


async def test_deactivating_an_account_signs_it_out_and_reactivating_lets_it_back(user: User, create_user, session):
    await sign_in_admin(user, session)
    aline = make_account(session, role="operator", email="aline@djobea.cm")
    colleague = create_user()
    await _sign_in(colleague, aline.email, PASSWORD)
    assert await _status(colleague, "/admin") == 200
    await user.open("/admin/team")
    assert await _answer(user, _click(user, f"active-{aline.id}")) == SAVED
    assert await _status(colleague, "/admin") == 303
    assert "désactivé" in text_of(user, f"account-state-{aline.id}")
    assert await _answer(user, _click(user, f"active-{aline.id}")) == SAVED
    assert "actif" in text_of(user, f"account-state-{aline.id}")
    await _sign_in(colleague, aline.email, PASSWORD)
    assert [e.action for e in fetch(select(AuditEntry).order_by(AuditEntry.id))] == [
        "account.deactivate", "account.activate"]


async def test_a_password_reset_ends_the_other_sessions(user: User, create_user, session):
    await sign_in_admin(user, session)
    aline = make_account(session, role="operator", email="aline@djobea.cm")
    colleague = create_user()
    await _sign_in(colleague, aline.email, PASSWORD)
    await user.open("/admin/team")
    user.find(marker=f"password-{aline.id}").type("short")
    assert await _answer(user, _click(user, f"reset-{aline.id}")) == "Le mot de passe a au moins 10 caractères."
    assert await _status(colleague, "/admin") == 200  # refused, nothing changed
    user.find(marker=f"password-{aline.id}").type("aline-new-password")
    assert await _answer(user, _click(user, f"reset-{aline.id}")) == SAVED
    assert await _status(colleague, "/admin") == 303
    await _sign_in(colleague, aline.email, "aline-new-password")
    assert await _status(colleague, "/admin") == 200


async def test_the_last_active_admin_cannot_be_deactivated(user: User, session):
    me = await sign_in_admin(user, session)
    await user.open("/admin/team")
    # Start-up may have created a first admin: deactivating it here leaves this admin as the last one.
    others = fetch(select(Account.id).where(Account.role == "admin", Account.active.is_(True), Account.id != me.id))
    for other in others:
        assert await _answer(user, _click(user, f"active-{other}")) == SAVED
    assert await _answer(user, _click(user, f"active-{me.id}")) == "Il faut toujours au moins un administrateur actif."
    assert fetch(select(Account.active).where(Account.id == me.id)) == [True]
    assert await _status(user, "/admin/team") == 200
    await user.should_not_see(marker=f"reset-{me.id}")  # one's own password is changed on /admin/account
    await user.should_see(marker="own-account")


async def test_own_password_change_needs_the_right_current_password(user: User, create_user, session):
    aline = await sign_in_admin(user, session, role="operator", email="aline@djobea.cm")
    other_browser = create_user()
    await _sign_in(other_browser, aline.email, PASSWORD)
    await user.open("/admin/account")
    user.find(marker="current-password").type("not-my-password")
    user.find(marker="new-password").type("aline-new-password")
    user.find(marker="confirm-password").type("aline-new-password")
    save = _click(user, "own-password-save")
    assert await _answer(user, save, reloads=False) == "Le mot de passe actuel est faux."
    user.find(marker="current-password").clear().type(PASSWORD)
    user.find(marker="confirm-password").clear().type("aline-other-password")
    assert await _answer(user, save, reloads=False) == "Les deux mots de passe ne correspondent pas."
    [stored] = fetch(select(Account.password_hash).where(Account.id == aline.id))
    assert verify_password(stored, PASSWORD)
    user.find(marker="confirm-password").clear().type("aline-new-password")
    assert await _answer(user, save, reloads=False) == SAVED
    [stored] = fetch(select(Account.password_hash).where(Account.id == aline.id))
    assert verify_password(stored, "aline-new-password")
    assert await _status(user, "/admin/account") == 200  # this browser stays signed in
    assert await _status(other_browser, "/admin") == 303  # the other one is signed out
    [entry] = fetch(select(AuditEntry).where(AuditEntry.action == "account.password"))
    assert entry.actor == "aline@djobea.cm"


async def test_an_admin_demoted_meanwhile_cannot_act_from_the_open_page(user: User, session):
    me = await sign_in_admin(user, session)
    ange = make_account(session, email="ange@djobea.cm")
    aline = make_account(session, role="operator", email="aline@djobea.cm")
    await user.open("/admin/team")
    with Session(get_engine()) as elsewhere:  # another admin, in another browser
        set_role(session=elsewhere, account_id=me.id, role="operator", actor=ange)
        elsewhere.commit()
    assert await _answer(user, _click(user, f"active-{aline.id}"), reloads=False) == "Accès refusé"
    assert fetch(select(Account.active).where(Account.id == aline.id)) == [True]
