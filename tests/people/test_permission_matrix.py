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

from facts.models import Fact, Incentive, Indicator
from inquiries.models import Inquiry, Message
from inquiries.workdays import add_working_days
from news.models import Article
from projects.models import Project
from tests.factories import make_zone
from tests.people.helpers import (
    PeopleTestCase,
    change_url,
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
    # Nobody deletes a zone from the admin (unpublishing hides it instead).
    "root": (set(ZONE_ACTIONS) - {"delete"}, set(ZONE_ACTIONS) - {"delete"}),
    "editor": (
        {"list", "view", "change profile", "change official"},
        {"list", "view", "change profile", "change official"},
    ),
    "zadmin": ({"list", "view", "change profile"}, NOTHING),
    "anonymous": (NOTHING, NOTHING),
}

# Figures and incentives of a zone (the facts app). Only editors verify;
# a zone administrator's rights stop at their own zones.
FACT_ACTIONS = ("list", "view", "add", "change", "delete", "verify")
FACT_MATRIX = {
    "root": (set(FACT_ACTIONS), set(FACT_ACTIONS)),
    "editor": (set(FACT_ACTIONS), set(FACT_ACTIONS)),
    "zadmin": (set(FACT_ACTIONS) - {"verify"}, NOTHING),
    "anonymous": (NOTHING, NOTHING),
}

INQUIRY_ACTIONS = ("list", "view", "reply", "note", "close", "export")
ALL_INQUIRY_ACTIONS = set(INQUIRY_ACTIONS)
INQUIRY_MATRIX = {
    "root": (ALL_INQUIRY_ACTIONS, ALL_INQUIRY_ACTIONS),
    "editor": (ALL_INQUIRY_ACTIONS, ALL_INQUIRY_ACTIONS),
    # Another zone's inquiries: not listed, not opened, and crafted POSTs
    # change nothing.
    "zadmin": (ALL_INQUIRY_ACTIONS, NOTHING),
    "dadmin": (ALL_INQUIRY_ACTIONS, NOTHING),
    "anonymous": (NOTHING, NOTHING),
}

