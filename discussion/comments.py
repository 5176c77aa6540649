"""Recording a comment on a draft: checked first, then written atomically, formatting kept.

The draft file is edited with ``tomlkit`` (its comments and layout survive), the new text is
read back as a draft before it replaces the old one, and the replacement is a temporary file
in the same folder moved over it with ``os.replace``: a reader sees the old file or the new one,
never half of one. A lock on the drafts folder keeps two writers from losing each other's comment.

    >>> parse_received("2025-03-20T18:59:00Z").isoformat()
    '2025-03-20T18:59:00+00:00'
    >>> parse_received("2025-03-20 23:59")
    Traceback (most recent call last):
    ...
    discussion.errors.DiscussionError: --received 2025-03-20 23:59 needs a time zone offset, e.g. 2025-03-20T23:59:00+05:00
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import tomlkit
from tomlkit.exceptions import TOMLKitError

from akn_schema.files import atomic_write
from discussion.deadline import ASTANA, astana_date
from discussion.drafts import Comment, Draft, _source, comment_from, corpus_works, parse_draft
from discussion.errors import DiscussionError, DraftError
from discussion.working_days import load_calendar


def parse_received(value: str) -> datetime:
    """An ISO datetime with its offset (``Z`` allowed): when a comment was received."""
    try:
        received = datetime.fromisoformat(value.strip())
    except ValueError:
        raise DiscussionError(f"--received {value!r} is not an ISO datetime such as "
                              f"2025-03-20T23:59:00+05:00") from None
    if received.tzinfo is None:
        raise DiscussionError(f"--received {value} needs a time zone offset, "
                              f"e.g. {received.isoformat(timespec='seconds')}+05:00")
    try:
        received.astimezone(UTC).astimezone(ASTANA)
    except (OverflowError, ValueError):
        raise DiscussionError(f"--received {value} is outside the dates zanlex can count "
                              f"(0001-01-02 … 9999-12-30)") from None
    return received


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _comment_table(received: datetime, author_kind: str, text: str, decision: str | None,
                   justification: str | None) -> tomlkit.items.Table:
    table = tomlkit.table()
    table.add("received", received)
    table.add("author_kind", author_kind)
    table.add("text", tomlkit.string(text, multiline="\n" in text))
    if decision is not None:
        table.add("decision", decision)
    if justification is not None:
        table.add("justification", tomlkit.string(justification, multiline="\n" in justification))
    return table


def add_comment(path: Path, corpus_dir: Path, *, received: datetime, author_kind: str, text: str,
                decision: str | None = None, justification: str | None = None) -> tuple[Draft, Comment]:
    """Append a comment to the draft at ``path``; returns the draft as re-read, and the new comment.

    Refuses (``DraftError``) a malformed comment, a receipt before the posting date, and a draft
    file that is already broken; the file is then left exactly as it was.
    """
    path = Path(path)
    text = (text or "").strip()
    justification = justification.strip() if justification else None
    fields = {"received": received, "author_kind": author_kind, "text": text,
              "decision": decision, "justification": justification}
    calendar, works = load_calendar(corpus_dir), corpus_works(corpus_dir)
    with _folder_lock(path.parent):
        source = _source(path)
        before = parse_draft(source, path, calendar, works)
        comment_from({k: v for k, v in fields.items() if v is not None}, len(before.comments) + 1, path)
        if astana_date(received) < before.window.posted:
            raise DraftError(path, f"the comment is dated {astana_date(received)}, before the draft was "
                                   f"posted on {before.window.posted}")
        try:
            doc = tomlkit.parse(source)
        except TOMLKitError as err:
            raise DraftError(path, f"not valid TOML: {err}") from None
        table = _comment_table(received, author_kind, text, decision, justification)
        comments = doc.get("comments")
        if isinstance(comments, tomlkit.items.AoT) and len(comments):
            if not comments[-1].as_string().endswith("\n\n"):
                comments[-1].add(tomlkit.nl())  # a blank line between comments
            if list(doc.keys())[-1] != "comments":
                table.add(tomlkit.nl())  # and before the table that follows
            comments.append(table)
        elif isinstance(comments, tomlkit.items.Array) and len(comments):
            # `comments = [{ … }, …]` written inline: the new comment is added the same way
            inline = tomlkit.inline_table()
            inline.update({k: v for k, v in table.items()})
            comments.append(inline)
        elif comments is not None:        # `comments = []`: replaced by the first [[comments]] table
            del doc["comments"]
            aot = tomlkit.aot()
            aot.append(table)
            doc.append("comments", aot)
        else:
            aot = tomlkit.aot()
            aot.append(table)
            doc.append("comments", aot)
        new_source = tomlkit.dumps(doc)
        after = parse_draft(new_source, path, calendar, works)
        added = after.comments[-1] if after.comments else None
        if (len(after.comments) != len(before.comments) + 1 or added.received != received
                or added.text != text or after.comments[:-1] != before.comments):
            raise DraftError(path, "the comment could not be added without changing the other entries; "
                                   "the file is unchanged")
        atomic_write(path, new_source.encode("utf-8"), make_parents=False)
    return after, added
