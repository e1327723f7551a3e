"""Briefings (Markdown, self-contained HTML) and charts built from a track."""
