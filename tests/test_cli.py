"""The `assure` command, run in-process against the test database."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assure.accounts.models import Membership, Partnership, User
from assure.cli import cli
from assure.plans.models import Action, Plan

GOLD = Path(__file__).resolve().parents[1] / "assure" / "demo" / "data" / "gold"
IOW = GOLD / "004_49595ce4b47897f8.json"


def run(*args: str, env: dict | None = None, input: str | None = None):
    return CliRunner().invoke(
        cli, list(args), env=env, input=input, catch_exceptions=False
    )


@pytest.fixture
def bad_file(tmp_path) -> Path:
    document = json.loads(IOW.read_text(encoding="utf-8"))
    document["priorities"][1]["actions"][2]["due"]["date"] = "31/03/2018"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.django_db
class TestPartnershipsAndPlans:
    def test_lists_partnerships_by_slug(self, partnership, other_partnership):
        result = run("partnerships")

        assert result.exit_code == 0
        assert result.output == (
            "northshire\tNorthshire Safeguarding Children Partnership\n"
            "southshire\tSouthshire Safeguarding Children Partnership\n"
        )

    def test_lists_plans(self, plan):
        result = run("plans")

        assert result.output == f"{plan.pk}\tnorthshire\t{plan.title}\tapproved\n"

    def test_lists_one_partnerships_plans(self, plan, other_partnership):
        assert run("plans", "--partnership", "southshire").output == ""

    def test_an_unknown_partnership_is_an_error(self, partnership):
        result = CliRunner().invoke(cli, ["plans", "--partnership", "nowhere"])

        assert result.exit_code == 1
        assert (
            "No partnership 'nowhere'. Known partnerships: northshire" in result.output
        )


@pytest.mark.django_db
class TestLoad:
    def test_creates_the_partnership_and_prints_the_plan_id(self):
        result = run("load", str(IOW))

        assert result.exit_code == 0
        plan = Plan.objects.get()
        assert result.output == f"{plan.pk}\n"
        assert plan.partnership.slug == "isle-of-wight"
        assert plan.source_name == IOW.name
        assert Action.objects.count() == 21

    def test_loads_into_a_named_partnership(self, partnership):
        result = run("load", str(IOW), "--partnership", "northshire")

        assert result.exit_code == 0
        assert Plan.objects.get().partnership == partnership
        assert Partnership.objects.count() == 1

    def test_an_invalid_file_names_the_field_and_saves_nothing(self, bad_file):
        result = CliRunner().invoke(cli, ["load", str(bad_file)])

        assert result.exit_code != 0
        assert "is not a valid plan/1 document; nothing was saved" in result.output
        assert "priorities[2].actions[3].due" in result.output
        assert (Partnership.objects.count(), Plan.objects.count()) == (0, 0)

    def test_a_file_without_a_partnership_names_that_field(self, tmp_path):
        document = json.loads(IOW.read_text(encoding="utf-8"))
        del document["partnership"]
        path = tmp_path / "nameless.json"
        path.write_text(json.dumps(document), encoding="utf-8")

        result = CliRunner().invoke(cli, ["load", str(path)])

        assert result.exit_code != 0
        assert "add the required field 'partnership'" in result.output
        assert (Partnership.objects.count(), Plan.objects.count()) == (0, 0)

    def test_a_file_that_is_not_json_is_refused(self, tmp_path):
        path = tmp_path / "plan.json"
        path.write_text("Priority 1: neglect", encoding="utf-8")

        result = CliRunner().invoke(cli, ["load", str(path)])

        assert result.exit_code != 0
        assert "is not valid JSON" in result.output
        assert Plan.objects.count() == 0


@pytest.mark.django_db
class TestExport:
    def test_json_equals_the_loaded_document(self):
        plan_id = run("load", str(IOW)).output.strip()

        result = run("export", "--plan", plan_id, "--format", "json")

        assert result.exit_code == 0
        assert json.loads(result.output) == json.loads(IOW.read_text(encoding="utf-8"))

    def test_writes_a_file(self, plan, tmp_path):
        out = tmp_path / "plan.json"

        result = run("export", "--plan", str(plan.pk), "--output", str(out))

        assert result.exit_code == 0
        assert json.loads(out.read_text(encoding="utf-8"))["title"] == plan.title

    def test_an_unknown_plan_is_an_error(self, db):
        result = CliRunner().invoke(cli, ["export", "--plan", "999"])

        assert result.exit_code == 1
        assert "No plan with ID 999" in result.output


@pytest.mark.django_db
class TestGrant:
    def test_creates_an_account_with_the_password_from_the_environment(
        self, partnership
    ):
        result = run(
            "grant",
            "Priya.Shah@Example.org.uk",
            "--partnership",
            "northshire",
            "--role",
            "lead",
            "--name",
            "Priya Shah",
            env={"ASSURE_PASSWORD": "a-long-enough-password"},
        )

        assert result.exit_code == 0
        assert (
            result.output == "Created priya.shah@example.org.uk: lead of northshire\n"
        )
        user = User.objects.get(email="priya.shah@example.org.uk")
        assert user.check_password("a-long-enough-password")
        assert user.full_name == "Priya Shah"
        assert Membership.objects.get(user=user).role == "lead"

    def test_asks_for_a_password_when_none_is_set(self, partnership):
        result = run(
            "grant",
            "new@example.org.uk",
            "--partnership",
            "northshire",
            "--role",
            "member",
            env={"ASSURE_PASSWORD": ""},
            input="a-long-enough-password\na-long-enough-password\n",
        )

        assert result.exit_code == 0
        assert User.objects.get(email="new@example.org.uk").check_password(
            "a-long-enough-password"
        )

    def test_changes_the_role_of_an_existing_account(self, member_user):
        result = run(
            "grant",
            member_user.email,
            "--partnership",
            "northshire",
            "--role",
            "manager",
            env={"ASSURE_PASSWORD": ""},
        )

        assert result.output == f"Updated {member_user.email}: manager of northshire\n"
        assert Membership.objects.get(user=member_user).role == "manager"

    def test_a_weak_password_is_refused(self, partnership):
        result = CliRunner().invoke(
            cli,
            [
                "grant",
                "x@example.org.uk",
                "--partnership",
                "northshire",
                "--role",
                "lead",
            ],
            env={"ASSURE_PASSWORD": "password"},
        )

        assert result.exit_code == 1
        assert "too common" in result.output
        assert not User.objects.exists()


@pytest.mark.django_db
class TestDjangoCommands:
    def test_other_names_run_djangos_commands(self):
        result = run("check")

        assert result.exit_code == 0
        assert "System check identified no issues" in result.output

    def test_an_unknown_command_is_an_error(self):
        result = CliRunner().invoke(cli, ["no-such-command"])

        assert result.exit_code == 2
        assert "No such command" in result.output

    def test_help_lists_our_commands(self):
        result = run("--help")

        for command in ("partnerships", "plans", "load", "export", "grant", "demo"):
            assert command in result.output
