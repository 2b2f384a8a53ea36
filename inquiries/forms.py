import re

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from inquiries.models import (
    INVESTOR_FIELDS,
    MESSAGE_MAX_LENGTH,
    PROJECT_FIELDS,
    Inquiry,
)

LINK_PATTERN = re.compile(r"https?://|www\.", re.IGNORECASE)
STAMP_SALT = "inquiries.form-started"
# A form older than this asks to be sent again (the token is refreshed).
STAMP_MAX_AGE = 24 * 3600

# What a project page (or any link) may pre-fill through the query string.
PREFILL_FIELDS = ("industry", "investment", "space_needed", "timeline", "message")


def started_stamp():
    return signing.TimestampSigner(salt=STAMP_SALT).sign(
        str(int(timezone.now().timestamp()))
    )


class InquiryForm(forms.ModelForm):
    # Bots fill every field; people never see this one (hidden by CSS and
    # from screen readers) and leave it empty.
    homepage = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200
    )
    started = forms.CharField(widget=forms.HiddenInput)
    consent = forms.BooleanField(
        label=_(
            "I agree that the zone's administrators and the portal's editors "
            "see this inquiry and my contact details to answer it."
        ),
        required=True,
    )

    class Meta:
        model = Inquiry
        fields = (*INVESTOR_FIELDS, *PROJECT_FIELDS, "message")
        widgets = {
            "message": forms.Textarea(
                attrs={"rows": 8, "maxlength": MESSAGE_MAX_LENGTH}
            ),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "country": forms.TextInput(attrs={"autocomplete": "country-name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "industry": forms.TextInput(attrs={"list": "zone-industries"}),
        }
        help_texts = {
            "space_needed": _(
                "For example: 50 mu of industrial land, or 5,000 m² of factory space."
            ),
            "message": _("Plain text, up to 5,000 characters."),
            "language": _("We write to you in this language."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["investment"].choices = [("", "---------")] + list(
            Inquiry.Investment.choices
        )
        self.fields["timeline"].choices = [("", "---------")] + list(
            Inquiry.Timeline.choices
        )
        self.fields["jobs"].min_value = 0
        self.fields["started"].initial = started_stamp()
        self.fields["homepage"].widget.attrs.update(
            {"tabindex": "-1", "autocomplete": "off"}
        )

    def clean_homepage(self):
        if self.cleaned_data["homepage"]:
            raise forms.ValidationError(_("Leave this field empty."), code="honeypot")
        return ""

    def clean_started(self):
        signer = signing.TimestampSigner(salt=STAMP_SALT)
        try:
            started = int(
                signer.unsign(self.cleaned_data["started"], max_age=STAMP_MAX_AGE)
            )
        except (signing.BadSignature, ValueError):
            raise forms.ValidationError(
                _("This form has expired. Check your entries and send it again."),
                code="expired",
            ) from None
        if timezone.now().timestamp() - started < settings.INQUIRY_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("That was very fast. Check your entries and send the form again."),
                code="too_fast",
            )
        return started

    def clean_message(self):
        message = self.cleaned_data["message"]
        links = len(LINK_PATTERN.findall(message))
        limit = settings.INQUIRY_MAX_LINKS
        if links > limit:
            raise forms.ValidationError(
                ngettext(
                    "Please include at most %(limit)d link.",
                    "Please include at most %(limit)d links.",
                    limit,
                )
                % {"limit": limit},
                code="links",
            )
        return message

    def _post_clean(self):
        super()._post_clean()
        if self.has_error("started", "expired"):
            # A fresh stamp, so that sending again can succeed.
            self.data = self.data.copy()
            self.data["started"] = started_stamp()

    def inquiry_fields(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class FollowUpForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MESSAGE_MAX_LENGTH}),
    )
