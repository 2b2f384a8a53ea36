"""Roles, zones and articles shared by the people-and-rights tests."""

from datetime import timedelta

from django import forms
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from core.roles import EDITORS, ZONE_ADMINISTRATORS, sync_groups
from news.models import Article, Channel
from tests.factories import make_zone
from zones.models import Region


def make_user(username, *groups, zones=(), **fields):
    fields.setdefault("is_staff", True)
    user = get_user_model().objects.create_user(
        username, f"{username}@example.com", f"{username}-password-8472", **fields
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    for zone in zones:
        zone.administrators.add(user)
    return user


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def zone_change_url(zone):
    return reverse("admin:zones_zone_change", args=[zone.pk])


class PeopleTestCase(TestCase):
    """Four zones, one account per role, and a draft in each zone.

    - `zone_a` (海门) reviews its administrators' articles; `zone_b` (宁波)
      is someone else's; `zone_d` (苏州) publishes directly.
    - `root` is a platform administrator, `editor` an editor, `zadmin`
      administers zone A, `dadmin` zone D (direct publishing).
    """

    @classmethod
    def setUpTestData(cls):
        # The migration created the groups; running the sync again must be
        # harmless (it is what a re-run of the migration does).
        sync_groups(Group, Permission)
        cls.now = timezone.now()
        cls.yesterday = cls.now - timedelta(days=1)
        cls.jiangsu = Region.objects.create(
            code="32", name="江苏省", slug="jiangsu", level=Region.Level.PROVINCE
        )
        cls.zhejiang = Region.objects.create(
            code="33", name="浙江省", slug="zhejiang", level=Region.Level.PROVINCE
        )
        cls.zone_a = make_zone("海门经济技术开发区", "haimen-etdz", cls.jiangsu)
        cls.zone_b = make_zone("宁波经济技术开发区", "ningbo-etdz", cls.zhejiang)
        cls.zone_d = make_zone(
            "苏州工业园区",
            "suzhou-industrial-park",
            cls.jiangsu,
            is_direct_publishing=True,
        )
        cls.channel = Channel.objects.create(
            name="开发区新闻", name_en="Zone news", slug="zone-news"
        )
        user_model = get_user_model()
        cls.root = user_model.objects.create_superuser(
            "root", "root@example.com", "root-password-8472"
        )
        cls.editor = make_user("editor", EDITORS, first_name="Wang")
        cls.zadmin = make_user("zadmin", ZONE_ADMINISTRATORS, zones=[cls.zone_a])
        cls.dadmin = make_user("dadmin", ZONE_ADMINISTRATORS, zones=[cls.zone_d])

    def setUp(self):
        translation.activate("zh-hans")
        self.addCleanup(translation.deactivate)

    def make_article(self, title="园区新闻", zone=None, **fields):
        fields.setdefault("channel", self.channel)
        fields.setdefault("status", Article.Status.DRAFT)
        fields.setdefault("published_at", self.yesterday)
        fields.setdefault("body", "<p>四甲镇规划建设两大产业园。</p>")
        return Article.objects.create(title=title, zone=zone or self.zone_a, **fields)

    def article_form(self, zone=None, **overrides):
        """What the add or change form posts, for the fields everyone has."""
        data = {
            "title": "园区新闻",
            "subtitle": "",
            "channel": str(self.channel.pk),
            "kind": Article.Kind.TEXT,
            "language": Article.Language.CHINESE,
            "body": "<p>正文。</p>",
            "summary": "",
            "tags": "",
            "status": Article.Status.DRAFT,
            "published_at_0": "2026-01-05",
            "published_at_1": "09:00:00",
            "zone": str((zone or self.zone_a).pk),
            "source": "",
            "source_url": "",
            "originally_published_on": "",
            "cover_alt": "",
            "cover_credit": "",
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
            "images-MIN_NUM_FORMS": "0",
            "images-MAX_NUM_FORMS": "1000",
            "_save": "Save",
        }
        data.update(overrides)
        return data


def form_errors(response):
    """The error codes of a re-rendered admin change form (codes, not
    messages: the admin may speak Chinese)."""
    if response.status_code != 200 or response.context is None:
        return set()
    adminform = response.context.get("adminform")
    if adminform is None:
        return set()
    return {
        error.code
        for errors in adminform.form.errors.as_data().values()
        for error in errors
    }


def resubmit_data(response, **overrides):
    """The POST data of a rendered admin change form, as a browser sends it.

    Covers the widgets our admin forms use; file inputs are left empty,
    which keeps the stored files.
    """
    context = response.context
    forms_to_post = [context["adminform"].form]
    for inline in context["inline_admin_formsets"]:
        forms_to_post.append(inline.formset.management_form)
        forms_to_post.extend(inline.formset.forms)
    data = {}
    for form in forms_to_post:
        for name, field in form.fields.items():
            bound = form[name]
            _put(data, bound.html_name, field.widget, bound.value())
    data["_save"] = "Save"
    data.update(overrides)
    return data


def _put(data, name, widget, value):
    while isinstance(widget, RelatedFieldWidgetWrapper):
        widget = widget.widget
    if isinstance(widget, forms.FileInput):
        return
    if isinstance(widget, forms.CheckboxInput):
        if value:
            data[name] = "on"
        return
    if isinstance(widget, forms.MultiWidget):
        parts = value if isinstance(value, list) else widget.decompress(value)
        for suffix, part_widget, part in zip(
            widget.widgets_names, widget.widgets, parts, strict=True
        ):
            _put(data, name + suffix, part_widget, part)
        return
    if isinstance(widget, forms.SelectMultiple):
        data[name] = [str(item) for item in widget.format_value(value)]
        return
    if isinstance(widget, forms.Select):
        chosen = widget.format_value(value)
        data[name] = chosen[0] if chosen else ""
        return
    formatted = widget.format_value(value)
    data[name] = "" if formatted is None else str(formatted)
