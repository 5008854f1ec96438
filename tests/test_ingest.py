"""Reading files: encodings, bad input, and clean-up that keeps offsets into the original."""

from __future__ import annotations

import pytest

from graph.errors import InputError
from graph.ingest import clean_runs, decode, detect_language, read_source
from tests.conftest import REPORT

SAMPLE = "大会，\n\n重申奉行《联合国宪章》¹的宗旨，\n"


@pytest.mark.parametrize(
    "raw, encoding",
    [
        pytest.param(SAMPLE.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig", id="utf-8-bom"),
        pytest.param(SAMPLE.encode("utf-16"), "utf-16", id="utf-16-bom"),
        pytest.param(SAMPLE.encode("utf-16-le"), "utf-16-le", id="utf-16-le-no-bom"),
        pytest.param(SAMPLE.replace("¹", "").encode("gb18030"), "gb18030", id="gb18030"),
    ],
)
def test_decodes_supported_encodings(raw, encoding):
    text, enc = decode(raw, "x.txt")
    assert enc == encoding
    assert text.replace("¹", "") == SAMPLE.replace("¹", "")


@pytest.mark.parametrize(
    "raw, message",
    [
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(b"  \n\n\t ", "empty file", id="whitespace-only"),
        pytest.param(bytes(range(256)) * 4, "binary", id="binary"),
        pytest.param("Résumé of the café, naïve façade".encode("latin-1"), "cannot decode", id="latin-1"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(64), "binary", id="png"),
    ],
)
def test_rejects_bad_bytes(raw, message):
    with pytest.raises(InputError, match=message):
        decode(raw, "bad.txt")


def test_missing_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_source(tmp_path)


@pytest.mark.parametrize(
    "text, lang",
    [
        pytest.param(REPORT.read_text(encoding="utf-8"), "zh", id="report"),
        pytest.param("The General Assembly,\n\nRecalling its resolution 70/1,", "en", id="english"),
    ],
)
def test_detects_language(text, lang):
    assert detect_language(text) == lang


def test_clean_runs_keeps_offsets_and_markers():
    text = "决议草案 [A/C.3/74/L.5](#)(见第 29 段)，《宪章》¹⁰的宗旨"
    body, markers = clean_runs(text, [(0, len(text), "")])
    assert body.text == "决议草案 A/C.3/74/L.5(见第 29 段)，《宪章》的宗旨"
    assert [(m.number, body.text[: m.offset][-4:]) for m in markers] == [(10, "《宪章》")]
    for i, ch in enumerate(body.text):  # every clean character maps back to the same character
        assert text[body.to_original(i)] == ch


def test_fullwidth_letters_and_digits_become_ascii():
    text = "第７０／１号决议（Ａ／ＲＥＳ）"
    body, _ = clean_runs(text, [(0, len(text), "")])
    assert body.text == "第70/1号决议(A/RES)"
