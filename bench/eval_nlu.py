"""Intent accuracy and macro-F1 of the trained model on the held-out test set.

The test set (tests/nlu_test.yml) was written separately from the training data.
Run with `make eval`. Prints a per-intent table and the confusions, writes bench/out/nlu/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "nlu"
TARGET_MACRO_F1 = 0.92


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    print("Evaluating models/candor.tar.gz on tests/nlu_test.yml ...", flush=True)
    subprocess.run(
        [
            sys.executable, "-m", "bot.serve", "rasa", "test", "nlu",
            "--model", str(ROOT / "models" / "candor.tar.gz"),
            "--nlu", str(ROOT / "tests" / "nlu_test.yml"),
            "--out", str(OUT),
            "--no-plot",
        ],
        cwd=ROOT,
        env=os.environ | {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"},
        check=True,
        stdout=subprocess.DEVNULL,
    )
    report = json.loads((OUT / "intent_report.json").read_text())
    intents = sorted(name for name in report if isinstance(report[name], dict) and "support" in report[name]
                     and name not in ("macro avg", "weighted avg", "micro avg"))
    rows = [
        (name, report[name]["precision"], report[name]["recall"], report[name]["f1-score"], report[name]["support"])
        for name in intents
    ]
    print(table(["intent", "precision", "recall", "F1", "n"], rows))

    errors = json.loads((OUT / "intent_errors.json").read_text()) if (OUT / "intent_errors.json").exists() else []
    if errors:
        print("\nMisclassified test utterances:")
        print(table(["text", "expected", "predicted", "confidence"], [
            (error["text"][:60], error["intent"], error["intent_prediction"]["name"],
             error["intent_prediction"]["confidence"]) for error in errors
        ]))

    accuracy = report["accuracy"]
    macro_f1 = report["macro avg"]["f1-score"]
    verdict = "meets" if macro_f1 >= TARGET_MACRO_F1 else "MISSES"
    print(f"\nintent accuracy {accuracy:.3f}   macro-F1 {macro_f1:.3f}   "
          f"({verdict} the target {TARGET_MACRO_F1}; {sum(r[4] for r in rows)} test utterances, {len(rows)} intents)")
    (OUT / "summary.json").write_text(json.dumps({"accuracy": accuracy, "macro_f1": macro_f1}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
