"""zanlex: the whole pipeline, one command per stage.

    corpus/ ──parse──▶ AKN ──consolidate──▶ versions ──link──▶ graph ──publish──▶ site
                         drafts/ ──discussion──▶ deadlines

Read top to bottom: each section below is one stage, and each command is a thin wrapper
over that stage's public functions. Every error the pipeline knows about is a
``ZanlexError`` and is reported as one line, with a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from akn_schema.errors import ZanlexError

CORPUS = Path(__file__).resolve().parent / "corpus"


def emit_json(obj) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


@click.group()
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), default=CORPUS,
              show_default=True, help="The corpus folder.")
@click.pass_context
def zanlex(ctx: click.Context, corpus: Path) -> None:
    """Versions and consolidates Kazakhstan legislation (Akoma Ntoso 3.0)."""
    ctx.obj = {"corpus": corpus}


# ── 1. Parse: text → Akoma Ntoso ─────────────────────────────────────────────────────────
# (akn_schema) SECTION-PARSE


# ── 2. Consolidate: footnotes → events → point-in-time versions ──────────────────────────
# (consolidator) SECTION-CONSOLIDATE


# ── 3. Link: references and the law–bylaw graph ──────────────────────────────────────────
# (linker) SECTION-LINK


# ── 4. Public discussion of drafts ───────────────────────────────────────────────────────
# (discussion) SECTION-DISCUSSION


# ── 5. Publish: the static site ──────────────────────────────────────────────────────────
# (publisher) SECTION-PUBLISH


def main() -> None:
    """Console entry point: known errors become one line on stderr and exit status 2."""
    try:
        zanlex.main(standalone_mode=False)
    except ZanlexError as err:
        click.echo(f"zanlex: error: {err}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("zanlex: aborted", err=True)
        sys.exit(1)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)


if __name__ == "__main__":
    main()
