"""``backchannel eval GOLD.jsonl [--pred PRED.jsonl]``: score signals and clusters by the spec."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from ..evaluate import Breakdown, PredictionError, ScoreError, ScoreInputError, Scores, load_articles, predict, score
from ..records import STANCES
from .app import app, console, err_console
from .options import JsonOption


def _load(path: Path) -> list[dict[str, Any]]:
    try:
        return load_articles(path)
    except ScoreInputError as exc:
        err_console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None


def _run_extractor(gold: list[dict[str, Any]], actors: list[Path] | None) -> tuple[list[dict[str, Any]], list[str]]:
    """Predictions of backchannel's own extractor (and clusterer, when installed) on the gold texts."""
    from ..actors import ActorFileError
    from ..signals import ExtractionError, LexiconError, extract, load_lexicon

    try:
        lex = load_lexicon(actors_files=tuple(actors or ()))
    except (LexiconError, ActorFileError) as exc:
        err_console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None
    try:
        from ..cluster import cluster_articles
    except ImportError:  # a partial install: score signals only
        cluster_articles = None
    return predict(gold, lambda article: extract(article, lexicon=lex), cluster_articles, rejects=(ExtractionError,))


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _breakdown_table(label: str, parts: dict[str, Breakdown]) -> Table:
    """Detection and stance accuracy per issue or per holder (gold = tp + fn, predicted = tp + fp)."""
    table = Table(label, "gold", "predicted", "precision", "recall", "F1", "stance acc.", title=f"per {label}")
    for key, b in sorted(parts.items(), key=lambda kv: (-(kv[1].detection.tp + kv[1].detection.fn), kv[0])):
        x = b.detection
        table.add_row(
            key, str(x.tp + x.fn), str(x.tp + x.fp), _pct(x.precision), _pct(x.recall), _pct(x.f1), _pct(b.stance.value)
        )
    return table


def _summary_tables(s: Scores) -> list[Table]:
    d = s.detection
    det = Table("detection", "precision", "recall", "F1", "tp", "fp", "fn", title=f"{s.articles} articles")
    det.add_row(
        "signals", _pct(d.precision), _pct(d.recall), f"[bold]{d.f1:.3f}[/bold]", str(d.tp), str(d.fp), str(d.fn)
    )
    if s.clustering is not None:
        c = s.clustering
        det.add_row(
            "story clusters (pairs)", _pct(c.precision), _pct(c.recall), f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn)
        )
    attrs = Table("attribute (matched pairs)", "accuracy", "correct", "n")
    for name, acc in s.attributes.items():
        label = "when (gold has one)" if name == "when" else name
        value = _pct(acc.value) if name != "stance" else f"[bold]{_pct(acc.value)}[/bold]"
        attrs.add_row(label, value, str(acc.correct), str(acc.n))
    issues = _breakdown_table("issue", s.by_issue)
    seen = set(s.stance_confusion) | {p for row in s.stance_confusion.values() for p in row}
    stances = [x for x in STANCES if x in seen] + sorted(seen - set(STANCES))
    confusion = Table("gold \\ predicted", *stances, title="stance confusion (matched pairs)")
    for gold_stance in stances:
        row = s.stance_confusion.get(gold_stance, {})
        confusion.add_row(gold_stance, *(str(row.get(p, 0)) for p in stances))
    calib = Table(
        "confidence", "predictions", "matched", "precision", title="calibration (higher should mean more often right)"
    )
    for row in s.calibration():
        calib.add_row(
            f"{row['low']:.1f}-{row['high']:.1f}", str(row["n"]), str(row["matched"]), f"{row['precision']:.3f}"
        )
    return [det, attrs, issues] + ([confusion] if stances else []) + ([calib] if calib.row_count else [])


def _error_table(errors: list[ScoreError]) -> Table:
    table = Table("kind", "article", "holder / issue", "what", "sentence", title="errors", show_lines=True)
    order = {"miss": 0, "false_alarm": 1, "mismatch": 2}
    for e in sorted(errors, key=lambda e: (e.article_id, order.get(e.kind, 3))):
        if e.kind == "miss":
            what = f"gold {e.gold.get('stance') if e.gold else '?'}"
        elif e.kind == "false_alarm":
            conf = (e.pred or {}).get("confidence")
            what = f"pred {(e.pred or {}).get('stance')}" + (f" ({conf:.2f})" if isinstance(conf, int | float) else "")
        else:
            what = "\n".join(f"{k}: {g} -> {p}" for k, (g, p) in e.diffs.items())
        table.add_row(e.kind.replace("_", " "), e.article_id, f"{e.holder} / {e.issue}", what, e.sentence)
    return table


@app.command("eval")
def eval_cmd(
    gold_file: Path = typer.Argument(..., metavar="GOLD.jsonl", help="Gold article file (SIGNALS.md, Files)."),
    pred: Path | None = typer.Option(
        None, "--pred", help="Predicted article file (e.g. from `backchannel extract`). Without it, run the extractor."
    ),
    errors: bool = typer.Option(False, "--errors", help="Also list every miss, false alarm and wrong-attribute match."),
    holders: bool = typer.Option(False, "--holders", help="Also show detection and stance accuracy per holder."),
    actors: list[Path] | None = typer.Option(
        None, "--actors", help="A YAML actor file merged into the bundled one (repeatable; only without --pred)."
    ),
    as_json: JsonOption = False,
) -> None:
    """Score signals (and story clusters) against gold, exactly as SIGNALS.md "Scoring" says.

    A prediction matches a gold signal of the same article when the sentences overlap by
    at least half of the shorter one and holder and issue agree; each gold signal matches
    at most one prediction. Reports detection precision/recall/F1, stance, channel,
    source, hedged and when accuracy over matched pairs, and pairwise clustering scores.
    """
    gold = _load(gold_file)
    problems: list[str] = []
    if pred is not None:
        if actors:
            raise typer.BadParameter(
                "--actors applies only when eval runs the extractor (no --pred)", param_hint="--actors"
            )
        predicted = _load(pred)
    else:
        predicted, problems = _run_extractor(gold, actors)
    try:
        scores = score(gold, predicted)
    except ScoreInputError as exc:
        source = pred if isinstance(exc, PredictionError) and pred is not None else gold_file
        err_console.print(f"[red]error:[/red] {source}: {exc}", highlight=False)
        raise typer.Exit(2) from None
    for problem in problems + scores.problems:
        err_console.print(f"[yellow]note:[/yellow] {problem}", highlight=False)
    if as_json:
        data = scores.to_json()
        if not errors:
            data.pop("errors")
        console.print_json(json.dumps(data, ensure_ascii=False))
        return
    for table in _summary_tables(scores):
        console.print(table)
    if holders:
        console.print(_breakdown_table("holder", scores.by_holder))
    if errors:
        if scores.errors:
            console.print(_error_table(scores.errors))
        else:
            console.print("No errors: every gold signal matched with every attribute right.")
