"""The admin answers every role × action × zone as designed.

Each cell performs the action through the admin, as the role, on an object
of the role's own zone or of another zone, and reports whether the database
shows the effect. Refusals include crafted POSTs: the refused roles post the
same data a permitted role would.
"""

from itertools import count

import reversion
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from news.models import Article
from tests.people.helpers import (
    PeopleTestCase,
    change_url,
    make_zone,
    resubmit_data,
    zone_change_url,
)

ARTICLE_ACTIONS = (
    "list",
    "view",
    "add",
    "change",
    "delete",
    "publish",
    "restore",
    "revert",
)
EVERYTHING = set(ARTICLE_ACTIONS)
NOTHING = set()

# role: (actions allowed on an article of their own zone, of another zone)
ARTICLE_MATRIX = {
    "root": (EVERYTHING, EVERYTHING),
    "editor": (EVERYTHING, EVERYTHING),
    # Zone A goes through review: its administrator may not publish.
    "zadmin": (EVERYTHING - {"publish"}, NOTHING),
    # Zone D publishes directly.
    "dadmin": (EVERYTHING, NOTHING),
    "anonymous": (NOTHING, NOTHING),
}

ZONE_ACTIONS = ("list", "view", "change profile", "change official", "add", "delete")
ZONE_MATRIX = {
    "root": (set(ZONE_ACTIONS), set(ZONE_ACTIONS)),
    "editor": (
        {"list", "view", "change profile", "change official"},
        {"list", "view", "change profile", "change official"},
    ),
    "zadmin": ({"list", "view", "change profile"}, NOTHING),
    "anonymous": (NOTHING, NOTHING),
}

_serial = count(1)


class PermissionMatrixTests(PeopleTestCase):
    def log_in_as(self, role):
        self.client.logout()
        if role != "anonymous":
            self.client.force_login(getattr(self, role))

    def own_zone(self, role):
        return self.zone_d if role == "dadmin" else self.zone_a

    def test_article_matrix(self):
        for role, (own, other) in ARTICLE_MATRIX.items():
            for side, allowed in (("own", own), ("other", other)):
                zone = self.own_zone(role) if side == "own" else self.zone_b
                for action in ARTICLE_ACTIONS:
                    with self.subTest(role=role, action=action, zone=side):
                        self.log_in_as(role)
                        done = getattr(self, f"article_{action}")(zone)
                        self.assertEqual(done, action in allowed)

    def test_zone_matrix(self):
        for role, (own, other) in ZONE_MATRIX.items():
            for side, allowed in (("own", own), ("other", other)):
                for action in ZONE_ACTIONS:
                    with self.subTest(role=role, action=action, zone=side):
                        zone = self.fresh_zone()
                        if side == "own" and role == "zadmin":
                            zone.administrators.add(self.zadmin)
                        self.log_in_as(role)
                        method = "zone_" + action.replace(" ", "_")
                        done = getattr(self, method)(zone)
                        self.assertEqual(done, action in allowed)

    # Article actions: each returns whether the effect happened.

    def fresh_article(self, zone, **fields):
        return self.make_article(f"矩阵文章{next(_serial)}", zone=zone, **fields)

    def article_list(self, zone):
        article = self.fresh_article(zone)
        response = self.client.get(reverse("admin:news_article_changelist"))
        return response.status_code == 200 and article.title in response.text

    def article_view(self, zone):
        article = self.fresh_article(zone)
        response = self.client.get(change_url(article))
        return response.status_code == 200 and article.title in response.text

    def article_add(self, zone):
        title = f"新增文章{next(_serial)}"
        self.client.post(
            reverse("admin:news_article_add"), self.article_form(zone, title=title)
        )
        return Article.objects.filter(title=title).exists()

    def article_change(self, zone):
        article = self.fresh_article(zone)
        self.client.post(
            change_url(article), self.article_form(zone, title="改过的标题")
        )
        article.refresh_from_db()
        return article.title == "改过的标题"

    def article_delete(self, zone):
        article = self.fresh_article(zone)
        self.client.post(
            reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"}
        )
        article.refresh_from_db()
        return article.deleted_at is not None

    def article_publish(self, zone):
        article = self.fresh_article(zone)
        self.client.post(
            change_url(article),
            self.article_form(zone, title=article.title, status="published"),
        )
        article.refresh_from_db()
        return article.status == Article.Status.PUBLISHED

    def article_restore(self, zone):
        article = self.fresh_article(zone, deleted_at=timezone.now())
        self.client.post(
            reverse("admin:news_article_changelist") + "?bin=1",
            {"action": "restore_from_bin", "_selected_action": [str(article.pk)]},
        )
        article.refresh_from_db()
        return article.deleted_at is None

    def article_revert(self, zone):
        article = self.fresh_article(zone)
        for title in ("第一版", "第二版"):
            with reversion.create_revision():
                article.title = title
                article.save()
        first = Version.objects.get_for_object(article).order_by("pk").first()
        self.client.post(
            reverse("admin:news_article_revision", args=[article.pk, first.pk]),
            self.article_form(zone, title="第一版"),
        )
        article.refresh_from_db()
        return article.title == "第一版"

    # Zone actions.

    def fresh_zone(self):
        number = next(_serial)
        return make_zone(f"矩阵开发区{number}", f"matrix-zone-{number}", self.jiangsu)

    def zone_list(self, zone):
        response = self.client.get(reverse("admin:zones_zone_changelist"))
        return response.status_code == 200 and zone.name in response.text

    def zone_view(self, zone):
        response = self.client.get(zone_change_url(zone))
        return response.status_code == 200 and zone.name in response.text

    def zone_post(self, zone, **overrides):
        """Post the zone's own form back with changes, as this role sees it.

        A role that cannot open the form posts the fields a zone
        administrator's form has: the crafted request.
        """
        url = zone_change_url(zone)
        page = self.client.get(url)
        if page.status_code == 200 and page.context and "adminform" in page.context:
            data = resubmit_data(page, **overrides)
        else:
            data = {
                "short_name": "",
                "name_en": zone.name_en,
                "profile": "",
                "profile_en": "",
                "cover_alt": "",
                "address": "",
                "phone": "",
                "fax": "",
                "email": "",
                "website": "",
                "latitude": "",
                "longitude": "",
                "parks-TOTAL_FORMS": "0",
                "parks-INITIAL_FORMS": "0",
                "parks-MIN_NUM_FORMS": "0",
                "parks-MAX_NUM_FORMS": "1000",
                **overrides,
            }
        return self.client.post(url, data)

    def zone_change_profile(self, zone):
        self.zone_post(zone, phone="0513-82200000")
        zone.refresh_from_db()
        return zone.phone == "0513-82200000"

    def zone_change_official(self, zone):
        self.zone_post(zone, name="改名开发区", area_hectares="999.00")
        zone.refresh_from_db()
        return zone.name == "改名开发区"

    def zone_add(self, zone):
        response = self.client.get(reverse("admin:zones_zone_add"))
        return response.status_code == 200

    def zone_delete(self, zone):
        self.client.post(
            reverse("admin:zones_zone_delete", args=[zone.pk]), {"post": "yes"}
        )
        return not type(zone).objects.filter(pk=zone.pk).exists()
