"""The estimates chart: written as SVG or PNG, labelled, and the same bytes on every run."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from rollbook.analysis.estimate_plot import draw_estimates
from rollbook.analysis.estimates import Estimates
from rollbook.analysis.mse import Estimate

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def found(observed: int, total: float) -> Estimate:
    """A defensible estimate of three lists with an interval around `total`."""
    return Estimate(3, observed, total - observed, total, total * 0.9, total * 1.2,
                    "independence", (), True)  # fmt: skip


def refused(observed: int) -> Estimate:
    """An estimate refused, its figures nan, as `mse` gives them."""
    nan = math.nan
    return Estimate(3, observed, nan, nan, nan, nan, "none", ("too sparse",), False)


def estimates(*, summed: bool) -> Estimates:
    strata = {"north": found(420, 610.0), "south": found(180, 300.0), "east": refused(35)}
    return Estimates(
        lists=("ministry", "ngo", "press"),
        by=("region",),
        pooled=found(635, 960.0),
        strata=strata,
        summed=refused(635) if summed else None,
    )


def svg_text(path: Path) -> str:
    """The text of every element of the SVG, which must parse as XML."""
    return " ".join(t for e in ET.parse(path).iter() for t in (e.text, e.tail) if t)


@pytest.mark.parametrize("summed", [True, False])
def test_svg_names_every_row(tmp_path: Path, summed: bool) -> None:
    path = tmp_path / "estimates.svg"
    draw_estimates(estimates(summed=summed), path, title="Estimated killed by region")
    text = svg_text(path)
    for label in ("north", "south", "east", "all (pooled)", "persons", "named"):
        assert label in text
    assert "Estimated killed by region" in text
    assert "estimate, 95 % interval" in text
    assert ("sum of strata" in text) is summed
    assert text.count("no estimate") == (2 if summed else 1)  # east, and the refused sum


def test_pooled_only(tmp_path: Path) -> None:
    path = tmp_path / "pooled.svg"
    pooled = Estimates(lists=("a", "b"), by=(), pooled=refused(12), strata={}, summed=None)
    draw_estimates(pooled, path, title="No breakdown")
    text = svg_text(path)
    assert "all (pooled)" in text
    assert "no estimate" in text


def test_png(tmp_path: Path) -> None:
    path = tmp_path / "estimates.PNG"
    draw_estimates(estimates(summed=True), path, title="PNG")
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 1000


def test_svg_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "one.svg", tmp_path / "two.svg"
    draw_estimates(estimates(summed=True), first, title="Same")
    draw_estimates(estimates(summed=True), second, title="Same")
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("name", ["estimates.pdf", "estimates", "estimates.svg.txt"])
def test_other_suffix_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with pytest.raises(ValueError, match=name.replace(".", r"\.")):
        draw_estimates(estimates(summed=False), path, title="Bad")
    assert not path.exists()


def test_settings_are_its_own_and_restored(tmp_path: Path) -> None:
    import matplotlib

    with matplotlib.rc_context({"svg.fonttype": "path", "axes.facecolor": "black"}):
        draw_estimates(estimates(summed=False), tmp_path / "styled.svg", title="Styled")
        assert matplotlib.rcParams["svg.fonttype"] == "path"
    draw_estimates(estimates(summed=False), tmp_path / "plain.svg", title="Styled")
    assert (tmp_path / "styled.svg").read_bytes() == (tmp_path / "plain.svg").read_bytes()
