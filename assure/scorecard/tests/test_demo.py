import pytest

from assure.demo.scorecard import scorecard_demo_load


@pytest.mark.django_db
class TestScorecardDemoLoad:
    def test_loads_official_and_illustrative_local_figures(
        self, partnership, manager_user, priority, today
    ):
        partnership.la_code = "921"
        partnership.save()

        summary = scorecard_demo_load(partnership)

        assert summary == "3458 official figures, 4 local indicators"
        local = partnership.indicators.local()
        assert local.count() == 4
        for indicator in local:
            assert "Illustrative" in indicator.definition
            assert indicator.target is not None
            assert indicator.priorities.exists()
            periods = [m.period for m in indicator.measurements.all()]
            assert (
                periods[-1] == "2025-Q4"
            )  # the last full quarter before 14 March 2026
            assert len(periods) == 6
            assert all("Illustrative" in m.note for m in indicator.measurements.all())
        assert partnership.indicators.get(
            code="core_group_10d_pct"
        ).commentaries.count()

    def test_loading_twice_changes_nothing_more(self, partnership, manager_user, today):
        scorecard_demo_load(partnership)
        scorecard_demo_load(partnership)

        assert partnership.indicators.count() == 4
        assert (
            partnership.indicators.get(code="rhi_offered_pct").measurements.count() == 6
        )
