"""YJS Insight: HMIP inspection outcomes and performance indicators for youth justice services."""

__version__ = "0.1.0"
