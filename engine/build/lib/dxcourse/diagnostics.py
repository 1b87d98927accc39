"""Source-located errors, collected so that one build reports all of them at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.exceptions import BuildError


@dataclass(frozen=True, order=True)
class SourceError:
    """One mistake in a source file, printed as ``path:line: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class SourceErrors(BuildError):
    """Every error found in one pass; MkDocs prints the message and aborts the build."""

    def __init__(self, errors: list[SourceError]) -> None:
        self.errors = sorted(set(errors))
        count = len(self.errors)
        lines = "\n".join(str(e) for e in self.errors)
        super().__init__(f"サイトの元のファイルに {count} 件の誤りがあります(すべて直してから、もう一度ビルドしてください):\n{lines}")


@dataclass
class ErrorLog:
    """Errors found while pages render; raised together before anything is written."""

    errors: list[SourceError] = field(default_factory=list)

    def add(self, path: str, line: int, message: str) -> None:
        self.errors.append(SourceError(path, line, message))

    def raise_if_any(self) -> None:
        if self.errors:
            errors, self.errors = self.errors, []
            raise SourceErrors(errors)


# One log per build process: pages add to it, the build hook raises it in on_env.
page_errors = ErrorLog()
