"""Plots of an extraction: timeline, cooperation and conflict, actor network, commitments,
offices, and a map of events.

Each chart has a ``*_data`` function giving the frame drawn, so the figures can be checked and
the numbers reused::

    from communique import plot

    fig = plot.timeline(x)              # events by date, type and country
    fig.savefig("timeline.png")
    plot.timeline_data(x)               # the rows behind it

The map draws country outlines bundled with the package (Natural Earth 1:110m, public domain):
no tile server or network access is needed.

Needs matplotlib and networkx: ``pip install 'communique[notebook]'``. Figures are created
through pyplot and closed at once, so Jupyter shows each one once (as the cell's value) and
scripts do not accumulate open figures.
"""

from __future__ import annotations

import itertools
import json
import math
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import polars as pl

if TYPE_CHECKING:
    from communique.extraction import Extraction

__all__ = [
    "commitments_chart",
    "commitments_data",
    "cooperation",
    "cooperation_data",
    "map",
    "map_data",
    "network",
    "network_data",
    "network_graph",
    "offices_data",
    "offices_table",
    "timeline",
    "timeline_data",
]

_INSTALL = "pip install 'communique[notebook]'"


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ImportError(f"communique.plot needs matplotlib: {_INSTALL}") from exc
    return plt


def _networkx() -> Any:
    try:
        import networkx as nx
    except ImportError as exc:
        raise ImportError(f"communique.plot needs networkx: {_INSTALL}") from exc
    return nx


def _figure(width: float, height: float) -> tuple[Any, Any]:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    plt.close(fig)
    return fig, ax


