"""The Gradio demo for CX teams: chat as a demo customer and see what the bot did and why.

Beside the chat, for each turn: intent and confidence, entities, the actions that ran, the
conversation-log line as stored (masked), the explanation payload of any suggestion, and
the customer's consent with a grant/withdraw toggle. Other tabs replay the test stories
against the running bot and show the transparency figures when the bot offers them.

Everything comes from the running bot over HTTP (bot/demo/client.py); the callbacks are
plain functions, and every event has an ``api_name`` so ``gradio_client`` can drive them.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import gradio as gr

from bot.demo import stories
from bot.demo.client import BotClient, BotUnavailable, NotFound
from guardrails import config

ANONYMOUS = "anonymous"
STORIES_FILE = config.PROJECT_ROOT / "tests" / "test_stories.yml"
TURN_HEADERS = ["turn", "intent", "confidence", "entities", "actions", "stored in the conversation log (masked)"]
STORY_HEADERS = ["story", "result", "turns", "detail"]
CONSENT_PURPOSE = "personalisation"


_rasa_url: str | None = None  # set by configure(); None: this machine's default Rasa port


def configure(rasa_url: str) -> None:
    """Point the demo at a running bot (``python -m bot.demo --rasa-url``)."""
    global _rasa_url
    _rasa_url = rasa_url.rstrip("/")


def bot_client() -> BotClient:
    return BotClient(_rasa_url or f"http://127.0.0.1:{config.settings().rasa_port}", config.staff_token())


def new_sender() -> str:
    return f"cx-demo-{uuid.uuid4().hex[:12]}"


# --- presentation helpers (pure) ---------------------------------------------------------


def customer_choices(customers: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [("Anonymous visitor (no token)", ANONYMOUS)] + [
        (f"{each['id']} · {each['name']}", each["id"]) for each in customers
    ]


def consent_text(customer: str, state: dict[str, Any] | None) -> str:
    """The consent panel in words, e.g. 'granted on 2026-11-29 14:02 UTC (notice v1)'."""
    if customer == ANONYMOUS:
        return "**Consent**: anonymous visitor, so no profile is used and there is nothing to consent to."
    purpose = ((state or {}).get("purposes") or {}).get(CONSENT_PURPOSE)
    if not purpose or not purpose["answered"]:
        return f"**Consent ({CONSENT_PURPOSE})** for {customer}: not asked yet"
    when = (purpose["decided_at"] or "")[:16].replace("T", " ")
    if purpose["needs_asking"]:
        status = "to be asked again (the notice changed since the last answer)"
    else:
        status = "granted" if purpose["granted"] else "withdrawn or declined"
    return (
        f"**Consent ({CONSENT_PURPOSE})** for {customer}: {status} on {when} UTC "
        f"(notice {purpose['notice_version']})"
    )


def turn_summary(turn: dict[str, Any]) -> dict[str, Any]:
    """What the side panel shows for one turn."""
    return {
        "intent": turn.get("intent"),
        "confidence": _rounded(turn.get("confidence")),
        "entities": turn.get("entities") or [],
        "actions": turn.get("actions") or [],
        "explanation": explanation_of(turn),
        "masked_log_line": turn.get("log_line"),
        "bot_messages": turn.get("bot_messages") or [],
    }


def explanation_of(turn: dict[str, Any]) -> dict[str, Any] | None:
    for message in turn.get("bot_messages") or []:
        custom = message.get("custom") or {}
        if isinstance(custom, dict) and custom.get("explanation"):
            return custom["explanation"]
    return None


def turn_rows(turns: list[dict[str, Any]]) -> list[list[Any]]:
    return [
        [
            turn["turn"],
            turn.get("intent"),
            _rounded(turn.get("confidence")),
            ", ".join(f"{found.get('entity')}={found.get('value')}" for found in turn.get("entities") or []),
            ", ".join(turn.get("actions") or []),
            turn.get("masked_text") or "",
        ]
        for turn in turns
    ]


def bot_messages(replies: list[dict[str, Any]], turn: dict[str, Any] | None) -> list[gr.ChatMessage]:
    """The turn as chat messages: what was masked in the customer's message, the bot's
    replies, then why a suggestion was made. Gradio offers buttons only under the last
    message, so the replies' buttons (e.g. the consent prompt's) go there."""
    messages = []
    if turn and turn.get("masked_text") is not None:
        messages.append(gr.ChatMessage(
            content=f"Stored in the conversation log as:\n\n`{turn['masked_text']}`",
            metadata={"title": "What was masked"},
        ))
    options = []
    for reply in replies:
        options += [{"label": button.get("title", ""), "value": button.get("payload", "")}
                    for button in reply.get("buttons") or []]
        if reply.get("text"):
            messages.append(gr.ChatMessage(content=reply["text"]))
    explanation = explanation_of(turn or {})
    if explanation:
        messages.append(gr.ChatMessage(
            content=_explanation_markdown(explanation), metadata={"title": "Why this suggestion?"}
        ))
    if options and messages:
        messages[-1].options = options
    return messages


def _explanation_markdown(explanation: dict[str, Any]) -> str:
    consent = explanation.get("consent") or {}
    lines = [f"**Suggestion:** {explanation.get('suggestion')}"]
    lines += [f"- {reason}" for reason in explanation.get("reasons") or []]
    lines.append(f"**Data used:** {', '.join(explanation.get('data_used') or []) or 'none'}")
    if consent:
        lines.append(f"**Consent:** {consent.get('purpose')} granted at {consent.get('granted_at')}")
    lines.append(f"```json\n{json.dumps(explanation, indent=2)}\n```")
    return "\n".join(lines)


def _rounded(confidence: Any) -> float | None:
    return round(confidence, 3) if isinstance(confidence, (int, float)) else None


# --- callbacks (plain functions; each is an API endpoint) -------------------------------


def load_customers() -> tuple[Any, Any, str, str]:
    """Fill both customer pickers from the bot and start a conversation id."""
    try:
        choices = customer_choices(bot_client().customers())
        status = consent_text(ANONYMOUS, None)
    except BotUnavailable as error:
        choices, status = customer_choices([]), f"**Bot not reachable:** {error}"
    story_default = choices[1][1] if len(choices) > 1 else ANONYMOUS
    return (
        gr.Dropdown(choices=choices, value=ANONYMOUS),
        gr.Dropdown(choices=choices, value=story_default),
        new_sender(),
        status,
    )


def new_conversation(customer: str) -> tuple[list, str, dict, list, str]:
    return [], new_sender(), {}, [], _consent_panel(customer)


def send_message(message: str, history: list | None, sender: str, customer: str) -> tuple[list, str, dict, list, str]:
    """Send one message as the chosen customer; the chat, the cleared box and the trace."""
    return _turn(message, history, sender, customer)


def _turn(message: str, history: list | None, sender: str, customer: str, shown: str | None = None) -> tuple:
    history = list(history or [])
    if not message or not message.strip():
        raise gr.Error("Type a message first.")
    sender = sender or new_sender()
    client = bot_client()
    try:
        token = client.token(customer) if customer and customer != ANONYMOUS else None
        replies = client.say(sender, message, token)
        turns = client.trace(sender)
    except BotUnavailable as error:
        raise gr.Error(str(error)) from None
    last = turns[-1] if turns else {}
    history.append({"role": "user", "content": shown or message})
    history.extend(bot_messages(replies, last))
    return history, "", turn_summary(last) if last else {}, turn_rows(turns), _consent_panel(customer)


def choose_option(history: list | None, sender: str, customer: str, selected: gr.SelectData) -> tuple:
    """A button under a bot message (e.g. the consent prompt) sends its payload."""
    payload = str(selected.value)
    options = (history[-1].get("options") or []) if history else []
    title = next((option.get("label") for option in options if option.get("value") == payload), None)
    return _turn(payload, history, sender, customer, shown=title)


def grant_consent(history: list | None, sender: str, customer: str) -> tuple:
    return _consent_message("/give_consent", history, sender, customer)


def withdraw_consent(history: list | None, sender: str, customer: str) -> tuple:
    return _consent_message("/withdraw_consent", history, sender, customer)


def _consent_message(payload: str, history: list | None, sender: str, customer: str) -> tuple:
    if not customer or customer == ANONYMOUS:
        raise gr.Error("Pick a demo customer first: an anonymous visitor has no consent to change.")
    return send_message(payload, history, sender, customer)


def _consent_panel(customer: str) -> str:
    if not customer or customer == ANONYMOUS:
        return consent_text(ANONYMOUS, None)
    try:
        return consent_text(customer, bot_client().consent(customer))
    except BotUnavailable as error:
        return f"**Consent**: could not read it ({error})"


def run_test_stories(customer: str) -> tuple[str, list[list[Any]]]:
    """Replay every test story against the running bot; a summary and one row per story."""
    results = stories.run_stories(bot_client(), STORIES_FILE, None if customer == ANONYMOUS else customer)
    passed = sum(result.passed for result in results)
    summary = f"**{passed} of {len(results)} stories passed** (signed-in stories ran as {customer})."
    return summary, [result.row() for result in results]


def load_report() -> tuple[str, dict]:
    """The transparency figures, or a clear 'not available yet' when the bot has none."""
    try:
        figures = bot_client().report()
    except NotFound:
        return (
            "**Not available yet.** This bot does not offer transparency figures "
            "(`GET /webhooks/cx/report` answered 404). They appear here once `candor report` lands.",
            {},
        )
    except BotUnavailable as error:
        return f"**Could not load the figures:** {error}", {}
    return "**Transparency figures** from the bot's own tables:", figures


# --- layout ------------------------------------------------------------------------------


def build_demo() -> gr.Blocks:
    with gr.Blocks(title="Candor · CX demo") as demo:
        gr.Markdown(
            "# Candor for CX teams\nChat as a demo customer (or anonymously) and see, for every turn, "
            "what the bot understood, what it ran, what it stored (masked) and why it suggested something."
        )
        with gr.Tab("Conversation"):
            with gr.Row():
                customer = gr.Dropdown(choices=customer_choices([]), value=ANONYMOUS, label="Chat as", scale=3,
                                       allow_custom_value=True)  # the bot checks the id
                sender = gr.Textbox(label="Conversation id (sender)", interactive=False, scale=3)
                restart = gr.Button("New conversation", scale=1)
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="Conversation", height=480)
                    message = gr.Textbox(label="Message", placeholder="e.g. where is my order?", submit_btn=True)
                with gr.Column(scale=2):
                    consent = gr.Markdown()
                    with gr.Row():
                        grant = gr.Button("Grant consent")
                        withdraw = gr.Button("Withdraw consent")
                    last_turn = gr.JSON(label="Last turn: intent, entities, actions, masked log line, explanation")
            turns = gr.Dataframe(headers=TURN_HEADERS, label="Every turn so far", interactive=False, wrap=True)
        with gr.Tab("Test stories"):
            gr.Markdown(f"Replays `{STORIES_FILE.relative_to(config.PROJECT_ROOT)}` against the running bot "
                        "over HTTP, one fresh conversation per story.")
            story_customer = gr.Dropdown(choices=customer_choices([]), label="Run signed-in stories as",
                                         allow_custom_value=True)
            run = gr.Button("Run the test stories", variant="primary")
            story_summary = gr.Markdown()
            story_table = gr.Dataframe(headers=STORY_HEADERS, label="Stories", interactive=False, wrap=True)
        with gr.Tab("Transparency"):
            refresh = gr.Button("Load the transparency figures")
            report_text = gr.Markdown()
            report_figures = gr.JSON(label="Figures")

        turn_outputs = [chat, message, last_turn, turns, consent]
        demo.load(load_customers, None, [customer, story_customer, sender, consent], api_name="customers")
        restart.click(new_conversation, customer, [chat, sender, last_turn, turns, consent], api_name="new_conversation")
        customer.input(new_conversation, customer, [chat, sender, last_turn, turns, consent], api_name=False)
        message.submit(send_message, [message, chat, sender, customer], turn_outputs, api_name="send")
        chat.option_select(choose_option, [chat, sender, customer], turn_outputs, api_name=False)
        grant.click(grant_consent, [chat, sender, customer], turn_outputs, api_name="grant_consent")
        withdraw.click(withdraw_consent, [chat, sender, customer], turn_outputs, api_name="withdraw_consent")
        run.click(run_test_stories, story_customer, [story_summary, story_table], api_name="run_stories")
        refresh.click(load_report, None, [report_text, report_figures], api_name="report")
    return demo


demo = build_demo()

if __name__ == "__main__":
    demo.launch()
