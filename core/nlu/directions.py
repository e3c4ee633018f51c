"""Directions to the door in the customer's own words: "derrière la pharmacie du rond-point, portail bleu, 2e étage".

A provider finds a house in Douala by landmarks, not by street numbers; the words are kept as written (trimmed) so
that they can be passed on. A landmark never decides the quartier (core/nlu/places.py does).
"""

import re
import unicodedata

_MAX_LENGTH = 160
# Where the directions start: a preposition of place, a floor, a coloured gate or house, a street, an entrance.
_MARKERS = re.compile(
    r"\b(?:juste |just |right |tout )?(?:derriere|devant|en face(?: de| du| des| d)?|face (?:a|au|aux)|a cote(?: de| du"
    r"| des| d)?|pres (?:de|du|des|d)|non loin|pas loin|proche (?:de|du|des|d)|au niveau (?:de|du|des|d)|au fond (?:de"
    r"|du|des|d)|au bout (?:de|du|des|d)|apres|avant|vers (?:le|la|les|l)\b|behind|opposite|in front of|across from"
    r"|facing|next to|beside|close to|near|not far from|around|after|before|at the end of|at the back of|for back of"
    r"|back of|for front of|for side of|for the side of|for corner|junction of)\b"
    r"|\b(?:\d+ ?(?:e|eme|er|ere|re|th|st|nd|rd)?|premier|premiere|deuxieme|second|seconde|troisieme|quatrieme"
    r"|cinquieme|first|third|fourth|fifth|ground|top|last|dernier) ?(?:etage|floor)\b|\brez de chaussee\b"
    r"|\b(?:portail|porte|maison|immeuble|batiment|barriere|gate|house|building|door|fence|storey) (?:bleue?|verte?"
    r"|noire?|rouge|blanche|blanc|grise?|jaune|marron|rose|orange|violette?|beige)\b"
    r"|\b(?:blue|green|black|red|white|grey|gray|yellow|brown|pink|orange|purple|cream) (?:gate|house|building|door"
    r"|fence|storey|storey building|portail)\b"
    r"|^\s*(?:l |the |dans l |au |a l )?(?:immeuble|batiment|building|residence|entree|entrance)\b"
    r"|\b(?:rue|avenue|boulevard|bd|ruelle|allee|impasse)\b"
    r"|\b(?:first|second|third|1st|2nd|3rd|premier|premiere|deuxieme|troisieme|1er|1ere|2e|3e) (?:junction|carrefour"
    r"|turning|virage|rue|street|gate|portail|house|maison)\b"
    r"|\b(?:quand (?:tu|vous) (?:descends|descendez)|when you drop|demandez? (?:la maison|chez))\b"
    r"|\b(?:bloc|block|appartement|apartment|apt|porte|door|villa|lot) (?:n |no )?\d+\b"
    r"|\bface\b(?! (?:a|au|aux)\b)"
    r"|\b(?!(?:the|my|your|this|that|a|on|in|main|same|his|her|our|una|for)\b)\w+ (?:street|road)\b"
)
# After a preposition, words that tell when (not where) or a spot in the home (a detail, not a way to the door).
_NOT_A_PLACE = re.compile(
    r"^(?:\d|(?:le |la |les |l |the |a |an |my |mon |ma |mes |son |sa |ses |votre |your )?(?:\d|week|weekend"
    r"|semaine|fin|end|soir|matin|midi|noon|night|nuit|evening|morning|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|noel|christmas|demain|tomorrow|today"
    r"|aujourd|repair|reparation|work|travail|job|visit|visite|intervention|passage|pluie|rain|que|qu|tout"
    r"|frigo|fridge|freezer|congelateur|evier|sink|lavabo|toilet|toilette|wc|mur|wall|armoire|machine|tele|tv"
    r"|television|cuisiniere|cooker|clim|ac|lit|bed|compteur|meter|plafond|ceiling|douche|shower|robinet|tap"
    r"|tuyau|pipe|prise|socket|cuisine|kitchen|chambre|room|bedroom|salon|parlour|bathroom|salle|placard"
    r"|cupboard|canape|sofa|table|ecran|screen|moteur|engine|climatiseur|split|chauffe|heater|ventilateur|fan"
    r"|disjoncteur|breaker|tableau|poubelle|probleme|problem|panne|fuite|leak|lui|elle|moi|me|him|her|it|them"
    r"|ca|cela|ceci|l heure|time|hour|heure|minutes?|deux|two|trois|three|hier|yesterday|hui|una|you|he|il|they"
    r"|ils|we|nous|i|je|on|vous|payment|paiement|paying|payer|midi|noon|ou|or|maison|house|home|compound|cour"
    r"|porte|door|water|tank|citerne|notre|our|mon|ma|mes|my|septic|fosse|wall|jardin|garden|est|is|a|ne|dey|don"
    r"|sont|are)\b)"
)
_PREPOSITIONS = re.compile(
    r"^(?:juste |just |right |tout )?(?:derriere|devant|en face(?: de| du| des| d)?|face (?:a|au|aux)|a cote(?: de| du"
    r"| des| d)?|pres (?:de|du|des|d)|non loin(?: de| du| des| d)?|pas loin(?: de| du| des| d)?|proche (?:de|du|des|d)"
    r"|au niveau (?:de|du|des|d)|au fond (?:de|du|des|d)|au bout (?:de|du|des|d)|apres|avant|behind|opposite"
    r"|in front of|across from|facing|next to|beside|close to|near|not far from|around|after|before"
    r"|at the end of|at the back of|for back of|back of|for front of|for side of|for the side of|for corner|face)\s*"
)
# "après le pont", "before the junction": after and before tell where only before a landmark, else they tell when.
_SEQUENCE = re.compile(r"^(?:juste |just |right |tout )?(?:apres|avant|after|before)\s")
_LANDMARK_NOUN = re.compile(
    r"^(?:(?:le|la|les|l|the|un|une|a|du|de la|des)\s+)?(?:\w+ )?(?:pont|bridge|carrefour|rond point|roundabout"
    r"|junction|marche|market|pharmacie|pharmacy|station|eglise|church|chapelle|ecole|school|stade|stadium"
    r"|checkpoint|poste|police|gendarmerie|barriere|mosquee|mosque|boulangerie|bakery|hopital|hospital|clinique"
    r"|clinic|bar|boutique|shop|total|tradex|pompe|chefferie|cimetiere|usine|factory|virage|corner|bend|hotel"
    r"|rail|voie|lycee|college|universite|campus|banque|bank|supermarche|supermarket|gare|agence|mairie|terrain"
    r"|field|snack|cabaret|auberge|feu|feux|traffic|immeuble|building|entree|entrance|portail|gate)\b"
)

