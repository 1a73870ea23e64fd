"""The notebooks run top to bottom without error, and are stored without outputs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = REPO / "notebooks"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _run(name: str, workdir: Path):
    book = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(
        book, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}
    )
    # Raises CellExecutionError, naming the cell, on any error.
    client.execute()
    return book


def _outputs(book, mime: str) -> int:
    return sum(
        mime in output.get("data", {})
        for cell in book.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )


@pytest.fixture(autouse=True)
def _kernel_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # Headless, as on a server or in CI: with Agg alone, figures would not be embedded.
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("COMMUNIQUE_CORPUS", raising=False)
    monkeypatch.delenv("COMMUNIQUE_FIGURES", raising=False)


@pytest.mark.parametrize("name", ["01_quickstart.ipynb", "02_us_central_asia.ipynb"])
def test_stored_without_outputs(name: str) -> None:
    book = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(book)
    for cell in book.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_quickstart_runs(tmp_path: Path) -> None:
    book = _run("01_quickstart.ipynb", tmp_path)
    assert _outputs(book, "text/html") >= 5


def test_us_central_asia_runs_on_the_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    figures = tmp_path / "figures"
    monkeypatch.setenv("COMMUNIQUE_FIGURES", str(figures))
    book = _run("02_us_central_asia.ipynb", tmp_path)
    assert _outputs(book, "image/png") >= 6
    names = sorted(p.name for p in figures.glob("*.png"))
    assert names == [
        "commitments.png",
        "cooperation.png",
        "map.png",
        "network.png",
        "offices.png",
        "timeline.png",
    ]
    for path in figures.glob("*.png"):
        data = path.read_bytes()
        assert data[:8] == PNG_MAGIC and len(data) > 5_000, path.name


def test_us_central_asia_runs_on_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "dushanbe.txt").write_text(
        "Le secrétaire d'État adjoint américain s'est rendu jeudi à Douchanbé, où il a rencontré "
        "le président tadjik. Washington accordera 3 millions de dollars à la gestion des "
        "frontières.",
        encoding="utf-8",
    )
    (corpus / "bishkek.txt").write_text(
        "Kyrgyzstan's foreign minister held talks with US officials in Bishkek on Monday.",
        encoding="utf-8",
    )
    (corpus / "metadata.csv").write_text(
        "doc_id,published\ndushanbe,2022-06-09\nbishkek,2022-06-13\n", encoding="utf-8"
    )
    monkeypatch.setenv("COMMUNIQUE_CORPUS", str(corpus))
    book = _run("02_us_central_asia.ipynb", tmp_path)
    first = book.cells[1].outputs[0]["data"]["text/plain"]
    assert first.startswith("Extraction(documents=2,"), first


def test_jupyter_nbconvert_executes_and_embeds_the_figures(tmp_path: Path) -> None:
    pytest.importorskip("nbconvert")
    done = subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute"]
        + ["--output-dir", str(tmp_path), str(NOTEBOOKS / "02_us_central_asia.ipynb")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    book = nbformat.read(tmp_path / "02_us_central_asia.ipynb", as_version=4)
    # The six figures of the sample, and the persons-only network.
    assert _outputs(book, "image/png") >= 7
