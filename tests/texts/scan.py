"""Find texts a person would read written as literals in ui/ and pages/ instead of coming from the catalogue."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# calls whose first argument (or text=/label=/message= keyword) a person reads
SHOWN = {"label", "button", "notify", "link", "menu_item", "badge", "input", "textarea", "number", "select",
         "checkbox", "switch", "tooltip", "markdown", "chip", "tab", "expansion", "upload", "dialog_title"}
KEYWORDS = {"text", "label", "message", "placeholder", "title"}
# no letters (symbols, numbers, arrows), brand and product names, units: nothing to translate
ALLOWED = {"Djobea", "CSV", "FCFA", "WhatsApp", "FR", "EN", "OUI", "NON", "MTN Mobile Money", "Orange Money", "Email",
           "ID", "km", "%", "R"}
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


def _literal_parts(node: ast.AST) -> list[str]:
    """Return the literal text a person would read in node (constants and the constant parts of f-strings)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if isinstance(node, ast.BinOp):
        return _literal_parts(node.left) + _literal_parts(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_parts(node.body) + _literal_parts(node.orelse)
    return []


def _is_text(part: str) -> bool:
    words = _WORD.findall(part)
    return bool(words) and part.strip() not in ALLOWED and not all(w in ALLOWED for w in words)


def offenders() -> list[str]:
    """Return 'path:line: text' for every user-facing literal outside the catalogue."""
    found = []
    for path in sorted([*ROOT.glob("ui/*.py"), *ROOT.glob("pages/**/*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in SHOWN:
                continue
            shown = node.args[:1] + [k.value for k in node.keywords if k.arg in KEYWORDS]
            for arg in shown:
                for part in _literal_parts(arg):
                    if _is_text(part):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {part!r}")
    return found


def page_keys() -> list[tuple[str, int, str]]:
    """Return (path, line, text) for every t("literal") call in ui/ and pages/."""
    found = []
    for path in sorted([*ROOT.glob("ui/*.py"), *ROOT.glob("pages/**/*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "t" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.append((str(path.relative_to(ROOT)), node.lineno, node.args[0].value))
    return found
