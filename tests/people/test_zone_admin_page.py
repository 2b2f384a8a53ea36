"""What a zone administrator sees on their zone's admin page."""

from django.urls import reverse

from tests.factories import make_zone
from tests.people.helpers import PeopleTestCase, zone_change_url
from zones.models import Region


class ZoneAdministratorZonePageTests(PeopleTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.nantong = Region.objects.create(
            code="3206",
            name="南通市",
            slug="nantong",
            level=Region.Level.CITY,
            parent=cls.jiangsu,
        )
        cls.zone_a.city = cls.nantong
        cls.zone_a.save()

    def test_read_only_regions_are_text_not_links_to_a_403(self):
        self.client.force_login(self.zadmin)
        page = self.client.get(zone_change_url(self.zone_a))
        self.assertEqual(page.status_code, 200)
        for region in (self.jiangsu, self.nantong):
            url = reverse("admin:zones_region_change", args=[region.pk])
            self.assertNotContains(page, url)
            self.assertContains(page, region.name)
            # The link really would be refused.
            self.assertEqual(self.client.get(url).status_code, 403)

    def test_staff_who_may_open_regions_keep_the_links(self):
        self.client.force_login(self.root)
        page = self.client.get(zone_change_url(self.zone_a))
        self.assertEqual(page.status_code, 200)
        # Editable for a platform administrator: a select, not text.
        self.assertContains(page, 'name="province"')

    def test_shared_code_note_shows_only_on_zones_that_share_a_code(self):
        first = make_zone("山东甲开发区", "shandong-a", self.jiangsu, code="S377018")
        second = make_zone("山东乙开发区", "shandong-b", self.jiangsu, code="S377018")
        self.client.force_login(self.root)
        shared = self.client.get(zone_change_url(first))
        self.assertContains(shared, "山东乙开发区")
        self.assertContains(shared, "S377018")
        self.assertContains(self.client.get(zone_change_url(second)), "山东甲开发区")
        other = self.client.get(zone_change_url(self.zone_a))
        self.assertNotContains(other, "S377018")
        self.assertNotContains(other, "山东甲开发区")
