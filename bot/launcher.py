"""Start the Rasa server, the action server and the demo shop page, wait until they answer, stop them cleanly.

``make run`` uses :func:`main`; the integration tests use :class:`Stack` directly, so the
tests start the bot exactly the way users do.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from guardrails import config

PROJECT_ROOT = config.PROJECT_ROOT
MODEL = PROJECT_ROOT / "models" / "candor.tar.gz"
DEMO_PYTHON = PROJECT_ROOT / ".venv-demo" / "bin" / "python"  # the Gradio demo's own environment

QUIET_ENVIRONMENT = {
    "RASA_TELEMETRY_ENABLED": "false",  # no telemetry, and nothing else that phones home
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "PYTHONUNBUFFERED": "1",
}


def free_port() -> int:
    """A port nobody listens on right now (for tests and benchmarks running side by side)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class StartupError(RuntimeError):
    """A server did not come up; the message names it and its log file."""


@dataclass
class Stack:
    rasa_port: int
    action_port: int
    log_dir: Path
    model: Path = MODEL
    endpoints: Path = PROJECT_ROOT / "bot" / "endpoints.yml"
    guardrails: bool = True  # False only for benchmarks: no log masking (see bot/serve.py)
    debug: bool = False  # DEBUG logging in both servers (the privacy tests use it: masked all the same)
    shop_port: int | None = None  # also serve the demo shop page with the chat widget (bot/shop.py)
    environment: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}"

    @property
    def shop_url(self) -> str:
        return f"http://127.0.0.1:{self.shop_port}"

    def start(self, timeout: float = 180.0, actions: bool = True) -> None:
        """Start both servers; ``actions=False`` starts only a Rasa server, which then uses
        the action server already listening on ``action_port`` (several Rasa instances)."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        if actions:
            self.start_actions()
        self.start_rasa()
        if actions:
            self.wait_until_up("action server", f"{self.action_url}/health", timeout)
        self.wait_until_rasa_is_up(timeout)

    def wait_until_rasa_is_up(self, timeout: float = 180.0) -> None:
        self.wait_until_up("Rasa server", f"{self.rasa_url}/webhooks/rest/", timeout)
        if self.shop_port is not None:
            self.start_shop(self.shop_port, timeout)

    def start_shop(self, port: int, timeout: float = 60.0) -> None:
        """The demo shop page, talking to this stack's Rasa server."""
        self.shop_port = port
        self._spawn("shop", [sys.executable, "-m", "bot.shop", "--port", str(port), "--rasa-port", str(self.rasa_port)])
        self.wait_until_up("shop page", f"{self.shop_url}/health", timeout)

    def start_actions(self) -> None:
        self._spawn(
            "actions",
            self._python_module("rasa_sdk") + ["--actions", "actions", "--port", str(self.action_port)]
            + self._log_flags(),
        )

    def start_rasa(self) -> None:
        if not self.model.exists():
            raise StartupError(f"no trained model at {self.model}; run `make train`")
        self._spawn(
            "rasa",
            [
                *self._python_module("rasa"), "run",
                "--model", str(self.model),
                "--credentials", str(PROJECT_ROOT / "bot" / "credentials.yml"),
                "--endpoints", str(self.endpoints),
                "--port", str(self.rasa_port),
                "--cors", "*",
            ]
            + self._log_flags(),
        )

    def start_demo(self, port: int, timeout: float = 120.0) -> str:
        """Start the Gradio demo for CX teams (its own venv) against this Rasa server; its URL."""
        self._spawn("demo", [str(DEMO_PYTHON), "-m", "bot.demo", "--port", str(port), "--rasa-url", self.rasa_url],
                    {"CANDOR_STAFF_TOKEN": config.staff_token(), "GRADIO_ANALYTICS_ENABLED": "False"})
        url = f"http://127.0.0.1:{port}"
        self.wait_until_up("Gradio demo", f"{url}/", timeout)
        return url

    def _python_module(self, program: str) -> list[str]:
        return [sys.executable, "-m", "bot.serve", program]

    def _log_flags(self) -> list[str]:
        return ["--debug"] if self.debug else []

    def _spawn(self, name: str, command: list[str], extra: dict[str, str] | None = None) -> None:
        env = os.environ | QUIET_ENVIRONMENT | self.environment | (extra or {})
        env["ACTION_SERVER_URL"] = f"{self.action_url}/webhook"
        env["CANDOR_RASA_PORT"] = str(self.rasa_port)  # export download links name the real port
        if not self.guardrails:
            env["CANDOR_LOG_MASKING"] = "off"
        log = open(self.log_dir / f"{name}.log", "ab")
        self.processes[name] = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()

    def wait_until_up(self, label: str, url: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise StartupError(f"{name} exited with {process.returncode}; see {self.log_dir / name}.log")
            try:
                with urllib.request.urlopen(url, timeout=2) as reply:
                    if reply.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.5)
        raise StartupError(f"{label} did not answer at {url} within {timeout:.0f} s")

    def kill(self, name: str) -> None:
        """SIGKILL one server, as a crash would (the fault tests use it)."""
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def stop(self, name: str | None = None, timeout: float = 15.0) -> None:
        """Stop one server (``"rasa"`` or ``"actions"``) or all of them: SIGTERM, then SIGKILL."""
        names = [name] if name else list(self.processes)
        for each in names:
            process = self.processes.pop(each, None)
            if process is None or process.poll() is not None:
                continue
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def main() -> int:
    try:
        settings = config.settings()
        config.secret_key()  # fail here, in one line, rather than deep inside Rasa's start-up
        config.staff_token()
    except config.ConfigError as error:
        print(f"Could not start Candor: {error}", file=sys.stderr)
        return 1
    stack = Stack(settings.rasa_port, settings.action_port, settings.state_dir / "logs", shop_port=settings.widget_port)
    print("Starting the action server and the Rasa server (loading the model takes ~20 s)...", flush=True)
    try:
        stack.start()
        demo_url = stack.start_demo(settings.demo_port) if DEMO_PYTHON.exists() else "not installed (make install)"
    except StartupError as error:
        stack.stop()
        print(f"Could not start Candor: {error}", file=sys.stderr)
        return 1
    # Purge what is past the retention period now and every hour while the servers run.
    from guardrails import retention

    schedule = retention.PurgeSchedule(lambda: retention.purge_configured(trigger="schedule")).start()
    print(
        f"""
Candor is running.
  Shop page:      {stack.shop_url}/   (the chat widget; pick a demo customer at the top)
  Rasa REST:      POST {stack.rasa_url}/webhooks/rest/webhook
  socket.io:      {stack.rasa_url}/socket.io
  Action server:  {stack.action_url}
  CX demo:        {demo_url}  (Gradio)
  Agent desk:     {stack.rasa_url}/webhooks/agent_desk/   (token: .venv/bin/candor agent-token NAME --role billing)
  Logs:           {stack.log_dir}/

Try it:
  TOKEN=$(.venv/bin/candor token C001)
  curl -s {stack.rasa_url}/webhooks/rest/webhook -H 'Content-Type: application/json' \\
    -d '{{"sender": "demo-1", "message": "where is my order?", "metadata": {{"customer_token": "'$TOKEN'"}}}}'

Demo customers: .venv/bin/candor customers list
Press Ctrl-C to stop.""",
        flush=True,
    )
    try:
        while all(process.poll() is None for process in stack.processes.values()):
            time.sleep(1)
        print("A server stopped unexpectedly; see the logs above. Stopping the others.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
        return 0
    finally:
        schedule.stop()
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
