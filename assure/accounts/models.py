"""People, partnerships, their agencies and groups, and who may do what."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from assure.core.models import BaseModel


class UserManager(BaseUserManager):
    """Users sign in with their email address."""

    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields):
        if not email:
            raise ValueError("Enter an email address")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)


class User(AbstractUser):
    """A person who signs in. Roles come from their memberships."""

    username = None
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=200, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def display_name(self) -> str:
        return self.full_name or self.email


class Partnership(BaseModel):
    """A Safeguarding Children Partnership (or, before 2019, an LSCB)."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=80, blank=True)
    area_name = models.CharField("local authority area", max_length=120, blank=True)
    la_code = models.CharField(
        "local authority code",
        max_length=12,
        blank=True,
        help_text="The DfE three-digit or ONS code of the area, for official statistics.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("plans:dashboard", kwargs={"partnership": self.slug})

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class Agency(BaseModel):
    """A partner organisation: council, police, NHS trust, school, charity."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="agencies"
    )
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="agency_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Group(BaseModel):
    """A meeting of the partnership: board, executive, sub-group, task and finish."""

    class Kind(models.TextChoices):
        BOARD = "board", "Board"
        EXECUTIVE = "executive", "Executive group"
        SUB_GROUP = "sub_group", "Sub-group"
        TASK_AND_FINISH = "task_and_finish", "Task and finish group"
        OTHER = "other", "Other group"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="groups"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.SUB_GROUP)
    chair = models.ForeignKey(
        "Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chaired_groups",
        help_text="The group's chair can record progress on actions the group leads.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="group_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Person(BaseModel):
    """Someone named in the plan; they may or may not have a sign-in."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="people"
    )
    name = models.CharField(max_length=200)
    role_title = models.CharField(max_length=200, blank=True)
    agency = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="people"
    )
    email = models.EmailField(blank=True)
    user = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="people"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.name}, {self.role_title}" if self.role_title else self.name


class Membership(BaseModel):
    """A user's role in one partnership."""

    class Role(models.TextChoices):
        MANAGER = "manager", "Business manager"
        LEAD = "lead", "Lead"
        MEMBER = "member", "Member"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "partnership"], name="membership_one_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} of {self.partnership}"
