"""Decompression bombs and the memory renditions take."""

from io import BytesIO
from unittest import mock

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image, ImageFile

from news.models import Article
from tests.news.helpers import NewsTestCase, jpeg_upload

CoverForm = forms.modelform_factory(Article, fields=("cover", "cover_alt"))


def png_upload(size, mode="1", name="plan.png"):
    buffer = BytesIO()
    Image.new(mode, size, 1).save(buffer, "PNG", optimize=True)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def orientated_jpeg(size, orientation):
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buffer, "JPEG", exif=exif.tobytes())
    return SimpleUploadedFile("turned.jpg", buffer.getvalue(), "image/jpeg")


@override_settings(MAX_IMAGE_PIXELS=2_000_000)
class PixelLimitTests(NewsTestCase):
    def submit(self, upload):
        article = self.make_article()
        return CoverForm(
            data={"cover_alt": "规划图"}, files={"cover": upload}, instance=article
        )

    def test_a_small_file_of_too_many_pixels_is_refused_without_decoding(self):
        upload = png_upload((2000, 1001))
        self.assertLess(upload.size, 10_000)
        with mock.patch.object(
            ImageFile.ImageFile, "load", side_effect=AssertionError("decoded")
        ):
            form = self.submit(upload)
            self.assertFalse(form.is_valid())
        self.assertEqual(
            form.errors.as_data()["cover"][0].code, "image_too_many_pixels"
        )

    def test_far_over_the_limit_gets_the_same_message(self):
        form = self.submit(png_upload((3000, 3000)))
        self.assertFalse(form.is_valid())
        self.assertEqual(
            form.errors.as_data()["cover"][0].code, "image_too_many_pixels"
        )

    def test_an_image_at_the_limit_is_accepted(self):
        form = self.submit(png_upload((2000, 1000), mode="RGB"))
        self.assertTrue(form.is_valid(), form.errors)
        article = form.save()
        self.assertEqual(sorted(article.renditions_of("cover"), key=int)[-1], "1200")


class RenditionMemoryTests(NewsTestCase):
    def test_the_original_is_resampled_once_not_once_per_width(self):
        full_size_resizes = []
        resize = Image.Image.resize

        def counting_resize(image, size, *args, **kwargs):
            if image.size == (3000, 2000):
                full_size_resizes.append(size)
            return resize(image, size, *args, **kwargs)

        with mock.patch.object(Image.Image, "resize", counting_resize):
            article = self.make_article(cover=jpeg_upload(size=(3000, 2000)))
        self.assertEqual(len(article.renditions_of("cover")), 4)
        # JPEG is decoded at a reduced scale: no full-size copy is resampled.
        self.assertEqual(full_size_resizes, [])

    def test_a_png_is_resampled_once_at_full_size(self):
        full_size_resizes = []
        resize = Image.Image.resize

        def counting_resize(image, size, *args, **kwargs):
            if image.size == (3000, 2000):
                full_size_resizes.append(size)
            return resize(image, size, *args, **kwargs)

        with mock.patch.object(Image.Image, "resize", counting_resize):
            article = self.make_article(cover=png_upload((3000, 2000), mode="P"))
        self.assertEqual(len(article.renditions_of("cover")), 4)
        self.assertEqual(full_size_resizes, [(1200, 800)])

    def test_the_camera_orientation_is_applied(self):
        article = self.make_article(cover=orientated_jpeg((1600, 900), 6))
        largest = article.renditions_of("cover")["900"]
        self.assertEqual((largest["width"], largest["height"]), (900, 1600))
        self.assertEqual(article.renditions_of("cover")["480"]["height"], 853)
