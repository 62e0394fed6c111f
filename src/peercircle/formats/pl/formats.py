"""Polish office usage: short dates as 03.12.2026 (Django's own Polish format writes 03-12-2026)."""

SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
