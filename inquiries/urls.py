from django.urls import path

from inquiries import views

app_name = "inquiries"

urlpatterns = [
    path("zones/<slug:slug>/inquire/", views.inquire, name="inquire"),
    path("inquiries/<str:token>/", views.track, name="track"),
    path("inquiries/<str:token>/sent/", views.sent, name="sent"),
]
