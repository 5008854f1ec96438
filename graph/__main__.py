"""`python -m graph` runs the `unkg` command line."""

from .cli import app

app(prog_name="unkg")
