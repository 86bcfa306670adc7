"""How far a chart's data label reaches, in its value axis' units: the axis' range as the
spreadsheet program picks it, shared by 'Tổng hợp''s hamlet chart and 'Xu hướng''s trend."""

from __future__ import annotations

import math

# The axis runs from its set minimum to a maximum the program picks: the highest value and a
# twentieth of the range over it, rounded up to a major unit of at most eight steps
# (LibreOffice: 5 to 12 by 1 for 6.12 to 10.75; 4 to 8 by 0.5 for 5.89 to 7.78).
AXIS_STEPS = (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50)


def axis_span(low: float, high: float) -> float:
    """The range of a value axis from ``low`` whose maximum the program picks for values up
    to ``high``."""
    reach = high + (high - low) / 20 - low
    step = next((s for s in AXIS_STEPS if reach / s <= 8), AXIS_STEPS[-1])
    return math.ceil(round(reach / step, 9)) * step


def label_span(label_px: float, plot_px: float, low: float, high: float) -> float:
    """A data label ``label_px`` pixels tall in the axis' units, on a plot area ``plot_px``
    pixels high whose axis runs from ``low`` for values up to ``high``."""
    return label_px / max(plot_px, 1) * axis_span(low, high)
