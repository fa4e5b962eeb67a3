"""The orchestrator: inputs → articles → stories → links, claims, brief.

This is the only module that knows the order of the stages.  It prints nothing: callers
pass a ``progress(stage, done, total)`` callback (the CLI draws bars with it).  A bad input
item, or a stage failing on one story, becomes an :class:`InputError` in the result and the
run goes on with the rest.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

from . import __version__
from .clean import clean
from .embed import DEFAULT_MODEL, Embedder, load_embedder
from .ingest import read_inputs
from .model import (
    Article,
    Brief,
    InputError,
    RunResult,
    Sentence,
    StoryResult,
    Value,
)
from .segment import split_sentences

ProgressFn = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class Settings:
    """Everything that changes results; stored with every run so results can be reproduced."""

    model: str | None = DEFAULT_MODEL  # sentence-embedding model; None → lexical only
    window_days: float = 7.0  # stories only join articles published this close together
    max_bytes: int = 20_000_000  # larger inputs are refused (named in errors[])
    timeout: float = 15.0  # seconds per URL fetch
    grouping: str = "both"  # how figures keyed apart are joined: claims.JOINS (claims is imported lazily)

    def as_pairs(self) -> tuple[tuple[str, str], ...]:
        pairs = {k: ("none" if v is None else str(v)) for k, v in asdict(self).items()}
        pairs["newsfuse"] = __version__
        return tuple(sorted(pairs.items()))


def _noop(stage: str, done: int, total: int | None) -> None:
    return None


def ingest(
    inputs: Sequence[str | os.PathLike[str]], settings: Settings, progress: ProgressFn = _noop
) -> tuple[list[Article], list[InputError]]:
    """Read and clean every input; one error per bad item, duplicates of an id kept once."""
    articles: dict[str, Article] = {}
    errors: list[InputError] = []
    done = 0
    for item in read_inputs(inputs, max_bytes=settings.max_bytes, timeout=settings.timeout):
        done += 1
        progress("read", done, None)
        if isinstance(item, InputError):
            errors.append(item)
            continue
        try:
            article = clean(item)
        except ValueError as exc:
            errors.append(InputError(item.source, str(exc)))
            continue
        except Exception as exc:  # a cleaning bug must not cost the user the other articles
            errors.append(InputError(item.source, f"cleaning failed unexpectedly: {exc!r}"))
            continue
        articles.setdefault(article.id, article)
    return list(articles.values()), errors


def analyse(
    articles: Sequence[Article],
    settings: Settings,
    *,
    embedder: Embedder | None = None,
    progress: ProgressFn = _noop,
) -> tuple[dict[str, tuple[Sentence, ...]], list[Value], list[StoryResult], list[InputError]]:
    """Everything after ingest, on articles from anywhere (the store, memory, a Dask partition)."""
    from . import brief as brief_stage
    from . import claims as claims_stage
    from . import reuse, stories, values

    errors: list[InputError] = []
    sentences = {a.id: split_sentences(a) for a in articles}
    progress("segment", len(articles), len(articles))

    all_values: list[Value] = []
    for i, article in enumerate(articles, 1):
        try:
            for sentence in sentences[article.id]:
                all_values.extend(values.extract_values(article, sentence))
        except Exception as exc:
            errors.append(InputError(article.source, f"value extraction failed: {exc!r}"))
        progress("values", i, len(articles))

    found = stories.cluster_stories(
        articles, sentences, embedder=embedder, window_days=settings.window_days
    )
    progress("stories", len(found), len(found))

    by_id = {a.id: a for a in articles}
    values_by_article: dict[str, list[Value]] = {}
    for v in all_values:
        values_by_article.setdefault(v.article_id, []).append(v)

    results: list[StoryResult] = []
    for i, story in enumerate(found, 1):
        members = [by_id[a] for a in story.articles]
        member_sentences = {a.id: sentences[a.id] for a in members}
        member_values = [v for a in members for v in values_by_article.get(a.id, ())]
        try:
            links, groups = reuse.link_story(members, member_sentences, embedder=embedder)
            claims = claims_stage.build_claims(
                story, members, member_sentences, member_values, links, groups, embedder=embedder,
                joins=settings.grouping,
            )
            unconfirmed = claims_stage.unconfirmed_counts(claims, members, groups)
            story_brief = brief_stage.write_brief(story, members, member_sentences, claims, groups)
        except Exception as exc:
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            errors.append(InputError(f"story {story.id}", f"analysis failed: {detail}"))
            results.append(StoryResult(story, (), (), (), Brief((), (), ())))
        else:
            results.append(
                StoryResult(story, tuple(links), tuple(groups), tuple(claims), story_brief, unconfirmed)
            )
        progress("claims", i, len(found))
    return sentences, all_values, results, errors


def run(
    inputs: Sequence[str | os.PathLike[str]],
    settings: Settings = Settings(),
    *,
    store=None,
    embedder: Embedder | None | str = "load",
    progress: ProgressFn = _noop,
) -> RunResult:
    """Ingest ``inputs``, store them, and analyse the articles they hold.

    ``store`` (a :class:`newsfuse.store.Store`) receives the articles, stories and errors;
    re-running on the same inputs adds nothing twice.  ``embedder="load"`` loads
    ``settings.model``; pass an embedder or ``None`` to choose yourself.
    """
    articles, errors = ingest(inputs, settings, progress)
    if store is not None:
        with store.atomic():
            for article in articles:
                store.add_article(article)
            for error in errors:
                store.add_error(error)
    if embedder == "load":
        embedder = load_embedder(settings.model) if articles else None
    articles = sorted(articles, key=_publication_order)
    sentences, all_values, results, analysis_errors = analyse(
        articles, settings, embedder=embedder, progress=progress  # type: ignore[arg-type]
    )
    errors.extend(analysis_errors)
    result = RunResult(
        articles=tuple(articles),
        sentences=tuple(s for a in articles for s in sentences[a.id]),
        values=tuple(all_values),
        stories=tuple(results),
        errors=tuple(errors),
        settings=settings.as_pairs() + (("embedder", getattr(embedder, "name", "none")),),
    )
    if store is not None:
        from .report import story_to_json

        with store.atomic():
            for story_result in results:
                store.save_story(story_result.story, story_to_json(result, story_result))
            for error in analysis_errors:
                store.add_error(error)
            store.add_run(dict(result.settings), summarize(result))
    return result


def _publication_order(article: Article) -> tuple:
    published = article.published.timestamp() if article.published else float("inf")
    return (published, article.id)


def summarize(result: RunResult) -> dict[str, int]:
    statuses: dict[str, int] = {}
    for story in result.stories:
        for claim in story.claims:
            statuses[claim.status] = statuses.get(claim.status, 0) + 1
    return {
        "articles": len(result.articles),
        "stories": len(result.stories),
        "errors": len(result.errors),
        **{f"claims_{k}": v for k, v in sorted(statuses.items())},
    }
