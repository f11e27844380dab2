"""Abstract bases every table shares."""

from django.db import models


class BaseModel(models.Model):
    """created_at and updated_at on every row."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
