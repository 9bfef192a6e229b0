"""Compare NLU pipelines on the development sets, never on the held-out test set.

    .venv/bin/python bench/tune_nlu.py config.yml [other-config.yml ...] [--errors]

For each config: `rasa train nlu` on data/nlu from an empty Rasa cache (timed), then intent
accuracy and macro-F1 on bench/nlu_dev.yml (tuning set; `--errors` lists its mistakes) and
bench/nlu_dev_check.yml (check set: totals only, so it stays a fair check of what was tuned).
Scored like `rasa test nlu`: the top intent, with the FallbackClassifier's decision undone.
tests/nlu_test.yml is only for `make eval`, once a pipeline is chosen.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from common import table  # noqa: E402

DEV = ROOT / "bench" / "nlu_dev.yml"
CHECK = ROOT / "bench" / "nlu_dev_check.yml"
OUT = ROOT / "bench" / "out" / "tune"
QUIET = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}


def train(config: Path, data: list[str], workdir: Path) -> tuple[float, Path]:
    env = os.environ | QUIET | {"RASA_CACHE_DIRECTORY": str(workdir / "cache")}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "rasa", "train", "nlu", "--config", str(config), "--nlu", *data,
         "--out", str(workdir), "--fixed-model-name", "nlu"],
        cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started, workdir / "nlu.tar.gz"


async def predict(model: Path, files: list[Path]) -> dict[Path, list[tuple[str, str, str, float]]]:
    import logging

    from rasa.core.agent import Agent
    from rasa.nlu.classifiers import fallback_classifier
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    # Rasa logs every parse at debug level, check-set lines included: keep them unseen.
    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    agent = Agent.load(str(model))
    results = {}
    for path in files:
        rows = []
        for example in load_data(str(path)).intent_examples:
            parsed = await agent.parse_message(example.get("text"))
            if fallback_classifier.is_fallback_classifier_prediction(parsed):
                parsed = fallback_classifier.undo_fallback_prediction(parsed)
            intent = parsed.get("intent") or {}
            rows.append((example.get("text"), example.get("intent"), intent.get("name"), intent.get("confidence", 0.0)))
        results[path] = rows
    return results


def scores(rows: list[tuple[str, str, str, float]]) -> tuple[float, float]:
    from sklearn.metrics import accuracy_score, f1_score

    gold = [row[1] for row in rows]
    predicted = [row[2] or "None" for row in rows]
    return accuracy_score(gold, predicted), f1_score(gold, predicted, average="macro", zero_division=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("configs", nargs="*", type=Path, help="Rasa config files to compare")
    parser.add_argument("--model", type=Path, action="append", default=[],
                        help="also score an already trained model (e.g. models/candor.tar.gz)")
    parser.add_argument("--data", nargs="+", default=["data/nlu"], help="NLU training data (default: data/nlu)")
    parser.add_argument("--errors", action="store_true", help="list the tuning set's misclassified lines")
    args = parser.parse_args(argv)
    missing = [str(path) for path in [*args.configs, *args.model] if not path.is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    if not args.configs and not args.model:
        parser.error("name at least one config file or --model")

    OUT.mkdir(parents=True, exist_ok=True)
    rows, summary = [], []
    for config in [*args.configs, *args.model]:
        if config in args.model:
            print(f"{config}: scoring the trained model ...", flush=True)
            seconds, results = float("nan"), asyncio.run(predict(config, [DEV, CHECK]))
        else:
            print(f"{config}: training ...", flush=True)
            with tempfile.TemporaryDirectory(prefix="candor-tune-") as tmp:
                seconds, model = train(config, args.data, Path(tmp))
                results = asyncio.run(predict(model, [DEV, CHECK]))
        dev_acc, dev_f1 = scores(results[DEV])
        check_acc, check_f1 = scores(results[CHECK])
        rows.append((str(config), dev_acc, dev_f1, check_acc, check_f1, round(seconds, 1)))
        summary.append({"config": str(config), "dev_accuracy": dev_acc, "dev_macro_f1": dev_f1,
                        "check_accuracy": check_acc, "check_macro_f1": check_f1, "train_s": seconds})
        if args.errors:
            wrong = [row for row in results[DEV] if row[1] != row[2]]
            print(table(["text", "expected", "predicted", "confidence"],
                        [(text[:60], gold, got, conf) for text, gold, got, conf in wrong]))
        print(f"  dev macro-F1 {dev_f1:.3f}, check macro-F1 {check_f1:.3f}, trained in {seconds:.1f} s", flush=True)

    print()
    print(table(["config", "dev acc", "dev macro-F1", "check acc", "check macro-F1", "train s (nlu only)"], rows))
    (OUT / "summary.json").write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
