"""Sign-in pages: admins with email and password, providers with their phone and a WhatsApp code."""

from nicegui import run, ui

from core.auth.login import authenticate
from core.auth.otp import SENT, request_code, verify_code
from core.auth.routes import safe_destination
from core.config import settings
from core.db import session_scope
from core.security.clients import client_address
from ui import frame, theme
from ui.i18n import t


def _client_ip() -> str:
    return client_address(ui.context.client.request)


@ui.page("/login", title="Connexion · Djobea")
def admin_login(next: str | None = None) -> None:
    """Admin sign-in."""
    destination = safe_destination(next, "admin")
    if frame.current_admin() is not None:
        ui.navigate.to(destination)
        return
    ip = _client_ip()
    with frame.Layout(t("Espace administration"), wide=False):
        with ui.card().classes(theme.CARD):
            email = ui.input("Email").props("type=email autocomplete=username outlined").classes("w-full").mark(
                "login-email")
            password = ui.input(t("Mot de passe"), password=True).props(
                "autocomplete=current-password outlined").classes("w-full").mark("login-password")
            error = ui.label().classes("text-negative text-sm").mark("login-error")

            async def submit() -> None:
                outcome = await run.io_bound(_authenticate, email.value or "", password.value or "", ip)
                if outcome is None:  # the server is stopping
                    return
                if outcome.account is None:
                    error.text = t(outcome.error)
                    password.value = ""
                    return
                await frame.sign_in(outcome.account, destination)

            password.on("keydown.enter", submit)
            ui.button(t("Se connecter"), on_click=submit).props("color=primary").classes("w-full").mark(
                "login-submit")


def _authenticate(email: str, password: str, ip: str):
    with session_scope() as session:
        return authenticate(session=session, email=email, password=password, ip=ip)


@ui.page("/provider/login", title="Espace prestataire · Djobea")
def provider_login(next: str | None = None) -> None:
    """Provider sign-in: phone number, then the six-digit code received on WhatsApp."""
    destination = safe_destination(next, "provider")
    if frame.current_provider() is not None:
        ui.navigate.to(destination)
        return
    ip = _client_ip()
    with frame.Layout(t("Espace prestataire"), wide=False):
        with ui.card().classes(theme.CARD):
            phone = ui.input(t("Numéro WhatsApp"), placeholder="6 99 12 34 56").props(
                "type=tel autocomplete=tel outlined").classes("w-full").mark("otp-phone")
            ui.label(t("Vous recevez votre code de connexion par WhatsApp, sur ce numéro.")).classes(
                theme.MUTED).mark("otp-whatsapp")
            if not settings.twilio_enabled:
                ui.label(t("Démo : WhatsApp n'est pas branché. Le code s'affiche sur le téléphone du prestataire "
                           "dans le simulateur (menu Simulateur, après connexion de l'équipe).")).classes(
                    theme.WARNING).mark("otp-demo")
            info = ui.label().classes("text-sm").mark("otp-info")
            code = ui.input(t("Code à 6 chiffres")).props(
                "inputmode=numeric autocomplete=one-time-code maxlength=6 outlined").classes("w-full").mark(
                "otp-code")
            code.set_visibility(False)

            async def ask() -> None:
                message = await run.io_bound(_request, phone.value or "", ip)
                if message is None:
                    return
                info.text = t(message)
                info.classes(replace="text-sm " + ("text-positive" if message == SENT else "text-negative"))
                if message == SENT:
                    code.set_visibility(True)
                    confirm.set_visibility(True)

            async def check() -> None:
                outcome = await run.io_bound(_verify, phone.value or "", code.value or "", ip)
                if outcome is None:
                    return
                if outcome.provider is None:
                    info.text = t(outcome.error)
                    info.classes(replace="text-sm text-negative")
                    code.value = ""
                    return
                await frame.sign_in(outcome.provider, destination)

            ui.button(t("Recevoir un code"), on_click=ask).props("outline color=primary").classes("w-full").mark(
                "otp-request")
            confirm = ui.button(t("Valider"), on_click=check).props("color=primary").classes("w-full").mark(
                "otp-submit")
            confirm.set_visibility(False)
            code.on("keydown.enter", check)


def _request(phone: str, ip: str) -> str:
    with session_scope() as session:
        return request_code(session=session, phone=phone, ip=ip)


def _verify(phone: str, code: str, ip: str):
    with session_scope() as session:
        return verify_code(session=session, phone=phone, code=code, ip=ip)
