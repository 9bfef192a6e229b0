"""Load benchmark: N concurrent conversations through full flows, four set-ups in one run.

  (a) Candor as shipped: verified channel, encrypted tracker store, masked event broker,
      masked logs, consent/gateway/audit in the actions; PostgreSQL + Redis locks.
  (b) the same bot with the guardrail layer off: the same model, actions and database, but
      Rasa's plain SQL tracker store (no encryption, no pseudonyms), no event broker (no
      masked conversation log) and no log masking in either server.
  (c) the `rasa init` moodbot (in-memory tracker store, no actions), as Rasa ships it.
  (d) set-up (a) with two Rasa servers sharing one action server, the database and the
      Redis locks; every conversation alternates between them message by message.

Every conversation is one verified customer: greet, order status, suggestions (asked for
consent), yes, why that suggestion, stop personalising, goodbye: 7 messages. The moodbot
gets 7 messages of its own flow. Each of the N workers runs conversations back to back
until N x --rounds conversations are done, on loopback only; then it stops by itself. The
set-ups take turns, --repeats times, and each one's median run is reported.
Errors: a non-200 reply, an empty reply, a timeout or a refused connection.

    make bench-load                       # 20 concurrent conversations, 3 turns per set-up
    .venv/bin/python bench/load/run.py --concurrency 10 --rounds 2 --repeats 5

Figures are printed as a table and written to bench/out/load.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from common import percentile, table  # noqa: E402

CANDOR_FLOW = [
    "hi",
    "where is my order?",
    "any gift ideas?",
    "/give_consent",
    "why did you suggest that?",
    "stop using my data for recommendations",
    "bye",
]
MOODBOT_FLOW = ["hello", "I am sad", "yes", "great, thanks", "are you a bot?", "amazing", "bye"]
CUSTOMERS_WITH_ORDERS = ["C001", "C002", "C003", "C005", "C006", "C008", "C009", "C010"]
STARTUP_SECONDS = 900


@dataclass
class Target:
    name: str
    urls: list[str]  # REST webhooks; a conversation alternates between them
    flow: list[str]
    verified: bool


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    def summary(self) -> dict[str, float]:
        ms = [value * 1000 for value in self.latencies] or [float("nan")]
        messages = len(self.latencies) + self.errors
        return {
            "messages": messages,
            "errors": self.errors,
            "messages_per_s": len(self.latencies) / self.seconds if self.seconds else float("nan"),
            "median_ms": percentile(ms, 0.5),
            "p95_ms": percentile(ms, 0.95),
            "p99_ms": percentile(ms, 0.99),
        }


async def converse(session, target: Target, conversation: str, customer: str, result: Result | None) -> None:
    import aiohttp

    from guardrails.tokens import mint_token

    metadata = {"customer_token": mint_token(customer)} if target.verified else {}
    for turn, message in enumerate(target.flow):
        url = target.urls[turn % len(target.urls)]
        started = time.perf_counter()
        try:
            async with session.post(url, json={"sender": conversation, "message": message, "metadata": metadata},
                                    timeout=aiohttp.ClientTimeout(total=120)) as reply:
                body = await reply.json(content_type=None)
                ok = reply.status == 200 and isinstance(body, list) and len(body) > 0
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
            ok = False
        elapsed = time.perf_counter() - started
        if result is not None:
            if ok:
                result.latencies.append(elapsed)
            else:
                result.errors += 1


async def load(target: Target, concurrency: int, rounds: int, seed: int) -> Result:
    import aiohttp

    rng = random.Random(seed)
    plan = [(f"load-{target.name}-{seed}-{n}", rng.choice(CUSTOMERS_WITH_ORDERS)) for n in range(concurrency * rounds)]
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        await converse(session, target, f"warmup-{target.name}-{seed}", "C001", None)
        result = Result()
        queue: asyncio.Queue = asyncio.Queue()
        for item in plan:
            queue.put_nowait(item)

        async def worker() -> None:
            while not queue.empty():
                conversation, customer = queue.get_nowait()
                await converse(session, target, conversation, customer, result)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        result.seconds = time.perf_counter() - started
    return result


def plain_endpoints(path: Path, database_url: str, action_url: str) -> Path:
    """(b): Rasa's own SQL tracker store on the same database, no broker, same locks."""
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    store = {"type": "SQL", "dialect": url.drivername, "db": url.database}
    if url.host:
        store |= {"url": url.host, "port": url.port or 5432, "username": url.username or "postgres"}
    path.write_text(json.dumps({
        # The action URL written out: Rasa expands ${VAR} only unquoted. Selective domain as in bot/endpoints.yml.
        "action_endpoint": {"url": f"{action_url}/webhook", "enable_selective_domain": True},
        "tracker_store": store,
        "lock_store": {"type": "bot.locks.ConfiguredLockStore"},
    }, indent=2))  # JSON is YAML
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=20, help="conversations at once (default 20)")
    parser.add_argument("--rounds", type=int, default=1, help="conversations per worker per measurement (default 1)")
    parser.add_argument("--repeats", type=int, default=3,
                        help="measure every set-up this many times, taking turns (default 3); medians are reported")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--moodbot-model", type=Path, help="a trained moodbot .tar.gz (else trained here)")
    parser.add_argument("--profile", action="store_true",
                        help="sample (a)'s Rasa and action servers with py-spy (pip install py-spy) and say where "
                             "the time goes")
    args = parser.parse_args()
    if min(args.concurrency, args.rounds, args.repeats) < 1:
        parser.error("--concurrency, --rounds and --repeats must be at least 1")

    workdir = Path(tempfile.mkdtemp(prefix="candor-load-"))
    state = workdir / "state"
    from train_and_latency import QUIET, init_moodbot, serve_moodbot

    os.environ.update(QUIET)
    os.environ["CANDOR_STATE_DIR"] = str(state)
    os.environ.setdefault("CANDOR_SECRET_KEY", "bench-only-key-" + "x" * 40)

    from bot.launcher import Stack, free_port
    from tests.services import REDIS_URL, seeded_postgres

    with seeded_postgres("load") as database_url:
        environment = {"CANDOR_DATABASE_URL": database_url, "CANDOR_LOCK_STORE_URL": REDIS_URL}
        if args.moodbot_model:
            moodbot_model = args.moodbot_model.resolve()
        else:
            print("Training the rasa init moodbot ...", flush=True)
            moodbot_model = init_moodbot(workdir, os.environ | {"RASA_CACHE_DIRECTORY": str(workdir / "cache")})[1]

        full = Stack(free_port(), free_port(), workdir / "full", environment=environment)
        second = Stack(free_port(), full.action_port, workdir / "second", environment=environment)
        plain = Stack(free_port(), free_port(), workdir / "plain", guardrails=False, environment=environment)
        plain.endpoints = plain_endpoints(workdir / "plain-endpoints.yml", database_url, plain.action_url)
        moodbot_port = free_port()
        moodbot = None
        stacks = [full, second, plain]
        try:
            print("Starting 3 Rasa servers, 2 action servers and the moodbot (model loading takes a while) ...",
                  flush=True)
            for stack in stacks:
                stack.log_dir.mkdir(parents=True)
            full.start_actions()
            plain.start_actions()
            for stack in stacks:
                stack.start_rasa()
            moodbot = serve_moodbot(moodbot_model.parents[1], moodbot_model, moodbot_port, workdir / "moodbot.log")
            for stack in (full, plain):
                stack.wait_until_up("action server", f"{stack.action_url}/health", STARTUP_SECONDS)
            for stack in stacks:
                stack.wait_until_rasa_is_up(STARTUP_SECONDS)
            full.wait_until_up("moodbot", f"http://127.0.0.1:{moodbot_port}/webhooks/rest/", STARTUP_SECONDS)

            targets = [
                Target("a: Candor", [f"{full.rasa_url}/webhooks/rest/webhook"], CANDOR_FLOW, True),
                Target("b: guardrails off", [f"{plain.rasa_url}/webhooks/rest/webhook"], CANDOR_FLOW, True),
                Target("c: rasa init moodbot", [f"http://127.0.0.1:{moodbot_port}/webhooks/rest/webhook"],
                       MOODBOT_FLOW, False),
                Target("d: Candor, 2 Rasa servers", [f"{full.rasa_url}/webhooks/rest/webhook",
                                                    f"{second.rasa_url}/webhooks/rest/webhook"], CANDOR_FLOW, True),
            ]
            # Set-ups take turns, --repeats times, so a burst of other work on a shared machine
            # hits them all alike; each set-up's median run is reported, every run is kept.
            runs: dict[str, list[dict]] = {target.name: [] for target in targets}
            for repeat in range(args.repeats):
                for target in targets:
                    print(f"Measuring {target.name} (repeat {repeat + 1} of {args.repeats}): {args.concurrency} "
                          f"concurrent x {args.rounds} conversations ...", flush=True)
                    result = asyncio.run(load(target, args.concurrency, args.rounds, args.seed + 100 * repeat))
                    runs[target.name].append(result.summary())
                    print(f"  {runs[target.name][-1]}", flush=True)
            results = {name: median_run(summaries) for name, summaries in runs.items()}
            if args.profile:
                profile(targets[0], full, args, workdir)
        finally:
            for stack in stacks:
                stack.stop()
            if moodbot is not None:
                os.killpg(moodbot.pid, 15)
                moodbot.wait(30)

    report(results, runs, args)
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


