import subprocess
import sys

from actionlearning.cli import main


def test_programme_lists_sessions(capsys):
    assert main(["programme"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 9 and out[0].startswith("session-01  Why action learning?")


def test_programme_variant(capsys):
    assert main(["programme", "--meetings", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("meeting 1  week  1  session-01, session-02, session-03")


def test_no_command_prints_help_and_fails(capsys):
    assert main([]) == 2
    assert "programme" in capsys.readouterr().err


def test_python_dash_m_and_console_script_agree():
    a = subprocess.run([sys.executable, "-m", "actionlearning", "programme"], capture_output=True, text=True)
    b = subprocess.run([str(__import__("pathlib").Path(sys.executable).parent / "actionlearning"), "programme"],
                       capture_output=True, text=True)
    assert a.returncode == b.returncode == 0 and a.stdout == b.stdout and "session-09" in a.stdout
