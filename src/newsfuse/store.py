"""SQLite store: articles, stories and per-story results, with numbered migrations.

One file, WAL mode so readers (the web app, `newsfuse stories`) never block the writer.
The caller owns transactions: every write method takes effect inside ``with store.atomic():``
(or commits on its own when called outside one).  Schema changes are numbered migrations
tracked in ``PRAGMA user_version``; a database from a newer newsfuse is refused rather than
silently misread.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Sequence

from .model import Article, InputError, Removal, Story

# Each entry upgrades the schema by one version; never edit a released entry, append one.
MIGRATIONS: tuple[str, ...] = (
    # 1: articles, stories, membership, errors, runs
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        source TEXT NOT NULL,
        outlet TEXT,
        title TEXT,
        url TEXT,
        published TEXT,
        language TEXT,
        data TEXT NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        start TEXT,
        end TEXT,
        updated_at TEXT NOT NULL,
        result TEXT
    );
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id),
        PRIMARY KEY (story_id, article_id)
    );
    CREATE INDEX story_articles_article ON story_articles(article_id);
    CREATE TABLE errors (
        input TEXT NOT NULL,
        reason TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (input, reason)
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL,
        settings TEXT NOT NULL,
        summary TEXT
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def article_to_dict(article: Article) -> dict[str, Any]:
    data = asdict(article)
    data["published"] = article.published.isoformat() if article.published else None
    data["removed"] = [asdict(r) for r in article.removed]
    data["wire_credits"] = list(article.wire_credits)
    return data


def article_from_dict(data: dict[str, Any]) -> Article:
    fields = dict(data)
    published = fields.get("published")
    fields["published"] = datetime.fromisoformat(published) if published else None
    fields["removed"] = tuple(Removal(**r) for r in fields.get("removed") or ())
    fields["wire_credits"] = tuple(fields.get("wire_credits") or ())
    return Article(**fields)


class StoreError(RuntimeError):
    pass


class Store:
    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.row_factory = sqlite3.Row
        self._depth = 0
        self.migrate()

    # ------------------------------------------------------------------ schema
    def migrate(self) -> int:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"database {self.path} has schema version {version}, newer than this newsfuse "
                f"understands ({SCHEMA_VERSION}); upgrade newsfuse or use another --db"
            )
        for number in range(version, SCHEMA_VERSION):
            with self.atomic():
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")
        return SCHEMA_VERSION

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction; nested calls join the outer one."""
        if self._depth == 0:
            self.conn.execute("BEGIN IMMEDIATE")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ articles
    def add_article(self, article: Article) -> bool:
        """Insert ``article``; returns False when its id is already stored (re-ingest adds nothing)."""
        with self.atomic():
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO articles (id, content_hash, source, outlet, title, url, "
                "published, language, data, added_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    article.id,
                    article.content_hash,
                    article.source,
                    article.outlet,
                    article.title,
                    article.url,
                    article.published.isoformat() if article.published else None,
                    article.language,
                    json.dumps(article_to_dict(article), ensure_ascii=False),
                    _now(),
                ),
            )
            return cur.rowcount == 1

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return article_from_dict(json.loads(row["data"])) if row else None

    def articles(self, ids: Sequence[str] | None = None, since: datetime | None = None) -> list[Article]:
        sql, args = "SELECT data FROM articles", []
        clauses = []
        if ids is not None:
            clauses.append(f"id IN ({','.join('?' * len(ids))})")
            args.extend(ids)
        if since is not None:
            clauses.append("published >= ?")
            args.append(since.isoformat())
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY published, id"
        return [article_from_dict(json.loads(r["data"])) for r in self.conn.execute(sql, args)]

    def count_articles(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    # ------------------------------------------------------------------ errors and runs
    def add_error(self, error: InputError) -> None:
        with self.atomic():
            self.conn.execute(
                "INSERT OR REPLACE INTO errors (input, reason, seen_at) VALUES (?,?,?)",
                (error.input, error.reason, _now()),
            )

    def errors(self) -> list[InputError]:
        rows = self.conn.execute("SELECT input, reason FROM errors ORDER BY input")
        return [InputError(r["input"], r["reason"]) for r in rows]

    def add_run(self, settings: dict[str, Any], summary: dict[str, Any]) -> int:
        with self.atomic():
            cur = self.conn.execute(
                "INSERT INTO runs (started_at, settings, summary) VALUES (?,?,?)",
                (_now(), json.dumps(settings), json.dumps(summary)),
            )
            return int(cur.lastrowid)

    # ------------------------------------------------------------------ stories
    def save_story(self, story: Story, result: dict[str, Any] | None = None) -> None:
        """Store a story, its members and (optionally) its JSON result, replacing older state.

        A story that absorbed others (its members now belong to it) removes their old rows.
        """
        with self.atomic():
            if story.articles:
                marks = ",".join("?" * len(story.articles))
                stale = [
                    r[0]
                    for r in self.conn.execute(
                        f"SELECT DISTINCT story_id FROM story_articles WHERE article_id IN ({marks})"
                        " AND story_id != ?",
                        (*story.articles, story.id),
                    )
                ]
                for old in stale:
                    self.conn.execute("DELETE FROM story_articles WHERE story_id = ?", (old,))
                    self.conn.execute("DELETE FROM stories WHERE id = ?", (old,))
            self.conn.execute(
                "INSERT OR REPLACE INTO stories (id, label, start, end, updated_at, result) "
                "VALUES (?,?,?,?,?,?)",
                (
                    story.id,
                    story.label,
                    story.start.isoformat() if story.start else None,
                    story.end.isoformat() if story.end else None,
                    _now(),
                    json.dumps(result, ensure_ascii=False) if result is not None else None,
                ),
            )
            self.conn.execute("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
            self.conn.executemany(
                "INSERT INTO story_articles (story_id, article_id) VALUES (?,?)",
                [(story.id, a) for a in story.articles],
            )

    def stories(self, since: datetime | None = None) -> list[Story]:
        sql, args = "SELECT id, label, start, end FROM stories", []
        if since is not None:
            sql += " WHERE COALESCE(end, start) >= ?"
            args.append(since.isoformat())
        sql += " ORDER BY start DESC, id"
        out = []
        for row in self.conn.execute(sql, args).fetchall():
            members = tuple(
                r[0]
                for r in self.conn.execute(
                    "SELECT sa.article_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
                    " WHERE sa.story_id = ? ORDER BY a.published, a.id",
                    (row["id"],),
                )
            )
            out.append(
                Story(
                    id=row["id"],
                    label=row["label"],
                    articles=members,
                    start=datetime.fromisoformat(row["start"]) if row["start"] else None,
                    end=datetime.fromisoformat(row["end"]) if row["end"] else None,
                )
            )
        return out

    def story_result(self, story_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT result FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None or row["result"] is None:
            return None
        return json.loads(row["result"])
