import pytest
from assure.plans.selectors import change_list
@pytest.mark.django_db
def test_x(plan_world):
    for c in change_list(partnership=plan_world.partnership)[0:40]:
        print(c.what, c.details)
