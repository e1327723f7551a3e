"""``backchannel extract`` (article file or database) and ``backchannel signals`` (list stored signals)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..records import Article, ClusterMembership, Signal
from ..store import StoreError, open_db
from .app import app, console, err_console
from .options import DbOption, JsonOption, SinceOption, UntilOption, parse_day

ActorsOption = list[Path] | None


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    )


def _lexicon(actors: list[Path] | None):
    """The lexicon with the user's actor files, or a one-line error and exit status 2."""
    from ..actors import ActorFileError
    from ..signals import LexiconError, load_lexicon

    try:
        return load_lexicon(actors_files=tuple(actors or ()))
    except (LexiconError, ActorFileError) as exc:
        err_console.print(f"[red]error:[/red] {exc}", soft_wrap=True, highlight=False)
        raise typer.Exit(2) from None


def read_article_file(path: Path) -> tuple[list[tuple[Article, dict]], list[str]]:
    """Articles of a JSONL article file with their raw records, and one problem per bad line."""
    good: list[tuple[Article, dict]] = []
    problems: list[str] = []
    first_line: dict[str, int] = {}  # article id -> line it first appears on (ids must be unique)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"cannot read {path}: {exc}", param_hint="INPUT") from None
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{lineno}: not JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            problems.append(f"{path}:{lineno}: expected an object, got {type(obj).__name__}")
            continue
        missing = [k for k in ("id", "text") if k not in obj]
        if missing:
            problems.append(f"{path}:{lineno}: missing {', '.join(repr(k) for k in missing)}")
            continue
        if not isinstance(obj["text"], str):
            problems.append(f"{path}:{lineno}: 'text' must be a string")
            continue
        if str(obj["id"]) in first_line:
            problems.append(
                f"{path}:{lineno}: duplicate article id {str(obj['id'])!r} (first on line {first_line[str(obj['id'])]})"
            )
            continue
        first_line[str(obj["id"])] = lineno
        good.append((Article.from_json(obj, source_path=str(path)), obj))
    return good, problems


def _clusters(articles: list[Article]) -> dict[str, str]:
    """Story-cluster labels for the articles of the file.

    The clustering stage is optional at this point of the pipeline: when it cannot be
    imported (a partial install), every article is its own story, which is what the
    label means when nothing is known to be a copy.
    """
    try:
        from ..cluster import cluster_articles
    except ImportError:
        return {a.id: a.id for a in articles}
    members: list[ClusterMembership] = cluster_articles(articles)
    labels = {m.article_id: m.cluster_id for m in members}
    return {a.id: labels.get(a.id, a.id) for a in articles}


def _signal_json(sig: Signal) -> dict:
    out = sig.to_json()
    return {k: v for k, v in out.items() if v is not None or k == "when"}


@app.command("extract")
def extract_cmd(
    input_file: Path | None = typer.Argument(
        None, metavar="[INPUT.jsonl]", help="Article file (JSONL, one article a line). Without it, the database."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write the articles with their signals here (JSONL)."),
    actors: ActorsOption = typer.Option(
        None, "--actors", help="A YAML actor file merged into the bundled one (repeatable)."
    ),
    db: DbOption = None,
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Re-extract the database on Dask workers: tcp://HOST:PORT of a running scheduler, or local:N "
        "for N worker processes here. Only without INPUT.",
    ),
) -> None:
    """Extract signals: from an article file into --out, or (no INPUT) re-extract every stored article.

    Gold signals already in the input are replaced, never mixed. Each article also gets
    its story-cluster label. Re-run without INPUT after editing the lexicons.
    """
    from ..signals import ExtractionError, extract

    lex = _lexicon(actors)
    if input_file is None:
        _extract_db(db, lex, scheduler, [str(a) for a in actors or []])
        return
    if scheduler:
        raise typer.BadParameter("--scheduler re-extracts the database; drop INPUT to use it", param_hint="--scheduler")
    if out is None:
        raise typer.BadParameter("give --out OUT.jsonl for the articles with their signals", param_hint="--out")
    items, problems = read_article_file(input_file)
    for p in problems:
        err_console.print(f"[yellow]skipped:[/yellow] {p}", soft_wrap=True, highlight=False)
    clusters = _clusters([a for a, _ in items])
    n_signals = 0
    lines = []
    with _progress() as bar:
        task = bar.add_task("extracting", total=len(items))
        for article, raw in items:
            try:
                signals = extract(article, lexicon=lex)
            except ExtractionError as exc:
                err_console.print(f"[yellow]no signals:[/yellow] {input_file}: {exc}", soft_wrap=True, highlight=False)
                signals = []
            record = dict(raw)
            record["signals"] = [_signal_json(s) for s in signals]
            record["cluster"] = clusters.get(article.id, article.id)
            lines.append(json.dumps(record, ensure_ascii=False))
            n_signals += len(signals)
            bar.advance(task)
    try:
        # Through a temporary file and a rename, so a failure never leaves half a file.
        partial = out.with_name(out.name + ".partial")
        partial.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
        partial.replace(out)
    except OSError as exc:
        err_console.print(f"[red]error:[/red] cannot write {out}: {exc.strerror or exc}")
        raise typer.Exit(2) from None
    console.print(
        f"{len(items)} articles, {n_signals} signals -> {out}"
        + (f" ({len(problems)} bad lines skipped)" if problems else "")
    )


