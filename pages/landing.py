"""The landing page: what Djobea does, services and prices, quartiers covered, payment, WhatsApp and the chat."""

from urllib.parse import quote

from nicegui import ui

from core.catalog import quartiers, services
from core.config import settings
from core.money import format_range
from ui import theme
from ui.chat_widget import ChatWidget, chat_widget
from ui.frame import Layout
from ui.i18n import language, t


def whatsapp_link() -> str | None:
    """Return the wa.me link of the configured WhatsApp number, or None when there is none."""
    digits = "".join(c for c in settings.twilio_whatsapp_number if c.isdigit())
    if len(digits) < 8:
        return None
    return f"https://wa.me/{digits}?text={quote('Bonjour Djobea')}"


def open_chat(button: ui.button, widget: ChatWidget) -> None:
    """Make the button bring the chat into view and put the cursor in it, in the browser itself: at once on a slow
    network, and within the tap, so the phone's keyboard opens."""
    card, field = widget.card.html_id, widget.input.html_id
    button.on("click", js_handler=f"() => {{ document.getElementById('{card}').scrollIntoView({{block: 'start'}}); "
                                  f"const f = document.getElementById('{field}'); "
                                  f"(f.matches('input') ? f : f.querySelector('input')).focus(); }}")


@ui.page("/", title="Djobea · Dépannage à Douala")
async def landing() -> None:
    """Public landing page."""
    lang = language()
    with Layout("", wide=False):
        ui.label("Djobea").classes("text-3xl font-bold text-primary").mark("brand")
        ui.label(t("Un plombier, un électricien, un réparateur de confiance à Douala, en quelques minutes.")).classes(
            theme.SUBTITLE)
        ui.label(t("Écrivez-nous comme vous parlez : « mon tuyau a pété à Makepe ». Djobea comprend, trouve un artisan "
                   "vérifié près de chez vous et vous tient au courant.")).classes(theme.MUTED)
        with ui.row().classes("gap-2 items-center"):
            opener = ui.button(t("Discuter maintenant"), icon="chat").props("color=primary rounded").mark(
                "open-chat")
            link = whatsapp_link()
            if link:
                ui.link(t("Écrire sur WhatsApp"), link, new_tab=True).classes(
                    "bg-[#25D366] text-white no-underline rounded-full px-4 py-2 font-semibold").mark("whatsapp-link")
        if not link:
            ui.label(t("WhatsApp arrive bientôt : en attendant, utilisez le chat ci-dessous.")).classes(
                theme.MUTED).mark("whatsapp-soon")
        widget = await chat_widget()
        open_chat(opener, widget)
        with ui.card().classes(theme.CARD):
            ui.label(t("Comment ça marche")).classes(theme.SUBTITLE)
            for step in ("1. Vous décrivez le problème et le quartier.", "2. Un artisan proche accepte le travail.",
                         "3. Il vient, répare, et vous payez à la fin."):
                ui.label(t(step))
        with ui.card().classes(theme.CARD):
            ui.label(t("Services et prix indicatifs")).classes(theme.SUBTITLE)
            for service in services():
                with ui.row().classes("w-full justify-between no-wrap"):
                    ui.label(service.name(lang))
                    ui.label(format_range(service.price_min, service.price_max)).classes(
                        "font-mono text-sm whitespace-nowrap")
        with ui.card().classes(theme.CARD):
            ui.label(t("Quartiers couverts")).classes(theme.SUBTITLE)
            ui.label(", ".join(q.name for q in quartiers())).classes(theme.MUTED)
        with ui.card().classes(theme.CARD):
            ui.label(t("Paiement")).classes(theme.SUBTITLE)
            ui.label(t("Vous payez à la fin du travail, par MTN Mobile Money ou Orange Money, avec un lien sécurisé. "
                       "Jamais d'avance.")).mark("payment-info")
        with ui.row().classes("w-full justify-center gap-4 text-xs"):
            ui.link(t("Espace prestataire"), "/provider/login").classes("text-gray-500")
            ui.link(t("Espace administration"), "/login").classes("text-gray-500")
