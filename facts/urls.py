from django.urls import path

from facts import views

app_name = "facts"

# Mounted at /zones/ before the zones app's URLs, so that "compare" is never
# read as a zone's slug.
urlpatterns = [
    path("compare/", views.compare, name="compare"),
    path("compare/download.csv", views.compare_csv, name="compare-csv"),
    path("compare/download.xlsx", views.compare_xlsx, name="compare-xlsx"),
    path("compare/add/<slug:slug>/", views.compare_add, name="compare-add"),
    path("compare/clear/", views.compare_clear, name="compare-clear"),
    path("statistics/", views.statistics, name="statistics"),
]
