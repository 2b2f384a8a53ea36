"""Investment projects (招商项目): what a zone offers investors.

A project belongs to a zone and is managed by that zone's administrators.
It is public while published and not past its valid-until date; an expired
project leaves the lists by itself (no scheduled job) and its own page says
it is closed.
"""

import reversion
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager

from core.bilingual import in_page_language
from core.images import (
    IMAGE_VALIDATORS,
    CleanImageField,
    GalleryImage,
    first_picture,
    prefetch_first_pictures,
)
from core.paths import detail_path
from core.sanitize import EDITOR_EXTENSIONS, clean_html
from zones.models import Industry, Zone


class ProjectQuerySet(models.QuerySet):
    def live(self):
        """Published, of a published zone."""
        return self.filter(is_published=True, zone__is_published=True)

    def unexpired(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))

    def published(self):
        """The projects public lists show: live and not past valid-until."""
        return self.live().unexpired()

    def open(self):
        """Published and still taking investors' interest (see is_open)."""
        return self.published().filter(status__in=OPEN_STATUSES)

    def for_cards(self):
        """With what a project card shows (its zone and industry) and no
        more: no zone profile, no description."""
        return self.select_related("zone", "industry").only(
            "title", "title_en", "status", "cooperation", "investment",
            "currency", "valid_until", "created_at",
            "zone__name", "zone__name_en", "zone__slug",
            "industry__name", "industry__name_en", "industry__slug",
        )  # fmt: skip


def description_text(*descriptions):
    """The plain text of descriptions (rich text), one line each: what the
    site search reads, so that it never matches tag or attribute names."""
    lines = (" ".join(strip_tags(html or "").split()) for html in descriptions)
    return "\n".join(line for line in lines if line)


# A version keeps the project's pictures with it (see core.history).
@reversion.register(follow=("images",), exclude=("tags",))
class Project(models.Model):
    """A project a zone seeks investors for."""

    class Cooperation(models.TextChoices):
        SOLE = "sole", _("wholly owned (独资)")
        JOINT_VENTURE = "joint_venture", _("joint venture (合资)")
        COOPERATION = "cooperation", _("cooperation (合作)")
        FACTORY_LEASE = "factory_lease", _("factory lease (租赁厂房)")
        LAND_TRANSFER = "land_transfer", _("land transfer (土地出让)")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        SEEKING = "seeking", _("seeking investors")
        NEGOTIATING = "negotiating", _("in negotiation")
        SIGNED = "signed", _("signed")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Currency(models.TextChoices):
        CNY = "CNY", _("yuan (CNY)")
        USD = "USD", _("US dollars (USD)")
        EUR = "EUR", _("euros (EUR)")

    zone = models.ForeignKey(
        Zone, verbose_name=_("zone"), on_delete=models.CASCADE, related_name="projects"
    )
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("English title"), max_length=250, blank=True)
    industry = models.ForeignKey(
        Industry,
        verbose_name=_("industry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        help_text=_("The catalogue industry the project belongs to."),
    )
    tags = TaggableManager(
        verbose_name=_("tags"),
        blank=True,
        help_text=_("Free keywords, separated by commas."),
    )
    cooperation = models.CharField(
        _("kind of cooperation"), max_length=20, choices=Cooperation.choices
    )
    investment = models.DecimalField(
        _("total investment"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("In millions of the currency below (万 ÷ 100)."),
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.CNY
    )
    land_mu = models.DecimalField(
        _("land on offer (mu)"), max_digits=10, decimal_places=1, null=True, blank=True
    )
    floor_space_m2 = models.PositiveIntegerField(
        _("floor space on offer (m²)"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SEEKING
    )
    description = ProseEditorField(
        _("description"),
        extensions=EDITOR_EXTENSIONS,
        sanitize=clean_html,
        blank=True,
    )
    description_en = ProseEditorField(
        _("English description"),
        extensions=EDITOR_EXTENSIONS,
        sanitize=clean_html,
        blank=True,
    )
    contact_name = models.CharField(_("contact person"), max_length=100, blank=True)
    contact_phone = models.CharField(
        _("contact phone"),
        max_length=50,
        blank=True,
        help_text=_("Leave empty to show the zone's phone."),
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Leave empty to show the zone's email."),
    )
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("After this day the project leaves the lists and shows as closed."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    # Kept by save(): the descriptions without markup, for the site search.
    description_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        verbose_name = _("investment project")
        verbose_name_plural = _("investment projects")
        indexes = [
            # The public list: published projects, newest first.
            models.Index(
                fields=["is_published", "-created_at"], name="projects_pub_idx"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.description = clean_html(self.description)
        self.description_en = clean_html(self.description_en)
        self.description_text = description_text(self.description, self.description_en)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and (
            {"description", "description_en"} & set(update_fields)
        ):
            kwargs["update_fields"] = {*update_fields, "description_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return detail_path("projects:detail", "pk", self.pk)

    def is_expired(self, today=None):
        today = today or timezone.localdate()
        return self.valid_until is not None and self.valid_until < today

    def is_open(self, today=None):
        """Does the project still take investors' interest?"""
        return (
            self.is_published
            and not self.is_expired(today)
            and self.status in OPEN_STATUSES
        )

    @property
    def display_title(self):
        return in_page_language(self.title, self.title_en)

    @property
    def display_description(self):
        return in_page_language(self.description, self.description_en)

    @property
    def thumbnail(self):
        """The first picture, for cards; None without pictures. Lists load
        it for a whole page with attach_thumbnails()."""
        return first_picture(self)

    @property
    def phone(self):
        return self.contact_phone or self.zone.phone

    @property
    def email(self):
        return self.contact_email or self.zone.email


# The statuses in which a project still takes expressions of interest.
OPEN_STATUSES = (Project.Status.SEEKING, Project.Status.NEGOTIATING)


@reversion.register()
class ProjectImage(GalleryImage):
    """A picture of a project (the site, the factory, the land), with its
    caption. The first one is the project's picture in lists."""

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="images",
    )
    image = CleanImageField(
        _("image"), upload_to="projects/%Y/%m/", validators=IMAGE_VALIDATORS
    )
    position = models.PositiveSmallIntegerField(
        _("position"),
        default=0,
        help_text=_("Lower numbers come first; the first picture shows in lists."),
    )

    class Meta(GalleryImage.Meta):
        verbose_name = _("project picture")
        verbose_name_plural = _("project pictures")


def attach_thumbnails(projects):
    """Give the loaded `projects` their first picture (Project.thumbnail) in
    one query whatever their number, and return them.

    The first picture of each is chosen by a subquery per project in the
    database, so only those rows are read, never whole galleries.
    """
    projects = list(projects)
    prefetch_first_pictures(projects, ProjectImage, "project_id")
    return projects
