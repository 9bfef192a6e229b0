"""`candor mask` and `candor scan-data` through their register()/run() functions."""

from __future__ import annotations

import argparse
import io
import json
import sys

import pytest

from guardrails.cli import CommandError, mask, scan_data


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="candor")
    subparsers = parser.add_subparsers(dest="command", required=True)
    mask.register(subparsers)
    scan_data.register(subparsers)
    return parser.parse_args(argv)


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["my email is alice@example.com"], ["my email is <EMAIL_ADDRESS>"]),  # one line
        (["", "hello", ""], ["", "hello", ""]),  # empty lines kept, count preserved
        (["call 07700 900123", "order 10007"], ["call <PHONE_NUMBER>", "order 10007"]),  # order preserved
    ],
)
def test_when_mask_reads_lines_then_it_writes_one_masked_line_per_input_line(
    monkeypatch, capsys, lines, expected
):
    _stdin(monkeypatch, ("\n".join(lines) + "\n").encode())
    assert _parse("mask").func(_parse("mask")) == 0
    assert capsys.readouterr().out.splitlines() == expected


def test_when_mask_has_json_flag_then_each_line_is_an_object_with_input_offsets(monkeypatch, capsys):
    line = "I'm Alice Example, alice@example.com"
    _stdin(monkeypatch, f"{line}\r\nno pii here\n".encode())
    args = _parse("mask", "--json")
    assert args.func(args) == 0
    first, second = (json.loads(x) for x in capsys.readouterr().out.splitlines())
    assert first["text"] == "I'm <PERSON>, <EMAIL_ADDRESS>"
    assert [line[s["start"] : s["end"]] for s in first["spans"]] == ["Alice Example", "alice@example.com"]
    assert set(first["spans"][0]) == {"start", "end", "entity_type", "score"}
    assert second == {"text": "no pii here", "spans": []}


def test_when_mask_gets_invalid_utf8_then_it_fails_with_one_line_reason(monkeypatch):
    _stdin(monkeypatch, b"ok\n\xff\xfe\n")
    with pytest.raises(CommandError, match="not valid UTF-8"):
        mask.run(_parse("mask"))


@pytest.mark.parametrize(
    "content, code, output",
    [
        (
            "nlu:\n- intent: x\n  examples: |\n    - mail me at jane.real@gmail.com\n",
            1,
            "nlu.yml:4: EMAIL_ADDRESS",
        ),
        ("nlu:\n- intent: x\n  examples: |\n    - mail me at alice@example.com\n", 0, "clean"),
    ],
)
def test_when_scan_data_runs_then_findings_set_the_exit_code(tmp_path, capsys, content, code, output):
    (tmp_path / "nlu.yml").write_text(content)
    args = _parse("scan-data", str(tmp_path))
    assert args.func(args) == code
    captured = capsys.readouterr()
    assert output in captured.out
    assert "gmail" not in captured.out  # findings are printed masked
    if code:
        assert captured.err.count("\n") == 1 and "allowlist" in captured.err


def test_when_scan_data_path_is_missing_then_it_fails_with_one_line_reason(tmp_path):
    with pytest.raises(CommandError, match="no such file or folder"):
        scan_data.run(_parse("scan-data", str(tmp_path / "nope")))


def test_the_installed_command_masks_without_loading_tensorflow():
    # thinc would import TensorFlow (2 s, its log lines on stderr) only because it is installed.
    import subprocess
    from pathlib import Path

    command = Path(sys.executable).parent / "candor"
    script = ("import sys; from guardrails.cli import run; sys.argv = ['candor', 'mask']; code = run(); "
              "sys.stderr.write('tensorflow loaded: %s' % (sys.modules.get('tensorflow') is not None)); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", script], input="call 07700 900123\n", capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "call <PHONE_NUMBER>\n"
    assert done.stderr.endswith("tensorflow loaded: False")
    assert command.is_file() and "guardrails.cli import run" in command.read_text()
