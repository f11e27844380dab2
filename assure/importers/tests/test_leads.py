"""Splitting a lead cell into one string per lead."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assure.importers.leads import split_leads

FROM_THE_GOLD = [
    (
        "CSE Sub Group and Strategic Safeguarding Service Manager",
        ["CSE Sub Group", "Strategic Safeguarding Service Manager"],
    ),
    (
        "Senior Information Analyst; Consultant Social Worker",
        ["Senior Information Analyst", "Consultant Social Worker"],
    ),
    (
        "Strategic Safeguarding Service Manager; Chair of LSCB; Prison Governor",
        ["Strategic Safeguarding Service Manager", "Chair of LSCB", "Prison Governor"],
    ),
    (
        "Julie Harrison, Senior Communications Officer.",
        ["Julie Harrison, Senior Communications Officer"],
    ),
    (
        "Melanie Lockey, Head of Partnership Commissioning and "
        "Practice and Procedures sub group.",
        [
            "Melanie Lockey, Head of Partnership Commissioning",
            "Practice and Procedures sub group",
        ],
    ),
    (
        "Paul Nash Safeguarding Officer and Dara Lloyd, "
        "Manager, Child Death Review Process for "
        "Coventry, Solihull and Warwickshire.",
        [
            "Paul Nash Safeguarding Officer",
            "Dara Lloyd, Manager, Child Death Review Process for "
            "Coventry, Solihull and Warwickshire",
        ],
    ),
    (
        "Vanessa Bishop, Director of and Chairperson of",
        ["Vanessa Bishop, Director of and Chairperson of"],
    ),
    (
        "Karen Perry, PA to Safeguarding Children Business "
        "Manager Administrator to Local "
        "Safeguarding Children Board, Katharine Marsh, LSCB "
        "Administrator and LSCB Training "
        "Administrator",
        [
            "Karen Perry, PA to Safeguarding Children Business "
            "Manager Administrator to Local "
            "Safeguarding Children Board",
            "Katharine Marsh, LSCB Administrator",
            "LSCB Training Administrator",
        ],
    ),
    (
        "Sally Andrews Training and Development Officer and "
        "Joan McHugh Safeguarding Adults "
        "Development Manager",
        [
            "Sally Andrews Training and Development Officer",
            "Joan McHugh Safeguarding Adults Development Manager",
        ],
    ),
    (
        "Paul Nash, Safeguarding Officer and Steve Martin, "
        "Chief Education Welfare Officer",
        [
            "Paul Nash, Safeguarding Officer",
            "Steve Martin, Chief Education Welfare Officer",
        ],
    ),
    (
        "L Campion/ Quality & Performance Group",
        ["L Campion", "Quality & Performance Group"],
    ),
    (
        "C Gill/ CSE Sub- Group/ Public Health",
        ["C Gill", "CSE Sub- Group", "Public Health"],
    ),
    ("I Pearson/ M Sancho", ["I Pearson", "M Sancho"]),
    (
        "Neglect multi-agency task and finish group",
        ["Neglect multi-agency task and finish group"],
    ),
    (
        "<p>Missing Exploited and Trafficked Group</p> <p>METRAC</p>",
        ["Missing Exploited and Trafficked Group", "METRAC"],
    ),
    (
        "<p>Education group (Primary) PQA (secondary)</p>",
        ["Education group (Primary)", "PQA (secondary)"],
    ),
    (
        "Partnership Support Team and Adult Board Manager",
        ["Partnership Support Team", "Adult Board Manager"],
    ),
    (
        "Workforce Development / Adult Board (primary) "
        "Learning and Inquiry Group (secondary)",
        [
            "Workforce Development",
            "Adult Board (primary)",
            "Learning and Inquiry Group (secondary)",
        ],
    ),
    (
        "4LSCB / Partnership Support Team / Workforce Development",
        ["4LSCB", "Partnership Support Team", "Workforce Development"],
    ),
    (
        "Trust, CCG and NHS England via Executive Group (Primary) PQA (Secondary)",
        ["Trust, CCG and NHS England via Executive Group (Primary)", "PQA (Secondary)"],
    ),
    (
        "Public Health led Task and Finish Group",
        ["Public Health led Task and Finish Group"],
    ),
    (
        "Missing Exploited and Trafficked / Workforce Development and Education groups",
        [
            "Missing Exploited and Trafficked",
            "Workforce Development",
            "Education groups",
        ],
    ),
    ("MET/ Workforce Development Group", ["MET", "Workforce Development Group"]),
    ("Education sub group / Public Health", ["Education sub group", "Public Health"]),
    (
        "Liz Murphy Safeguarding Children Business Manager",
        ["Liz Murphy Safeguarding Children Business Manager"],
    ),
    (
        "Sally Andrews, Training & Development Officer",
        ["Sally Andrews, Training & Development Officer"],
    ),
]

INVENTED = [
    (
        "Head of Children's Services and the Police",
        ["Head of Children's Services", "the Police"],
    ),
    ("Jane Smith and John Brown", ["Jane Smith", "John Brown"]),
    ("Health and Wellbeing Board", ["Health and Wellbeing Board"]),
    (
        "Children and Young People's Partnership",
        ["Children and Young People's Partnership"],
    ),
    ("Learning and Development Sub Group", ["Learning and Development Sub Group"]),
    (
        "Policy and Procedures Committee; Chair",
        ["Policy and Procedures Committee", "Chair"],
    ),
    (
        "Quality Assurance Panel and Designated Nurse",
        ["Quality Assurance Panel", "Designated Nurse"],
    ),
    ("Housing, Education and Health", ["Housing, Education and Health"]),
    ("DCS\nDirector of Public Health", ["DCS", "Director of Public Health"]),
    (
        "Board Manager (lead) Business Support (support)",
        ["Board Manager (lead)", "Business Support (support)"],
    ),
    ("• Head of Safeguarding\n• Named Nurse", ["Head of Safeguarding", "Named Nurse"]),
    ("Mr J. Smith, Head of Service.", ["Mr J. Smith, Head of Service"]),
    ("", []),
    ("   ", []),
    ("All partners", ["All partners"]),
]


@pytest.mark.parametrize(("cell", "leads"), FROM_THE_GOLD + INVENTED)
def test_split_leads(cell, leads):
    assert split_leads(cell) == leads


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_never_raises(text):
    leads = split_leads(text)
    assert all(lead == lead.strip() and lead for lead in leads)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "and",
                "And",
                "/",
                ";",
                ",",
                "Group",
                "sub",
                "Manager",
                "of",
                "the",
                "(Primary)",
                "\n",
                "Jane",
                "Smith",
                "Board",
                "&",
                ".",
                "Trafficked",
                "groups",
            ]
        ),
        max_size=12,
    )
)
def test_never_raises_on_lead_like_words(words):
    split_leads(" ".join(words))
