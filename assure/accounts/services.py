"""Writes to accounts: granting roles, creating people."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from .models import Membership, Partnership, User


@transaction.atomic
def membership_grant(
    *,
    email: str,
    partnership: Partnership,
    role: str,
    password: str | None = None,
    full_name: str = "",
) -> tuple[User, bool]:
    """Give a person a role in a partnership, creating their account if needed."""
    email = email.strip().lower()
    validate_email(email)
    if role not in Membership.Role.values:
        raise ValidationError(f"Choose a role: {', '.join(Membership.Role.values)}")
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        if not password:
            raise ValidationError("Enter a password for the new account")
        user = User(email=email, full_name=full_name)
        validate_password(password, user)
        user.set_password(password)
        user.save()
    elif password:
        validate_password(password, user)
        user.set_password(password)
        user.save(update_fields=["password"])
    Membership.objects.update_or_create(
        user=user, partnership=partnership, defaults={"role": role}
    )
    return user, created
