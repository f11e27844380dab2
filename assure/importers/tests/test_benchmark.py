"""Every seed and rendering reads with the benchmark's targets met."""

import json
import time
from pathlib import Path

import pytest

from assure.importers import read_plan
from assure.importers.scoring import MAX_SECONDS, score_plan

DATA = Path(__file__).resolve().parents[2] / "demo" / "data"
RENDERINGS = Path(__file__).resolve().parent / "data" / "renderings"
FILES = sorted((DATA / "seeds").glob("*.txt")) + sorted(RENDERINGS.glob("*.*"))


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_reads_with_targets_met(path):
    gold = json.loads((DATA / "gold" / f"{path.name.split('.')[0]}.json").read_text())
    started = time.perf_counter()
    result = read_plan(path.read_bytes(), path.name)
    elapsed = time.perf_counter() - started

    score = score_plan(gold, result.plan)

    assert score.misses() == [], score
    assert (
        elapsed <= MAX_SECONDS * 2
    )  # generous here: CI machines vary; the bench is strict


def test_seed_plan_details():
    path = DATA / "seeds" / "004_49595ce4b47897f8.txt"
    plan = read_plan(path.read_bytes(), path.name).plan

    assert plan["format"] == "plan/1"
    assert plan["partnership"] == "Isle of Wight Safeguarding Children Board"
    assert plan["title"] == "Business Plan 2017 -2018"
    assert plan["period"] == {"start": "2017-04-01", "end": "2018-03-31"}
    first = plan["priorities"][0]
    assert first["title"] == "Child Neglect"
    assert first["aim"].startswith("To embed the Neglect Strategy")
    action = first["actions"][0]
    assert action["ref"] == "1.1"
    assert action["objective"].startswith("The IOWSCB is assured")
    assert action["due"] == {
        "text": "Toolkit finalised by end of Q3",
        "date": "2017-12-31",
    }
    assert action["monitoring"] == "Reports to Exec and Board. Case file audits."
    assert (
        action["outputs"][0]
        == "Toolkits will be published and disseminated across agencies."
    )


def test_score_counts_missing_and_extra_actions():
    gold = {
        "priorities": [
            {
                "actions": [
                    {
                        "text": "Write the neglect strategy",
                        "ref": "1.1",
                        "leads": ["A"],
                        "due": None,
                    },
                    {
                        "text": "Audit child protection conferences",
                        "ref": "1.2",
                        "leads": [],
                        "due": None,
                    },
                ]
            }
        ]
    }
    read = {
        "priorities": [
            {
                "actions": [
                    {
                        "text": "Write the neglect strategy.",
                        "ref": "1.1",
                        "leads": ["a"],
                        "due": None,
                    },
                    {
                        "text": "Something else entirely",
                        "ref": None,
                        "leads": [],
                        "due": None,
                    },
                ]
            }
        ]
    }

    score = score_plan(gold, read)

    assert (score.recall, score.precision, score.leads, score.ref) == (
        0.5,
        0.5,
        1.0,
        1.0,
    )
