from django.urls import path

from zones import views

app_name = "zones"

urlpatterns = [
    path("", views.ZoneListView.as_view(), name="index"),
    path("region/<slug:slug>/", views.RegionZoneListView.as_view(), name="region"),
    path("<slug:slug>/", views.ZoneDetailView.as_view(), name="detail"),
]
