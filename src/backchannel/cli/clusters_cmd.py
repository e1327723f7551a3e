"""``backchannel clusters list|show|assign``: the story clusters (copies and rewrites of one report)."""

from __future__ import annotations

import json
from collections import Counter

import typer
from rich.text import Text

from ..records import Article, CopySighting, StoryCluster
from ..store.articles import iter_articles
from ..store.clusters import cluster_of, count_clusters, get_cluster, list_clusters
from ..store.copies import find_sighting
from .app import app, console, err_console
from .articles_cmd import open_or_exit
from .options import DbOption, JsonOption

clusters_app = typer.Typer(
    help="Story clusters: exact copies, near copies and rewrites of one report, counted once.",
    no_args_is_help=True,
)
app.add_typer(clusters_app, name="clusters")


def _articles(engine, ids) -> dict[str, Article]:
    return {a.id: a for a in iter_articles(engine, ids)}


def _day(a: Article | None) -> str | None:
    return a.published.isoformat() if a and a.published else None


def _relations(c: StoryCluster) -> Counter:
    """Members per relation; exact copies seen at other addresses (sightings) count as ``exact``."""
    return Counter([m.relation for m in c.members] + ["exact"] * len(c.sightings))


def _sighting_json(s: CopySighting, similarity: float) -> dict:
    """A sighting as a member: no article id of its own, the stored article it copies, and its address.

    Its text is its stored article's, so its similarity to the canonical is that article's.
    """
    return {
        "article_id": None,
        "copy_of": s.article_id,
        "url": s.url or s.source_path,
        "relation": "exact",
        "similarity": similarity,
        "outlet": s.outlet,
        "published": s.published.isoformat() if s.published else None,
        "title": s.title,
    }


def _cluster_json(c: StoryCluster, arts: dict[str, Article]) -> dict:
    canonical = arts.get(c.canonical_id)
    members = []
    for m in c.members:
        members.append(
            {
                "article_id": m.article_id,
                "relation": m.relation,
                "similarity": m.similarity,
                "outlet": arts[m.article_id].outlet if m.article_id in arts else None,
                "published": _day(arts.get(m.article_id)),
                "title": arts[m.article_id].title if m.article_id in arts else None,
            }
        )
        members.extend(_sighting_json(s, m.similarity) for s in c.sightings if s.article_id == m.article_id)
    return {
        "id": c.id,
        "canonical": c.canonical_id,
        "size": c.size,
        "relations": {k: v for k, v in _relations(c).items() if k != "canonical"},
        "title": canonical.title if canonical else None,
        "outlet": canonical.outlet if canonical else None,
        "published": _day(canonical),
        "members": members,
    }


@clusters_app.command("list")
def list_cmd(
    db: DbOption = None,
    min_size: int = typer.Option(2, "--min-size", min=1, help="Only clusters with at least this many articles."),
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many clusters."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many clusters first (paging)."),
    as_json: JsonOption = False,
) -> None:
    """List story clusters, largest first (by default only those with copies or rewrites)."""
    engine = open_or_exit(db)
    clusters = list_clusters(engine, min_size=min_size, limit=limit, offset=offset)
    arts = _articles(engine, [c.canonical_id for c in clusters])
    if as_json:
        out = {"total": count_clusters(engine, min_size), "clusters": [_cluster_json(c, arts) for c in clusters]}
        for c in out["clusters"]:
            c.pop("members")
        console.print_json(json.dumps(out, ensure_ascii=False))
        return
    if not clusters:
        console.print(
            f"No clusters with at least {min_size} articles. Articles are clustered when ingested "
            "(or run [bold]backchannel clusters assign[/bold])."
        )
        return
    # One block per story: ids are long slugs a user copies into `clusters show`, so
    # they get a line of their own and never fold inside a table cell.
    for c in clusters:
        rel = _relations(c)
        a = arts.get(c.canonical_id)
        facts = f"{c.size} articles: {rel['exact'] + rel['near_copy']} copies, {rel['rewrite']} rewrites"
        where = " · ".join(x for x in (_day(a), a.outlet if a else None) if x)
        console.print(Text(a.title if a and a.title else "(untitled)", style="bold"))
        console.print(Text(f"  {facts}" + (f" · {where}" if where else ""), style="dim"))
        console.print(Text(f"  id {c.id}"), soft_wrap=True)
    total = count_clusters(engine, min_size)
    if total > offset + len(clusters):
        console.print(
            f"[dim]{len(clusters)} of {total} clusters; see more with --offset {offset + len(clusters)}[/dim]"
        )


