"""Writing a file atomically: a temporary file in the same folder, flushed, then renamed."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import tempfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def write_atomic(target: Path, text: str) -> None:
    """Write text to a file atomically: temporary file, flush, fsync, rename.

    If anything fails on the way, an existing file is left as it was and the temporary file
    is removed. The file gets the permissions any new file gets (`0o666` less the umask,
    e.g. `-rw-r--r--`), not the `-rw-------` of `tempfile.mkstemp`.
    """
    handle, temp_name = new_temp_file(target)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise


def new_temp_file(target: Path) -> tuple[int, str]:
    """Create an empty temporary file beside `target`; return its descriptor and name.

    Unlike `tempfile.mkstemp`, which makes the file `0o600`, the file is created with mode
    `0o666` as `open()` creates files, so the system applies the umask (or a folder's default
    ACL) itself. The umask is never read: `os.umask` can only be read by setting it, for the
    whole process, which would race with files other threads create meanwhile.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)  # as mkstemp
    for _ in range(tempfile.TMP_MAX):
        name = os.path.join(target.parent, f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary file name", str(target))
