"""Safe file output: every file is written to a temporary file in the same
folder and renamed into place, so a failed run never leaves a partial or
clobbered output."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .errors import ReportError

__all__ = ["atomic_write_bytes", "atomic_write_text", "NoAliasSafeLoader", "safe_load_yaml"]


class NoAliasSafeLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that also refuses aliases (``*name``).

    Safe loading never runs code, but aliases let a few hundred bytes expand
    into billions of values ("billion laughs"); framing's YAML files
    (manifests, actors, outlets) never need them. An alias raises
    ``yaml.YAMLError`` with its position, reported as invalid YAML.
    """

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D102 - see class docstring
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"alias *{event.anchor} is not allowed (write the value out)", event.start_mark
            )
        return super().compose_node(parent, index)


class _NoDatesLoader(NoAliasSafeLoader):
    """:class:`NoAliasSafeLoader` that leaves dates as strings, so a bad date is reported with its field."""


_NoDatesLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def safe_load_yaml(text: str, *, dates: bool = True) -> Any:
    """Parse YAML text safely: no tags that run code, no aliases (:class:`NoAliasSafeLoader`).

    Parameters
    ----------
    text : str
    dates : bool, default True
        Turn ISO dates into :class:`datetime.date`; with False they stay strings (the corpus loader
        parses them itself, to name the field of a bad date).

    Examples
    --------
    >>> safe_load_yaml("date: 2019-07-12")
    {'date': datetime.date(2019, 7, 12)}
    >>> safe_load_yaml("date: 2019-07-12", dates=False)
    {'date': '2019-07-12'}
    """
    return yaml.load(text, Loader=NoAliasSafeLoader if dates else _NoDatesLoader)  # noqa: S506 - SafeLoader subclasses


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (temp file + rename).

    Raises
    ------
    ReportError
        When the folder does not exist or is not writable; nothing is changed then.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"{path}: the folder {folder} does not exist. Create it first or choose another output path.")
    if path.is_dir():
        raise ReportError(f"{path}: is a directory. Give a file name for the output.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ReportError(f"{path}: cannot write in {folder} ({exc.strerror or exc}). Choose a writable folder.") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _file_mode(path))
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise ReportError(f"{path}: cannot write the file ({exc.strerror or exc}). Nothing was changed.") from None
        raise
    return path


def _file_mode(path: Path) -> int:
    """Mode for the new file: the existing file's mode, else 0o666 less the umask (like open())."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write UTF-8 text atomically (see :func:`atomic_write_bytes`)."""
    return atomic_write_bytes(path, text.encode("utf-8"))
