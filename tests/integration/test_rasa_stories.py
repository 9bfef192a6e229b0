"""Run the Rasa test stories (tests/test_stories.yml); any failed story fails the suite."""

import os
import re
import subprocess
import sys

import yaml

from guardrails.config import PROJECT_ROOT


def test_when_test_stories_run_then_every_story_passes(tmp_path):
    result = subprocess.run(
        [
            sys.executable, "-m", "bot.serve", "rasa", "test", "core",
            "--model", str(PROJECT_ROOT / "models" / "candor.tar.gz"),
            "--stories", str(PROJECT_ROOT / "tests" / "test_stories.yml"),
            "--out", str(tmp_path),
            "--fail-on-prediction-errors",
            "--no-plot",
        ],
        cwd=PROJECT_ROOT,
        env=os.environ | {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else result.stdout[-3000:] + result.stderr[-3000:]
    assert result.returncode == 0, details
    # Rasa logs "Correct: N / M" for whole conversations: every story must have been run and passed.
    stories = yaml.safe_load((PROJECT_ROOT / "tests" / "test_stories.yml").read_text())["stories"]
    conversation_level = re.search(r"CONVERSATION level:.*?Correct:\s+(\d+) / (\d+)",
                                   result.stdout + result.stderr, re.DOTALL)
    assert conversation_level, result.stdout[-2000:] + result.stderr[-2000:]
    assert conversation_level.groups() == (str(len(stories)), str(len(stories)))