# Where the directions stop inside a clause: the request or the trouble begins again.
_STOP = re.compile(
    r"\s+(?:s il vous plait|s il te plait|svp|stp|please|pls|abeg|merci|thanks|thank you|et je|et j|et mon|et ma"
    r"|et la|et le|mais|but|and my|and the|and i|i get|j ai|je suis|pour (?:reparer|changer|installer|le|la|un|une)"
    r"|for (?:fix|repair)|my \w+ (?:is|dey|don|no)|mon \w+ (?:est|a|ne|fuit)|ma \w+ (?:est|a|ne|fuit)|venez|come"
    r"|urgent|vite|quick|si quelqu|if someone|if somebody)\b"
)
_CLAUSES = re.compile(r"[,;:!?\n]+|\.(?:\s+|$)|\s[-–]\s")


# Words one of the markers holds: a message with none of them gives no directions (most messages; fast path).
_TRIGGERS = frozenset(
    "derriere devant face cote pres loin proche niveau fond bout apres avant vers behind opposite front across facing"
    " next beside close near far around after before end back side corner junction etage floor chaussee portail"
    " porte maison immeuble batiment barriere gate house building door fence storey residence entree entrance rue"
    " avenue boulevard bd ruelle allee impasse street road junction carrefour turning virage quand when demande"
    " demandez bloc block appartement apartment apt villa lot".split()
)
_FOLD = {ord(c): (unicodedata.normalize("NFKD", c)[:1] or c) for c in map(chr, range(0xC0, 0x250))}
_FOLD.update({ord("'"): " ", ord("’"): " ", ord("-"): " "})


def find_landmark(text: str, words: list[str] | None = None) -> str | None:
    """Return the directions given in the message, in the customer's words ("derrière la pharmacie, portail bleu").

    `words` are the message's normalised words when known: without a marker word among them there is nothing to find.
    """
    if words is not None and _TRIGGERS.isdisjoint(words):
        return None
    pieces: list[str] = []
    for clause in _CLAUSES.split(text):
        piece = _directions(clause)
        if piece and piece.lower() not in (p.lower() for p in pieces):
            pieces.append(piece)
    if not pieces:
        return None
    found = ", ".join(pieces)
    return found if len(found) <= _MAX_LENGTH else found[:_MAX_LENGTH].rsplit(" ", 1)[0]


def _directions(clause: str) -> str | None:
    """Return the directions in one clause, from their first marker to where the clause turns to something else."""
    folded = _fold_keep_length(clause)
    for marker in _MARKERS.finditer(folded):
        start = marker.start()
        rest = folded[start:]
        lead = _PREPOSITIONS.match(rest)
        if lead and (lead.end() == len(rest) or _NOT_A_PLACE.match(rest[lead.end():])):
            continue
        if lead and _SEQUENCE.match(rest) and not _LANDMARK_NOUN.match(rest[lead.end():]):
            continue
        end = len(clause)
        if stop := _STOP.search(folded, start + 1):
            end = stop.start()
        piece = clause[start:end].strip(" \t\"'()[]:-")
        if len(piece.split()) >= 2 or marker.group(0).endswith(("etage", "floor", "chaussee")):
            return piece
    return None


def _fold_keep_length(text: str) -> str:
    """Return text lowercased and without accents, one character for one, apostrophes and hyphens as spaces."""
    folded = text.translate(_FOLD).lower()
    if len(folded) == len(text):
        return folded
    # A letter whose lower case is longer ("İ"): fold it one character at a time.
    return "".join((c.translate(_FOLD).lower() + " ")[:1] for c in text)
