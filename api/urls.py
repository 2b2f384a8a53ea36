from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from api import views

app_name = "api"

router = SimpleRouter()
router.register("regions", views.RegionViewSet, basename="region")
router.register("zones", views.ZoneViewSet, basename="zone")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("projects", views.ProjectViewSet, basename="project")
router.register("figures", views.FigureViewSet, basename="figure")
router.register("incentives", views.IncentiveViewSet, basename="incentive")

urlpatterns = [
    path("", views.root, name="root"),
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("docs/", views.docs, name="docs"),
    *router.urls,
    re_path(r"^(?P<path>.*)$", views.not_found),
]
