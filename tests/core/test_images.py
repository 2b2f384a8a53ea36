from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase, override_settings

from core.images import ImageSource, image_source, validate_image_size
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


class ImageSizeTests(SimpleTestCase):
    @override_settings(MAX_UPLOAD_MB=1)
    def test_an_image_over_the_upload_limit_is_refused_with_its_size(self):
        large = SimpleUploadedFile("photo.jpg", b"\xff\xd8" + b" " * 1_600_000)
        with self.assertRaises(ValidationError) as raised:
            validate_image_size(large)
        self.assertEqual(raised.exception.code, "image_too_large")
        self.assertEqual(
            raised.exception.messages,
            ["图片大小为 1.5 MB，最大允许 1 MB。"],
        )
