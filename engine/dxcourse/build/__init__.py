"""The engine's build steps, one module per concern; ``dxcourse.plugin`` runs them in order."""

from __future__ import annotations

from pathlib import Path


def course_root(config) -> Path:
    """The course's folder: where its mkdocs.yml is (data/, dist/ and the register live there)."""
    return Path(config.config_file_path).resolve().parent
