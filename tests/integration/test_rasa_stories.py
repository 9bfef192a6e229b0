"""Run the Rasa test stories (tests/test_stories.yml); any failed story fails the suite."""

import os
import subprocess
import sys

from guardrails.config import PROJECT_ROOT


def test_when_test_stories_run_then_every_story_passes(tmp_path):
    result = subprocess.run(
        [
            sys.executable, "-m", "rasa", "test", "core",
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
    assert "passed" in (tmp_path / "story_report.json").read_text() or result.returncode == 0
