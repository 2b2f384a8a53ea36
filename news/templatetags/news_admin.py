"""Admin index figures for the review workflow."""

from django import template
from django.contrib import admin
from django.db.models import Count, Q
from django.urls import reverse

from news.models import Article

register = template.Library()


@register.simple_tag(takes_context=True)
def review_summary(context):
    """Articles awaiting review and sent back, among those the user may see.

    One query; the admin's own queryset keeps a zone administrator's figures
    to their zones.
    """
    request = context.get("request")
    if request is None or not request.user.has_perm("news.view_article"):
        return None
    model_admin = admin.site.get_model_admin(Article)
    figures = (
        model_admin.get_queryset(request)
        .filter(deleted_at__isnull=True)
        .aggregate(
            awaiting=Count("pk", filter=Q(status=Article.Status.SUBMITTED)),
            sent_back=Count(
                "pk",
                filter=Q(status=Article.Status.DRAFT) & ~Q(review_comment=""),
            ),
        )
    )
    changelist = reverse("admin:news_article_changelist")
    return {
        **figures,
        "queue_url": f"{changelist}?queue=review",
        "sent_back_url": f"{changelist}?queue=sent-back",
    }
