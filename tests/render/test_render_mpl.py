"""PNG and PDF through matplotlib: real images, no dates, same bytes each time."""

from __future__ import annotations

import io

import numpy as np

import gevinst as gv
from gevinst.layout.geometry import layout
from gevinst.render import render_bytes
from tests.mapplans import hostile_plan, small_evaluation, small_plan


def _image(data: bytes) -> np.ndarray:
    import matplotlib.image

    return matplotlib.image.imread(io.BytesIO(data), format="png")


def test_png_is_an_image_of_the_layout_size() -> None:
    plan = small_plan()
    lay = layout(plan)
    image = _image(render_bytes(plan, "png"))
    height, width = image.shape[:2]
    # 200 dpi: a layout point is 200/72 pixels
    assert abs(width - lay.width * 200 / 72) <= 2
    assert abs(height - lay.height * 200 / 72) <= 2
    # the measure fill (#77AADD) is there: the map is drawn, not blank
    rgb = (image[..., :3] * 255).round().astype(int)
    assert ((rgb == (0x77, 0xAA, 0xDD)).all(axis=-1)).sum() > 1000


def test_png_and_pdf_are_deterministic_and_undated() -> None:
    for fmt in ("png", "pdf"):
        first = render_bytes(small_plan(), fmt, evaluation=small_evaluation())
        assert first == render_bytes(small_plan(), fmt, evaluation=small_evaluation())
    pdf = render_bytes(small_plan(), "pdf")
    assert pdf.startswith(b"%PDF") and b"CreationDate" not in pdf and b"matplotlib" not in pdf
    png = render_bytes(small_plan(), "png")
    assert b"matplotlib" not in png


def test_hostile_names_render(bergen: gv.Plan) -> None:
    # `$x$` must not turn into mathematics, missing glyphs must not fail the render
    image = _image(render_bytes(hostile_plan(), "png", assumptions=True))
    assert image.shape[0] > 100
    assert render_bytes(hostile_plan(), "pdf").startswith(b"%PDF")


def test_large_maps_stay_within_pixel_limits() -> None:
    from tests.mapplans import large_plan

    image = _image(render_bytes(large_plan(300), "png"))
    assert max(image.shape[:2]) <= 14_000


def test_pdf_of_a_very_large_map_is_a3_pages() -> None:
    import re

    from tests.mapplans import large_plan

    plan = large_plan(900)
    lay = layout(plan)
    assert lay.height > 14_400  # the map itself is taller than a PDF page may be
    pdf = render_bytes(plan, "pdf")
    boxes = re.findall(rb"/MediaBox \[\s*([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(boxes) > 1  # printed as pages (gevinst.layout.pages), not one sheet
    assert {(float(b[2]), float(b[3])) for b in boxes} == {(1190.55, 841.89)}  # A3 landscape
