"""Text renderings of a Form 4 (converter markdown, layout text, OCR): cut into rows of cells,
aligned to the form's fixed columns, read into the same ``Filing`` as the XML."""

from parsers.text.read import parse_text

__all__ = ["parse_text"]
