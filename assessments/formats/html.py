"""Imported texts as safe HTML, in the format their author declared: html, markdown, plain or moodle.

Markdown is read in the subset question authors use (paragraphs, lists, **bold**, *italic*,
`code`, [links](https://…)); there is no Markdown library in the stack and this is enough for
question texts. Whatever the format, the result goes through nh3 with a short list of tags.
"""

import html
import re

import nh3

# What a question's text may keep; everything else (scripts, styles, event handlers, images
# from elsewhere) is dropped.
ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "a", "code", "sub", "sup"}

_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*?)\s*#*\s*$")
_CODE = re.compile(r"`([^`\n]+)`")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_EM = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", re.DOTALL)
_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*([^)\s]+)\s*\)")
_URL = re.compile(r"(?<![\"'=>])\b(https?://[^\s<>\"']+[^\s<>\"'.,;:!?)])")
_CODE_HOLD = "\ue100{}\ue101"
_CODE_HELD = re.compile("\ue100([0-9]+)\ue101")


def sanitise(markup: str) -> str:
    return nh3.clean(markup, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, link_rel="noopener noreferrer")


def _paragraphs(text: str) -> list[str]:
    return [part.strip("\n") for part in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if part.strip()]


def _plain_html(text: str) -> str:
    return "".join(f"<p>{html.escape(part.strip()).replace(chr(10), '<br>')}</p>" for part in _paragraphs(text))


def _inline(text: str) -> str:
    """Markdown inline marks on text that is not HTML yet; the result is HTML."""
    codes: list[str] = []

    def hold_code(match):
        codes.append(f"<code>{html.escape(match[1])}</code>")
        return _CODE_HOLD.format(len(codes) - 1)

    text = _CODE.sub(hold_code, text)
    text = html.escape(text, quote=False)
    text = _LINK.sub(lambda m: f'<a href="{html.escape(m[2])}">{m[1]}</a>', text)
    text = _STRONG.sub(r"<strong>\2</strong>", text)
    text = _EM.sub(r"<em>\2</em>", text)
    text = text.replace("  \n", "<br>")
    return _CODE_HELD.sub(lambda m: codes[int(m[1])], text)


def _markdown_html(text: str) -> str:
    out = []
    for block in _paragraphs(text):
        lines = block.split("\n")
        for pattern, tag in ((_BULLET, "ul"), (_NUMBERED, "ol")):
            if all(pattern.match(line) for line in lines):
                items = "".join(f"<li>{_inline(pattern.match(line)[1])}</li>" for line in lines)
                out.append(f"<{tag}>{items}</{tag}>")
                break
        else:
            heading = _HEADING.match(block) if len(lines) == 1 else None
            if heading:
                out.append(f"<p><strong>{_inline(heading[1])}</strong></p>")
            else:
                out.append(f"<p>{_inline(block.strip())}</p>")
    return "".join(out)


def _moodle_html(text: str) -> str:
    # Moodle's auto-format: HTML is allowed, blank lines make paragraphs, line breaks stay, and
    # bare web addresses become links.
    out = []
    for part in _paragraphs(text):
        part = part.strip().replace("\n", "<br>")
        if "<a" not in part:
            part = _URL.sub(r'<a href="\1">\1</a>', part)
        out.append(f"<p>{part}</p>")
    return "".join(out)


_RENDERERS = {"html": lambda text: text, "markdown": _markdown_html, "moodle": _moodle_html, "plain": _plain_html}


def to_html(text: str, text_format: str) -> str:
    """Sanitised HTML for a text in its declared format (unknown formats read as plain text)."""
    rendered = _RENDERERS.get(text_format, _plain_html)(text or "")
    return sanitise(rendered) or "<p></p>"


def to_plain(text: str, text_format: str = "html") -> str:
    """The words of a formatted text without its markup (answers and feedback are plain text)."""
    if text_format in ("markdown", "moodle"):
        text = _RENDERERS[text_format](text)
    return html.unescape(nh3.clean(text or "", tags=set())).strip()
