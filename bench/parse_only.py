"""The floor a build is measured against: bare spaCy ``nlp.pipe`` over the same texts, in a
process that does nothing else (no newsgraph import, no extraction, the docs dropped).

Usage: python -m bench.parse_only TEXTS.json MODEL BATCH_SIZE
"""

from __future__ import annotations

import json
import sys


def main(argv: list[str]) -> int:
    texts_file, model, batch_size = argv
    with open(texts_file, encoding="utf-8") as handle:
        texts = json.load(handle)
    import spacy

    nlp = spacy.load(model)
    parsed = sum(1 for _ in nlp.pipe(texts, batch_size=int(batch_size), n_process=1))
    print(f"parsed: {parsed}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
