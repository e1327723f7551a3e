"""Command module: filled in by its stage (see DEVELOPMENT.md)."""
