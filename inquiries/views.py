from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.lockout import client_address
from inquiries import ratelimit, workflow
from inquiries.forms import PREFILL_FIELDS, FollowUpForm, InquiryForm
from inquiries.models import Inquiry
from zones.models import Zone


def _zone_breadcrumbs(zone, label):
    return [
        {"label": _("Development zones"), "url": reverse("zones:index")},
        {"label": zone.display_name, "url": zone.get_absolute_url()},
        {"label": label, "url": ""},
    ]


@never_cache
def inquire(request, slug):
    """The inquiry form of one zone; a valid one is stored and confirmed."""
    zone = get_object_or_404(Zone.objects.published(), slug=slug)
    if request.method == "POST":
        form = InquiryForm(request.POST)
        if form.is_valid():
            # The sign-in lockout's reading of the address (TRUSTED_PROXY_COUNT).
            address = client_address(request)
            email = form.cleaned_data["email"]
            if ratelimit.is_limited(address, email):
                form.add_error(
                    None,
                    _(
                        "You have sent several inquiries in the last hour. "
                        "Your text is still here: please send it again later."
                    ),
                )
            else:
                inquiry = workflow.submit(zone, **form.inquiry_fields())
                ratelimit.count(address, email)
                return redirect("inquiries:sent", token=inquiry.token)
    else:
        initial = {"language": get_language()}
        initial.update(
            (name, request.GET[name][:500])
            for name in PREFILL_FIELDS
            if request.GET.get(name)
        )
        form = InquiryForm(initial=initial)
    return render(
        request,
        "inquiries/inquire.html",
        {
            "zone": zone,
            "form": form,
            "industries": zone.industry_list(),
            "breadcrumbs": _zone_breadcrumbs(zone, _("Contact the investment office")),
            "nav_section": "zones",
        },
    )


def _private(response):
    """Someone's own page: no shared cache, no search engine."""
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _tracked(token):
    return get_object_or_404(
        Inquiry.objects.select_related("zone").exclude(status=Inquiry.Status.SPAM),
        token=token,
    )


def sent(request, token):
    inquiry = _tracked(token)
    return _private(
        render(
            request,
            "inquiries/sent.html",
            {"inquiry": inquiry, "zone": inquiry.zone, "nav_section": "zones"},
        )
    )


def track(request, token):
    """The investor's private page: status, replies, follow-up, close."""
    inquiry = _tracked(token)
    form = FollowUpForm()
    if request.method == "POST":
        if "close" in request.POST:
            if workflow.close(None, inquiry):
                messages.success(request, _("Your inquiry is closed. Thank you."))
            return redirect(inquiry)
        if not inquiry.accepts_follow_up():
            messages.error(request, _("This inquiry is closed."))
            return redirect(inquiry)
        form = FollowUpForm(request.POST)
        if form.is_valid():
            workflow.follow_up(inquiry, form.cleaned_data["body"])
            messages.success(request, _("Your message was sent to the zone."))
            return redirect(inquiry)
    thread = [
        message
        for message in inquiry.messages.select_related("author")
        if message.is_public()
    ]
    return _private(
        render(
            request,
            "inquiries/track.html",
            {
                "inquiry": inquiry,
                "zone": inquiry.zone,
                "thread": thread,
                "form": form,
                "nav_section": "zones",
            },
        )
    )
