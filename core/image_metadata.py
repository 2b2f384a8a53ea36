"""Remove what a camera or an editing program wrote into an image file.

Phones write the place a photo was taken (EXIF GPS), the device, the time
and often a thumbnail; editing programs add XMP and IPTC blocks, comments
and PNG text chunks. None of it is needed to show the picture, and the
stored original is a public file, so it is removed before it is stored.

The segments are dropped from the file as it is (JPEG markers, PNG chunks,
WebP RIFF chunks, GIF extension blocks): the pixels, the format and the
compression stay exactly as uploaded, and nothing is decoded. Kept: what
changes how the picture looks (the ICC colour profile, PNG gamma and
transparency, the Adobe marker of CMYK JPEGs, GIF looping).

The one piece of metadata that changes how a photo looks is the EXIF
orientation (a phone held upright stores the picture on its side and says
so). It is applied to the pixels before the EXIF goes, which means decoding
the image and encoding it again in its format (a JPEG with its own
quantization tables, so at its own quality). That holds the decoded image
twice (before and after the turn), so it is done up to half of
MAX_IMAGE_PIXELS, which keeps the memory an upload may take where the pixel
limit put it; a larger JPEG or PNG keeps an EXIF block with the orientation
and nothing else, which browsers and the renditions apply.
"""

import logging
import struct
import zlib
from io import BytesIO
from typing import NamedTuple

from django.conf import settings
from PIL import Image, ImageOps, JpegImagePlugin

logger = logging.getLogger(__name__)

ORIENTATION_TAG = 0x0112


class MalformedImage(ValueError):
    """The file's structure could not be followed."""


class Stripped(NamedTuple):
    data: bytes
    # EXIF block found, if any (for the orientation), as Pillow reads it.
    exif: bytes = b""


def clean_image(data):
    """`data` without metadata, its orientation applied; `data` itself when
    there was nothing to remove. Formats other than JPEG, PNG, WebP and GIF
    come back unchanged."""
    stripper = _stripper(data)
    if stripper is None:
        return data
    try:
        stripped = stripper(data)
    except (MalformedImage, struct.error, IndexError):
        logger.warning("image structure not understood; encoding it again")
        try:
            return _encoded_again(data)
        except (OSError, SyntaxError, ValueError):
            # Not an image Pillow reads either: the form refuses such files,
            # and there is no picture to take metadata out of.
            logger.warning("not an image; stored as it is")
            return data
    orientation = _orientation(stripped.exif)
    if orientation not in (None, 1):
        turned = _turned(data)
        if turned is not None:
            return stripper(turned).data
        return _with_orientation(stripped.data, orientation)
    return stripped.data


def has_metadata(data):
    """Whether clean_image() would change `data`."""
    return clean_image(data) != data


def _stripper(data):
    if data.startswith(b"\xff\xd8"):
        return strip_jpeg
    if data.startswith(PNG_SIGNATURE):
        return strip_png
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return strip_webp
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return strip_gif
    return None


def _orientation(exif):
    if not exif:
        return None
    try:
        value = Image.Exif()
        value.load(exif)
        return value.get(ORIENTATION_TAG)
    except Exception:  # noqa: BLE001 - a broken EXIF block only loses the turn
        return None


def _turned(data):
    """`data` decoded, turned upright and encoded again in its format, or
    None when the image is animated or too large to hold twice."""
    with Image.open(BytesIO(data)) as image:
        width, height = image.size
        # Turning holds the decoded image twice: up to half the pixel limit
        # that costs no more than one image at the limit.
        if width * height * 2 > settings.MAX_IMAGE_PIXELS:
            return None
        if getattr(image, "n_frames", 1) > 1:
            return None
        options = _save_options(image, data)
        image.load()
        # exif_transpose reads the orientation from the image's own EXIF.
        upright = ImageOps.exif_transpose(image)
        image_format = image.format
    buffer = BytesIO()
    upright.save(buffer, image_format, **options)
    return buffer.getvalue()