# Investment projects: zone administrators manage their own zones'; publishing
# follows the zone's review rule, as for articles.
PROJECT_ACTIONS = ("list", "view", "add", "change", "delete", "publish")
ALL_PROJECT_ACTIONS = set(PROJECT_ACTIONS)
PROJECT_MATRIX = {
    "root": (ALL_PROJECT_ACTIONS, ALL_PROJECT_ACTIONS),
    "editor": (ALL_PROJECT_ACTIONS, ALL_PROJECT_ACTIONS),
    "zadmin": (ALL_PROJECT_ACTIONS - {"publish"}, NOTHING),
    "dadmin": (ALL_PROJECT_ACTIONS, NOTHING),
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

    def test_fact_and_incentive_matrix(self):
        for model in ("fact", "incentive"):
            for role, (own, other) in FACT_MATRIX.items():
                for side, allowed in (("own", own), ("other", other)):
                    zone = self.zone_a if side == "own" else self.zone_b
                    for action in FACT_ACTIONS:
                        with self.subTest(
                            model=model, role=role, action=action, zone=side
                        ):
                            self.log_in_as(role)
                            done = getattr(self, f"fact_{action}")(model, zone)
                            self.assertEqual(done, action in allowed)

    def test_inquiry_matrix(self):
        for role, (own, other) in INQUIRY_MATRIX.items():
            for side, allowed in (("own", own), ("other", other)):
                zone = self.own_zone(role) if side == "own" else self.zone_b
                for action in INQUIRY_ACTIONS:
                    with self.subTest(role=role, action=action, zone=side):
                        self.log_in_as(role)
                        done = getattr(self, f"inquiry_{action}")(zone)
                        self.assertEqual(done, action in allowed)

    def test_project_matrix(self):
        for role, (own, other) in PROJECT_MATRIX.items():
            for side, allowed in (("own", own), ("other", other)):
                zone = self.own_zone(role) if side == "own" else self.zone_b
                for action in PROJECT_ACTIONS:
                    with self.subTest(role=role, action=action, zone=side):
                        self.log_in_as(role)
                        done = getattr(self, f"project_{action}")(zone)
                        self.assertEqual(done, action in allowed)

    # Project actions.

    def fresh_project(self, zone):
        return Project.objects.create(
            zone=zone,
            title=f"矩阵项目{next(_serial)}",
            cooperation=Project.Cooperation.FACTORY_LEASE,
        )

    def project_post(self, project, zone, **overrides):
        """Post a project's form as this role sees it, or, for a role that
        cannot open it, the fields an editor's form has."""
        url = (
            reverse("admin:projects_project_change", args=[project.pk])
            if project
            else reverse("admin:projects_project_add")
        )
        page = self.client.get(url)
        if page.status_code == 200 and page.context and "adminform" in page.context:
            data = resubmit_data(page, zone=str(zone.pk), **overrides)
        else:
            data = {
                "title": project.title if project else "",
                "title_en": "",
                "zone": str(zone.pk),
                "industry": "",
                "tags": "",
                "cooperation": Project.Cooperation.FACTORY_LEASE,
                "status": Project.Status.SEEKING,
                "investment": "",
                "currency": "CNY",
                "land_mu": "",
                "floor_space_m2": "",
                "description": "",
                "description_en": "",
                "contact_name": "",
                "contact_phone": "",
                "contact_email": "",
                "valid_until": "",
                "_save": "Save",
                **overrides,
            }
        return self.client.post(url, data)

    def project_list(self, zone):
        project = self.fresh_project(zone)
        response = self.client.get(reverse("admin:projects_project_changelist"))
        return response.status_code == 200 and project.title in response.text

    def project_view(self, zone):
        project = self.fresh_project(zone)
        response = self.client.get(
            reverse("admin:projects_project_change", args=[project.pk])
        )
        return response.status_code == 200 and project.title in response.text

    def project_add(self, zone):
        title = f"新增项目{next(_serial)}"
        self.project_post(None, zone, title=title, cooperation=Project.Cooperation.SOLE)
        return Project.objects.filter(title=title, zone=zone).exists()

    def project_change(self, zone):
        project = self.fresh_project(zone)
        self.project_post(project, zone, title="改过的项目")
        project.refresh_from_db()
        return project.title == "改过的项目"

    def project_delete(self, zone):
        project = self.fresh_project(zone)
        self.client.post(
            reverse("admin:projects_project_delete", args=[project.pk]),
            {"post": "yes"},
        )
        return not Project.objects.filter(pk=project.pk).exists()

    def project_publish(self, zone):
        project = self.fresh_project(zone)
        self.project_post(project, zone, is_published="on")
        project.refresh_from_db()
        return project.is_published

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

    # Inquiry actions.

    def fresh_inquiry(self, zone):
        now = timezone.now()
        return Inquiry.objects.create(
            zone=zone,
            name="Anna Schmidt",
            organisation=f"矩阵公司{next(_serial)}",
            country="Germany",
            email="anna@example.com",
            industry="装备制造",
            investment=Inquiry.Investment.TO_100M,
            timeline=Inquiry.Timeline.YEAR,
            message="What land is available?",
            due_at=add_working_days(now, 2),
            escalate_at=add_working_days(now, 4),
        )

    def inquiry_change(self, inquiry, **data):
        data = {"assigned_to": "", "reply": "", "note": "", "_save": "1", **data}
        return self.client.post(
            reverse("admin:inquiries_inquiry_change", args=[inquiry.pk]), data
        )

    def inquiry_list(self, zone):
        inquiry = self.fresh_inquiry(zone)
        response = self.client.get(reverse("admin:inquiries_inquiry_changelist"))
        return response.status_code == 200 and inquiry.organisation in response.text

    def inquiry_view(self, zone):
        inquiry = self.fresh_inquiry(zone)
        response = self.client.get(
            reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])
        )
        return response.status_code == 200 and inquiry.organisation in response.text

    def inquiry_reply(self, zone):
        inquiry = self.fresh_inquiry(zone)
        self.inquiry_change(inquiry, reply="Welcome.")
        return Message.objects.filter(inquiry=inquiry, kind=Message.Kind.REPLY).exists()

    def inquiry_note(self, zone):
        inquiry = self.fresh_inquiry(zone)
        self.inquiry_change(inquiry, note="Call them.")
        return Message.objects.filter(inquiry=inquiry, kind=Message.Kind.NOTE).exists()

    def inquiry_close(self, zone):
        inquiry = self.fresh_inquiry(zone)
        self.client.post(
            reverse("admin:inquiries_inquiry_changelist"),
            {"action": "close", "_selected_action": [str(inquiry.pk)]},
        )
        inquiry.refresh_from_db()
        return inquiry.status == Inquiry.Status.CLOSED

    def inquiry_export(self, zone):
        inquiry = self.fresh_inquiry(zone)
        response = self.client.post(
            reverse("admin:inquiries_inquiry_changelist"),
            {"action": "export_personal_data", "_selected_action": [str(inquiry.pk)]},
        )
        return (
            response.status_code == 200
            and response.get("Content-Type", "").startswith("application/json")
            and inquiry.organisation in response.content.decode()
        )

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

    # Fact and incentive actions.

    def fresh_fact_row(self, model, zone):
        number = next(_serial)
        if model == "fact":
            return Fact.objects.create(
                zone=zone,
                indicator=Indicator.objects.get(code="gdp"),
                label=f"矩阵项{number}",
                value_text=str(number),
                year=2023,
                source_title=f"来源{number}",
            )
        return Incentive.objects.create(
            zone=zone,
            title=f"矩阵政策{number}",
            kind=Incentive.Kind.LAND,
            summary="用地优惠。",
            issuing_authority="管委会",
            status=Incentive.Status.IN_FORCE,
            source_url="https://example.com/policy",
        )

    def fact_form(self, model, zone, **overrides):
        if model == "fact":
            data = {
                "zone": str(zone.pk),
                "indicator": str(Indicator.objects.get(code="gdp").pk),
                "label": "",
                "value_text": "100",
                "qualifier": "",
                "unit": "亿元",
                "value": "",
                "value_high": "",
                "year": "2024",
                "as_of": "",
                "period_text": "2024",
                "source_title": "统计公报",
                "source_url": "",
                "source_publisher": "",
                "source_date": "",
                "source_quality": "",
                "note": "",
            }
        else:
            data = {
                "title": "新政策",
                "title_en": "",
                "kind": Incentive.Kind.TAX,
                "zone": str(zone.pk),
                "summary": "税收优惠。",
                "summary_en": "",
                "eligibility": "",
                "amount": "",
                "issuing_authority": "管委会",
                "document_number": "",
                "issued_on": "",
                "issued_text": "",
                "valid_from": "",
                "valid_until": "",
                "validity_note": "",
                "status": Incentive.Status.IN_FORCE,
                "source_url": "https://example.com/new",
                "source_publisher": "",
                "note": "",
            }
        data.update(overrides)
        return data

    def fact_list(self, model, zone):
        row = self.fresh_fact_row(model, zone)
        response = self.client.get(reverse(f"admin:facts_{model}_changelist"))
        needle = row.title if model == "incentive" else row.label
        return response.status_code == 200 and needle in response.text

    def fact_view(self, model, zone):
        row = self.fresh_fact_row(model, zone)
        response = self.client.get(
            reverse(f"admin:facts_{model}_change", args=[row.pk])
        )
        return response.status_code == 200

    def fact_add(self, model, zone):
        model_class = Fact if model == "fact" else Incentive
        before = model_class.objects.filter(zone=zone).count()
        self.client.post(
            reverse(f"admin:facts_{model}_add"), self.fact_form(model, zone)
        )
        return model_class.objects.filter(zone=zone).count() == before + 1

    def fact_change(self, model, zone):
        row = self.fresh_fact_row(model, zone)
        field, value = ("note", "改过") if model == "fact" else ("amount", "50%")
        self.client.post(
            reverse(f"admin:facts_{model}_change", args=[row.pk]),
            self.fact_form(model, zone, **{field: value}),
        )
        row.refresh_from_db()
        return getattr(row, field) == value

    def fact_delete(self, model, zone):
        row = self.fresh_fact_row(model, zone)
        self.client.post(
            reverse(f"admin:facts_{model}_delete", args=[row.pk]), {"post": "yes"}
        )
        return not type(row).objects.filter(pk=row.pk).exists()

    def fact_verify(self, model, zone):
        row = self.fresh_fact_row(model, zone)
        self.client.post(
            reverse(f"admin:facts_{model}_changelist"),
            {"action": "verify", "_selected_action": [str(row.pk)]},
        )
        row.refresh_from_db()
        return row.verified_at is not None