def _extract_db(db: str | None, lex, scheduler: str | None, actors_files: list[str]) -> None:
    from ..signals.stored import extract_stored
    from ..store.articles import count_articles

    try:
        engine = open_db(db)
    except StoreError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    total = count_articles(engine)
    if total == 0:
        console.print("No stored articles. Add some with [bold]backchannel ingest PATH[/bold].")
        return
    if scheduler:
        from ..scale import ScaleError, extract_stored_distributed

        try:
            with _progress() as bar:
                task = bar.add_task(f"re-extracting on {scheduler}", total=total)
                done = extract_stored_distributed(
                    engine, None, scheduler, actors_files=actors_files, progress=lambda n: bar.advance(task, n)
                )
        except ScaleError as exc:
            err_console.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
        console.print(
            f"{done.articles} articles re-extracted on {done.workers} workers, {done.signals} signals stored."
        )
        return
    with _progress() as bar:
        task = bar.add_task("re-extracting", total=total)
        done = extract_stored(engine, None, progress=lambda n: bar.advance(task, n), lexicon=lex)
    for p in done.problems:
        err_console.print(f"[yellow]no signals:[/yellow] {p}", soft_wrap=True, highlight=False)
    console.print(f"{done.articles} articles re-extracted, {done.signals} signals stored.")


@app.command("signals")
def signals_cmd(
    db: DbOption = None,
    holder: list[str] | None = typer.Option(None, "--holder", help="Only these holders (RUS, UKR, ...; repeatable)."),
    issue: list[str] | None = typer.Option(None, "--issue", help="Only these issues (repeatable)."),
    stance: str | None = typer.Option(None, "--stance", help="open, opposed or conditional."),
    channel: str | None = typer.Option(None, "--channel", help="public, private or unknown."),
    source: str | None = typer.Option(
        None, "--source", help="holder, third_party, anonymous, analyst, media or author."
    ),
    hedged: bool | None = typer.Option(None, "--hedged/--not-hedged", help="Only hedged (or only plain) signals."),
    since: SinceOption = None,
    until: UntilOption = None,
    limit: int = typer.Option(100, "--limit", min=1, help="At most this many signals."),
    as_json: JsonOption = False,
) -> None:
    """List stored signals, oldest first, with the evidence sentence, article, outlet and date."""
    from ..records import CHANNELS, SOURCES, STANCES
    from ..store.signals import query_signals

    for value, allowed, name in (
        (stance, STANCES, "--stance"),
        (channel, CHANNELS, "--channel"),
        (source, SOURCES, "--source"),
    ):
        if value is not None and value not in allowed:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}", param_hint=name)
    try:
        engine = open_db(db)
    except StoreError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    rows = query_signals(
        engine,
        holder=[h.upper() if h.isalpha() and len(h) == 3 else h for h in holder] if holder else None,
        issue=issue or None,
        stance=stance,
        channel=channel,
        source=source,
        hedged=hedged,
        since=parse_day(since, "--since"),
        until=parse_day(until, "--until"),
        limit=limit,
    )
    if as_json:
        out = [
            _signal_json(r.signal)
            | {
                "article_id": r.signal.article_id,
                "outlet": r.outlet,
                "published": r.published.isoformat() if r.published else None,
            }
            | {"title": r.title, "url": r.url, "cluster": r.cluster_id, "extractor": r.extractor}
            for r in rows
        ]
        console.print_json(json.dumps(out, ensure_ascii=False))
        return
    if not rows:
        console.print("No signals match. Extract some with [bold]backchannel extract[/bold] (after ingest).")
        return
    table = Table(expand=True, show_lines=True)
    for name in ("date", "holder", "issue", "stance", "channel", "source"):
        table.add_column(name, no_wrap=True)
    table.add_column("evidence (article, outlet)", ratio=1, overflow="fold")
    for r in rows:
        s = r.signal
        day = s.when or (r.published.isoformat() if r.published else "-")
        stance = s.stance + ("?" if s.hedged else "")
        evidence = f"{s.sentence}\n[dim]{s.article_id} · {r.outlet or '-'}[/dim]"
        table.add_row(day, s.holder, s.issue, stance, s.channel, s.source, evidence)
    console.print(table)
    console.print("[dim]? = hedged (the article qualifies the signal as uncertain)[/dim]")
