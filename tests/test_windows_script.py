"""`chay-tong-hop.bat`, the Windows officer's `make`: kept in step with the Makefile's `run`.

Windows is not in CI; what can be checked here is that the script says what the Makefile says
and that cmd can read it (ASCII, CRLF, every `goto` has its label)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "chay-tong-hop.bat"


def _lines() -> list[str]:
    return SCRIPT.read_bytes().decode("ascii").split("\r\n")


def test_the_script_is_ascii_with_crlf_line_ends():
    data = SCRIPT.read_bytes()
    data.decode("ascii")  # cmd reads a batch file in the OEM code page
    assert data.count(b"\n") == data.count(b"\r\n") > 20


def test_the_script_runs_what_make_runs_with_the_same_install_stamp():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    made = re.search(r"^run:.*\n(?:\t.*\n)*?\t\$\(BIN\)/giamngheo (run .*)$", makefile, re.M)
    assert made is not None
    stamp = re.search(r"^STAMP := \$\(VENV\)/(\S+)$", makefile, re.M).group(1)
    lines = _lines()
    runs = [line for line in lines if "giamngheo.exe" in line]
    assert runs == [f'".venv\\Scripts\\giamngheo.exe" {made.group(1)} %*']
    # installed again when pyproject.toml changed (make: the stamp older than pyproject.toml):
    # the stamp is the copy of pyproject.toml the install was made from, compared byte by byte
    assert f'fc /b pyproject.toml ".venv\\{stamp}" >nul 2>&1' in lines
    at = lines.index(f'fc /b pyproject.toml ".venv\\{stamp}" >nul 2>&1')
    assert lines[at + 1] == "if not errorlevel 1 goto :run"
    assert f'copy /y pyproject.toml ".venv\\{stamp}" >nul' in lines
    # a failed install removes a .venv it made, not the one an earlier install left working
    assert 'if not exist ".venv\\Scripts\\python.exe" set NEW_VENV=1' in lines
    assert [line for line in lines if "rmdir" in line] == ['if "%NEW_VENV%"=="1" rmdir /s /q .venv']
    # The tool and its pinned dependencies, not the test tools.
    assert '".venv\\Scripts\\python.exe" -m pip install --quiet -e .' in lines


def test_every_goto_has_its_label():
    lines = _lines()
    labels = {line[1:] for line in lines if line.startswith(":")}
    targets = {m.group(1) for line in lines for m in re.finditer(r"goto :(\w+)", line)}
    assert targets == {"run", "no_python", "not_installed"}
    assert targets <= labels
