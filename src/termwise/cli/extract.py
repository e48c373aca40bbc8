"""``termwise text`` and ``termwise extract``."""

from __future__ import annotations

import sys

import click

from termwise.cli.common import dump_json, fail, iter_documents, read_documents
from termwise.errors import TermwiseError
from termwise.ingest import DEFAULT_MAX_MB

_exhibit = click.option("--exhibit", metavar="TYPE", help="EDGAR submission: the document to read, e.g. EX-10.1.")
_max_mb = click.option(
    "--max-mb", type=float, default=DEFAULT_MAX_MB, show_default=True, help="Refuse files larger than this."
)


@click.command("text")
@click.argument("file", type=click.Path(dir_okay=True))
@_exhibit
@_max_mb
def text_cmd(file: str, exhibit: str | None, max_mb: float) -> None:
    """Print the text of FILE that every offset indexes.

    For plain text this is the file's text unchanged; for HTML, PDF and DOCX it is
    the extracted text. An EDGAR submission with several documents needs --exhibit.
    """
    try:
        docs = read_documents(file, exhibit=exhibit, max_mb=max_mb)
    except TermwiseError as e:
        fail(str(e))
        return
    if len(docs) > 1:
        kinds = ", ".join(d.source.exhibit or "?" for d in docs[:8])
        fail(f"{file}: holds {len(docs)} documents ({kinds}); pick one with --exhibit")
    sys.stdout.write(docs[0].text)


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option(
    "--json", "as_json", is_flag=True, help="Print the termwise.extract/1 JSON (JSON Lines for several documents)."
)
@click.option("--pretty", is_flag=True, help="Indent JSON (one document only).")
@click.option("--no-clauses", is_flag=True, help="Skip clause detection (faster).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error instead of one line.")
@_exhibit
@_max_mb
def extract_cmd(
    files: tuple[str, ...],
    as_json: bool,
    pretty: bool,
    no_clauses: bool,
    quiet: bool,
    debug: bool,
    exhibit: str | None,
    max_mb: float,
) -> None:
    """Extract every term of each FILE, each tied to its exact characters.

    Prints a readable term sheet, or with --json one termwise.extract/1 object per
    document (JSON Lines when there are several). Bad files are reported on stderr,
    one line each; the others still come out, and the exit code is 1 if any failed.
    """
    from termwise.pipeline import extract_document
    from termwise.render import render_term_sheet
    from termwise.serialize import extraction_to_dict

    errors: list[str] = []
    show_progress = not quiet and len(files) > 1 and sys.stderr.isatty()
    count = 0
    progress = None
    if show_progress:
        from rich.progress import Progress

        progress = Progress(transient=True)
        progress.start()
        task = progress.add_task("extracting", total=len(files))
    try:
        for path in files:
            for doc in iter_documents([path], exhibit=exhibit, max_mb=max_mb, errors=errors):
                try:
                    ex = extract_document(doc, clauses=not no_clauses)
                except Exception as e:  # a bug in one document must not lose the others
                    if debug:
                        raise
                    where = doc.source.path + (f"#{doc.source.exhibit}" if doc.source.exhibit else "")
                    errors.append(where)
                    click.echo(
                        f"termwise: {where}: internal error {type(e).__name__}: {e} (rerun with --debug)", err=True
                    )
                    continue
                if as_json:
                    click.echo(dump_json(extraction_to_dict(ex), pretty=pretty and len(files) == 1))
                else:
                    if count:
                        click.echo("")
                    click.echo(render_term_sheet(doc, ex))
                count += 1
            if progress is not None:
                progress.advance(task)
    finally:
        if progress is not None:
            progress.stop()
    if errors:
        if len(files) > 1:  # one file: its own error line says it all
            click.echo(f"termwise: {len(errors)} of {len(files)} file(s) failed", err=True)
        sys.exit(1)
