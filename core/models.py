import functools

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.bilingual import in_page_language
from core.cache import guarded


class SiteSettings(models.Model):
    """The one record of site-wide texts: name, tagline, contacts, copyright."""

    CACHE_KEY = "core:site-settings"

    site_name = models.CharField(_("site name"), max_length=100, default="投促中国")
    site_name_en = models.CharField(
        _("site name in English"), max_length=100, default="InvestPortal China"
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        default="打造网上国际投资促进平台 致力于中国投资促进事业",
        help_text=_("Shown under the site name in the header of every page."),
    )
    tagline_en = models.CharField(
        _("tagline in English"),
        max_length=200,
        blank=True,
        default="An online platform for international investment promotion in China",
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    address_en = models.CharField(
        _("address in English"),
        max_length=200,
        blank=True,
        help_text=_(
            "Shown on English pages; they show the Chinese address without it."
        ),
    )
    copyright = models.CharField(
        _("copyright line"),
        max_length=200,
        blank=True,
        help_text=_("For example: Copyright © 2025 InvestPortal. All rights reserved."),
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return str(_("Site settings"))

    def save(self, *args, **kwargs):
        # There is only ever one record; editing it replaces the cached copy.
        self.pk = 1
        super().save(*args, **kwargs)
        self._forget()

    def delete(self, *args, **kwargs):
        super().delete(*args, **kwargs)
        self._forget()

    @property
    def display_address(self):
        """The address in the reader's language (English falls back to Chinese)."""
        return in_page_language(self.address, self.address_en)

    @property
    def display_site_name(self):
        return in_page_language(self.site_name, self.site_name_en)

    @property
    def display_tagline(self):
        return in_page_language(self.tagline, self.tagline_en)

    @classmethod
    def load(cls):
        """Return the site settings, from the cache when possible.

        Costs at most one query per cache lifetime, and one per page while
        the cache is unreachable. A missing row (a database restored without
        the data migration) falls back to the defaults.
        """
        if cache.default_timeout == 0:
            # CACHE_TIMEOUT=0: nothing would be kept, so skip the two round
            # trips to Redis (a miss, then a set that deletes) on every page.
            return cls._from_database()
        settings = guarded(cache.get, cls.CACHE_KEY)
        if settings is None:
            settings = cls._from_database()
            guarded(cache.set, cls.CACHE_KEY, settings)
        return settings

    def _forget(self):
        guarded(cache.delete, self.CACHE_KEY, owed="forget site settings")

    @classmethod
    def _from_database(cls):
        sql, params = _site_settings_query(connection.vendor)
        return next(iter(cls.objects.raw(sql, params)), None) or cls(pk=1)


@functools.cache
def _site_settings_query(vendor):
    """The SQL reading the site settings: the same on every page, and read on
    every page when the cache keeps nothing, so compiled once per process."""
    return SiteSettings.objects.filter(pk=1).query.sql_with_params()


class StaffLanguage(models.Model):
    """The language a staff member last signed in to the admin in.

    The project keeps no other language preference for people; emails to
    staff (the review outcome) are written in this one, and in the site's
    default language for someone who has not signed in since it was kept.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="staff_language",
    )
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("staff language")
        verbose_name_plural = _("staff languages")

    def __str__(self):
        return f"{self.user}: {self.get_language_display()}"


def remember_language(sender, request, user, **kwargs):
    """Signal receiver (user_logged_in): keep the language of the sign-in."""
    language = translation.get_language()
    if language not in dict(settings.LANGUAGES):
        return
    # Write only a change: every save in this app renews the page cache.
    if not StaffLanguage.objects.filter(user_id=user.pk, language=language).exists():
        StaffLanguage.objects.update_or_create(
            user_id=user.pk, defaults={"language": language}
        )


def language_of(user):
    """The language to write to `user` in (see StaffLanguage)."""
    stored = (
        StaffLanguage.objects.filter(user_id=user.pk)
        .values_list("language", flat=True)
        .first()
    )
    return stored or settings.LANGUAGE_CODE