def _with_orientation(data, orientation):
    """Stripped `data` given back an EXIF block holding only its orientation
    (for images too large to turn); WebP loses the orientation instead."""
    exif = Image.Exif()
    exif[ORIENTATION_TAG] = orientation
    block = exif.tobytes()  # b"Exif\0\0" and a TIFF structure
    if data.startswith(b"\xff\xd8"):
        segment = b"\xff\xe1" + struct.pack(">H", len(block) + 2) + block
        after = 2
        if data[2:4] == b"\xff\xe0":  # after JFIF, as cameras write it
            after = 4 + struct.unpack(">H", data[4:6])[0]
        return data[:after] + segment + data[after:]
    if data.startswith(PNG_SIGNATURE):
        tiff = block.removeprefix(b"Exif\x00\x00")
        chunk = struct.pack(">I", len(tiff)) + b"eXIf" + tiff
        chunk += struct.pack(">I", zlib.crc32(chunk[4:]))
        first_data = _first_png_chunk(data, b"IDAT")
        return data[:first_data] + chunk + data[first_data:]
    logger.warning("orientation %s not kept: image too large to turn", orientation)
    return data


def _save_options(image, data):
    """Encoder options that keep `image`'s colour profile and quality."""
    options = {}
    if image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    if image.format == "JPEG":
        options["qtables"] = image.quantization
        options["subsampling"] = JpegImagePlugin.get_sampling(image)
        if image.info.get("progressive"):
            options["progressive"] = True
    elif image.format == "WEBP":
        # A lossless WebP has a VP8L bitstream, a lossy one VP8 (with ALPH).
        lossless = b"VP8L" in data and b"VP8 " not in data
        options["lossless"] = lossless
        options["quality"] = 100 if lossless else 90
    elif image.format == "PNG":
        for key in ("transparency", "gamma", "dpi"):
            if key in image.info:
                options[key] = image.info[key]
    return options


def _encoded_again(data):
    """The last resort for a file whose segments could not be followed:
    the picture decoded and encoded again, upright, with no metadata."""
    with Image.open(BytesIO(data)) as image:
        width, height = image.size
        if width * height > settings.MAX_IMAGE_PIXELS:
            raise MalformedImage("too many pixels to encode again")
        options = _save_options(image, data)
        image.load()
        upright = ImageOps.exif_transpose(image)
        image_format = image.format
    if image_format == "JPEG" and upright.mode not in ("RGB", "L", "CMYK"):
        upright = upright.convert("RGB")
    buffer = BytesIO()
    upright.save(buffer, image_format, **options)
    return buffer.getvalue()


# JPEG ----------------------------------------------------------------------

# Markers without a length field.
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
_SOS, _EOI, _COM, _APP0, _APP1, _APP2, _APP14 = 0xDA, 0xD9, 0xFE, 0xE0, 0xE1, 0xE2, 0xEE


def strip_jpeg(data):
    """Drop APPn segments other than JFIF, the ICC profile and Adobe's, all
    comments, and whatever follows the end of the image (phones append
    further pictures there, each with its own EXIF)."""
    out = bytearray(data[:2])
    exif = b""
    position = 2
    size = len(data)
    while position < size:
        if data[position] != 0xFF:
            raise MalformedImage("marker expected")
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in _STANDALONE:
            out += data[position : position + 2]
            position += 2
            continue
        if marker == _EOI:
            out += b"\xff\xd9"
            return Stripped(bytes(out), exif)
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        end = position + 2 + length
        if length < 2 or end > size:
            raise MalformedImage("segment runs past the end")
        payload = data[position + 4 : end]
        if marker == _APP1 and payload.startswith(b"Exif\x00\x00") and not exif:
            exif = payload
        if _keep_jpeg_segment(marker, payload):
            out += data[position:end]
        position = end
        if marker == _SOS:
            # Entropy-coded data: runs to the next marker, that is to an FF
            # not followed by a stuffed 00 or a restart marker.
            scan_end = _scan_end(data, position)
            out += data[position:scan_end]
            position = scan_end
    raise MalformedImage("no end of image")


