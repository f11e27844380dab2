import csv

import pytest
from click.testing import CliRunner

from assure.cli import cli
from assure.scorecard import dfe
from assure.scorecard.models import Measurement


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.django_db(transaction=True)
class TestScorecardCommands:
    def test_load_dfe_then_export_equals_the_engine(
        self, runner, partnership, tmp_path
    ):
        loaded = runner.invoke(
            cli,
            [
                "scorecard",
                "load-dfe",
                "--partnership",
                "northshire",
                "--la",
                "South Gloucestershire",
            ],
        )

        assert loaded.exit_code == 0, loaded.output
        assert "South Gloucestershire (803, E06000025)" in loaded.output
        partnership.refresh_from_db()
        assert partnership.la_code == "803"

        output = tmp_path / "803.csv"
        exported = runner.invoke(
            cli,
            [
                "scorecard",
                "export",
                "--partnership",
                "northshire",
                "--format",
                "csv",
                "--output",
                str(output),
            ],
        )

        assert exported.exit_code == 0, exported.output
        with output.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert tuple(reader.fieldnames) == dfe.EXPORT_COLUMNS
            rows = list(reader)
        assert rows == dfe.export_rows(
            dfe.compute_indicators(dfe.find_authority("803"))
        )

    def test_export_to_standard_output(self, runner, partnership):
        runner.invoke(
            cli, ["scorecard", "load-dfe", "--partnership", "northshire", "--la", "921"]
        )

        result = runner.invoke(
            cli, ["scorecard", "export", "--partnership", "northshire"]
        )

        assert result.exit_code == 0
        assert result.output.startswith("indicator,period,geography,")
        assert ",sn," not in result.output  # single neighbours are not exported

    def test_an_unknown_authority_fails_naming_close_matches(self, runner, partnership):
        result = runner.invoke(
            cli,
            [
                "scorecard",
                "load-dfe",
                "--partnership",
                "northshire",
                "--la",
                "Somersett",
            ],
        )

        assert result.exit_code == 1
        assert "Did you mean: Somerset" in result.output
        assert not Measurement.objects.exists()

    def test_an_unknown_partnership_fails(self, runner, partnership):
        result = runner.invoke(
            cli,
            ["scorecard", "load-dfe", "--partnership", "nowhere", "--la", "921"],
        )

        assert result.exit_code == 1
        assert "No partnership 'nowhere'" in result.output

    def test_authorities_lists_codes_and_names(self, runner):
        result = runner.invoke(cli, ["scorecard", "authorities"])

        assert result.exit_code == 0
        assert "921\tIsle of Wight" in result.output.splitlines()