# Where a sample's stack passes through these, the time is spent on that (a sample can count twice).
PROFILE_MARKERS = [
    ("log masking (presidio on every log record)", "guardrails/logmask.py"),
    ("PII masking, any caller", "guardrails/pii/"),
    ("encrypted tracker store: AES-GCM + keyed hash", "guardrails/sqltypes.py"),
    ("masked event broker (conversation_log)", "publish (bot/stores.py"),
    ("tracker store SQL (save/retrieve)", "rasa/core/tracker_store.py"),
    ("SQLAlchemy", "sqlalchemy/"),
    ("NLU pipeline", "rasa/nlu/"),
    ("dialogue policies", "rasa/core/policies/"),
    ("TensorFlow", "tensorflow/"),
    ("call to the action server", "rasa/core/actions/action.py"),
    ("logging (formatting, handlers)", "logging/__init__.py"),
    ("action server: actions/", f"{ROOT}/actions/"),
    ("action server: profile gateway, consent, audit", "guardrails/profile_gateway.py"),
]


def profile(target: Target, stack, args: argparse.Namespace, workdir: Path) -> None:
    """Run (a) once more while py-spy samples both servers; print each part's share of the
    samples in which the server was busy (py-spy leaves out threads waiting for I/O)."""
    import subprocess

    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    seconds = 20
    recordings = {}
    for name in ("rasa", "actions"):
        out = workdir / f"profile-{name}.txt"
        recordings[name] = (out, subprocess.Popen(
            [spy, "record", "--format", "raw", "--subprocesses", "--nonblocking", "-d", str(seconds),
             "-p", str(stack.processes[name].pid), "-o", str(out)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    print(f"Profiling {target.name} for {seconds} s with py-spy ...", flush=True)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        asyncio.run(load(target, args.concurrency, 1, args.seed + 1))
    rows = []
    for name, (out, process) in recordings.items():
        process.wait(120)
        stacks = [line.rsplit(" ", 1) for line in out.read_text().splitlines() if line.strip()] if out.exists() else []
        total = sum(int(count) for _, count in stacks) or 1
        for label, marker in PROFILE_MARKERS:
            share = sum(int(count) for frames, count in stacks if marker in frames) / total
            if share >= 0.01:
                rows.append((name, label, share))
        if out.exists():
            (ROOT / "bench" / "out").mkdir(parents=True, exist_ok=True)
            shutil.copy(out, ROOT / "bench" / "out" / out.name)  # for flame graphs: inferno, speedscope
    print()
    print(table(["server", "part", "share of samples"], rows))


def median_run(summaries: list[dict]) -> dict:
    """The run with the median throughput, errors summed over all runs."""
    ranked = sorted(summaries, key=lambda summary: summary["messages_per_s"])
    return ranked[(len(ranked) - 1) // 2] | {"errors": sum(summary["errors"] for summary in summaries),
                                             "messages": sum(summary["messages"] for summary in summaries)}


def report(results: dict[str, dict], runs: dict[str, list[dict]], args: argparse.Namespace) -> None:
    a, b, c, d = (results[name] for name in results)
    rows = [(name, r["messages"], r["errors"], r["messages_per_s"],
             " ".join(f"{run['messages_per_s']:.1f}" for run in runs[name]), r["median_ms"], r["p95_ms"], r["p99_ms"])
            for name, r in results.items()]
    print()
    print(f"{args.concurrency} concurrent conversations; per measurement {args.concurrency * args.rounds} "
          f"conversations of 7 messages; {args.repeats} measurements per set-up, taking turns; {os.cpu_count()} cores")
    print("messages/s and latencies are those of each set-up's median run; errors and messages are summed")
    print(table(["set-up", "messages", "errors", "messages/s", "each run's msg/s", "median ms", "p95 ms", "p99 ms"],
                rows))
    overhead = b["messages_per_s"] / a["messages_per_s"] - 1
    ratios = [
        ("guardrail overhead: throughput b/a - 1", overhead, "< 0.15", overhead < 0.15),
        ("guardrail overhead: median latency a/b - 1", a["median_ms"] / b["median_ms"] - 1, "(info)", None),
        ("throughput a/c (Candor vs moodbot)", a["messages_per_s"] / c["messages_per_s"], ">= 0.7",
         a["messages_per_s"] / c["messages_per_s"] >= 0.7),
        ("errors in a at this concurrency", a["errors"], "0", a["errors"] == 0),
        ("scaling: throughput d/a (2 vs 1 Rasa servers)", d["messages_per_s"] / a["messages_per_s"], "(info)", None),
    ]
    print()
    print(table(["ratio", "value", "target", "met"],
                [(name, value, target, "-" if met is None else ("yes" if met else "NO")) for name, value, target, met
                 in ratios]))
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "load.json").write_text(json.dumps({"concurrency": args.concurrency, "rounds": args.rounds,
                                              "repeats": args.repeats, "results": results, "runs": runs}, indent=2))


if __name__ == "__main__":
    sys.exit(main())
