"""`make validate`: Rasa's data validation, failing on every warning that matters.

Rasa warns about each response that no story or rule utters, but many of ours are uttered
by custom actions (which pick the response for an order's status, say) and forms utter
`utter_ask_<slot>`. Those warnings are dropped only when the response name appears in the
actions' source or is a form question; any other warning, or a response used nowhere at
all, fails the check.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from guardrails.config import PROJECT_ROOT

UNUSED_RESPONSE = re.compile(r"The utterance '(utter_\w+)' is not used in any story or rule\.")
WARNING = re.compile(r"UserWarning: (.+)")


def responses_named_in_actions() -> set[str]:
    names: set[str] = set()
    for path in (PROJECT_ROOT / "actions").rglob("*.py"):
        names.update(re.findall(r"utter_\w+", path.read_text()))
    return names


def main() -> int:
    command = [
        sys.executable, "-m", "rasa", "data", "validate",
        "--config", "config.yml", "--domain", "bot/domain",
        "--data", "data/nlu", "data/rules", "data/stories",
    ]
    result = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True,
                            env=os.environ | {"RASA_TELEMETRY_ENABLED": "false"})
    output = result.stdout + result.stderr
    uttered_by_actions = responses_named_in_actions()
    problems = []
    for warning in WARNING.findall(output):
        unused = UNUSED_RESPONSE.search(warning)
        if unused and (unused.group(1) in uttered_by_actions or unused.group(1).startswith("utter_ask_")):
            continue  # uttered by a custom action, or by a form asking for its slot
        problems.append(warning.strip())
    if result.returncode != 0:
        problems.append(f"rasa data validate exited with {result.returncode}")
        problems += [line for line in output.splitlines() if "ERROR" in line]
    for problem in problems:
        print(f"validate: {problem}")
    print(f"validate: {'FAILED, ' + str(len(problems)) + ' problem(s)' if problems else 'training data, stories and domain are consistent'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
