"""French or English (Pidgin counts as English, Camfranglais as French), from weighted function words."""

# Grammar words weigh most; content words only hint, since Camfranglais borrows English nouns and verbs
# ("la light a go") inside French grammar.
FRENCH: dict[str, float] = {
    **dict.fromkeys(
        "je j suis mon ma mes le la les des du est et une un pour dans chez avec ne pas plus qui que qu il elle"
        " nous vous ai au aux sur tres depuis quand comment combien ou mais donc ce cet cette ces c ca l d n s"
        " y sont etes avez fait faire veux voudrais peux besoin svp plait salut bonjour bonsoir merci oui non"
        " rien tout toujours encore deja aussi quel quelle quoi votre vos notre leur sa son ses moi toi lui"
        " leurs cest apres avant demain aujourd hui hier soir matin semaine prochaine prochain sans car parce"
        " se te en par vers pres derriere devant".split(),
        1.0,
    ),
    **dict.fromkeys(
        "robinet fuite evier lavabo tuyau courant lumiere frigo clim porte serrure cle mur peinture menage"
        " plombier electricien menuisier macon peintre serrurier panne gate casse bouche coule maison chambre"
        " cuisine salon douche toilettes eau prise ampoule machine laver tele cuisiniere gaziniere venez vite"
        " urgent urgence arrive demande annuler annulez probleme souci marche refroidit chauffe etoiles lundi"
        " mardi mercredi jeudi vendredi samedi dimanche janvier fevrier avril juin juillet aout septembre octobre"
        " novembre decembre acheter vendre louer quartier carrefour".split(),
        0.5,
    ),
}
ENGLISH: dict[str, float] = {
    **dict.fromkeys(
        "the my is are i you we he she it in at for and to of with please abeg dey di don no na wetin fit am"
        " dem una sabi comot make need have has not can how what when where hello hi thanks thank this that"
        " there again since wan wey be get do does did will would should want your our his her its"
        " yesterday tomorrow today morning evening night week next was were been an any some someone"
        " anybody just still yet already e o oo ooo abi sef wetin dis go come send help fix work m s t".split(),
        1.0,
    ),
    **dict.fromkeys(
        "tap leak sink pipe water light current fridge freezer door lock key wall paint clean house room"
        " kitchen parlour shower toilet plumber electrician carpenter mason painter locksmith cleaner spoil"
        " broken burst block cancel request booking coming plug socket bulb switch machine washing install"
        " repair cooling cool leaking working stopped dead yes yeah near stars star now sell buy yo behind"
        " monday tuesday wednesday thursday friday saturday sunday january february april june july august"
        " september october november december servicing airtime rent".split(),
        0.5,
    ),
}
# Words both languages use ("a", "on", "me", "ok") carry no weight; place names are removed before scoring.


def detect_language(toks: list[str], skip: set[str], default: str = "fr") -> tuple[str, float]:
    """Return "fr" or "en" and how sure the evidence is (0-1); without evidence, the default."""
    fr = en = 0.0
    for tok in toks:
        if tok in skip:
            continue
        fr += FRENCH.get(tok, 0.0)
        en += ENGLISH.get(tok, 0.0)
    if fr == en:
        return default, 0.0
    language = "fr" if fr > en else "en"
    return language, abs(fr - en) / (fr + en)
