"""Groups from the roles table, and appointing zone administrators."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from core.roles import (
    EDITORS,
    GROUP_PERMISSIONS,
    ZONE_ADMINISTRATORS,
    sync_groups,
)
from tests.factories import make_zone
from tests.people.helpers import (
    PeopleTestCase,
    form_errors,
    resubmit_data,
    zone_change_url,
)


def appoint(*args, **options):
    out = StringIO()
    call_command("appoint_zone_admin", *args, stdout=out, **options)
    return out.getvalue()


class RoleGroupTests(PeopleTestCase):
    def test_groups_hold_exactly_the_table_and_a_rerun_restores_it(self):
        editors = Group.objects.get(name=EDITORS)
        editors.permissions.add(Permission.objects.get(codename="delete_user"))
        editors.permissions.remove(Permission.objects.get(codename="publish_article"))

        sync_groups(Group, Permission)
        sync_groups(Group, Permission)

        for name, labels in GROUP_PERMISSIONS.items():
            with self.subTest(group=name):
                group = Group.objects.get(name=name)
                held = {
                    f"{p.content_type.app_label}.{p.codename}"
                    for p in group.permissions.select_related("content_type")
                }
                self.assertEqual(held, set(labels))
        self.assertEqual(Group.objects.filter(name=EDITORS).count(), 1)

    def test_editors_manage_no_users_and_create_no_zones(self):
        for codename in ("add_user", "change_user", "add_zone", "delete_zone"):
            with self.subTest(permission=codename):
                self.assertFalse(self.editor.has_perm(f"auth.{codename}"))
                self.assertFalse(self.editor.has_perm(f"zones.{codename}"))
        self.client.force_login(self.editor)
        users = self.client.get(reverse("admin:auth_user_changelist"))
        self.assertEqual(users.status_code, 403)


class AppointCommandTests(PeopleTestCase):
    def test_appoint_by_slug_makes_staff_group_member_and_administrator(self):
        user = get_user_model().objects.create_user("newcomer", "n@example.com", "x")

        output = appoint("newcomer", "ningbo-etdz")

        user.refresh_from_db()
        self.assertTrue(user.is_staff)
        self.assertTrue(user.groups.filter(name=ZONE_ADMINISTRATORS).exists())
        self.assertIn(user, self.zone_b.administrators.all())
        self.assertIn("newcomer", output)
        self.assertIn("宁波经济技术开发区", output)
        # Re-running changes nothing and says so.
        self.assertIn("nothing changed", appoint("newcomer", "ningbo-etdz"))
        self.assertEqual(self.zone_b.administrators.count(), 1)

    def test_appoint_by_exact_name_adds_a_second_zone(self):
        appoint("zadmin", "宁波经济技术开发区")

        self.assertEqual(
            set(self.zadmin.administered_zones.all()), {self.zone_a, self.zone_b}
        )

    def test_dry_run_writes_nothing(self):
        output = appoint("zadmin", "ningbo-etdz", dry_run=True)

        self.assertIn("would be", output)
        self.assertNotIn(self.zadmin, self.zone_b.administrators.all())

    def test_clear_errors(self):
        get_user_model().objects.create_user("gone", is_active=False)
        make_zone("同名开发区", "same-name-1", self.jiangsu)
        make_zone("同名开发区", "same-name-2", self.zhejiang)
        cases = {
            ("nobody", "haimen-etdz"): "No account named 'nobody'",
            ("gone", "haimen-etdz"): "deactivated",
            ("zadmin", "no-such-zone"): "No zone with the slug or official name",
            ("zadmin", "同名开发区"): "same-name-1, same-name-2",
        }
        for args, message in cases.items():
            with (
                self.subTest(args=args),
                self.assertRaisesMessage(CommandError, message),
            ):
                appoint(*args)

    def test_the_group_is_recreated_if_it_was_deleted(self):
        Group.objects.filter(name=ZONE_ADMINISTRATORS).delete()

        appoint("editor", "haimen-etdz")

        group = Group.objects.get(name=ZONE_ADMINISTRATORS)
        self.assertTrue(group.permissions.filter(codename="change_zone").exists())
        self.assertTrue(self.editor.groups.filter(pk=group.pk).exists())


class AppointFromZonePageTests(PeopleTestCase):
    def test_superuser_appoints_on_the_zone_page(self):
        newcomer = get_user_model().objects.create_user("newcomer", "n@e.com", "x")
        self.client.force_login(self.root)
        page = self.client.get(zone_change_url(self.zone_b))
        self.assertIn("administrators", page.context["adminform"].form.fields)

        response = self.client.post(
            zone_change_url(self.zone_b),
            resubmit_data(page, administrators=[str(newcomer.pk)]),
        )

        self.assertEqual(response.status_code, 302, form_errors(response))
        newcomer.refresh_from_db()
        self.assertTrue(newcomer.is_staff)
        self.assertTrue(newcomer.groups.filter(name=ZONE_ADMINISTRATORS).exists())
        self.assertEqual(list(self.zone_b.administrators.all()), [newcomer])
        # And the new administrator sees that zone.
        self.client.force_login(newcomer)
        listed = self.client.get(reverse("admin:zones_zone_changelist"))
        self.assertEqual(list(listed.context["cl"].result_list), [self.zone_b])

    def test_others_see_administrators_read_only(self):
        for user in (self.editor, self.zadmin):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                page = self.client.get(zone_change_url(self.zone_a))
                form = page.context["adminform"].form
                self.assertNotIn("administrators", form.fields)
                self.assertNotIn("is_direct_publishing", form.fields)
                self.assertContains(page, '<div class="readonly">zadmin</div>')


class AppointCommandWordsTests(PeopleTestCase):
    def test_help_gives_a_real_slug_as_example(self):
        from zones.management.commands.appoint_zone_admin import Command

        parser = Command().create_parser("manage.py", "appoint_zone_admin")
        text = parser.format_help()
        self.assertIn("haimen-economic-and-technological-development-zone", text)
        self.assertNotIn("haimen-etdz", text)
        self.assertIn("example: manage.py appoint_zone_admin", text)

    def test_output_is_one_language_under_a_chinese_default(self):
        get_user_model().objects.create_user("newcomer", "n@example.com", "x")
        with translation.override("zh-hans"):
            output = appoint("newcomer", "ningbo-etdz")
        self.assertIn("made staff", output)
        self.assertIn("added to the zone's administrators", output)
        self.assertNotIn("设为", output)

    def test_unknown_user_is_told_to_create_a_staff_account_not_a_superuser(self):
        with self.assertRaises(CommandError) as raised:
            appoint("nobody", "ningbo-etdz")
        message = str(raised.exception)
        self.assertIn("Users > Add user", message)
        self.assertNotIn("createsuperuser", message)
