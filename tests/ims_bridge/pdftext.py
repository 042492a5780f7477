"""Just enough of a PDF reader to get the text back out of the reports fpdf2 writes.

Reads the objects, inflates Flate streams, maps the 2-byte glyph codes of embedded (Type0)
fonts through their ToUnicode CMaps and core-font strings as Latin-1, and returns the text
shown by each Tj/TJ operator, one line per operator. Not a general PDF parser."""

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(?=<<)")
_FONT_REF = re.compile(rb"/(F\d+)\s+(\d+) 0 R")
_TOKENS = re.compile(
    rb"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/\[\]()<>]+|[-+]?\d*\.?\d+|[A-Za-z'\"*]+",
    re.S,
)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _dictionary(data, start):
    """End offset of the (nested) dictionary that opens at `start`."""
    depth, i = 0, start
    while i < len(data):
        if data.startswith(b"<<", i):
            depth, i = depth + 1, i + 2
        elif data.startswith(b">>", i):
            depth, i = depth - 1, i + 2
            if depth == 0:
                return i
        else:
            i += 1
    raise ValueError("unterminated dictionary")


def _objects(data):
    """{number: (dictionary bytes, stream bytes or None)}."""
    objects = {}
    for match in _OBJECT.finditer(data):
        end = _dictionary(data, match.end())
        head = data[match.end() : end]
        stream = None
        opening = re.match(rb"\s*stream\r?\n", data[end : end + 12])
        if opening:
            begin = end + opening.end()
            length = int(re.search(rb"/Length\s+(\d+)", head).group(1))
            stream = data[begin : begin + length]
            if b"/FlateDecode" in head:
                stream = zlib.decompress(stream)
        objects[int(match.group(1))] = (head, stream)
    return objects


def _cmap(stream):
    mapping = {}
    text = stream.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, dst in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            start = ord(bytes.fromhex(dst).decode("utf-16-be"))
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(start + offset)
    return mapping


def _literal(token):
    body, out, i = token[1:-1], bytearray(), 0
    while i < len(body):
        byte = body[i : i + 1]
        if byte == b"\\":
            nxt = body[i + 1 : i + 2]
            octal = re.match(rb"[0-7]{1,3}", body[i + 1 : i + 4])
            if octal:
                out.append(int(octal.group(0), 8) & 0xFF)
                i += 1 + len(octal.group(0))
                continue
            out += _ESCAPES.get(nxt, nxt)
            i += 2
            continue
        out += byte
        i += 1
    return bytes(out)


def _decode(raw, cmap):
    if cmap is None:
        return raw.decode("latin-1")
    return "".join(
        cmap.get(int.from_bytes(raw[i : i + 2], "big"), "\ufffd") for i in range(0, len(raw), 2)
    )


def pdf_text(data):
    """The text of every page of `data` (PDF bytes), one line per text-showing operator."""
    objects = _objects(data)
    cmaps, contents = {}, []
    for head, _stream in objects.values():
        for name, ref in _FONT_REF.findall(head):
            font_head = objects.get(int(ref), (b"", None))[0]
            to_unicode = re.search(rb"/ToUnicode\s+(\d+) 0 R", font_head)
            cmaps[name.decode()] = (
                _cmap(objects[int(to_unicode.group(1))][1]) if to_unicode else None
            )
        if re.search(rb"/Type\s*/Page\b", head):
            contents += [int(ref) for ref in re.findall(rb"/Contents\s+(\d+) 0 R", head)]
    lines = []
    for ref in contents:
        font, name, pending = None, None, []
        for token in _TOKENS.findall(objects[ref][1]):
            if token.startswith(b"("):
                pending.append(_literal(token))
            elif token.startswith(b"<"):
                pending.append(bytes.fromhex(token[1:-1].decode()))
            elif token.startswith(b"/"):
                name = token[1:].decode()
            elif token in (b"[", b"]") or re.fullmatch(rb"[-+]?\d*\.?\d+", token):
                continue
            else:  # an operator
                if token == b"Tf":
                    font = name
                elif token in (b"Tj", b"TJ", b"'", b'"'):
                    lines.append("".join(_decode(raw, cmaps.get(font)) for raw in pending))
                pending = []
    return "\n".join(lines)
