"""`nlq review`: a self-contained HTML page to check a record against its source."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from nlq.cli.app import app, cli_errors
from nlq.cli.extract_cmd import BackendOpt
from nlq.cli.output import write_atomic


def _golden_for(path: Path, golden: Path):
    from nlq.errors import NlqError
    from nlq.evaluate import load_cases

    try:
        cases = load_cases(golden)
    except NlqError:
        return None
    for case_path, case in cases:
        if (case_path.parent / case.input).resolve() == path.resolve():
            return case.expected
    return None


@app.command("review")
def review_command(
    path: Annotated[Path, typer.Argument(help="The profile file to review.")],
    html_out: Annotated[
        Path | None,
        typer.Option("--html", help="Where to write the page (default: NAME.review.html)."),
    ] = None,
    open_page: Annotated[bool, typer.Option("--open", help="Open the page in a browser.")] = False,
    backend: BackendOpt = "rules",
    golden: Annotated[Path, typer.Option(help="Golden folder to compare with.")] = Path("golden"),
) -> None:
    """Write an HTML page with every extracted value highlighted in the source."""
    from nlq.config import load_settings
    from nlq.extractors.batch import extract_file
    from nlq.layout.loader import load_source
    from nlq.review import render_review

    with cli_errors():
        record = extract_file(path, backend=backend, settings=load_settings()).record
        raw = load_source(path)[0]
        page = render_review(raw, record, _golden_for(path, golden))
        out = html_out or Path(f"{path.stem}.review.html")
        write_atomic(out, page)
    print(f"wrote {out} ({len(record.evidence)} highlighted values)", file=sys.stderr)
    if open_page:
        import webbrowser

        webbrowser.open(out.resolve().as_uri())
