from django.test import SimpleTestCase

from core.images import ImageSource, image_source
from zones.models import Zone

RENDITIONS = {
    "source": "zones/logos/haimen.png",
    "192": {"url": "/media/zones/logos/haimen.w192.webp", "width": 192, "height": 96},
    "96": {"url": "/media/zones/logos/haimen.w96.webp", "width": 96, "height": 48},
}


class ImageSourceTests(SimpleTestCase):
    def test_takes_the_smallest_rendition_as_wide_and_lists_them_all(self):
        zone = Zone(logo="zones/logos/haimen.png", logo_renditions=RENDITIONS)
        self.assertEqual(
            image_source(zone, "logo", 90),
            ImageSource(
                src="/media/zones/logos/haimen.w96.webp",
                srcset="/media/zones/logos/haimen.w96.webp 96w, "
                "/media/zones/logos/haimen.w192.webp 192w",
                width=96,
                height=48,
            ),
        )

    def test_a_slot_wider_than_every_rendition_takes_the_largest(self):
        zone = Zone(logo="zones/logos/haimen.png", logo_renditions=RENDITIONS)
        self.assertEqual(image_source(zone, "logo", 400).width, 192)

    def test_without_renditions_the_original_shows_without_sizes(self):
        zone = Zone(logo="zones/logos/haimen.png")
        self.assertEqual(
            image_source(zone, "logo", 96), ImageSource("/media/zones/logos/haimen.png")
        )

    def test_an_empty_field_has_no_image(self):
        self.assertIsNone(image_source(Zone(), "logo", 96))
        self.assertIsNone(image_source(None, "logo", 96))
