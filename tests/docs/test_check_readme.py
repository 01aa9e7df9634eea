"""The README checker: which commands it finds and how it compares (docs/check_readme.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("check_readme", ROOT / "docs" / "check_readme.py")
check_readme = importlib.util.module_from_spec(spec)
sys.modules["check_readme"] = check_readme
spec.loader.exec_module(check_readme)

README = """# tool

```text
$ echo one
one
$ printf 'a\\nb\\n' | grep -c '
'
2
```

<!-- readme: not run (timings) -->
```text
$ sleep 100
done
```

```sparql
$ not a shell block
```
"""


def test_commands_are_found_with_their_output_and_multi_line_quotes() -> None:
    found, skipped = check_readme.commands(README.splitlines())
    assert [c.text for c in found] == ["echo one", "printf 'a\\nb\\n' | grep -c '\n'"]
    assert [c.shown for c in found] == [["one"], ["2"]]
    assert [c.line for c in found] == [4, 6]
    assert skipped == [(12, "timings")]  # the line of the block's fence


def test_output_matches_with_elisions_and_durations() -> None:
    assert check_readme.matches(["a", "...", "z"], ["a", "b", "c", "z"])
    assert check_readme.matches(["a", "...", "z"], ["a", "z"])
    assert not check_readme.matches(["a", "...", "z"], ["a", "b"])
    assert check_readme.matches(["eval: 24 articles, 8.6 s"], ["eval: 24 articles, 12.1 s"])
    assert not check_readme.matches(["eval: 24 articles"], ["eval: 25 articles"])
    assert not check_readme.matches(["one"], ["one", "two"])


def test_a_stale_output_is_reported_and_rewritten(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("```text\n$ echo fresh\nstale\n```\n", "utf-8")
    assert check_readme.main(["--readme", str(readme)]) == 1
    assert check_readme.main(["--readme", str(readme), "--write"]) == 0
    assert readme.read_text("utf-8") == "```text\n$ echo fresh\nfresh\n```\n"
    assert check_readme.main(["--readme", str(readme)]) == 0


def test_a_query_shown_must_be_the_file_the_command_reads(tmp_path: Path) -> None:
    query = ROOT / "examples" / "queries" / "offices.rq"
    readme = tmp_path / "README.md"
    readme.write_text(
        "```sparql\nSELECT * WHERE { ?s ?p ?o }\n```\n\n"
        f"```text\n$ echo @{query.relative_to(ROOT)}"
        f"\n@{query.relative_to(ROOT)}\n```\n",
        "utf-8",
    )
    assert check_readme.main(["--readme", str(readme)]) == 1
    assert check_readme.main(["--readme", str(readme), "--write"]) == 0
    assert query.read_text("utf-8").strip() in readme.read_text("utf-8")
    assert check_readme.main(["--readme", str(readme)]) == 0
