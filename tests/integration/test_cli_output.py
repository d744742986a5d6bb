"""What the command line prints is data, never markup: brackets in a list come out as written."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli


def test_brackets_in_names_and_reasons_are_printed_as_written(cli: Cli, tmp_path: Path) -> None:
    assert cli("init").exit_code == 0
    good = tmp_path / "good.csv"
    good.write_text("Full name,Date of death\nTarvel [red]Qosmanov[/red],14.10.2020\n")
    assert (
        cli("import", str(good), "--status", "killed", "--published", "2021-01-01").exit_code == 0
    )
    assert "Tarvel [red]Qosmanov[/red]" in cli("person", "1").output

    bad = tmp_path / "bad.csv"
    bad.write_text("Full name,Status\nHəlrəd Bəzmirov,[fallen]\n")
    result = cli("import", str(bad), "--published", "2021-01-01")
    assert result.exit_code == 1
    assert "unknown status word '[fallen]'" in result.output
    assert "[statuses]" in result.output
