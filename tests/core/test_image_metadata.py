"""Metadata removed from image files, the pixels and the look kept."""

import struct
from io import BytesIO

from django.test import SimpleTestCase, override_settings
from PIL import Image, ImageCms, ImageOps, PngImagePlugin

from core.image_metadata import clean_image, has_metadata

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F
# Where a phone says the picture was taken: 31°50'12.5" N, 121°10'3" E.
GPS = {1: "N", 2: (31.0, 50.0, 12.5), 3: "E", 4: (121.0, 10.0, 3.0)}
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
    b'exif:GPSLatitude="31,50.2N"/></rdf:RDF></x:xmpmeta>'
)
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def camera_exif(orientation=None):
    exif = Image.Exif()
    exif[MAKE] = "Shouji Camera"
    exif[GPS_IFD] = GPS
    if orientation is not None:
        exif[ORIENTATION] = orientation
    return exif.tobytes()


def photo(size=(160, 90), orientation=None, image_format="JPEG", **options):
    """A picture whose left half is red and right half blue, with EXIF GPS."""
    image = Image.new("RGB", size, (220, 30, 30))
    image.paste((30, 30, 220), (size[0] // 2, 0, size[0], size[1]))
    buffer = BytesIO()
    image.save(buffer, image_format, exif=camera_exif(orientation), **options)
    return buffer.getvalue()


def jpeg_with_segments(*segments, data=None):
    """A JPEG with extra (marker, payload) segments right after SOI."""
    data = data or photo()
    extra = b"".join(
        bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload
        for marker, payload in segments
    )
    return data[:2] + extra + data[2:]


def opened(data):
    image = Image.open(BytesIO(data))
    image.load()
    return image


class JpegTests(SimpleTestCase):
    def test_gps_and_camera_are_removed_and_the_pixels_kept(self):
        data = photo()
        self.assertIn(b"Shouji Camera", data)
        cleaned = clean_image(data)
        self.assertNotIn(b"Shouji Camera", cleaned)
        self.assertEqual(dict(opened(cleaned).getexif()), {})
        self.assertNotIn(GPS_IFD, opened(cleaned).getexif())
        # Not encoded again: the compressed picture is byte for byte the same.
        scan = data.index(b"\xff\xda")
        self.assertEqual(cleaned[cleaned.index(b"\xff\xda") :], data[scan:])

    def test_the_orientation_is_applied_to_the_pixels(self):
        original = opened(photo(size=(160, 90), orientation=6))
        cleaned = opened(clean_image(photo(size=(160, 90), orientation=6)))
        # Turned a quarter clockwise: the red left half is now on top.
        self.assertEqual(cleaned.size, (90, 160))
        self.assertEqual(dict(cleaned.getexif()), {})
        red, blue = cleaned.getpixel((45, 20)), cleaned.getpixel((45, 140))
        self.assertGreater(red[0], 180)
        self.assertGreater(blue[2], 180)
        # Encoded with the upload's own tables: the same quality.
        self.assertEqual(cleaned.quantization, original.quantization)

    def test_the_colour_profile_and_jfif_are_kept(self):
        data = photo(icc_profile=SRGB)
        for data in (photo(icc_profile=SRGB), photo(orientation=8, icc_profile=SRGB)):
            self.assertEqual(opened(clean_image(data)).info["icc_profile"], SRGB)

    def test_xmp_iptc_comments_and_appended_pictures_are_removed(self):
        data = jpeg_with_segments(
            (0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + XMP),
            (0xED, b"Photoshop 3.0\x008BIM\x04\x04 city Haimen"),
            (0xFE, b"taken at home"),
            (0xE2, b"MPF\x00II*\x00"),
        ) + photo(size=(40, 30))  # a second picture after the end, with EXIF
        cleaned = clean_image(data)
        for secret in (b"GPSLatitude", b"Haimen", b"taken at home", b"MPF", b"Shouji"):
            self.assertNotIn(secret, cleaned)
        self.assertTrue(cleaned.endswith(b"\xff\xd9"))
        self.assertEqual(opened(cleaned).size, (160, 90))

    def test_a_clean_file_comes_back_unchanged(self):
        buffer = BytesIO()
        Image.new("RGB", (50, 40), "green").save(buffer, "JPEG")
        data = buffer.getvalue()
        self.assertEqual(clean_image(data), data)
        self.assertFalse(has_metadata(data))
        self.assertTrue(has_metadata(photo()))

    def test_a_progressive_jpeg_keeps_every_scan(self):
        data = photo(size=(300, 200), progressive=True)
        cleaned = clean_image(data)
        self.assertNotIn(b"Shouji", cleaned)
        self.assertEqual(opened(cleaned).tobytes(), opened(data).tobytes())

    @override_settings(MAX_IMAGE_PIXELS=20_000)
    def test_too_large_to_turn_it_keeps_the_orientation_and_nothing_else(self):
        # Turning holds two decoded copies: more than one at the pixel limit.
        data = photo(size=(160, 90), orientation=6)
        cleaned = clean_image(data)
        self.assertNotIn(b"Shouji", cleaned)
        image = opened(cleaned)
        self.assertEqual(image.size, (160, 90))
        self.assertEqual(dict(image.getexif()), {ORIENTATION: 6})
        self.assertEqual(ImageOps.exif_transpose(image).size, (90, 160))
        self.assertEqual(clean_image(cleaned), cleaned)

    def test_a_file_it_cannot_follow_is_encoded_again_without_metadata(self):
        data = photo()
        # Junk where a marker must be, which Pillow skips over.
        broken = data[:2] + b"\xff\x00" + data[2:]
        cleaned = clean_image(broken)
        self.assertNotIn(b"Shouji", cleaned)
        self.assertEqual(opened(cleaned).size, (160, 90))


class PngTests(SimpleTestCase):
    def png(self, orientation=None):
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "taken at home")
        info.add_itxt("XML:com.adobe.xmp", XMP.decode())
        info.add_text("Software", "Shouji Editor", zip=True)
        image = Image.new("RGBA", (80, 40), (10, 200, 10, 128))
        image.paste((200, 10, 10, 255), (40, 0, 80, 40))
        buffer = BytesIO()
        image.save(
            buffer,
            "PNG",
            pnginfo=info,
            exif=camera_exif(orientation),
            icc_profile=SRGB,
        )
        return buffer.getvalue()

    def test_text_chunks_and_exif_are_removed(self):
        data = self.png()
        self.assertIn(b"taken at home", data)
        cleaned = clean_image(data)
        for chunk in (b"tEXt", b"zTXt", b"iTXt", b"eXIf"):
            self.assertNotIn(chunk, cleaned)
        image = opened(cleaned)
        self.assertEqual(image.text, {})
        self.assertEqual(image.info["icc_profile"], SRGB)
        self.assertEqual(image.tobytes(), opened(data).tobytes())

    @override_settings(MAX_IMAGE_PIXELS=5_000)
    def test_too_large_to_turn_it_keeps_the_orientation_and_nothing_else(self):
        cleaned = clean_image(self.png(orientation=6))
        image = opened(cleaned)
        self.assertEqual(image.size, (80, 40))
        self.assertEqual(dict(image.getexif()), {ORIENTATION: 6})
        self.assertEqual(image.text, {})
        self.assertEqual(clean_image(cleaned), cleaned)

    def test_the_orientation_is_applied(self):
        cleaned = opened(clean_image(self.png(orientation=6)))
        self.assertEqual(cleaned.size, (40, 80))
        self.assertNotIn(b"eXIf", clean_image(self.png(orientation=6)))
        # The red right half is now at the bottom, still half transparent green on top.
        self.assertEqual(cleaned.getpixel((20, 70)), (200, 10, 10, 255))
        self.assertEqual(cleaned.getpixel((20, 10)), (10, 200, 10, 128))


class WebpTests(SimpleTestCase):
    def test_exif_and_xmp_chunks_are_removed_and_the_flags_cleared(self):
        data = photo(image_format="WEBP", xmp=XMP, icc_profile=SRGB)
        self.assertIn(b"Shouji", data)
        cleaned = clean_image(data)
        for secret in (b"EXIF", b"XMP ", b"Shouji", b"GPSLatitude"):
            self.assertNotIn(secret, cleaned)
        flags = cleaned[cleaned.index(b"VP8X") + 8]
        self.assertEqual(flags & 0x0C, 0)
        (riff_size,) = struct.unpack("<I", cleaned[4:8])
        self.assertEqual(riff_size, len(cleaned) - 8)
        image = opened(cleaned)
        self.assertEqual(image.info["icc_profile"], SRGB)
        self.assertEqual(image.tobytes(), opened(data).tobytes())

    def test_the_orientation_is_applied(self):
        cleaned = opened(clean_image(photo(image_format="WEBP", orientation=6)))
        self.assertEqual(cleaned.size, (90, 160))
        self.assertEqual(dict(cleaned.getexif()), {})


class GifTests(SimpleTestCase):
    def test_comments_and_xmp_go_the_animation_stays(self):
        frames = [
            Image.new("RGB", (30, 20), colour) for colour in ("red", "blue", "red")
        ]
        buffer = BytesIO()
        frames[0].save(
            buffer,
            "GIF",
            save_all=True,
            append_images=frames[1:],
            loop=0,
            duration=100,
            comment=b"taken at home",
        )
        data = buffer.getvalue()
        # An XMP application extension, as editing programs write it.
        xmp = b"\x21\xff\x0bXMP DataXMP" + bytes([len(XMP)]) + XMP + b"\x00"
        data = data[:-1] + xmp + data[-1:]
        cleaned = clean_image(data)
        self.assertNotIn(b"taken at home", cleaned)
        self.assertNotIn(b"GPSLatitude", cleaned)
        image = Image.open(BytesIO(cleaned))
        self.assertEqual(image.n_frames, 3)
        self.assertEqual(image.info["loop"], 0)


class OtherFilesTests(SimpleTestCase):
    def test_what_is_not_an_image_format_it_knows_is_left_alone(self):
        for data in (b"", b"%PDF-1.7 ...", b"BM\x00\x00", b"\xff\xd8 not a JPEG"):
            self.assertEqual(clean_image(data), data)
