"""How the schema tools write a schema: the one JSON layout, and --check, which writes nothing and tells a stale file."""

import json


def render(schema):
    """The schema as committed: sorted keys, two-space indents, UTF-8 as it is, one final newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_or_check(path, text, check):
    """Writes text to path, or with check only compares; True when the file on disk is stale (check only)."""
    if not check:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        return False
    try:
        with open(path, encoding="utf-8") as f:
            return f.read() != text
    except OSError:
        return True
