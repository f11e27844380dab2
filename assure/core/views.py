"""Home: the partnerships a person belongs to; and error pages."""

from django.shortcuts import redirect, render

from assure.accounts.models import Membership
from assure.accounts.permissions import membership_role, partnership_list_for


def home(request):
    if not request.user.is_authenticated:
        return redirect("public:plan_list")
    partnerships = list(partnership_list_for(user=request.user))
    rows = [
        {
            "partnership": p,
            "role": Membership.Role(
                membership_role(user=request.user, partnership=p)
            ).label,
        }
        for p in partnerships
    ]
    return render(request, "core/home.html", {"rows": rows})


def page_not_found(request, exception):
    return render(request, "core/404.html", {}, status=404)


def permission_denied(request, exception):
    return render(
        request, "core/403.html", {"reason": str(exception or "")}, status=403
    )


def server_error(request):
    return render(request, "core/500.html", {}, status=500)


def bad_request(request, exception):
    return render(request, "core/400.html", {}, status=400)


def csrf_failure(request, reason: str = ""):
    """A form sent from an old page: say what to do, in our own page."""
    message = (
        "This form has expired or was sent from another site. Go back, reload the page "
        "and try again. Nothing was saved."
    )
    return render(request, "core/403.html", {"reason": message}, status=403)
