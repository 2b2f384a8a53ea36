from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    name = "inquiries"
    verbose_name = _("inquiries")

    def ready(self):
        from inquiries.stats import compare_rows
        from zones.extensions import register_compare_rows

        # The compare page (facts) shows how fast each zone answers; facts
        # cannot import this app, so the row comes through zones.
        register_compare_rows(compare_rows)
