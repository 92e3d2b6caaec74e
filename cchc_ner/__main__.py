"""`python -m cchc_ner ...` is the `cchc-ner` command."""

from .cli import app

app(prog_name="cchc-ner")
