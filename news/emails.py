"""Emails to authors about their articles, written from templates.

Each email is three templates in templates/news/email/: `<name>_subject.txt`,
`<name>.txt` and `<name>.html`. They are rendered in the recipient's
language (core.models.language_of: the language of their last sign-in to
the admin, else the site's default) and sent once the transaction that
changed the article commits, so a rolled-back change sends nothing and a
mail server that fails does not undo the change.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.models import language_of
from core.structured_data import html_lang

# What the review decided.
PUBLISHED = "published"
SENT_BACK = "sent_back"

# What became of the author's notice.
SENT = "sent"
NO_ADDRESS = "no_address"


def tell_author(article, reviewer, outcome, *, base_url=None):
    """Queue the review outcome for the article's author.

    Returns SENT, NO_ADDRESS (the caller should tell the author another
    way), or None when there is nobody to tell (no author, or the reviewer
    is the author).
    """
    author = article.author
    if author is None or author.pk == reviewer.pk:
        return None
    if not author.email:
        return NO_ADDRESS
    message = review_outcome(article, reviewer, outcome, base_url=base_url)
    transaction.on_commit(message.send, robust=True)
    return SENT


def review_outcome(article, reviewer, outcome, *, base_url=None):
    """The email telling `article.author` what the review decided."""
    author = article.author
    base_url = (base_url or settings.SITE_URL).rstrip("/")
    with translation.override(language_of(author)):
        if outcome == PUBLISHED:
            # The public page, in the article's own language.
            with translation.override(article.language):
                link = base_url + article.get_absolute_url()
        else:
            link = base_url + reverse("admin:news_article_change", args=[article.pk])
        context = {
            "article": article,
            "author": author.get_full_name() or author.get_username(),
            "reviewer": reviewer.get_full_name() or reviewer.get_username(),
            "link": link,
            "is_scheduled": article.is_scheduled(),
        }
        return render_email(outcome, context, [author.email])


def render_email(name, context, to):
    """An email from the templates news/email/<name>*, in the active language."""
    subject = render_to_string(f"news/email/{name}_subject.txt", context)
    context = {
        **context,
        "subject": " ".join(subject.split()),
        "html_lang": html_lang(translation.get_language()),
    }
    message = EmailMultiAlternatives(
        subject=context["subject"],
        body=render_to_string(f"news/email/{name}.txt", context),
        to=to,
    )
    message.attach_alternative(
        render_to_string(f"news/email/{name}.html", context), "text/html"
    )
    return message
