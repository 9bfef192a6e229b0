"""The Gradio demo for CX teams (own environment, .venv-demo; talks to the bot over HTTP)."""
