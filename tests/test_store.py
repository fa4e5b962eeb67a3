from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

import pytest

from newsfuse.model import Article, InputError, Removal, Story
from newsfuse.store import SCHEMA_VERSION, Store, StoreError


def make_article(i: int, **kw) -> Article:
    return Article(
        id=f"a{i}",
        source=f"file{i}.txt",
        text=f"Text number {i}.",
        title=f"Title {i}",
        published=datetime(2026, 1, i, tzinfo=timezone.utc),
        removed=(Removal("Download App", "app banner"),),
        wire_credits=("AFP",),
        content_hash=f"h{i}",
        **kw,
    )


def test_articles_round_trip_and_idempotent(tmp_path):
    store = Store(tmp_path / "n.db")
    assert store.add_article(make_article(1)) is True
    assert store.add_article(make_article(1)) is False  # re-ingest adds nothing
    store.add_article(make_article(2))
    assert store.count_articles() == 2
    back = store.article("a1")
    assert back == make_article(1)
    assert [a.id for a in store.articles(since=datetime(2026, 1, 2, tzinfo=timezone.utc))] == ["a2"]
    store.close()
    # persisted, WAL mode
    again = Store(tmp_path / "n.db")
    assert again.count_articles() == 2
    assert again.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_atomic_rolls_back(tmp_path):
    store = Store(tmp_path / "n.db")
    with pytest.raises(RuntimeError):
        with store.atomic():
            store.add_article(make_article(1))
            raise RuntimeError("boom")
    assert store.count_articles() == 0


def test_stories_replace_absorbed(tmp_path):
    store = Store(tmp_path / "n.db")
    for i in (1, 2, 3):
        store.add_article(make_article(i))
    store.save_story(Story("s1", "one", ("a1",)))
    store.save_story(Story("s2", "two", ("a2",)))
    merged = Story("s3", "merged", ("a1", "a2", "a3"), datetime(2026, 1, 1, tzinfo=timezone.utc))
    store.save_story(merged, {"claims": []})
    stories = store.stories()
    assert [s.id for s in stories] == ["s3"]
    assert stories[0].articles == ("a1", "a2", "a3")
    assert store.story_result("s3") == {"claims": []}


def test_errors_kept(tmp_path):
    store = Store(tmp_path / "n.db")
    store.add_error(InputError("x.bin", "binary"))
    store.add_error(InputError("x.bin", "binary"))
    assert store.errors() == [InputError("x.bin", "binary")]


def test_newer_schema_refused(tmp_path):
    path = tmp_path / "n.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_not_a_database(tmp_path):
    path = tmp_path / "n.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(path)
