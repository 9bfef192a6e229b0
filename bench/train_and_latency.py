"""Training time from scratch and REST round-trip latency, beside the `rasa init` bot.

Both bots are trained from scratch (empty Rasa cache) and served on loopback in the same
run, so the ratios compare like with like on this machine:
  - training: `rasa train` of Candor vs of the moodbot `rasa init` creates;
  - latency: a verified customer's "where is my order?" against Candor (Rasa + action
    server + SQLite) vs "hello" against the moodbot, single user, sequential requests.
Run with `make bench`. Figures are printed and written to bench/out/foundation.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from common import summarise_ms, table, time_round_trips  # noqa: E402

QUIET = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONUNBUFFERED": "1"}


def timed(label: str, command: list[str], cwd: Path, env: dict[str, str]) -> float:
    print(f"  {label}: {' '.join(command[2:6])} ...", flush=True)
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    print(f"  {label}: {elapsed:.1f} s", flush=True)
    return elapsed


def train_candor(workdir: Path, env: dict[str, str]) -> tuple[float, Path]:
    out = workdir / "candor-models"
    seconds = timed(
        "Candor training",
        [sys.executable, "-m", "rasa", "train", "--config", "config.yml", "--domain", "bot/domain",
         "--data", "data/nlu", "data/rules", "data/stories", "--out", str(out), "--fixed-model-name", "candor"],
        ROOT,
        env,
    )
    return seconds, out / "candor.tar.gz"


def init_moodbot(workdir: Path, env: dict[str, str]) -> tuple[float, Path]:
    # What `rasa init` writes, copied from Rasa's own template (init would also train it once).
    import rasa.cli

    project = workdir / "moodbot"
    shutil.copytree(Path(rasa.cli.__file__).parent / "initial_project", project)
    shutil.rmtree(project / "models", ignore_errors=True)
    seconds = timed(
        "moodbot training",
        [sys.executable, "-m", "rasa", "train", "--out", "models", "--fixed-model-name", "moodbot"],
        project,
        env,
    )
    return seconds, project / "models" / "moodbot.tar.gz"


def serve_moodbot(project: Path, model: Path, port: int, log: Path) -> subprocess.Popen:
    handle = open(log, "wb")
    return subprocess.Popen(
        [sys.executable, "-m", "rasa", "run", "--model", str(model), "--port", str(port)],
        cwd=project, env=os.environ | QUIET, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="timed requests per bot")
    parser.add_argument("--skip-training", action="store_true", help="use models/candor.tar.gz, skip timing")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="candor-bench-"))
    state = workdir / "state"
    os.environ.update(QUIET)
    os.environ["CANDOR_STATE_DIR"] = str(state)
    os.environ.setdefault("CANDOR_SECRET_KEY", "bench-only-key-" + "x" * 40)
    env = os.environ | {"RASA_CACHE_DIRECTORY": str(workdir / "rasa-cache")}  # from scratch: no cache

    from bot.launcher import Stack, free_port
    from guardrails import config
    from guardrails.store import db, seed
    from guardrails.tokens import mint_token

    results: dict[str, dict] = {}
    print(f"[1/3] Training both bots from scratch on {os.cpu_count()} cores", flush=True)
    moodbot_train_s, moodbot_model = init_moodbot(workdir, env)
    if args.skip_training:
        candor_train_s, candor_model = float("nan"), ROOT / "models" / "candor.tar.gz"
    else:
        candor_train_s, candor_model = train_candor(workdir, env)
    results["training_s"] = {"candor": candor_train_s, "moodbot": moodbot_train_s}

    print("[2/3] Starting both bots", flush=True)
    db.create_schema()
    with db.session_factory().begin() as session:
        seed.load_seed(session, config.settings().seed_file)
    stack = Stack(free_port(), free_port(), state / "logs", model=candor_model)
    moodbot_port = free_port()
    moodbot = serve_moodbot(moodbot_model.parents[1], moodbot_model, moodbot_port, workdir / "moodbot.log")
    try:
        stack.start()
        stack.wait_until_up("moodbot", f"http://127.0.0.1:{moodbot_port}/webhooks/rest/", 180)
        print(f"[3/3] {args.requests} sequential round trips per bot", flush=True)
        token = mint_token("C001")
        print("  Candor, 'where is my order?' as verified customer C001:", flush=True)
        candor = time_round_trips(
            f"{stack.rasa_url}/webhooks/rest/webhook",
            lambda i: {"sender": f"bench-{i}", "message": "where is my order?",
                       "metadata": {"customer_token": token}},
            args.requests,
        )
        print("  moodbot, 'hello':", flush=True)
        baseline = time_round_trips(
            f"http://127.0.0.1:{moodbot_port}/webhooks/rest/webhook",
            lambda i: {"sender": f"bench-{i}", "message": "hello"},
            args.requests,
        )
    finally:
        stack.stop()
        os.killpg(moodbot.pid, 15)
        moodbot.wait(30)
    results["latency"] = {"candor": summarise_ms(candor), "moodbot": summarise_ms(baseline)}

    latency = results["latency"]
    print()
    print(table(
        ["figure", "Candor", "rasa init moodbot", "ratio Candor/moodbot"],
        [
            ("training from scratch (s)", candor_train_s, moodbot_train_s, candor_train_s / moodbot_train_s),
            ("REST round trip median (ms)", latency["candor"]["median_ms"], latency["moodbot"]["median_ms"],
             latency["candor"]["median_ms"] / latency["moodbot"]["median_ms"]),
            ("REST round trip p95 (ms)", latency["candor"]["p95_ms"], latency["moodbot"]["p95_ms"],
             latency["candor"]["p95_ms"] / latency["moodbot"]["p95_ms"]),
        ],
    ))
    if not args.skip_training:
        print(f"\nTarget: training under 240 s -> {'met' if candor_train_s < 240 else 'MISSED'}")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "foundation.json").write_text(json.dumps(results, indent=2))
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
