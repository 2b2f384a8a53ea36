"""The review workflow and the recycle bin: one function per transition.

Each function checks that `user` may make the change, changes the row in a
transaction, keeps a version of it in its own revision (so restoring that
version can never reach another article) and queues the author's email to
be sent once the transaction commits. The admin's buttons and actions call
these functions; a management command or an API would call them the same
way, so none of them repeats a rule.

Permission is judged by the row as stored, not by the unsaved edits the
caller may hand in with the article (an admin form applies the posted
status to the instance before saving it).

    from news import workflow

    workflow.submit(article, user)
    workflow.send_back(article, reviewer, "请补充投资额。")
    workflow.publish(article, reviewer)
"""

from dataclasses import dataclass

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import roles
from news import emails
from news.models import Article, ArticleImage

Status = Article.Status


class NotAllowed(PermissionDenied):
    """The user may not make this change to this article (in its state)."""


@dataclass(frozen=True)
class Done:
    """What a transition did, for the caller to tell the user."""

    article: Article
    previous_status: str | None
    # emails.SENT, emails.NO_ADDRESS, or None when nobody was to be told.
    author_notice: str | None = None


# Who may do what, judged by the stored row.


def stored(article):
    """(status, zone id, deleted_at) of the article as stored, or None."""
    if article.pk is None:
        return None
    return (
        Article.objects.filter(pk=article.pk)
        .values_list("status", "zone_id", "deleted_at")
        .first()
    )


def may_edit(user, status, zone_id):
    """May `user` change an article in this state of this zone?"""
    if not roles.can_access_zone(user, zone_id):
        return False
    # Where an editor reviews, a published article is the editor's.
    return status != Status.PUBLISHED or roles.can_publish(user, zone_id)


def _check(user, article, permission, rule, message):
    state = stored(article)
    status, zone_id, deleted_at = (
        state if state is not None else (Status.DRAFT, article.zone_id, None)
    )
    if not user.has_perm(permission) or not may_edit(user, status, zone_id):
        raise NotAllowed(message)
    # A zone the caller moves the article to must be theirs as well.
    if article.zone_id != zone_id and not roles.can_access_zone(user, article.zone_id):
        raise NotAllowed(message)
    if not rule(status, deleted_at):
        raise NotAllowed(message)
    return status


def has_image(article):
    """Picture news needs a cover or a gallery image before it goes live."""
    if article.kind != Article.Kind.PICTURE or article.cover:
        return True
    return article.pk is not None and article.images.exists()


def _save(article, user, comment):
    """Save in a transaction with a version of its own.

    Inside an admin change form, the form's revision is already open: the
    version joins it, with the inlines the form saves next (same article).
    """
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        # Stored untranslated, like Django's change messages: the history
        # page translates it for whoever reads it.
        with translation.override(None):
            reversion.set_comment(str(comment))
        article.save()


# The review workflow.


def submit(article, user):
    """Draft → submitted for review."""
    previous = _check(
        user,
        article,
        "news.change_article",
        lambda status, deleted_at: status != Status.SUBMITTED and deleted_at is None,
        gettext("This article is already awaiting review."),
    )
    article.status = Status.SUBMITTED
    article.submitted_at = timezone.now()
    if article.author_id is None:
        article.author = user
    _save(article, user, _("Submitted for review."))
    return Done(article, previous)


def withdraw(article, user):
    """Submitted → draft, by someone who is not its reviewer (its author)."""
    previous = _check(
        user,
        article,
        "news.change_article",
        lambda status, deleted_at: status == Status.SUBMITTED,
        gettext("Only an article awaiting review can be withdrawn."),
    )
    article.status = Status.DRAFT
    _save(article, user, _("Withdrawn from review."))
    return Done(article, previous)


def send_back(article, user, comment, *, base_url=None):
    """Submitted → draft with the reviewer's comment; the author is told.

    The comment should say what to change (the admin's button requires one).
    """
    previous = _check(
        user,
        article,
        "news.change_article",
        lambda status, deleted_at: status == Status.SUBMITTED,
        gettext("Only an article awaiting review can be sent back."),
    )
    if not roles.can_publish(user, article.zone_id):
        raise NotAllowed(gettext("Only a reviewer can send an article back."))
    article.status = Status.DRAFT
    article.review_comment = comment
    _record_review(article, user)
    _save(article, user, _("Sent back to the author."))
    notice = emails.tell_author(article, user, emails.SENT_BACK, base_url=base_url)
    return Done(article, previous, notice)


