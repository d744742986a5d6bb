"""The browser tests' register data and their check on screenshots."""

from __future__ import annotations

import io

from PIL import Image

PASSWORD = "correct horse battery staple"
#: A press list whose spellings leave pairs for review after `rollbook link`.
PRESS = "Name,Date of death,Region\nOskan Tarveli,2020-10-03,North\nZelik Brunoff,2020-10,North\n"


def not_blank(png: bytes) -> bool:
    """Whether a screenshot shows something: more than one colour."""
    image = Image.open(io.BytesIO(png)).convert("L")
    low, high = image.getextrema()
    return bool(high - low > 50)
