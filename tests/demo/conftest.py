"""The whole product as `make run` starts it, for the Gradio demo's tests.

These tests run in the demo's own environment (.venv-demo, Gradio 6 and pydantic 2), so
they cannot import Rasa: they start the bot the way users do, with the Rasa venv's
``python -m bot.launcher`` (which also starts the demo), on free ports, with their own
state folder, database, secret key and staff token, and talk to the demo through
``gradio_client`` only. ``--confcutdir`` in the Makefile keeps tests/conftest.py (Rasa
venv) out of this run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from gradio_client import Client

from bot.launcher import Stack, StartupError, free_port
from guardrails.config import PROJECT_ROOT

RASA_VENV = PROJECT_ROOT / ".venv" / "bin"


@dataclass
class RunningDemo:
    url: str
    rasa_url: str
    staff_token: str
    state_dir: Path

    def client(self) -> Client:
        return Client(self.url, verbose=False)


def _wait_for(url: str, launcher: subprocess.Popen, output: Path, timeout: float) -> None:
    """Until the demo answers; fail with the launcher's output if it exits or times out."""
    watcher = Stack(rasa_port=0, action_port=0, log_dir=output.parent, processes={"launcher": launcher})
    try:
        watcher.wait_until_up("the demo", url, timeout)
    except StartupError as error:
        pytest.fail(f"{error}:\n{output.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def running_demo() -> RunningDemo:
    state_dir = Path(tempfile.mkdtemp(prefix="candor-demo-test-"))
    ports = {name: free_port() for name in ("RASA", "ACTION", "DEMO", "WIDGET")}
    staff_token = "demo-test-staff-token-" + "d" * 32
    env = {key: value for key, value in os.environ.items() if key != "CANDOR_DATABASE_URL"} | {
        "CANDOR_STATE_DIR": str(state_dir),
        "CANDOR_SECRET_KEY": "demo-test-secret-key-" + "k" * 32,
        "CANDOR_STAFF_TOKEN": staff_token,
        "RASA_TELEMETRY_ENABLED": "false",
        **{f"CANDOR_{name}_PORT": str(port) for name, port in ports.items()},
    }
    subprocess.run([str(RASA_VENV / "candor"), "db", "init"], cwd=PROJECT_ROOT, env=env, check=True,
                   capture_output=True, timeout=300)
    output = state_dir / "launcher.log"
    with open(output, "wb") as sink:
        launcher = subprocess.Popen([str(RASA_VENV / "python"), "-m", "bot.launcher"], cwd=PROJECT_ROOT, env=env,
                                    stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    demo = RunningDemo(f"http://127.0.0.1:{ports['DEMO']}", f"http://127.0.0.1:{ports['RASA']}", staff_token,
                       state_dir)
    try:
        _wait_for(f"{demo.url}/", launcher, output, timeout=400)
        yield demo
    finally:
        launcher.send_signal(signal.SIGINT)  # what Ctrl-C does: the launcher stops every server it started
        try:
            launcher.wait(90)
        except subprocess.TimeoutExpired:
            os.killpg(launcher.pid, signal.SIGKILL)
            launcher.wait()


@pytest.fixture
def client(running_demo: RunningDemo) -> Client:
    return running_demo.client()