def _keep_jpeg_segment(marker, payload):
    if marker == _COM or 0xE0 <= marker <= 0xEF:
        if marker == _APP0:
            return payload.startswith(b"JFIF\x00")
        if marker == _APP2:
            return payload.startswith(b"ICC_PROFILE\x00")
        return marker == _APP14 and payload.startswith(b"Adobe")
    return True


def _scan_end(data, position):
    while True:
        position = data.find(b"\xff", position)
        if position < 0 or position + 1 >= len(data):
            raise MalformedImage("scan runs past the end")
        following = data[position + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            position += 2
            continue
        return position


# PNG -----------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Text (with XMP and software names), EXIF and the modification time.
_PNG_DROPPED = frozenset({b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"})


def strip_png(data):
    out = bytearray(PNG_SIGNATURE)
    exif = b""
    position = len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        end = position + 12 + length
        if end > len(data):
            raise MalformedImage("chunk runs past the end")
        if kind == b"eXIf" and not exif:
            exif = data[position + 8 : position + 8 + length]
        if kind not in _PNG_DROPPED:
            out += data[position:end]
        position = end
        if kind == b"IEND":
            return Stripped(bytes(out), exif)
    raise MalformedImage("no IEND chunk")


def _first_png_chunk(data, wanted):
    position = len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        if kind == wanted:
            return position
        position += 12 + length
    raise MalformedImage(f"no {wanted!r} chunk")


# WebP ----------------------------------------------------------------------

_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


def strip_webp(data):
    (riff_size,) = struct.unpack("<I", data[4:8])
    end_of_file = min(len(data), 8 + riff_size)
    chunks = []
    exif = b""
    position = 12
    while position + 8 <= end_of_file:
        kind = data[position : position + 4]
        (length,) = struct.unpack("<I", data[position + 4 : position + 8])
        end = position + 8 + length + (length & 1)
        if position + 8 + length > end_of_file:
            raise MalformedImage("chunk runs past the end")
        chunk = data[position:end]
        if kind == b"EXIF":
            exif = exif or data[position + 8 : position + 8 + length]
        elif kind == b"XMP ":
            pass
        elif kind == b"VP8X":
            flags = chunk[8] & ~(_VP8X_EXIF | _VP8X_XMP)
            chunks.append(chunk[:8] + bytes([flags]) + chunk[9:])
        else:
            chunks.append(chunk)
        position = end
    body = b"WEBP" + b"".join(chunks)
    return Stripped(b"RIFF" + struct.pack("<I", len(body)) + body, exif)


# GIF -----------------------------------------------------------------------

# Application extensions that change how the animation plays or its colours.
_GIF_KEPT_APPLICATIONS = (b"NETSCAPE2.0", b"ANIMEXTS1.0", b"ICCRGBG1012")


def strip_gif(data):
    """Drop comment extensions and application extensions (XMP is one)
    other than looping and the colour profile."""
    flags = data[10]
    position = 13
    if flags & 0x80:
        position += 3 * (2 ** ((flags & 0x07) + 1))
    out = bytearray(data[:position])
    while position < len(data):
        introducer = data[position]
        if introducer == 0x3B:  # trailer
            out.append(0x3B)
            return Stripped(bytes(out))
        if introducer == 0x21:
            label = data[position + 1]
            end = _sub_blocks_end(data, position + 2)
            keep = label not in (0xFE, 0xFF)
            if label == 0xFF:
                identifier = data[position + 3 : position + 3 + data[position + 2]]
                keep = identifier in _GIF_KEPT_APPLICATIONS
            if keep:
                out += data[position:end]
            position = end
        elif introducer == 0x2C:
            descriptor_flags = data[position + 9]
            start = position + 10
            if descriptor_flags & 0x80:
                start += 3 * (2 ** ((descriptor_flags & 0x07) + 1))
            end = _sub_blocks_end(data, start + 1)  # after the LZW code size
            out += data[position:end]
            position = end
        else:
            raise MalformedImage("unknown GIF block")
    raise MalformedImage("no GIF trailer")


def _sub_blocks_end(data, position):
    while True:
        if position >= len(data):
            raise MalformedImage("sub-blocks run past the end")
        length = data[position]
        position += 1 + length
        if length == 0:
            return position
