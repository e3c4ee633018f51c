"""/admin/team (admins only): the team's accounts with their role, activation and a new password; all audited."""

from collections.abc import Callable

from nicegui import run, ui
from sqlalchemy.exc import IntegrityError

from core.auth import service
from core.auth.models import Account
from core.db import session_scope
from core.texts.catalogue import word
from ui import theme
from ui.frame import admin_page, still_allowed
from ui.i18n import error_text, language, t, when

ROLE_LABELS = {"admin": "Administrateur", "operator": "Opérateur"}


@admin_page("/admin/team", title="Équipe", role="admin")
async def team_page(account: Account) -> None:
    """Every account with its role, activation and a new password; a form to add one."""
    accounts = await run.io_bound(_accounts) or []
    with ui.card().classes(theme.CARD).mark("accounts"):
        ui.label(f"{len(accounts)} {t('comptes')}").classes(theme.MUTED)
        for member in accounts:
            _member_row(member, account)
    _new_account_form(account)


def _accounts() -> list[Account]:
    with session_scope() as session:
        return service.list_accounts(session=session)


def apply(change: Callable, lang: str = "fr", **kwargs: object) -> str:
    """Run one account change (a core.auth.service function) in its own transaction; return an error text or ''."""
    try:
        with session_scope() as session:
            change(session=session, **kwargs)
    except service.AccountError as exc:
        return error_text(exc, lang=lang)
    except IntegrityError:  # the same email created at the same moment elsewhere
        return word("error.account_exists", lang)
    return ""


async def _act(change: Callable, *, reload_on_error: bool = True, **kwargs: object) -> None:
    """Check the role again, apply the change, tell the outcome and show the team as it is now."""
    if not still_allowed("admin"):
        ui.notify(t("Accès refusé"), type="negative")
        return
    error = await run.io_bound(apply, change, language(), **kwargs)
    if error is None:  # the server is stopping
        return
    ui.notify(error or t("Enregistré ✅"), type="negative" if error else "positive")
    if reload_on_error or not error:
        ui.navigate.reload()


def _roles() -> dict[str, str]:
    return {role: t(label) for role, label in ROLE_LABELS.items()}


def _member_row(member: Account, actor: Account) -> None:
    """One account: who, state, last sign-in, then its role, (de)activation and a new password."""
    with ui.row().classes("w-full items-center gap-2 border-b py-2").mark(f"account-{member.id}"):
        with ui.column().classes("gap-0 grow min-w-[14rem]"):
            ui.label(f"{member.name or '—'} · {member.email}").classes("font-semibold")
            state = ("🟢 " + t("actif")) if member.active else ("⛔ " + t("désactivé"))
            last = when(member.last_login_at) or t("jamais")
            ui.label(f"{state} · {t('Dernière connexion')} : {last}").classes(theme.MUTED).mark(
                f"account-state-{member.id}")
        ui.select(_roles(), value=member.role, label=t("Rôle"),
                  on_change=lambda e, i=member.id: _act(service.set_role, account_id=i, role=e.value, actor=actor)
                  ).props("dense outlined").classes("w-40").mark(f"role-{member.id}")
        ui.button(t("Désactiver") if member.active else t("Réactiver"),
                  on_click=lambda _, i=member.id, on=not member.active: _act(
                      service.set_active, account_id=i, active=on, actor=actor)).props(
            "dense outline " + ("color=negative" if member.active else "color=primary")).mark(f"active-{member.id}")
        if member.id == actor.id:
            ui.link(t("Changer mon mot de passe"), "/admin/account").classes("text-sm").mark("own-account")
            return
        password = ui.input(t("Nouveau mot de passe"), password=True).props(
            "dense outlined autocomplete=new-password").classes("w-48").mark(f"password-{member.id}")
        ui.button(t("Définir"), on_click=lambda _, i=member.id, field=password: _act(
            service.reset_password, account_id=i, password=field.value or "", actor=actor)).props(
            "dense color=primary").mark(f"reset-{member.id}")


def _new_account_form(actor: Account) -> None:
    """Email, name, role and a first password; the new member signs in with them."""
    with ui.card().classes(theme.CARD).mark("new-account"):
        ui.label(t("Ajouter un compte")).classes(theme.SUBTITLE)
        with ui.row().classes(theme.FILTERS):
            email = ui.input("Email").props("dense outlined type=email").classes("grow").mark("new-email")
            name = ui.input(t("Nom")).props("dense outlined").classes("grow").mark("new-name")
            role = ui.select(_roles(), value="operator", label=t("Rôle")).props("dense outlined").classes(
                "w-40").mark("new-role")
            password = ui.input(t("Mot de passe"), password=True).props(
                "dense outlined autocomplete=new-password").classes("grow").mark("new-password")
        ui.button(t("Ajouter"), icon="person_add", on_click=lambda: _act(
            service.create_account, reload_on_error=False, email=email.value or "", name=name.value or "",
            role=role.value, password=password.value or "", actor=actor)).props("color=primary").mark("new-submit")
