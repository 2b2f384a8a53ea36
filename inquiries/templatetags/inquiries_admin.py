"""The admin index's inquiry figures, for whoever can act on them."""

from django import template
from django.contrib import admin
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from inquiries.models import Inquiry

register = template.Library()


@register.simple_tag(takes_context=True)
def inquiry_summary(context):
    """Waiting and overdue inquiries among those the user may see. One query;
    the admin's queryset keeps a zone administrator to their zones."""
    request = context.get("request")
    if request is None or not request.user.has_perm("inquiries.change_inquiry"):
        return None
    model_admin = admin.site.get_model_admin(Inquiry)
    now = timezone.now()
    figures = (
        model_admin.get_queryset(request)
        .waiting()
        .aggregate(waiting=Count("pk"), overdue=Count("pk", filter=Q(due_at__lte=now)))
    )
    changelist = reverse("admin:inquiries_inquiry_changelist")
    return {
        **figures,
        "waiting_url": f"{changelist}?clock=waiting",
        "overdue_url": f"{changelist}?clock=overdue",
    }