def _empty(ax: Any, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()


def _names(x: Extraction) -> dict[str, str]:
    return dict(x.actors.select("actor_id", "name").iter_rows())


def _short(text: str | None, width: int) -> str:
    if not text:
        return ""
    return text if len(text) <= width else text[: width - 1] + "…"


def timeline_data(x: Extraction) -> pl.DataFrame:
    """One row per event and participating country, with the date the event is placed at.

    ``when`` is the event's own ``date``, else the document's ``published`` date
    (``date_source`` says which; null when neither is known). ``country`` is the ISO code of a
    participant country or of a participant's affiliation (null when none is known).
    """
    affiliation = x.actors.select("actor_id", "country")
    countries = (
        x.events.select("event_id", "actors")
        .explode("actors")
        .join(affiliation, left_on="actors", right_on="actor_id", how="left")
        .group_by("event_id")
        .agg(pl.col("country").drop_nulls().unique().sort())
    )
    published = x.documents.select("doc_id", "published")
    return (
        x.events.select("event_id", "doc_id", "date", "event_type", "subtype", "trigger")
        .join(published, on="doc_id", how="left")
        .join(countries, on="event_id", how="left")
        .with_columns(
            when=pl.coalesce("date", "published"),
            date_source=pl.when(pl.col("date").is_not_null())
            .then(pl.lit("event"))
            .when(pl.col("published").is_not_null())
            .then(pl.lit("published")),
            # An event without a known country keeps one row, with a null country.
            country=pl.when(pl.col("country").list.len() > 0).then(pl.col("country")),
        )
        .explode("country")
        .select(
            "event_id",
            "doc_id",
            "when",
            "date_source",
            "country",
            "event_type",
            "subtype",
            "trigger",
        )
        .sort("when", "country", "event_id", nulls_last=True)
    )


def timeline(x: Extraction) -> Any:
    """Events by date (x), country (y) and PLOVER type (colour) as a matplotlib Figure."""
    data = timeline_data(x)
    dated = data.filter(pl.col("when").is_not_null()).with_columns(
        pl.col("country").fill_null("(none)")
    )
    countries = sorted(dated["country"].unique().to_list())
    fig, ax = _figure(10, 1.5 + 0.35 * max(len(countries), 3))
    n_events = data["event_id"].n_unique()
    n_dated = dated["event_id"].n_unique()
    ax.set_title(f"Events by date, type and country ({n_dated} of {n_events} events dated)")
    if dated.height == 0:
        _empty(ax, "No dated events: neither event dates nor publication dates are known")
        return fig
    rows = {country: i for i, country in enumerate(countries)}
    markers = itertools.cycle("osD^vP*X")
    for event_type, group in dated.group_by("event_type", maintain_order=True):
        ax.scatter(
            group["when"].to_list(),
            [rows[c] for c in group["country"]],
            label=str(event_type[0]),
            marker=next(markers),
            s=60,
            alpha=0.8,
        )
    ax.set_yticks(range(len(countries)), countries)
    ax.set_xlabel("date (event date, else publication date)")
    ax.grid(axis="x", alpha=0.3)
    ax.legend(title="event type", loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.autofmt_xdate()
    return fig


def _dyads(countries: list[str]) -> list[str | None]:
    if len(countries) < 2:
        return [countries[0] if countries else None]
    return [f"{a}–{b}" for a, b in itertools.combinations(sorted(countries), 2)]


def cooperation_data(x: Extraction) -> pl.DataFrame:
    """Goldstein scores by month and dyad: one row per month and pair of countries.

    ``month`` is the first day of the month the event is placed at (as in ``timeline_data``).
    An event counts for every pair of its countries (``dyad``, sorted ISO codes joined by
    "–"); with one country, the dyad is that code alone, with none, null. ``goldstein_sum``
    and ``goldstein_mean`` sum and average the events' scores; ``cooperation`` and
    ``conflict`` count events of positive and negative score.
    """
    events = (
        timeline_data(x)
        .group_by("event_id")
        .agg(pl.col("when").first(), pl.col("country").drop_nulls().unique())
        .join(x.events.select("event_id", "goldstein"), on="event_id", how="inner")
        .filter(pl.col("when").is_not_null() & pl.col("goldstein").is_not_null())
    )
    dyads = pl.Series(
        "dyad", [_dyads(c) for c in events["country"].to_list()], dtype=pl.List(pl.String)
    )
    return (
        events.with_columns(dyads, month=pl.col("when").dt.truncate("1mo"))
        .explode("dyad")
        .group_by("month", "dyad")
        .agg(
            events=pl.len().cast(pl.UInt32),
            goldstein_sum=pl.col("goldstein").sum(),
            goldstein_mean=pl.col("goldstein").mean(),
            cooperation=(pl.col("goldstein") > 0).sum().cast(pl.UInt32),
            conflict=(pl.col("goldstein") < 0).sum().cast(pl.UInt32),
        )
        .sort("month", "dyad", nulls_last=True)
    )


def cooperation(x: Extraction, max_dyads: int = 8) -> Any:
    """Cooperation vs conflict over time: summed Goldstein score by month for the dyads with
    the most events (bars above zero cooperate, below zero conflict)."""
    data = cooperation_data(x).with_columns(pl.col("dyad").fill_null("(no country)"))
    fig, ax = _figure(10, 4.5)
    ax.set_title("Cooperation (+) and conflict (−): summed Goldstein score by month and dyad")
    if data.height == 0:
        _empty(ax, "No dated events")
        return fig
    top = (
        data.group_by("dyad")
        .agg(pl.col("events").sum())
        .sort(["events", "dyad"], descending=[True, False])
        .head(max_dyads)["dyad"]
        .to_list()
    )
    months = sorted(data["month"].unique().to_list())
    width = 0.8 / len(top)
    for i, dyad in enumerate(top):
        rows = dict(data.filter(pl.col("dyad") == dyad).select("month", "goldstein_sum").rows())
        ax.bar(
            [m + (i - (len(top) - 1) / 2) * width for m in range(len(months))],
            [rows.get(month, 0.0) for month in months],
            width=width,
            label=dyad,
        )
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(range(len(months)), [m.strftime("%Y-%m") for m in months])
    ax.set_ylabel("summed Goldstein score")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(title="dyad", loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig


#: GDELT's QuadClass names, and their colours on the map (cooperation green, conflict red).
QUAD_CLASSES = {
    1: ("verbal cooperation", "#74c476"),
    2: ("material cooperation", "#238b45"),
    3: ("verbal conflict", "#fd8d3c"),
    4: ("material conflict", "#cb181d"),
}


def map_data(x: Extraction) -> pl.DataFrame:
    """Events by place and QuadClass: one row per located place and class, with ``events``
    (the count), the place's ``name``, ``lat`` and ``lon``. Events without a located place
    (no ``location``, or one without coordinates such as "Central Asia") are left out."""
    names = x.actors.select(pl.col("actor_id").alias("location"), "name")
    return (
        x.events.filter(pl.col("lat").is_not_null() & pl.col("lon").is_not_null())
        .group_by("location", "lat", "lon", "quad_class")
        .agg(events=pl.len().cast(pl.UInt32))
        .join(names, on="location", how="left")
        .select("location", "name", "lat", "lon", "quad_class", "events")
        .sort(["events", "location", "quad_class"], descending=[True, False, False])
    )


@cache
def _outlines() -> dict[str, list[list[list[float]]]]:
    text = resources.files("communique").joinpath("world_outlines.json").read_text("utf-8")
    return json.loads(text)["countries"]


def _extent(data: pl.DataFrame) -> tuple[float, float, float, float]:
    """(west, east, south, north): the events with a margin, at least 60° by 35° wide."""
    if data.height == 0:
        return -180.0, 180.0, -60.0, 85.0
    west, east = float(data["lon"].min()), float(data["lon"].max())
    south, north = float(data["lat"].min()), float(data["lat"].max())
    half_w = max((east - west) / 2 + 12, 30)
    half_h = max((north - south) / 2 + 8, 17.5)
    cx, cy = (west + east) / 2, (south + north) / 2
    return (
        max(cx - half_w, -180.0),
        min(cx + half_w, 180.0),
        max(cy - half_h, -90.0),
        min(cy + half_h, 90.0),
    )


def map(x: Extraction, label_places: int = 8) -> Any:  # noqa: A001 - the name users expect
    """Events on a world map: a disc per place, sized by its number of events and coloured
    by QuadClass, over country outlines bundled with the package (no tile server). The
    ``label_places`` places with the most events are named."""
    from matplotlib.collections import PolyCollection

    data = map_data(x)
    west, east, south, north = _extent(data)
    # The figure takes the shape of the area shown, the legend beside it.
    fig, ax = _figure(11, 1.4 + 8 * (north - south) / (east - west))
    n_events, placed = x.events.height, int(data["events"].sum()) if data.height else 0
    ax.set_title(f"Events by place and QuadClass ({placed} of {n_events} events located)")
    polygons = [ring for rings in _outlines().values() for ring in rings]
    ax.add_collection(
        PolyCollection(polygons, facecolor="#f0f0f0", edgecolor="#9e9e9e", linewidth=0.4)
    )
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect("equal")
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    for quad, (label, colour) in QUAD_CLASSES.items():
        rows = data.filter(pl.col("quad_class") == quad)
        if rows.height:
            sizes = [40 + 60 * math.sqrt(n) for n in rows["events"]]
            ax.scatter(
                rows["lon"].to_list(),
                rows["lat"].to_list(),
                s=sizes,
                color=colour,
                alpha=0.7,
                edgecolors="white",
                linewidths=0.8,
                label=label,
                zorder=3,
            )
    totals = data.group_by("name", "lat", "lon").agg(pl.col("events").sum())
    for row in totals.sort("events", descending=True).head(label_places).iter_rows(named=True):
        ax.annotate(
            f"{row['name']} ({row['events']})",
            (row["lon"], row["lat"]),
            xytext=(6, 6),
            textcoords="offset points",
            fontsize=8,
            zorder=4,
        )
    if data.height == 0:
        ax.text(0.5, 0.5, "No located events", ha="center", va="center", transform=ax.transAxes)
    else:
        ax.legend(title="QuadClass", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    return fig


def network_graph(x: Extraction, kinds: tuple[str, ...] = ("person", "country")) -> Any:
    """Co-participation graph (networkx ``Graph``) of the actors of the given ``kinds``.

    Nodes are actor ids (attributes ``name``, ``kind``, ``country``, ``n_events``); an edge joins
    two actors taking part in the same event, ``weight`` being the number of events they share
    and ``events`` their ids.
    """
    nx = _networkx()
    if isinstance(kinds, str):
        kinds = (kinds,)
    actors = x.actors.filter(pl.col("kind").is_in(list(kinds)))
    info = {
        row["actor_id"]: row
        for row in actors.select("actor_id", "name", "kind", "country").to_dicts()
    }
    graph = nx.Graph()
    for event_id, participants in x.events.select("event_id", "actors").iter_rows():
        present = sorted({a for a in participants or [] if a in info})
        for actor in present:
            if actor not in graph:
                row = info[actor]
                graph.add_node(actor, name=row["name"], kind=row["kind"], country=row["country"])
                graph.nodes[actor]["n_events"] = 0
            graph.nodes[actor]["n_events"] += 1
        for a, b in itertools.combinations(present, 2):
            if graph.has_edge(a, b):
                graph[a][b]["weight"] += 1
                graph[a][b]["events"].append(event_id)
            else:
                graph.add_edge(a, b, weight=1, events=[event_id])
    return graph


def network_data(x: Extraction, kinds: tuple[str, ...] = ("person", "country")) -> pl.DataFrame:
    """The edges of :func:`network_graph` as a frame, most shared events first."""
    graph = network_graph(x, kinds)
    rows = [
        {
            "source": a,
            "target": b,
            "source_name": graph.nodes[a]["name"],
            "target_name": graph.nodes[b]["name"],
            "weight": data["weight"],
            "events": data["events"],
        }
        for a, b, data in graph.edges(data=True)
    ]
    schema = {
        "source": pl.String,
        "target": pl.String,
        "source_name": pl.String,
        "target_name": pl.String,
        "weight": pl.Int64,
        "events": pl.List(pl.String),
    }
    return pl.DataFrame(rows, schema=schema).sort(
        ["weight", "source", "target"], descending=[True, False, False]
    )


def network(x: Extraction, kinds: tuple[str, ...] = ("person", "country")) -> Any:
    """The co-participation network (persons and countries by default) as a matplotlib Figure.

    Node size follows the number of events, edge width the number of shared events.
    """
    nx = _networkx()
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    graph = network_graph(x, kinds)
    fig, ax = _figure(10, 8)
    ax.set_title("Who meets whom: actors sharing events (edge width = number of events)")
    if graph.number_of_nodes() == 0:
        _empty(ax, "No events with known participants")
        return fig
    pos = nx.spring_layout(
        graph, seed=7, weight="weight", k=1.5 / max(graph.number_of_nodes(), 1) ** 0.5
    )
    colours = {
        "person": "#1f77b4",
        "country": "#ff7f0e",
        "organization": "#2ca02c",
        "place": "#9467bd",
    }
    nodes = list(graph.nodes)
    # Sizes relative to the largest, so that big corpora stay readable.
    top_weight = max((w for _, _, w in graph.edges(data="weight")), default=1)
    top_events = max(graph.nodes[n]["n_events"] for n in nodes)
    nx.draw_networkx_edges(
        graph,
        pos,
        ax=ax,
        width=[0.8 + 5 * graph[a][b]["weight"] / top_weight for a, b in graph.edges],
        alpha=0.35,
    )
    nx.draw_networkx_nodes(
        graph,
        pos,
        nodelist=nodes,
        ax=ax,
        node_size=[120 + 600 * graph.nodes[n]["n_events"] / top_events for n in nodes],
        node_color=[colours.get(graph.nodes[n]["kind"], "#7f7f7f") for n in nodes],
        alpha=0.9,
    )
    nx.draw_networkx_labels(
        graph, pos, labels={n: graph.nodes[n]["name"] for n in nodes}, font_size=8, ax=ax
    )
    for kind in kinds:
        ax.scatter([], [], color=colours.get(kind, "#7f7f7f"), label=kind)
    ax.legend(loc="lower right")
    ax.set_axis_off()
    return fig


def commitments_data(x: Extraction) -> pl.DataFrame:
    """The commitments with donor and recipient names and a short label, largest first."""
    names = _names(x)
    rows = x.commitments.select(
        "commitment_id",
        "doc_id",
        "text",
        "amount",
        "currency",
        "amount_usd",
        "donor",
        "recipient",
        "purpose",
        "status",
        "year",
    ).to_dicts()
    for row in rows:
        row["donor_name"] = names.get(row["donor"], row["donor"]) if row["donor"] else None
        row["recipient_name"] = (
            names.get(row["recipient"], row["recipient"]) if row["recipient"] else None
        )
        who = f"{row['donor_name'] or '?'} → {row['recipient_name'] or '?'}"
        when = f", {row['year']}" if row["year"] is not None else ""
        row["label"] = f"{who}: {_short(row['purpose'], 40) or row['text']} ({row['status']}{when})"
    schema = dict(x.commitments.select("commitment_id", "doc_id", "text").schema)
    schema.update(
        {
            "amount": pl.Float64,
            "currency": pl.String,
            "amount_usd": pl.Float64,
            "donor": pl.String,
            "recipient": pl.String,
            "purpose": pl.String,
            "status": pl.String,
            "year": pl.Int32,
            "donor_name": pl.String,
            "recipient_name": pl.String,
            "label": pl.String,
        }
    )
    return pl.DataFrame(rows, schema=schema).sort("amount_usd", descending=True, nulls_last=True)


def commitments_chart(x: Extraction) -> Any:
    """Commitments in USD (log scale), one bar each, labelled donor → recipient: purpose."""
    # A log axis shows positive, finite amounts only.
    data = commitments_data(x).filter(pl.col("amount_usd").is_finite() & (pl.col("amount_usd") > 0))
    fig, ax = _figure(10, 1.5 + 0.45 * max(data.height, 2))
    fig.suptitle("Financial commitments by donor, recipient and purpose (USD)")
    if data.height == 0:
        _empty(ax, "No commitments with a USD amount")
        return fig
    statuses = sorted(data["status"].unique().to_list())
    palette = _pyplot().get_cmap("tab10")
    colour = {status: palette(i % 10) for i, status in enumerate(statuses)}
    positions = list(range(data.height))[::-1]
    ax.barh(positions, data["amount_usd"].to_list(), color=[colour[s] for s in data["status"]])
    ax.set_yticks(positions, data["label"].to_list(), fontsize=8)
    ax.set_xscale("log")
    ax.set_xlabel("amount (USD, log scale)")
    from matplotlib.patches import Patch

    ax.legend(
        handles=[Patch(color=colour[s], label=s) for s in statuses],
        title="status",
        loc="lower right",
    )
    # Bars start at the left edge: a log axis has no zero.
    low, high = data["amount_usd"].min(), data["amount_usd"].max()
    if isinstance(low, float) and isinstance(high, float) and low > 0:
        ax.set_xlim(low / 20, high * 8)
    for y, usd in zip(positions, data["amount_usd"]):
        ax.annotate(
            _usd(usd), (usd, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8
        )
    return fig


def _usd(value: float) -> str:
    for scale, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " M"), (1e3, " k")):
        if abs(value) >= scale:
            return f"${value / scale:,.3g}{suffix}"
    return f"${value:,.0f}"


def offices_data(x: Extraction) -> pl.DataFrame:
    """Who held which office when: one row per person and document.

    ``office`` is the canonical role from the actor dictionary, ``title_as_written`` the title
    the document attaches to the name, ``when`` the person's earliest event date in the
    document, else the document's publication date.
    """
    persons = x.actors.filter(pl.col("kind") == "person").select(
        "actor_id", "name", "country", pl.col("role").alias("office")
    )
    titles = (
        x.mentions.filter(pl.col("kind") == "person")
        .group_by("actor_id", "doc_id", maintain_order=True)
        .agg(title_as_written=pl.col("role").drop_nulls().first())
    )
    event_dates = (
        x.events.select("doc_id", "actors", "date")
        .explode("actors")
        .group_by(pl.col("actors").alias("actor_id"), "doc_id")
        .agg(event_date=pl.col("date").min())
    )
    return (
        titles.join(persons, on="actor_id", how="inner")
        .join(event_dates, on=["actor_id", "doc_id"], how="left")
        .join(x.documents.select("doc_id", "published"), on="doc_id", how="left")
        .with_columns(when=pl.coalesce("event_date", "published"))
        .select("name", "country", "office", "title_as_written", "when", "doc_id", "actor_id")
        .sort("name", "when", "doc_id", nulls_last=True)
    )


def offices_table(x: Extraction, max_rows: int = 40) -> Any:
    """The ``offices_data`` table (first ``max_rows`` rows) drawn as a matplotlib Figure."""
    data = offices_data(x)
    shown = data.head(max_rows)
    fig, ax = _figure(12, 0.8 + 0.22 * max(shown.height, 2))
    more = f", first {max_rows} of {data.height}" if data.height > max_rows else ""
    ax.set_title(f"Who held which office when ({data['actor_id'].n_unique()} persons{more})")
    if shown.height == 0:
        _empty(ax, "No persons mentioned")
        return fig
    ax.set_axis_off()
    header = ["person", "country", "office", "title as written", "when", "document"]
    cells = [
        [
            row["name"],
            row["country"] or "",
            _short(row["office"], 40),
            _short(row["title_as_written"], 45),
            row["when"].isoformat() if row["when"] else "",
            _short(row["doc_id"], 24),
        ]
        for row in shown.to_dicts()
    ]
    table = ax.table(cellText=cells, colLabels=header, loc="upper center", cellLoc="left")
    table.auto_set_font_size(False)
    table.set_fontsize(8)
    table.auto_set_column_width(list(range(len(header))))
    return fig
