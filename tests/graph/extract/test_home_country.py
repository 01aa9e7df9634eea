"""The one country an article names, and the government its ministers work for."""

from __future__ import annotations

import pytest

from graph.extract.home_country import countries, government_of, home_country
from tests.graph.extract.helpers import run


@pytest.mark.parametrize(
    "text, home",
    [
        ("It could cost £80m to run a UK referendum. Ministers said so.", "United Kingdom"),
        ("Adults in England lack skills, and the UK economy suffers.", "United Kingdom"),
        ("Kenya will buy vaccines. Officials in Nairobi said so.", "Kenya"),
        ("The Brazilian economy grew by 3% last year.", "Brazil"),
        ("Germany and France signed the deal.", None),  # two countries
        ("Adults in England lack basic skills.", None),  # a part names no country
        ("The minister met Chinese officials.", None),  # the other side, not home
        ("The minister flew to India on Monday.", None),  # a destination
        ("Japan's exports rose, traders in Paris said.", None),  # a city elsewhere
        ("Scotland and the UK disagree.", None),  # a part with its own government
        ("The minister said the plan was ready.", None),  # no country at all
    ],
)
def test_home_country(text: str, home: str | None) -> None:
    ctx, _ = run(text)
    found = home_country(ctx)
    assert (found.name if found is not None else None) == home


def test_no_country_named_is_not_an_ambiguous_article() -> None:
    ctx, _ = run("The minister said the plan was ready.")
    assert not countries(ctx).names
    ctx, _ = run("Germany and France signed the deal.")
    assert countries(ctx).names == {"Germany", "France"}


@pytest.mark.parametrize(
    "text, country, government",
    [
        (
            "The British government said it would act. The UK will pay.",
            "United Kingdom",
            "British government",
        ),
        (
            "India raised the limit. The government said the government of India would pay.",
            "India",
            "government of India",
        ),
        ("Kenya will pay. The government said the government would act.", "Kenya", "government"),
        ("The government said the government would act.", None, "government"),
        ("The government said it would act.", None, None),  # one mention: anyone's
        ("Kenya and Uganda agree. The government said the government would act.", "Kenya", None),
        ("Local government said the local government would act.", None, None),
    ],
)
def test_government_of(text: str, country: str | None, government: str | None) -> None:
    """``government``: the words the government mention found starts with."""
    ctx, _ = run(text)
    wanted = next(m for m in ctx.mentions if m.name == country) if country else None
    found = government_of(ctx, wanted)
    if government is None:
        assert found is None
    else:
        assert found is not None and ctx.text[found.start :].startswith(government)
