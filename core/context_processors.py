from core.models import SiteSettings


def site(request):
    return {"site": SiteSettings.load()}
