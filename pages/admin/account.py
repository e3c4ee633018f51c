"""/admin/account (every team member): change one's own password; other browsers are signed out, this one stays."""

from nicegui import run, ui

from core.auth import service, sessions
from core.auth.models import Account
from core.db import session_scope
from pages.admin.team import ROLE_LABELS
from ui import theme
from ui.frame import admin_page, session_token, still_allowed
from ui.i18n import error_text, language, t


@admin_page("/admin/account", title="Mon compte")
async def account_page(account: Account) -> None:
    """Who is signed in, and the current, new and confirmed password."""
    with ui.card().classes(theme.CARD).mark("own-password"):
        ui.label(f"{account.name or account.email} · {account.email} · {t(ROLE_LABELS.get(account.role, ''))}"
                 ).classes(theme.MUTED).mark("own-identity")
        ui.label(t("Changer mon mot de passe")).classes(theme.SUBTITLE)
        current = _password_field(t("Mot de passe actuel"), "current-password", "current-password")
        new = _password_field(t("Nouveau mot de passe"), "new-password", "new-password")
        confirm = _password_field(t("Confirmer le nouveau mot de passe"), "new-password", "confirm-password")

        async def save() -> None:
            if not still_allowed("operator"):
                ui.notify(t("Accès refusé"), type="negative")
                return
            if (new.value or "") != (confirm.value or ""):
                ui.notify(t("Les deux mots de passe ne correspondent pas."), type="negative")
                return
            outcome = await run.io_bound(change, account, current.value or "", new.value or "", session_token(),
                                         language())
            if outcome is None:  # the server is stopping
                return
            error, updated = outcome
            if updated is None:
                ui.notify(error, type="negative")
                return
            for field in (current, new, confirm):
                field.value = ""
            ui.notify(t("Enregistré ✅"), type="positive")

        ui.button(t("Enregistrer"), on_click=save).props("color=primary").mark("own-password-save")


def _password_field(label: str, autocomplete: str, mark: str) -> ui.input:
    return ui.input(label, password=True).props(f"outlined autocomplete={autocomplete}").classes("w-full").mark(mark)


def change(account: Account, current: str, new: str, token: str | None,
           lang: str = "fr") -> tuple[str, Account | None]:
    """Change the account's own password, this browser staying signed in; return ('', the account) or (error, None)."""
    with session_scope() as session:
        try:
            updated = service.change_own_password(session=session, account=account, current=current, new=new)
        except service.AccountError as exc:
            return error_text(exc, lang=lang), None  # committed all the same: a wrong current password is counted
        sessions.keep(session=session, token=token, account=updated)  # the other browsers are signed out
        return "", updated