def publish(article, user, *, at=None, base_url=None, images_checked=False):
    """Make the article live; the author of a reviewed article is told.

    The publish time becomes now unless someone chose it by hand
    (`is_publish_time_chosen`): a long review must not backdate the
    article, and a time set on purpose (a schedule, the date of a
    republished item) is kept. Publishing an article that is already
    published (a scheduled one) brings it forward to now.

    `at` sets the time explicitly (restoring a version keeps its time).
    Picture news needs an image; pass `images_checked` when the caller has
    checked gallery images it saves after the article (the admin form).
    """
    previous = _check(
        user,
        article,
        "news.change_article",
        lambda status, deleted_at: deleted_at is None,
        gettext("An article in the recycle bin cannot be published."),
    )
    if not roles.can_publish(user, article.zone_id):
        raise NotAllowed(
            gettext(
                "You may not publish this article: an editor reviews this "
                "zone's articles first. Submit it for review instead."
            )
        )
    if not images_checked and not has_image(article):
        raise NotAllowed(gettext("Picture news needs at least one image."))
    article.status = Status.PUBLISHED
    if at is not None:
        article.published_at = at
    elif previous == Status.PUBLISHED or not article.is_publish_time_chosen:
        article.published_at = timezone.now()
    reviewed = previous == Status.SUBMITTED
    if reviewed:
        article.review_comment = ""
        _record_review(article, user)
    _save(article, user, _("Published."))
    notice = None
    if reviewed:
        notice = emails.tell_author(article, user, emails.PUBLISHED, base_url=base_url)
    return Done(article, previous, notice)


def unpublish(article, user):
    """Published → draft."""
    previous = _check(
        user,
        article,
        "news.change_article",
        lambda status, deleted_at: status == Status.PUBLISHED,
        gettext("Only a published article can be unpublished."),
    )
    if not roles.can_publish(user, article.zone_id):
        raise NotAllowed(gettext("Only a reviewer can unpublish this article."))
    article.status = Status.DRAFT
    _save(article, user, _("Unpublished."))
    return Done(article, previous)


def set_featured(article, user, value):
    """Feature the article on the home page, or stop featuring it."""
    _check(
        user,
        article,
        "news.publish_article",
        lambda status, deleted_at: True,
        gettext("Only editors choose what the home page features."),
    )
    article.is_featured = value
    _save(article, user, _("Featured.") if value else _("No longer featured."))
    return Done(article, article.status)


def _record_review(article, user):
    article.reviewed_at = timezone.now()
    article.reviewed_by = user


def publishable(queryset):
    """The articles of `queryset` that have what publishing needs (an image
    for picture news), and the ids of those that do not, in two queries."""
    has_gallery = ArticleImage.objects.filter(article=OuterRef("pk"))
    imageless = set(
        queryset.filter(kind=Article.Kind.PICTURE, cover="")
        .exclude(Exists(has_gallery))
        .values_list("pk", flat=True)
    )
    return queryset.exclude(pk__in=imageless), imageless


# The recycle bin.


def move_to_bin(article, user):
    """Hide the article from readers; it can be restored."""
    previous = _check(
        user,
        article,
        "news.delete_article",
        lambda status, deleted_at: deleted_at is None,
        gettext("Only an article outside the recycle bin can be moved there."),
    )
    article.deleted_at = timezone.now()
    _save(article, user, _("Moved to the recycle bin."))
    return Done(article, previous)


def restore(article, user):
    """Take the article out of the recycle bin, as it was."""
    previous = _check(
        user,
        article,
        "news.change_article",
        lambda status, deleted_at: deleted_at is not None,
        gettext("Only an article in the recycle bin can be restored."),
    )
    article.deleted_at = None
    _save(article, user, _("Restored from the recycle bin."))
    return Done(article, previous)


def may_purge(user):
    return user.is_superuser


def purge(articles, user):
    """Delete articles in the recycle bin for ever (platform administrators).

    Returns how many were deleted; articles outside the bin are left alone.
    django-reversion keeps their last version for the recover page.
    """
    if not may_purge(user):
        raise NotAllowed(gettext("Only a platform administrator purges articles."))
    count = 0
    with transaction.atomic():
        for article in articles:
            if article.deleted_at is not None:
                article.delete()
                count += 1
    return count
