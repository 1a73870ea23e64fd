"""communique.plot: the figures are real PNG images, drawn from the expected data."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

import communique as cq

matplotlib = pytest.importorskip("matplotlib")
pytest.importorskip("networkx")
matplotlib.use("Agg")

from communique import plot  # noqa: E402

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
CHARTS = {
    "timeline": plot.timeline,
    "network": plot.network,
    "commitments": plot.commitments_chart,
    "offices": plot.offices_table,
    "cooperation": plot.cooperation,
    "map": plot.map,
}


def _assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC, f"{path.name} is not a PNG"
    assert len(data) > 5_000, f"{path.name} is suspiciously small ({len(data)} bytes)"
    pixels = matplotlib.image.imread(path)
    assert pixels.shape[0] > 100 and pixels.shape[1] > 100
    # Not a blank canvas: something was drawn.
    assert (pixels != pixels[0, 0]).any()


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_figures_are_png(name: str, sample_result: cq.Extraction, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.png"
    CHARTS[name](sample_result).savefig(path, dpi=80)
    _assert_png(path)


def test_timeline_places_every_datable_document(sample_result: cq.Extraction) -> None:
    data = plot.timeline_data(sample_result)
    events = sample_result.events
    assert set(data["event_id"]) == set(events["event_id"])
    published = sample_result.documents.filter(pl.col("published").is_not_null())["doc_id"]
    event_dated = events.filter(pl.col("date").is_not_null())["doc_id"]
    # A document's events can be placed when it has a publication date or a dated event.
    datable = (set(published) | set(event_dated)) & set(events["doc_id"])
    on_timeline = set(data.filter(pl.col("when").is_not_null())["doc_id"])
    assert datable, "the sample corpus should have documents whose events can be dated"
    assert datable <= on_timeline
    # An event's own date wins over the publication date.
    dates = dict(events.select("event_id", "date").iter_rows())
    for row in data.filter(pl.col("date_source") == "event").iter_rows(named=True):
        assert row["when"] == dates[row["event_id"]]


def test_timeline_figure_draws_the_dated_events(sample_result: cq.Extraction) -> None:
    fig = plot.timeline(sample_result)
    dated = plot.timeline_data(sample_result).filter(pl.col("when").is_not_null())
    drawn = sum(len(c.get_offsets()) for c in fig.axes[0].collections)
    assert drawn == dated.height > 0


def test_network_has_the_blinken_tileuberdi_edge(sample_result: cq.Extraction) -> None:
    graph = plot.network_graph(sample_result)
    assert graph.has_edge("antony_blinken", "mukhtar_tileuberdi")
    shared = [
        e
        for e, actors in sample_result.events.select("event_id", "actors").iter_rows()
        if {"antony_blinken", "mukhtar_tileuberdi"} <= set(actors or [])
    ]
    edge = graph["antony_blinken"]["mukhtar_tileuberdi"]
    assert edge["weight"] == len(shared) >= 1
    assert sorted(edge["events"]) == sorted(shared)
    assert graph.nodes["antony_blinken"]["kind"] == "person"
    kinds = {graph.nodes[n]["kind"] for n in graph.nodes}
    assert kinds <= {"person", "country"} and "country" in kinds


def test_network_weights_count_shared_events(sample_result: cq.Extraction) -> None:
    graph = plot.network_graph(sample_result)
    counts: dict[tuple[str, str], int] = {}
    for actors in sample_result.events["actors"].to_list():
        present = sorted(set(actors or []) & set(graph.nodes))
        for pair in itertools.combinations(present, 2):
            counts[pair] = counts.get(pair, 0) + 1
    assert {tuple(sorted(e)): d["weight"] for *e, d in graph.edges(data=True)} == counts
    edges = plot.network_data(sample_result)
    assert edges.height == graph.number_of_edges()
    assert edges["weight"].to_list() == sorted(edges["weight"], reverse=True)


def test_commitments_chart_shows_25_million_and_600_billion(
    sample_result: cq.Extraction,
) -> None:
    data = plot.commitments_data(sample_result)
    usd = data["amount_usd"].drop_nulls().to_list()
    assert any(abs(v - 25e6) < 1 for v in usd)
    assert any(abs(v - 600e9) < 1e3 for v in usd)
    assert data.filter(pl.col("amount_usd") == 25e6)["donor"].to_list()[0] == "USA"
    fig = plot.commitments_chart(sample_result)
    widths = [bar.get_width() for bar in fig.axes[0].patches]
    assert any(abs(w - 25e6) < 1 for w in widths)
    assert any(abs(w - 600e9) < 1e3 for w in widths)


def test_offices_follow_actors_and_mentions(sample_result: cq.Extraction) -> None:
    data = plot.offices_data(sample_result)
    persons = sample_result.mentions.filter(pl.col("kind") == "person")
    assert set(data["actor_id"]) == set(persons["actor_id"])
    assert data.height == persons.select("actor_id", "doc_id").unique().height
    roles = dict(sample_result.actors.select("actor_id", "role").iter_rows())
    for row in data.iter_rows(named=True):
        assert row["office"] == roles[row["actor_id"]]
    blinken = data.filter(pl.col("actor_id") == "antony_blinken")
    assert blinken.height >= 1 and blinken["office"][0]


def test_empty_extraction_still_draws(tmp_path: Path) -> None:
    x = cq.extract_text("", lang="fr")
    for name, draw in CHARTS.items():
        path = tmp_path / f"{name}.png"
        draw(x).savefig(path, dpi=60)
        assert path.read_bytes()[:8] == PNG_MAGIC
    assert plot.timeline_data(x).height == 0
    assert plot.commitments_data(x).height == 0
    assert plot.network_graph(x).number_of_nodes() == 0


def test_missing_dependency_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(ImportError, match=r"communique\[notebook\]"):
        plot.network_graph(cq.extract_text("", lang="fr"))


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )


def test_plot_is_reachable_from_the_package_on_first_use() -> None:
    done = _python(
        "import sys\n"
        "import communique as cq\n"
        "assert 'communique.plot' not in sys.modules and 'matplotlib' not in sys.modules\n"
        "fig = cq.plot.timeline(cq.extract(cq.sample_corpus()))\n"
        "print(type(fig).__name__, cq.plot is sys.modules['communique.plot'])\n"
        "try:\n"
        "    cq.nothing\n"
        "except AttributeError as exc:\n"
        "    print(exc)\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Figure True",
        "module 'communique' has no attribute 'nothing'",
    ]


def test_without_matplotlib_the_package_imports_and_plot_names_the_extra() -> None:
    done = _python(
        "import sys\n"
        "sys.modules['matplotlib'] = None\n"
        "import communique as cq\n"
        "x = cq.extract(cq.sample_corpus())\n"
        "try:\n"
        "    cq.plot.timeline(x)\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    assert done.returncode == 0, done.stderr
    assert "communique[notebook]" in done.stdout


def test_cooperation_sums_goldstein_by_month_and_dyad(sample_result: cq.Extraction) -> None:
    data = plot.cooperation_data(sample_result)
    assert data.height > 0
    timeline = plot.timeline_data(sample_result).filter(pl.col("when").is_not_null())
    scores = dict(sample_result.events.select("event_id", "goldstein").iter_rows())
    # Each dated event counts once per pair of its countries, at the month it is placed at.
    expected: dict[tuple[object, object], float] = {}
    for event_id, group in timeline.group_by("event_id"):
        countries = sorted(c for c in set(group["country"].to_list()) if c is not None)
        pairs = [f"{a}–{b}" for a, b in itertools.combinations(countries, 2)]
        month = group["when"][0].replace(day=1)
        for dyad in pairs or [countries[0] if countries else None]:
            key = (month, dyad)
            expected[key] = expected.get(key, 0.0) + scores[event_id[0]]
    got = {(r["month"], r["dyad"]): r["goldstein_sum"] for r in data.iter_rows(named=True)}
    assert got.keys() == expected.keys()
    assert all(abs(got[k] - expected[k]) < 1e-4 for k in got)
    assert (data["cooperation"] + data["conflict"] <= data["events"]).all()
