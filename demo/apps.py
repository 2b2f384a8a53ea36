from django.apps import AppConfig


class DemoConfig(AppConfig):
    # No models: the app only brings its commands and its content.
    name = "demo"
