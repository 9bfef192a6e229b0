"""The transparency report as one self-contained HTML page: inline CSS, inline SVG, no script.

The page loads nothing: no script, font, stylesheet or image from anywhere, so it opens the
same offline, from an email attachment or a file share. Every chart has a table with the
same numbers beside it. All numbers come from :class:`~guardrails.report.figures.Figures`.
"""

from __future__ import annotations

from html import escape

from guardrails.report import svg
from guardrails.report.figures import Figures

_CSS = """
body { font: 15px/1.5 system-ui, sans-serif; color: #1d2433; margin: 0 auto; max-width: 64rem;
  padding: 1.5rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #dde; }
.muted, .empty { color: #5b6476; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: .6rem;
  margin: 1rem 0; }
.tile { background: #f3f6fb; border-radius: .4rem; padding: .6rem .8rem; }
.tile b { display: block; font-size: 1.5rem; }
table { border-collapse: collapse; margin: .6rem 0; }
th, td { text-align: left; padding: .25rem .8rem .25rem 0; }
th { border-bottom: 1px solid #ccd; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.ok { color: #17663a; font-weight: 600; } .broken { color: #a0141e; font-weight: 600; }
svg { max-width: 100%; height: auto; display: block; margin: .5rem 0; }
"""

GRANTED, WITHDRAWN, BOT, AGENT = "#2e8b57", "#d2691e", "#3468b8", "#8a4fb8"


def render(figures: Figures) -> str:
    chain = figures.audit_chain
    tiles = [
        ("conversations", figures.conversations),
        ("customer messages", figures.customer_messages),
        ("personal-data entities masked", sum(figures.masked_entities.values())),
        ("consent grants", figures.consent["granted"]),
        ("consent withdrawals", figures.consent["withdrawn"]),
        ("profile fields read", sum(figures.reads_by_actor.values())),
        ("refused access attempts", figures.refused_total),
        ("rights requests", sum(row.requested for row in figures.rights_requests)),
        ("purge runs", figures.purge_runs),
    ]
    sections = [
        f"<h1>Candor transparency report</h1>"
        f'<p class="muted">From {_day(figures.since)} to {_day(figures.generated_at)} (UTC), generated '
        f"{escape(figures.generated_at)} from the live tables. "
        "Customers appear in none of it: only counts.</p>",
        '<div class="tiles">'
        + "".join(f'<div class="tile"><b>{value:,}</b>{escape(label)}</div>' for label, value in tiles)
        + "</div>",
        _section(
            "Conversations",
            "Distinct conversations with activity each day (pseudonymous ids).",
            svg.columns(
                "Conversations per day", figures.days, [("conversations", BOT, figures.conversations_by_day)]
            ),
            ["day", "conversations"],
            list(figures.conversations_by_day.items()),
        ),
        _section(
            "Personal data masked, by type",
            "Typed placeholders in what customers wrote, as stored in the conversation log: the "
            "values themselves were never stored.",
            svg.bars("Entities masked by type", list(figures.masked_entities.items())),
            ["type", "masked"],
            list(figures.masked_entities.items()),
        ),
        _section(
            "Consent grants and withdrawals",
            f"{figures.consent['granted']} grant(s) and {figures.consent['withdrawn']} withdrawal(s) "
            "(a 'no' to the consent question counts as a withdrawal), from the audit trail, which "
            "outlives erasure.",
            svg.columns(
                "Consent changes per day",
                figures.days,
                [
                    ("granted", GRANTED, {day: n["granted"] for day, n in figures.consent_by_day.items()}),
                    (
                        "withdrawn",
                        WITHDRAWN,
                        {day: n["withdrawn"] for day, n in figures.consent_by_day.items()},
                    ),
                ],
            ),
            ["day", "granted", "withdrawn"],
            [(day, n["granted"], n["withdrawn"]) for day, n in figures.consent_by_day.items()],
        ),
        _section(
            "Profile reads by purpose and role",
            "Each row of the audit trail is one profile field read: by the assistant for a purpose "
            "(bot:…) or by a human agent in a role (agent:…).",
            svg.bars("Profile fields read by purpose and role", list(figures.reads_by_actor.items()), BOT),
            ["purpose or role", "fields read"],
            list(figures.reads_by_actor.items()),
        ),
        _section(
            "Refused access attempts",
            "Requests for a profile field outside the requester's role; each was refused and audited.",
            "",
            ["who", "field", "times"],
            [(row["actor"], row["field"], row["count"]) for row in figures.refused],
        ),
        _rights(figures),
        _section(
            "Retention purges",
            f"{figures.purge_runs} purge run(s) in the period (hourly while the server runs); those that "
            "deleted something past the retention period:",
            "",
            ["ran at", "older than", "trigger", "conversations", "tracker events", "log rows", "handoffs"],
            [
                (
                    run.ran_at,
                    run.cutoff,
                    run.trigger,
                    run.conversations,
                    run.tracker_events,
                    run.log_rows,
                    run.handoffs,
                )
                for run in figures.purges
            ],
        ),
        "<h2>Audit chain</h2>"
        + (
            f'<p class="ok">Intact: all {chain["rows"]:,} rows follow each other unaltered.</p>'
            if chain["intact"]
            else f'<p class="broken">Broken at row {chain["first_broken_id"]}: {escape(chain["reason"])} '
            f"({chain['rows']:,} rows checked).</p>"
        ),
    ]
    body = "\n".join(sections)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Candor transparency report</title><style>{_CSS}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def _rights(figures: Figures) -> str:
    rows = [
        (
            row.kind,
            row.requested,
            row.fulfilled,
            row.not_fulfilled,
            _duration(row.median_seconds),
            _duration(row.slowest_seconds),
        )
        for row in figures.rights_requests
    ]
    medians = [
        (row.kind, round(row.median_seconds / 3600, 1))
        for row in figures.rights_requests
        if row.median_seconds is not None
    ]
    return _section(
        "Rights requests and how fast they were fulfilled",
        "Access, export and erasure requests made in the period; time from request to fulfilment.",
        svg.bars("Median hours to fulfil, by kind", medians, GRANTED, " h") if medians else "",
        ["kind", "requested", "fulfilled", "not fulfilled", "median time", "slowest"],
        rows,
    )


def _section(title: str, intro: str, chart: str, header: list[str], rows: list[tuple]) -> str:
    if rows:
        cells = "".join(
            "<tr>"
            + "".join(
                f'<td class="n">{value:,}</td>'
                if isinstance(value, int)
                else f"<td>{escape(str(value))}</td>"
                for value in row
            )
            + "</tr>"
            for row in rows
        )
        table = (
            "<table><tr>" + "".join(f"<th>{escape(name)}</th>" for name in header) + f"</tr>{cells}</table>"
        )
    else:
        table = '<p class="empty">None in this period.</p>'
    return f"<h2>{escape(title)}</h2><p>{escape(intro)}</p>{chart}{table}"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def _day(iso: str) -> str:
    return escape(iso[:10])
