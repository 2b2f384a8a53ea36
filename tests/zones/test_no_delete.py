"""Zones are unpublished from the admin, never deleted."""

from django.urls import reverse

from tests.people.helpers import PeopleTestCase
from zones.models import Park, Zone


class ZonesAreNotDeletedTests(PeopleTestCase):
    def setUp(self):
        super().setUp()
        Park.objects.create(zone=self.zone_a, name="四甲产业园")
        self.article = self.make_article(zone=self.zone_a)

    def test_not_even_a_superuser_can_delete_a_zone(self):
        self.client.force_login(self.root)
        url = reverse("admin:zones_zone_delete", args=[self.zone_a.pk])
        self.assertEqual(self.client.get(url).status_code, 403)
        self.assertEqual(self.client.post(url, {"post": "yes"}).status_code, 403)
        self.assertTrue(Zone.objects.filter(pk=self.zone_a.pk).exists())
        self.assertTrue(Park.objects.filter(zone=self.zone_a).exists())

    def test_the_list_offers_unpublishing_not_deleting(self):
        self.client.force_login(self.root)
        changelist = reverse("admin:zones_zone_changelist")
        response = self.client.post(
            changelist,
            {
                "action": "delete_selected",
                "_selected_action": [self.zone_a.pk],
                "post": "yes",
            },
        )
        self.assertTrue(Zone.objects.filter(pk=self.zone_a.pk).exists())
        page = self.client.get(changelist)
        actions = [
            value
            for value, _label in page.context["action_form"].fields["action"].choices
        ]
        self.assertNotIn("delete_selected", actions)
        self.assertIn("unpublish", actions)
        self.assertIn(response.status_code, (200, 302))
