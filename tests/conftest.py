"""Shared fixtures: the real seed report, segmented and built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
REPORT = DATA / "zh" / "A_74_400.txt"
REPORT_SYMBOL = "A/74/400"


@pytest.fixture(scope="session")
def report_doc():
    """The segmented Chinese report A/74/400."""
    from graph.ingest import read_source
    from graph.segment import segment

    return segment(read_source(REPORT, symbol=REPORT_SYMBOL))


@pytest.fixture(scope="session")
def seed_store_path(tmp_path_factory) -> Path:
    """A store built from the real report, as `unkg build data/zh/A_74_400.txt --symbol A/74/400` builds it."""
    from graph.pipeline import build_files
    from graph.store import Store

    path = tmp_path_factory.mktemp("seed") / "store"
    st = Store(path)
    build_files([REPORT], st, symbol=REPORT_SYMBOL)
    st.close()
    return path


@pytest.fixture(scope="session")
def seed_store(seed_store_path):
    """A read-only view of the seed store (several readers may share it)."""
    from graph.store import Store

    return Store(seed_store_path, read_only=True)
