"""The few things the messaging layer itself says to people."""

MESSAGING: dict[str, dict[str, str]] = {
    "slow_down": {
        "fr": "Doucement 🙏 Vous m'écrivez très vite. Je lis tout, laissez-moi une minute pour vous répondre.",
        "en": "Easy 🙏 You're writing very fast. I read everything, give me a minute to answer you.",
    },
    "type_please": {
        "fr": "Je n'arrive pas à écouter votre message vocal 🙏 Pouvez-vous l'écrire en quelques mots ?",
        "en": "I can't listen to your voice note 🙏 Could you type it in a few words?",
    },
}
