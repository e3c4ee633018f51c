"""French or English (Pidgin counts as English, Camfranglais as French), from weighted function words."""

from core.nlu.normalize import LABELLED

# Grammar words weigh most; content words only hint, since Camfranglais borrows English nouns and verbs
# ("la light a go") inside French grammar.
FRENCH: dict[str, float] = {
    **dict.fromkeys(
        "je j suis mon ma mes le la les des du est et une un pour dans chez avec ne pas plus qui que qu il elle"
        " nous vous ai au aux sur tres depuis quand comment combien ou mais donc ce cet cette ces c ca l d n s"
        " y sont etes avez fait faire veux voudrais peux besoin svp plait salut bonjour bonsoir merci oui non"
        " rien tout toujours encore deja aussi quel quelle quoi votre vos notre leur sa son ses moi toi lui"
        " leurs cest apres avant demain aujourd hui hier soir matin semaine prochaine prochain sans car parce"
        " se te en par vers pres derriere devant ont etait sera serait fais font peut pouvez dois doit ici voici"
        " voila quelque chose beaucoup trop bien mal hein meme autre autres tous toute toutes chaque aucun aucune"
        " personne jamais moins assez si alors puis ensuite avoir etre ete aller vient vais va vont dit dire mettre"
        " prendre entre sous contre pendant jusqu jusque selon quelques plusieurs dont lorsque comme ceci cela"
        " celui celle ceux nos ton tes ta allume".split(),
        1.0,
    ),
    **dict.fromkeys("salut bonjour bonsoir".split(), 0.5),
    **dict.fromkeys(
        "robinet fuite evier lavabo tuyau courant lumiere frigo clim porte serrure cle mur peinture menage"
        " plombier electricien menuisier macon peintre serrurier panne gate casse bouche coule maison chambre"
        " cuisine salon douche toilettes eau prise ampoule machine laver tele cuisiniere gaziniere venez vite"
        " urgent urgence arrive demande annuler annulez probleme souci marche refroidit chauffe etoiles lundi"
        " mardi mercredi jeudi vendredi samedi dimanche janvier fevrier avril juin juillet aout septembre octobre"
        " novembre decembre acheter vendre louer quartier carrefour gars serieux francs revenue nuit menage".split(),
        0.5,
    ),
}
ENGLISH: dict[str, float] = {
    **dict.fromkeys(
        "the my is are i you we he she it in at for and to of with please abeg dey di don no na wetin fit am"
        " dem una sabi comot make need have has not can how what when where hello hi thanks thank this that"
        " there again since wan wey be get do does did will would should want your our his her its"
        " yesterday tomorrow today morning evening night week next was were been an any some someone"
        " anybody just still yet already e o oo ooo abi sef wetin dis go come send help fix work m s t one two"
        " three four five around about after before very much many lot nice day had let us them they their from"
        " into off up down out over under who which why because but or if then than so too also only even ever"
        " never always anymore anyone anything everything nothing everyone nobody somebody good bad old big small"
        " could may might must shall pm ago last first each every other such own way better worse tell know think"
        " see look keep take give bring find call told said welcome without within through until these those whose"
        " while myself yourself side completely".split(),
        1.0,
    ),
    # Greetings are borrowed across languages ("Hello, je suis..."): they only hint.
    **dict.fromkeys("hello hi hey".split(), 0.5),
    **dict.fromkeys(
        "tap leak sink pipe water light current fridge freezer door lock key wall paint clean house room"
        " kitchen parlour shower toilet plumber electrician carpenter mason painter locksmith cleaner spoil"
        " broken burst block cancel request booking coming plug socket bulb switch machine washing install"
        " repair cooling cool leaking working stopped dead yes yeah near stars star now sell buy yo behind"
        " monday tuesday wednesday thursday friday saturday sunday january february april june july august"
        " september october november december servicing airtime rent strange noise thing things office shop"
        " sister brother tank tanks tenk news noted understood alright die leaks floor paid confirmed expensive"
        " bookings requests status upstairs downstairs bathroom bedroom".split(),
        0.5,
    ),
}
# Words both languages use ("a", "on", "me", "ok") carry no weight; place names are removed before scoring.
# "on" is French only before a French verb ("on est", "on a", "on paye"), English otherwise ("on my way").
_ON_FRENCH = {"est", "a", "n", "ne", "peut", "va", "fait", "me", "m", "nous", "se", "s", "vous", "paye", "paie", "dit",
              "doit", "veut", "attend", "cherche", "habite", "reste", "y", "l", "les", "la", "le"}
# English "-ing" forms hint English; these are everyday French words too.
_FRENCH_ING = {"parking", "pressing", "camping", "shopping", "planning", "standing", "brushing", "living", "building",
               "meeting", "jogging", "marketing", "smoking", "timing", "piercing", "leasing", "casting", "lifting"}


# "s'il vous plaît" (often typed "svp" inside English) is one borrowed formula, like "please": it only hints.
_FORMULAS = (("s", "il", "vous", "plait"), ("s", "il", "te", "plait"))


# A single letter after these is a label ("building C", "rue A"), no SMS word.
_LABELLED = LABELLED | {"rue", "street", "house", "maison"}


def detect_language(toks: list[str], skip: frozenset[int], default: str = "fr") -> tuple[str, float]:
    """Return "fr" or "en" and how sure the evidence is (0-1); skip holds the positions of place names."""
    fr = en = 0.0
    skipped = set(skip)
    for i in (k for k, tok in enumerate(toks) if tok == "s"):
        for formula in _FORMULAS:
            if tuple(toks[i:i + len(formula)]) == formula:
                fr += 0.5
                skipped.update(range(i, i + len(formula)))
    for i, tok in enumerate(toks):
        if i in skipped:
            continue
        if tok == "on":
            if i + 1 < len(toks) and toks[i + 1] in _ON_FRENCH:
                fr += 1.0
            continue
        if len(tok) == 1 and i and toks[i - 1] in _LABELLED:  # "building C", "bloc A": a label, no "c'est"
            continue
        fr += FRENCH.get(tok, 0.0)
        english = ENGLISH.get(tok, 0.0)
        if not english and len(tok) > 5 and tok.endswith("ing") and tok not in _FRENCH_ING:
            english = 0.5
        elif not english and len(tok) > 5 and tok.endswith("ly"):  # adverbs: "completely", "really"
            english = 0.5
        en += english
    if fr == en:
        return default, 0.0
    language = "fr" if fr > en else "en"
    return language, abs(fr - en) / (fr + en)
