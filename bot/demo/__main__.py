"""``python -m bot.demo --port 7860 --rasa-url http://127.0.0.1:5005``: serve the CX demo.

Run with the demo environment's Python (``.venv-demo``); ``make run`` starts it for you.
The staff token comes from ``CANDOR_STAFF_TOKEN`` or the local file ``make run`` generates.
"""

from __future__ import annotations

import argparse
import sys

from guardrails import config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.demo", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=None, help="port to serve on (default CANDOR_DEMO_PORT, 7860)")
    parser.add_argument("--rasa-url", default=None, help="the running bot (default http://127.0.0.1:CANDOR_RASA_PORT)")
    args = parser.parse_args(argv)
    try:
        settings = config.settings()
        config.staff_token()
    except config.ConfigError as error:
        print(f"Could not start the demo: {error}", file=sys.stderr)
        return 1
    from bot.demo import app  # Gradio takes a few seconds to import: after the argument checks

    app.configure(args.rasa_url or f"http://127.0.0.1:{settings.rasa_port}")
    app.demo.launch(server_name="127.0.0.1", server_port=args.port or settings.demo_port, quiet=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
