from django.core.management.base import BaseCommand

from inquiries import emails, workflow


class Command(BaseCommand):
    help = (
        "Remind zones of overdue inquiries, escalate to the editors at twice the "
        "response time, and retry emails that failed. Safe to run every few minutes."
    )

    def handle(self, *args, **options):
        with emails.sending_inline():
            sent, failed = emails.retry_unsent()
            reminded, escalated = workflow.send_reminders()
        if options["verbosity"]:
            self.stdout.write(
                f"Reminded {reminded}, escalated {escalated}; "
                f"emails sent {sent}, failed {failed}."
            )
        if failed:
            self.stderr.write(self.style.WARNING(f"{failed} emails still failing."))
