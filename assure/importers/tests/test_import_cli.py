"""`assure import`: print plan/1, dry-run, or save a draft plan."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assure.cli import cli
from assure.plans.models import Plan

SEEDS = Path(__file__).resolve().parents[2] / "demo" / "data" / "seeds"
IOW = SEEDS / "004_49595ce4b47897f8.txt"


@pytest.mark.django_db
class TestImportCommand:
    def test_json_prints_plan1_and_saves_nothing(self):
        result = CliRunner().invoke(cli, ["import", str(IOW), "--json"])

        assert result.exit_code == 0, result.output
        document = json.loads(result.stdout)
        assert document["format"] == "plan/1"
        assert sum(len(p["actions"]) for p in document["priorities"]) == 21
        assert Plan.objects.count() == 0

    def test_dry_run_reports_and_saves_nothing(self):
        result = CliRunner().invoke(cli, ["import", str(IOW), "--dry-run"])

        assert result.exit_code == 0, result.output
        assert "21 actions" in result.output
        assert Plan.objects.count() == 0

    def test_saves_a_draft_with_the_original_kept(self, partnership):
        result = CliRunner().invoke(
            cli, ["import", str(IOW), "--partnership", partnership.slug]
        )

        assert result.exit_code == 0, result.output
        plan = Plan.objects.get(pk=int(result.stdout.strip().splitlines()[-1]))
        assert plan.status == Plan.Status.DRAFT
        assert plan.source_file.read() == IOW.read_bytes()

    def test_a_bad_file_exits_non_zero_with_one_sentence(self, tmp_path):
        bad = tmp_path / "plan.pdf"
        bad.write_bytes(b"PK\x03\x04 this is not really anything")

        result = CliRunner().invoke(cli, ["import", str(bad)])

        assert result.exit_code != 0
        assert "Traceback" not in result.output
        assert Plan.objects.count() == 0
