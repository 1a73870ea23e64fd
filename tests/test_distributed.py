"""The Ray Data recipe of the README, in local mode: a corpus split 1 way and 4 ways gives
identical tables after sorting."""

from __future__ import annotations

import uuid
from pathlib import Path

import polars as pl
import pytest

import communique as cq
from communique.extraction import TABLES
from communique.stream import merge_actors

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'ray[data]')")
pa = pytest.importorskip("pyarrow")

# Ray's own deprecation notices are not this project's.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# Sort keys that make row order irrelevant.
KEYS = {
    "documents": ["doc_id"],
    "mentions": ["doc_id", "start", "end", "actor_id"],
    "events": ["event_id"],
    "commitments": ["commitment_id"],
    "quotes": ["quote_id"],
}


@pytest.fixture(scope="module")
def local_ray():
    try:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    except Exception as exc:  # no shared memory, no sockets: not the recipe's fault
        pytest.skip(f"Ray cannot start here: {exc}")
    yield ray
    ray.shutdown()


def extract_partition(out_dir: str):
    """The recipe's worker function: extract one block of documents, write its per-document
    tables as Parquet parts under `out_dir`, and return its actors (small) to the driver."""

    def run(batch: pa.Table) -> pa.Table:
        x = cq.extract(pl.from_arrow(batch))
        part = uuid.uuid4().hex
        for name in ("documents", "mentions", "events", "commitments", "quotes"):
            folder = Path(out_dir) / name
            folder.mkdir(parents=True, exist_ok=True)
            x.tables()[name].write_parquet(folder / f"part-{part}.parquet")
        return x.actors.to_arrow()

    return run


def run_recipe(docs: pl.DataFrame, partitions: int, out_dir: Path) -> dict[str, pl.DataFrame]:
    ds = ray.data.from_arrow(docs.to_arrow()).repartition(partitions)
    actor_parts = ds.map_batches(
        extract_partition(str(out_dir)), batch_format="pyarrow", batch_size=None
    ).to_arrow_refs()
    actors = merge_actors([pl.from_arrow(t) for t in ray.get(actor_parts)])
    tables = {"actors": actors}
    for name, key in KEYS.items():
        tables[name] = pl.read_parquet(out_dir / name / "*.parquet").sort(key)
    return tables


def corpus(sample: pl.DataFrame) -> pl.DataFrame:
    """The sample corpus and a few variants of it, so that partitions hold several documents."""
    copies = [
        sample.with_columns(
            doc_id=pl.col("doc_id") + f"_{i}",
            text=pl.col("text").str.replace_all("\n\n", "\n" * (i + 2), literal=True),
        )
        for i in range(3)
    ]
    return pl.concat([sample, *copies]).select("doc_id", "text", "published")


def test_one_and_four_partitions_give_identical_tables(local_ray, sample, tmp_path):
    docs = corpus(sample)
    one = run_recipe(docs, 1, tmp_path / "one")
    four = run_recipe(docs, 4, tmp_path / "four")
    assert len(list((tmp_path / "four" / "events").glob("*.parquet"))) == 4
    for name in TABLES:
        assert one[name].height > 0, name
        assert one[name].equals(four[name]), name
    # And both are the single-process tables.
    local = cq.extract(docs)
    for name in TABLES:
        expected = local.tables()[name]
        if name in KEYS:
            expected = expected.sort(KEYS[name])
        assert one[name].equals(expected), name
