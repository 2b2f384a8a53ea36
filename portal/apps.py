from django.apps import AppConfig


class PortalConfig(AppConfig):
    # No models: views, the sitemap index and the home page template.
    name = "portal"