@clusters_app.command("show")
def show_cmd(
    cluster_id: str = typer.Argument(
        ..., help="A cluster id (see `clusters list`), or the id of any article in it (or of an exact copy)."
    ),
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one cluster: the canonical report, then its copies and rewrites with their similarity.

    Exact copies seen at other addresses are listed under the stored article they repeat (their text is stored once). Similarity to the canonical: 1.00 for exact copies of it; for near copies, the share of the shorter text's word shingles found in the other; for rewrites, the share of the shorter text's sentences that align, in order, with sentences carrying the same facts.
    """
    engine = open_or_exit(db)
    cluster = get_cluster(engine, cluster_id)
    if cluster is None:
        member = cluster_of(engine, cluster_id)
        copy = find_sighting(engine, cluster_id) if member is None else None
        if copy is not None:  # the id of an exact copy: its stored article's cluster
            member = cluster_of(engine, copy.article_id)
        cluster = get_cluster(engine, member.cluster_id) if member else None
    if cluster is None:
        err_console.print(f"[red]error:[/red] no cluster and no clustered article with id {cluster_id!r}")
        raise typer.Exit(1)
    arts = _articles(engine, [m.article_id for m in cluster.members])
    data = _cluster_json(cluster, arts)
    if as_json:
        console.print_json(json.dumps(data, ensure_ascii=False))
        return
    console.print(f"[bold]{data['title'] or cluster.canonical_id}[/bold]", highlight=False)
    console.print(
        f"[dim]cluster {cluster.id}: {cluster.size} article(s); canonical {cluster.canonical_id}"
        f"{', ' + data['outlet'] if data['outlet'] else ''}{', ' + data['published'] if data['published'] else ''}[/dim]",
        highlight=False,
    )
    for m in data["members"]:
        where = " · ".join(x for x in (m["published"], m["outlet"]) if x)
        head = Text(f"{m['relation']:<10} {m['similarity']:.2f}  ", style="bold")
        head.append(m["title"] or "(untitled)")
        console.print(head)
        console.print(Text(f"{'':<16}{where}", style="dim"))
        if m["article_id"] is None:  # an exact copy seen at another address: its text is stored once
            console.print(Text(f"{'':<16}copy of {m['copy_of']} at {m['url'] or '-'}"), soft_wrap=True)
        else:
            console.print(Text(f"{'':<16}id {m['article_id']}"), soft_wrap=True)


@clusters_app.command("assign")
def assign_cmd(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Cluster every stored article not clustered yet (e.g. after `ingest --no-cluster`)."""
    from ..cluster import assign_clusters

    engine = open_or_exit(db)
    report = assign_clusters(engine)
    for warning in report.warnings:
        err_console.print(f"[yellow]warning:[/yellow] {warning}", highlight=False)
    if as_json:
        console.print_json(
            json.dumps(
                {
                    "assigned": report.assigned,
                    "joined_existing": report.joined_existing,
                    "new_clusters": report.new_clusters,
                    "merged_clusters": report.merged_clusters,
                    "candidate_pairs": report.candidate_pairs,
                    "warnings": report.warnings,
                }
            )
        )
        return
    console.print(
        f"Clustered {report.assigned} article(s): {report.joined_existing} joined existing clusters, "
        f"{report.new_clusters} new cluster(s), {report.merged_clusters} merged."
    )
