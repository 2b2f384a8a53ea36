from django.urls import path

from projects import views
from projects.feeds import LatestProjectsFeed

app_name = "projects"
urlpatterns = [
    path("", views.ProjectListView.as_view(), name="index"),
    path("<int:pk>/", views.ProjectDetailView.as_view(), name="detail"),
    path("feed/", LatestProjectsFeed(), name="feed"),
]
