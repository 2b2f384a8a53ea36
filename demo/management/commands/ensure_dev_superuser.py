from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a development superuser if no superuser exists, and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default="investportal-dev")

    def handle(self, *args, username, password, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            if User.objects.filter(username=username, is_superuser=True).exists():
                self.stdout.write(
                    f"Admin login: {username} / {password} (unless you changed it)"
                )
            else:
                self.stdout.write("A superuser exists already; none created.")
            return
        User.objects.create_superuser(username, "admin@example.com", password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created superuser. Admin login: {username} / {password}"
            )
        )
